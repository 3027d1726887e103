"""The SQLite engine: WAL, synchronous=FULL, and transactions that lock early.

pysqlite opens transactions lazily, which would let a balance check read
before another writer commits. We take over BEGIN ourselves: use cases that
write start with BEGIN IMMEDIATE (the write lock up front), read-only ones
with a plain BEGIN.
"""

import errno
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

# Set in a connection's info by the unit of work once it has committed or rolled back: from then on
# the connection refuses statements on both roads (SQLAlchemy's and the plain-SQL handle) until the
# unit of work hands it back to the pool.
FINISHED = "uow_finished"


class UnitOfWorkFinished(RuntimeError):
    """A statement was issued after its unit of work committed or rolled back."""

    def __init__(self) -> None:
        super().__init__("this unit of work has already committed or rolled back; open a new one")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # a confirmed sale survives power loss
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA secure_delete=ON")  # what is deleted or rewritten is zeroed, not left in free pages
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.info.get(FINISHED):  # SQLAlchemy would silently begin a second transaction
            raise UnitOfWorkFinished()
        dbapi(conn).execute("BEGIN" if conn.info.get("read_only") else "BEGIN IMMEDIATE")

    return engine


def dbapi(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one (for the engine's own hooks; repositories use
    `statements`)."""
    return conn.connection.driver_connection


class Statements:
    """Plain SQL on the sqlite3 connection under the unit of work's SQLAlchemy connection: the same
    transaction, and refused once that unit of work has finished (FINISHED), exactly as SQLAlchemy
    statements are.

    The repositories run the few statements of the hot paths (confirming a sale) here as plain SQL
    strings: sqlite3 prepares each string once per connection and keeps it, while SQLAlchemy's
    bookkeeping around each statement costs several times what SQLite takes to run it.
    """

    __slots__ = ("_raw", "_info")

    def __init__(self, conn: Connection) -> None:
        self._raw = dbapi(conn)
        self._info = conn.info

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        if self._info.get(FINISHED):
            raise UnitOfWorkFinished()
        return self._raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        if self._info.get(FINISHED):
            raise UnitOfWorkFinished()
        return self._raw.executemany(sql, rows)


def statements(conn: Connection) -> Statements:
    return Statements(conn)
    return conn.connection.driver_connection


def is_storage_full(exc: BaseException | None) -> bool:
    """SQLITE_FULL (the disk, or the database's size limit) or ENOSPC, however wrapped. SQLite rolls
    the transaction back, so nothing of the failed unit of work was written."""
    for _ in range(10):  # SQLAlchemy wraps the driver's error; follow the chain a few links
        if exc is None:
            return False
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if isinstance(exc, sqlite3.Error) and (
            getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "database or disk is full" in str(exc)
        ):
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False
