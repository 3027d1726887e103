"""`pos-app` with no command opens the till; with a command it is the ops CLI."""

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or (len(args) == 2 and args[0] == "--data-dir"):
        from .ui import run_app  # Qt is loaded only when the window is wanted

        return run_app(Path(args[1]) if args else None)
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
