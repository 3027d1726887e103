"""Pages of members with their ledgers and live campaign coupons, for bootstrapping a new store PC.

Each page carries `feed_seq`, the feed position read *before* the members.
A PC keeps the `feed_seq` of its first page and pulls from there once it has
every page: whatever changed while it was paging arrives again through the
feed, and applying a ledger entry, a member row or a coupon twice changes nothing.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import feed, privacy, views
from hq.storage import rules as published
from hq.storage.members import from_row
from hq.storage.schema import members, store_keys

from . import campaigns
from .admin import key_row

MAX_PAGE = 2000  # members; about 1.6 MB of JSON


def page(conn: Connection, after: str, limit: int, today: dt.date) -> dict:
    _, feed_seq = feed.head(conn)
    rows = conn.execute(
        sa.select(members).where(members.c.member_code > after).order_by(members.c.member_code).limit(limit + 1)
    ).all()
    more = len(rows) > limit
    states = [from_row(r) for r in rows[:limit]]
    codes = [s.code for s in states]
    rules = published.current(conn)
    # The page is every member between its first and last code (merged ones included), so each
    # of these reads is one index range, not 500 look-ups.
    ledgers = views.ledger_dicts(conn, codes)
    spend = views.rolling_spend(conn, codes, rules, today, contiguous=True)
    _, key = privacy.lookup_key(conn)
    out = {
        "feed_seq": feed_seq,
        "members": [privacy.reduce_view(views.snapshot_view(s, ledgers[s.code], spend[s.code]), key) for s in states],
        # the page's members' live campaign coupons, as the feed carries them (their feed rows are older)
        "coupons": campaigns.live_coupons(conn, codes[0], codes[-1], today) if codes else [],
        "next": codes[-1] if codes and more else None,
        "more": more,
    }
    if not after:
        out["rules"] = published.current_document(conn)
        out["store_keys"] = _keys(conn)
    return out


def _keys(conn: Connection) -> list[dict]:
    columns = (store_keys.c.key_id, store_keys.c.store_id, store_keys.c.public_key, store_keys.c.revoked_at)
    rows = conn.execute(sa.select(*columns).order_by(store_keys.c.key_id)).all()
    return [key_row(r.key_id, r.store_id, r.public_key, r.revoked_at) for r in rows] + campaigns.public_key_rows(conn)
