"""The till's window (PySide6). Nothing Qt is imported until `run_app` is called.

Layer rule: the window imports loyalty_core, the service API (`pos_app.services`), the till's
config and resources, and itself; it is handed what builds the services (`build`) and what starts the
demo HQ (`start_demo`) by the entry point (pos_app/__main__.py), never importing them.
"""

from collections.abc import Callable
from pathlib import Path


def run_app(data_dir: Path | None, *, build: Callable, start_demo: Callable, demo: bool = False) -> int:
    from .app import run_app as _run

    return _run(data_dir, build=build, start_demo=start_demo, demo=demo)
