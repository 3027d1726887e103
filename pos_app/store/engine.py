"""The SQLite engine: WAL, synchronous=FULL, and transactions that lock early.

pysqlite opens transactions lazily, which would let a balance check read
before another writer commits. We take over BEGIN ourselves: use cases that
write start with BEGIN IMMEDIATE (the write lock up front), read-only ones
with a plain BEGIN.
"""

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event


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
        dbapi(conn).execute("BEGIN" if conn.info.get("read_only") else "BEGIN IMMEDIATE")

    return engine


def dbapi(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one: the same connection, in the same transaction.

    The repositories run the few statements of the hot paths (confirming a sale) on it as plain SQL
    strings: sqlite3 prepares each string once per connection and keeps it, while SQLAlchemy's
    bookkeeping around each statement costs several times what SQLite takes to run it.
    """
    return conn.connection.driver_connection
