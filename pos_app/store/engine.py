"""The SQLite engine: WAL, synchronous=FULL, and transactions that lock early.

pysqlite opens transactions lazily, which would let a balance check read
before another writer commits. We take over BEGIN ourselves: use cases that
write start with BEGIN IMMEDIATE (the write lock up front), read-only ones
with a plain BEGIN.
"""

from pathlib import Path

from sqlalchemy import Engine, create_engine, event


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
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN" if conn.info.get("read_only") else "BEGIN IMMEDIATE")

    return engine
