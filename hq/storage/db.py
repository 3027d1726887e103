"""Engines and transactions for SQLite (the default) and PostgreSQL.

SQLite's engine is the one both apps share (`sqlite_setup`): writers start with BEGIN IMMEDIATE so
two of them never deadlock upgrading a read lock; readers start a plain BEGIN and, with WAL, never wait.
On PostgreSQL a write that loses a deadlock or a unique-key race (the same
batch pushed twice at once) is simply run again from the start.
"""

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import platformdirs
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from sqlite_setup import driver_connection, sqlite_engine

log = logging.getLogger(__name__)
T = TypeVar("T")

_READ_ONLY = "hq_read_only"
_RETRY_PG_CODES = {"40001", "40P01", "23505"}  # serialization failure, deadlock, unique race
WRITE_ATTEMPTS = 5


def default_url() -> str:
    folder = Path(platformdirs.user_data_dir("pos-hq", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hq.sqlite3'}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return sqlite_engine(url, _sqlite_begin)
    return sa.create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def _sqlite_begin(conn: Connection) -> str:
    return "BEGIN" if conn.get_execution_options().get(_READ_ONLY, False) else "BEGIN IMMEDIATE"


def is_postgres(conn_or_engine: Connection | Engine) -> bool:
    return conn_or_engine.dialect.name == "postgresql"


@contextmanager
def read(engine: Engine, work_mem: str | None = None) -> Iterator[Connection]:
    """A read-only transaction. `work_mem` (PostgreSQL, e.g. "64MB"): memory for this transaction's sorts and
    hashes — a report grouping a month of buyers by member spills to disk at the server's default 4 MB."""
    with engine.connect() as conn:
        conn.execution_options(**{_READ_ONLY: True})
        with conn.begin():
            if work_mem is not None and is_postgres(conn):
                conn.execute(sa.text("SELECT set_config('work_mem', :m, true)"), {"m": work_mem})
            yield conn


def write(engine: Engine, work: Callable[[Connection], T], attempts: int = WRITE_ATTEMPTS) -> T:
    """Runs `work` in one transaction; retries it whole when the database says so."""
    for attempt in range(1, attempts + 1):
        try:
            with engine.begin() as conn:
                return work(conn)
        except Exception as exc:  # SQLAlchemy's wrappers, or psycopg's own errors from COPY (hq.storage.bulk)
            if attempt == attempts or not _retryable(exc):
                raise
            log.info("retrying a write after %s (attempt %d)", type(exc).__name__, attempt)
            time.sleep(0.01 * attempt)
    raise AssertionError("unreachable")


def _retryable(exc: Exception) -> bool:
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(original, "sqlstate", None)
    if code:
        return code in _RETRY_PG_CODES
    return isinstance(exc, OperationalError) and "database is locked" in str(original)


def dialect_insert(conn: Connection, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    """INSERT in the connection's dialect: both have ON CONFLICT, SQLAlchemy's generic insert has not."""
    return postgresql.insert(table) if is_postgres(conn) else sqlite.insert(table)


def insert_ignore(conn: Connection, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    """INSERT ... ON CONFLICT DO NOTHING in the connection's dialect."""
    return dialect_insert(conn, table).on_conflict_do_nothing()


def flush_old_versions(engine: Engine) -> None:
    """After an erasure: SQLite copies the WAL into the (zeroed) pages and empties it; PostgreSQL
    vacuums the tables whose old row versions still hold the erased values."""
    if is_postgres(engine):
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in ("members", "events", "feed"):
                conn.exec_driver_sql(f"VACUUM {table}")
        return
    with engine.connect() as conn:
        driver_connection(conn).execute("PRAGMA wal_checkpoint(TRUNCATE)")
