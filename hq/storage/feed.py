"""The change feed every till pulls: one row per change, in HQ's order.

In-flight safety. A reader must never see seq 12 while seq 11 is still
uncommitted, or it would move its cursor past 11 and skip it forever. We
hand out feed numbers from a one-row counter, updated as the *last*
statement of every writing transaction:

    UPDATE feed_counter SET last_seq = last_seq + n RETURNING last_seq

The row lock that UPDATE takes is held until COMMIT, so feed numbers are
handed out in commit order: while a transaction holds numbers, no one else
can take any, and everything below them is already committed. Whatever a
reader sees is therefore always a gap-free prefix (a rollback returns its
numbers too). We chose this over "expose only below min(in-flight xid)"
because cursors stay plain integers and the reader needs no snapshot
arithmetic; the price is that writers serialize on the short stretch from
the feed insert to COMMIT, which is why the feed is written last. On SQLite
writers are serialized anyway, so the same code is trivially correct.
"""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from . import bulk, privacy
from .schema import feed, feed_counter

MEMBER = "member"
LEDGER = "ledger"
MERGE = "merge"
RULES = "rules"
STORE_KEY = "store_key"
COUPON_USED = "coupon_used"
COUPON = "coupon"
TIER = "tier"
REVIEW = "review"  # a held adjustment approved or rejected (hq.services.held)
KINDS = (MEMBER, LEDGER, MERGE, RULES, STORE_KEY, COUPON_USED, COUPON, TIER)

MAX_PAGE = 1000


class CursorError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def dumps(data: object) -> str:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def append(conn: Connection, rows: list[tuple[str, str | None, str]], now: dt.datetime) -> int:
    """Writes (kind, member_code, json) rows; call it last, just before COMMIT. Returns the last seq."""
    if not rows:
        return 0
    counter = feed_counter.c
    last = conn.execute(
        sa.update(feed_counter)
        .where(counter.id == 1)
        .values(last_seq=counter.last_seq + len(rows))
        .returning(counter.last_seq)
    ).scalar_one()
    first = last - len(rows) + 1
    bulk.insert(
        conn,
        feed,
        [
            {"seq": first + i, "kind": kind, "member_code": code, "data": data, "created_at": now}
            for i, (kind, code, data) in enumerate(rows)
        ],
    )
    return last


def head(conn: Connection) -> tuple[int, int]:
    """(floor, last): rows at or below `floor` were pruned; `last` is the newest committed seq."""
    row = conn.execute(sa.select(feed_counter.c.floor_seq, feed_counter.c.last_seq).where(feed_counter.c.id == 1)).one()
    return int(row.floor_seq), int(row.last_seq)


def page(conn: Connection, since: int, limit: int) -> dict:
    """Changes after `since`, oldest first, or {"refetch": true} below the retention floor."""
    floor, last = head(conn)
    if since > last:
        raise CursorError(
            "cursor_ahead", f"Cursor {since} is ahead of HQ's feed (last {last}); bootstrap from a snapshot"
        )
    if since < floor:
        return {"refetch": True, "floor": floor}
    rows = conn.execute(
        sa.select(feed.c.seq, feed.c.kind, feed.c.data).where(feed.c.seq > since).order_by(feed.c.seq).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    changes = [{"seq": r.seq, "kind": r.kind, "data": json.loads(r.data)} for r in rows]
    if any(c["kind"] == MEMBER for c in changes):  # tills get members reduced (hq/storage/privacy.py)
        changes = privacy.reduce_changes(changes, privacy.lookup_key(conn)[1])
    return {"changes": changes, "next": rows[-1].seq if rows else since, "more": more}


def prune(conn: Connection, below: int) -> int:
    """Drops rows up to `below` (never the newest); a till behind it gets "refetch"."""
    _, last = head(conn)
    below = min(below, last - 1)
    deleted = conn.execute(sa.delete(feed).where(feed.c.seq <= below)).rowcount
    conn.execute(
        sa.update(feed_counter).where(feed_counter.c.id == 1, feed_counter.c.floor_seq < below).values(floor_seq=below)
    )
    return deleted
