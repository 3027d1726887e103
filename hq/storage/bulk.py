"""Bulk reads and writes, fast on each database.

PostgreSQL: rows go in with COPY and look-ups use `= ANY(array)`, so a push
of 500 events costs a handful of round trips and no per-row statements (an
expanding IN would also make psycopg re-parse a new query text for every
list length). SQLite runs in-process, where plain executemany and IN are
already cheap.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from . import db

SQLITE_CHUNK = 900  # stays under SQLite's bound-parameter limit
_PG_TYPES = {sa.String: "text", sa.Text: "text", sa.BigInteger: "bigint", sa.Integer: "integer",
             sa.Date: "date", sa.Boolean: "boolean", sa.DateTime: "timestamptz"}  # fmt: skip


T = TypeVar("T")


def chunks(items: Sequence[T], size: int = SQLITE_CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def among(conn: Connection, column: sa.ColumnElement, values: Sequence) -> Iterable[sa.ColumnElement]:
    """Conditions `column IN values`, one per statement to run (SQLite needs several for long lists)."""
    if db.is_postgres(conn):
        yield column == sa.any_(sa.bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
        return
    for part in chunks(list(values)):
        yield column.in_(part)


def insert(conn: Connection, table: sa.Table, rows: list[dict]) -> None:
    if not rows:
        return
    if not db.is_postgres(conn):
        conn.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    names = ", ".join(columns)
    with _psycopg(conn).cursor() as cur, cur.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def update(conn: Connection, table: sa.Table, key: str, rows: list[dict]) -> None:
    """UPDATE every row (all with the same columns) by its `key` column, in one statement on PostgreSQL."""
    if not rows:
        return
    columns = [c for c in rows[0] if c != key]
    if not db.is_postgres(conn):
        stmt = sa.update(table).where(table.c[key] == sa.bindparam("k_" + key))
        stmt = stmt.values({c: sa.bindparam("k_" + c) for c in columns})
        conn.execute(stmt, [{"k_" + c: v for c, v in row.items()} for row in rows])
        return
    names = [key, *columns]
    arrays = ", ".join(f"%s::{_pg_type(table.c[c])}[]" for c in names)
    sets = ", ".join(f"{c} = v.{c}" for c in columns)
    sql = (f"UPDATE {table.name} AS t SET {sets} FROM unnest({arrays}) AS v({', '.join(names)}) "
           f"WHERE t.{key} = v.{key}")  # fmt: skip
    with _psycopg(conn).cursor() as cur:
        cur.execute(sql, [[row[c] for row in rows] for c in names])


def _pg_type(column: sa.Column) -> str:
    for base, name in _PG_TYPES.items():
        if isinstance(column.type, base):
            return name
    raise TypeError(f"no PostgreSQL array type for {column}")


def _psycopg(conn: Connection) -> Any:
    """psycopg's own connection under SQLAlchemy's (PostgreSQL only): COPY and array updates."""
    return conn.connection.driver_connection
