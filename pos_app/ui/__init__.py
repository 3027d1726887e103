"""The till's window (PySide6). Nothing Qt is imported until `run_app` is called."""

from pathlib import Path


def run_app(data_dir: Path | None = None, argv: list[str] | None = None, *, demo: bool = False) -> int:
    from .app import run_app as _run

    return _run(data_dir, argv, demo=demo)
