"""The one SQLite engine set-up both apps use: WAL, synchronous=FULL, and BEGIN taken over.

A top-level package of its own because its two users may not import each other: HQ must not import
`pos_app`, and the loyalty core stays plain Python (no SQLAlchemy). Nothing here knows either app:
each says, through `begin`, which BEGIN a transaction on a connection starts with (or refuses it).

pysqlite opens transactions lazily, which would let a balance check read before another writer
commits; so the driver's own transaction handling is off and every transaction starts with the
statement `begin` returns: BEGIN IMMEDIATE (the write lock up front) for writers, so two of them
never deadlock upgrading a read lock, a plain BEGIN for readers, which with WAL never wait.
"""

import sqlite3
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Connection, Engine, create_engine, event

# Set on every connection: WAL; a confirmed write survives power loss (synchronous=FULL); foreign
# keys; wait for a writer rather than fail; and what is deleted or rewritten is zeroed, not left in
# free pages (erasure: docs/PRIVACY.md).
PRAGMAS = ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000", "secure_delete=ON")


def sqlite_engine(url: str, begin: Callable[[Connection], str]) -> Engine:
    """An engine for the SQLite database at `url`; `begin(conn)` gives the statement that opens a
    transaction on `conn` ("BEGIN" or "BEGIN IMMEDIATE"), or raises to refuse one."""
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(raw: sqlite3.Connection, _record: Any) -> None:
        raw.isolation_level = None  # we emit BEGIN ourselves (below)
        for pragma in PRAGMAS:
            raw.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        driver_connection(conn).execute(begin(conn))

    return engine


def driver_connection(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy connection of an engine made here."""
    return cast(sqlite3.Connection, conn.connection.driver_connection)
