"""Counters for the limits HQ counts on its own clock (`risk_counters`), shared by every worker.

One row per (scope, subject) holds the current window's hits and amount; the first count in a new
window (a later minute, a later HQ business day) starts the row again, so the table stays one row per
terminal, store or operator. `add` is a single INSERT ... ON CONFLICT DO UPDATE: atomic on both
databases, and on PostgreSQL it keeps the row locked to the end of the caller's transaction, so two
workers counting the same subject take turns and never both slip under a cap.
"""

import datetime as dt
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .db import dialect_insert
from .schema import risk_counters

MEMBER_READS = "member_reads"  # per token, per minute of HQ's clock
ADJUST_STORE_DAY = "adjust_store_day"  # till adjustments per store, per HQ business day received
UNRECEIPTED_STORE_DAY = "unreceipted_day"  # refunds without a receipt per store, per HQ business day received
CONSOLE_ADJUST_DAY = "console_adjust_day"  # console adjustments per operator, per HQ business day


class Count(NamedTuple):
    hits: int
    amount: int


def add(conn: Connection, scope: str, subject: str, bucket: str, now: dt.datetime, amount: int = 0) -> Count:
    """Counts one more (and `amount`) in `bucket`; returns the bucket's totals including this one."""
    c = risk_counters.c
    insert = dialect_insert(conn, risk_counters).values(
        scope=scope, subject=subject[:120], bucket=bucket, hits=1, amount=amount, updated_at=now
    )
    same = c.bucket == insert.excluded.bucket
    upsert = insert.on_conflict_do_update(
        index_elements=[c.scope, c.subject],
        set_={
            "hits": sa.case((same, c.hits + 1), else_=1),
            "amount": sa.case((same, c.amount + insert.excluded.amount), else_=insert.excluded.amount),
            "bucket": insert.excluded.bucket,
            "updated_at": insert.excluded.updated_at,
        },
    ).returning(c.hits, c.amount)
    row = conn.execute(upsert).one()
    return Count(int(row.hits), int(row.amount))


def take_back(conn: Connection, scope: str, subject: str, bucket: str, amount: int) -> None:
    """Undoes one `add` of `amount` that turned out to be over its cap (the caller holds or refuses it)."""
    c = risk_counters.c
    conn.execute(
        sa.update(risk_counters)
        .where(c.scope == scope, c.subject == subject[:120], c.bucket == bucket)
        .values(hits=c.hits - 1, amount=c.amount - amount)
    )
