"""Dependencies point one way (docs/ARCHITECTURE.md): the loyalty core imports no app; the till's window
reaches its use cases only through the service API; use cases never reach the store, sync or the
window; HQ's HTTP, console and CLI sit on its services, its services on its storage; HQ never imports
the till.

Read from the import lines themselves (ast), relative imports resolved, so a new module cannot quietly
reach across. Imports under `if TYPE_CHECKING:` are for the type checker only and are not counted
(the unit of work's protocol names the store's repositories that way)."""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("loyalty_core", "sqlite_setup", "pos_app", "hq")
FRAMEWORKS = ("sqlalchemy", "alembic", "PySide6", "requests", "fastapi", "starlette", "uvicorn", "psycopg")


@dataclass(frozen=True)
class Rule:
    """Modules under `where` may import first-party code only under `may` (prefixes), and none of `never`."""

    where: str
    may: tuple[str, ...] = ()
    never: tuple[str, ...] = ()
    why: str = ""


RULES = [
    Rule("loyalty_core", may=("loyalty_core",), never=FRAMEWORKS, why="plain Python shared by the till, HQ and the app"),
    Rule("sqlite_setup", may=("sqlite_setup",), why="one SQLite engine set-up, below both apps"),
    Rule("pos_app.services", may=("loyalty_core", "pos_app.services"), never=("sqlalchemy", "PySide6", "requests"),
         why="use cases see the store only through the unit of work they are given"),
    Rule("pos_app.store", may=("loyalty_core", "sqlite_setup", "pos_app.store", "pos_app.privacy"),
         why="the store adapter knows nothing of sync, the window or the use cases"),
    Rule("pos_app.sync", may=("loyalty_core", "pos_app.sync", "pos_app.services", "pos_app.store", "pos_app.config",
                              "pos_app.privacy"), never=("PySide6",),
         why="sync reports through callbacks; the window's bridge turns them into signals"),
    Rule("pos_app.ui", may=("loyalty_core", "pos_app.ui", "pos_app.services=", "pos_app.config", "pos_app.resources"),
         why="the window uses the service API (the package's names, not its modules) and is handed the builder"),
    Rule("pos_app.cli", may=("loyalty_core", "pos_app.cli", "pos_app.services", "pos_app.sync", "pos_app.store",
                             "pos_app.config", "pos_app.bootstrap"), never=("PySide6",), why="the ops CLI has no window"),
    Rule("hq", never=("pos_app", "PySide6"), why="HQ never imports the till"),
    Rule("hq.storage", may=("loyalty_core", "sqlite_setup", "hq.storage"), why="storage sits under everything in HQ"),
    Rule("hq.services", may=("loyalty_core", "hq.storage", "hq.services"), why="use cases sit on storage"),
    Rule("hq.api", may=("loyalty_core", "hq.api", "hq.services", "hq.storage"), why="HTTP sits on services"),
    Rule("hq.console", may=("loyalty_core", "hq.console", "hq.services", "hq.api", "hq.storage"),
         never=("sqlalchemy", "hq.storage.schema"),
         why="the console sits on services and runs no SQL of its own (it opens transactions with hq.storage.db)"),
]


@dataclass(frozen=True)
class Import:
    line: int
    module: str  # what the import statement names: `from X import y` -> X; `import X.y` -> X.y


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, root: Path = ROOT) -> list[Import]:
    """What a file imports at run time, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    type_only = {id(n) for node in ast.walk(tree) if _is_type_checking(node) for n in ast.walk(node)}
    found = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            found += [Import(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found += [Import(node.lineno, _submodule(root, module, a.name)) for a in node.names]
    return found


def _submodule(root: Path, module: str, name: str) -> str:
    """`from pos_app import config` imports the module pos_app.config; `from pos_app.services import X`
    imports a name of the package pos_app.services."""
    path = root.joinpath(*module.split("."), name)
    return f"{module}.{name}" if path.with_suffix(".py").exists() or path.is_dir() else module


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def allowed(rule: Rule, module: str) -> bool:
    top = module.split(".")[0]
    if any(module == n or module.startswith(n + ".") for n in rule.never):
        return False
    if top not in PACKAGES or not rule.may:
        return True
    for prefix in rule.may:
        if prefix.endswith("="):  # this package's own names only, not its modules
            if module == prefix[:-1]:
                return True
        elif module == prefix or module.startswith(prefix + "."):
            return True
    return False


def breaches(root: Path = ROOT) -> list[str]:
    """One line per forbidden import (the first rule it breaks)."""
    found: dict[tuple[Path, int], str] = {}
    for rule in RULES:
        folder = root.joinpath(*rule.where.split("."))
        for path in sorted(folder.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for imp in imports(path, root):
                if not allowed(rule, imp.module):
                    text = f"{path.relative_to(root)}:{imp.line} imports {imp.module} ({rule.where}: {rule.why})"
                    found.setdefault((path, imp.line), text)
    return list(found.values())


def test_no_module_imports_across_its_layer():
    assert breaches() == []


def test_every_package_says_what_it_may_import():
    for name in ("hq/storage", "hq/services", "hq/api", "hq/console", "pos_app/services", "pos_app/ui"):
        doc = ast.get_docstring(ast.parse((ROOT / name / "__init__.py").read_text(encoding="utf-8"))) or ""
        assert "Layer rule" in doc, name


@pytest.mark.parametrize(("where", "text", "breach"), [
    ("pos_app/ui/screens/bad.py", "from ...services.views import MemberView\n", "pos_app.services.views"),
    ("pos_app/ui/bad.py", "from ..bootstrap import build_app\n", "pos_app.bootstrap"),
    ("pos_app/services/bad.py", "from pos_app.store.admin_repo import CashierRow\n", "pos_app.store.admin_repo"),
    ("pos_app/sync/bad.py", "from ..cli.parsing import parse_run\n", "pos_app.cli.parsing"),
    ("hq/storage/bad.py", "from ..services import apply\n", "hq.services"),
    ("hq/services/bad.py", "import pos_app.config\n", "pos_app.config"),
    ("loyalty_core/bad.py", "import sqlalchemy as sa\n", "sqlalchemy"),
    ("hq/console/bad.py", "from hq.storage.schema import members\n", "hq.storage.schema"),
])  # fmt: skip
def test_the_checker_sees_a_forbidden_import(tmp_path, where, text, breach):
    for package in PACKAGES:
        (tmp_path / package).mkdir()
    bad = tmp_path / where
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text(text)
    (tmp_path / where).with_name("fine.py").write_text("from . import bad\nfrom loyalty_core import money\n")
    assert [line.split(" imports ")[1].split(" (")[0] for line in breaches(tmp_path)] == [breach]


def test_imports_for_the_type_checker_only_are_not_counted(tmp_path):
    (tmp_path / "m.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from x import y\nimport z\n")
    assert [i.module for i in imports(tmp_path / "m.py", tmp_path)] == ["typing", "z"]
