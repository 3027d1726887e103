"""`pos-app` with no command opens the till; with a command it is the ops CLI.

pos-app [--data-dir DIR]            the till, on this PC's data folder (first run: set-up screen)
pos-app [--data-dir DIR] --demo     the till in demo mode: a local HQ and demo data, set up on first run
pos-app [--data-dir DIR] COMMAND    the ops CLI (see README)
"""

import sys
from pathlib import Path


def window_args(args: list[str]) -> tuple[Path | None, bool] | None:
    """(data dir, demo?) when the arguments ask for the window, None when they are a CLI command."""
    data_dir, demo, rest = None, False, list(args)
    while rest:
        if rest[0] == "--demo":
            demo, rest = True, rest[1:]
        elif rest[0] == "--data-dir" and len(rest) >= 2:
            data_dir, rest = Path(rest[1]), rest[2:]
        else:
            return None
    return data_dir, demo


def build(data_dir: Path, clock=None):
    """The till's services (pos_app.bootstrap), imported on the window's worker thread: the login shows first."""
    from .bootstrap import build_app

    return build_app(data_dir, clock=clock)


def start_demo(data_dir: Path):
    """A local HQ with demo data, in this process (pos_app.demo)."""
    from .demo import start_demo as start

    return start(data_dir)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    wanted = window_args(args)
    if wanted is not None:
        from .ui import run_app  # Qt is loaded only when the window is wanted

        data_dir, demo = wanted
        return run_app(data_dir, build=build, start_demo=start_demo, demo=demo)
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
