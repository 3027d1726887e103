"""HQ is layered: HTTP (api, console) and CLI on top of services, services on top of storage.

Read from the import lines themselves (ast), so a new module cannot quietly reach upwards.
"""

import ast
from pathlib import Path

HQ = Path(__file__).resolve().parents[2] / "hq"

# what each layer may never import
FORBIDDEN = {
    "storage": {"services", "api", "console", "cli", "app"},
    "services": {"api", "console", "cli", "app"},
    "api": {"cli"},
    "console": {"cli"},
}


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "hq" else None


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every hq module a file imports, relative imports resolved, with its line number."""
    package = list(path.relative_to(HQ.parent).with_suffix("").parts)[:-1]  # a module's or __init__'s package
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found += [(node.lineno, f"{module}.{a.name}") for a in node.names]
    return [(line, m) for line, m in found if m.startswith("hq.")]


def _layer_files():
    for layer in FORBIDDEN:
        yield from ((layer, p) for p in (HQ / layer).rglob("*.py"))


def test_no_layer_imports_a_layer_above_it():
    breaches = [
        f"{path.relative_to(HQ.parent)}:{line} imports {module}"
        for layer, path in _layer_files()
        for line, module in _imports(path)
        if _layer_of(module) in FORBIDDEN[layer]
    ]
    assert breaches == []


def test_every_layer_says_what_it_holds_and_who_may_import_it():
    for layer in FORBIDDEN:
        doc = ast.get_docstring(ast.parse((HQ / layer / "__init__.py").read_text())) or ""
        assert "Layer rule" in doc, layer


def test_the_rule_checker_sees_an_upward_import(tmp_path, monkeypatch):
    fake = tmp_path / "hq" / "storage"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from ..services import apply\nfrom . import db\n")
    monkeypatch.setitem(globals(), "HQ", tmp_path / "hq")
    assert [m for _, m in _imports(fake / "bad.py")] == ["hq.services.apply", "hq.storage.db"]
