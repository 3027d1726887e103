"""The ops CLI: JSON on stdout, `{"error", "message"}` on stderr, nothing changed on error.

Each command module registers its sub-commands; a handler takes the parsed
arguments and a lazily built App and returns something JSON-ready.
"""

import argparse
import json
import sys
from pathlib import Path

from loyalty_core.errors import DomainError

from . import admin_cmd, members_cmd, sales_cmd, sync_cmd

COMMAND_MODULES = [admin_cmd, members_cmd, sales_cmd, sync_cmd]


class JsonArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors follow the same contract
        raise DomainError("usage", f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(prog="pos-app", description="Store loyalty POS: ops and support commands")
    parser.add_argument("--data-dir", type=Path, default=None, help="where this till keeps its data")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=JsonArgumentParser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


class LazyApp:
    """Builds the App on first use, so `init` and bad arguments never open the DB."""

    def __init__(self, data_dir: Path | None) -> None:
        from ..config import default_data_dir

        self.data_dir = data_dir or default_data_dir()
        self._app = None

    def get(self):
        if self._app is None:
            from ..bootstrap import build_app

            self._app = build_app(self.data_dir)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()


def _print_error(code: str, message: str) -> None:
    print(json.dumps({"error": code, "message": message}, ensure_ascii=False), file=sys.stderr)


def main(argv: list[str]) -> int:
    lazy = None
    try:
        args = build_parser().parse_args(argv)
        lazy = LazyApp(args.data_dir)
        result = args.handler(args, lazy)
    except DomainError as exc:
        _print_error(exc.code, exc.message)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except Exception as exc:  # still JSON: a full disk, or a bug (with no traceback for store IT to parse)
        from ..store.engine import is_storage_full

        if is_storage_full(exc):
            _print_error("storage_full", "The disk is full: nothing was saved. Free some space and try again.")
            return 2
        _print_error("internal", f"{type(exc).__name__}: {exc}"[:300])
        return 1
    finally:
        if lazy is not None:
            lazy.close()
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0
