"""Compile the translations: resources/translations/pos_*.ts -> .qm (pyside6-lrelease).

    python -m pos_app.ui.i18n_build            # compile (what setup and the tests' conftest call)
    python -m pos_app.ui.i18n_build --update   # re-scan pos_app/ui for strings (pyside6-lupdate), then compile

The .ts files are the sources (edit them with pyside6-linguist); the .qm files
are build output. `ensure_compiled()` compiles only what is missing or stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

from .. import resources

LANGUAGES = ("zh_TW", "zh_CN", "en")
UI_DIR = Path(__file__).resolve().parent


def ts_files() -> list[Path]:
    return [resources.path("translations") / f"pos_{lang}.ts" for lang in LANGUAGES]


def _tool(name: str) -> list[str]:
    """The Qt tool shipped inside the PySide6 wheel (no PATH needed)."""
    binary = Path(PySide6.__file__).parent / name
    if binary.exists():
        return [str(binary)]
    return [str(Path(sys.executable).parent / f"pyside6-{name}")]


def stale() -> list[Path]:
    out = []
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        if ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            out.append(ts)
    return out


def compile_all(files: list[Path] | None = None) -> list[Path]:
    done = []
    for ts in files if files is not None else ts_files():
        if not ts.exists():
            continue
        qm = ts.with_suffix(".qm")
        subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        done.append(qm)
    return done


def ensure_compiled() -> list[Path]:
    """Compiles missing or out-of-date .qm files; quiet and quick when all are current."""
    todo = stale()
    if not todo:
        return []
    try:
        return compile_all(todo)
    except (OSError, subprocess.CalledProcessError) as exc:  # the window still works, in English
        print(f"could not compile translations: {exc}", file=sys.stderr)
        return []


def update_sources() -> None:
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    for ts in ts_files():
        subprocess.run([*_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                       check=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--update" in args:
        update_sources()
    for qm in compile_all():
        print(qm)
    return 0


if __name__ == "__main__":
    sys.exit(main())
