"""The till's SQLite engine (set up by `sqlite_setup`: WAL, synchronous=FULL, BEGIN taken over) and
the plain-SQL handle the repositories share with SQLAlchemy's connection.

Use cases that write start with BEGIN IMMEDIATE (the write lock up front), read-only ones with a
plain BEGIN; a connection whose unit of work has finished begins nothing.
"""

import errno
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine

from sqlite_setup import driver_connection, sqlite_engine

# Set in a connection's info by the unit of work once it has committed or rolled back: from then on
# the connection refuses statements on both roads (SQLAlchemy's and the plain-SQL handle) until the
# unit of work hands it back to the pool.
FINISHED = "uow_finished"


class UnitOfWorkFinished(RuntimeError):
    """A statement was issued after its unit of work committed or rolled back."""

    def __init__(self) -> None:
        super().__init__("this unit of work has already committed or rolled back; open a new one")


def make_engine(db_path: Path) -> Engine:
    return sqlite_engine(f"sqlite:///{db_path}", _begin)


def _begin(conn: Connection) -> str:
    if conn.info.get(FINISHED):  # SQLAlchemy would silently begin a second transaction
        raise UnitOfWorkFinished()
    return "BEGIN" if conn.info.get("read_only") else "BEGIN IMMEDIATE"


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
        self._raw = driver_connection(conn)
        self._info = conn.info

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Cursor:
        if self._info.get(FINISHED):
            raise UnitOfWorkFinished()
        return self._raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        if self._info.get(FINISHED):
            raise UnitOfWorkFinished()
        return self._raw.executemany(sql, rows)


def statements(conn: Connection) -> Statements:
    return Statements(conn)


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
