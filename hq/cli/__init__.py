"""The `pos-hq` command line: `commands` (serve, stores, terminals, rules, reports, operators...)
and `member` (a member's consent, export, erasure, stop). `main` is the entry point (`pos-hq`).

Layer rule: the CLI may import `hq.services`, `hq.storage` and `hq.app` (to serve); nothing in hq
imports the CLI except `hq.__main__`.
"""

from hq.cli.commands import main

__all__ = ["main"]
