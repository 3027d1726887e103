"""Everything HQ holds about one member, for the console's member page, and finding members."""

import contextlib
import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import lookup
from hq.storage import rules as published
from hq.storage import views
from hq.storage.schema import coupon_uses, coupons, events, members, spend
from loyalty_core import phones
from loyalty_core.errors import DomainError

from ..payload import is_plain
from . import entry_sources, member_ledger, open_lots

SEARCH_LIMIT = 50
SALES_SHOWN = 100  # the newest; a member with years of weekly shopping has thousands (reports hold the rest)


def search(conn: Connection, query: str, store: str | None) -> list[dict]:
    """By exact code, else by phone in any common format, else by a part of the name. Each step is its
    own query so the first two use their indexes (an OR with the name's LIKE would scan every member)."""
    text = str(query).strip()
    if not text or not is_plain(text, 40):
        raise DomainError("invalid_query", "Type a member code, phone or name (1 to 40 characters)")
    m = members.c
    conditions = [m.member_code == text]
    if phones.looks_like_phone(text):
        with contextlib.suppress(DomainError):
            conditions.append(m.phone == phones.normalize(text, phones.DEFAULT_REGION))
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    conditions.append(m.name.like(pattern, escape="\\"))
    for cond in conditions:
        sel = sa.select(m.member_code, m.name, m.phone, m.tier, m.home_store, m.status, m.balance).where(cond)
        if store is not None:
            sel = sel.where(m.home_store == store)
        rows = conn.execute(sel.order_by(m.member_code).limit(SEARCH_LIMIT)).all()
        if rows:
            return [dict(r._mapping) for r in rows]
    return []


def profile(conn: Connection, code: str, today: dt.date, cursor: member_ledger.Cursor | None = None) -> dict | None:
    """The member a code stands for (following merges), with one page of its ledger (newest first, `cursor`
    picks which), its open lots by expiry date, sales and coupons. Never the whole ledger in memory."""
    found = lookup.find(conn, code)
    if found is None:
        return None
    state, merged_from = found
    rules = published.current(conn)
    # The lots replay the whole ledger (streamed: 1.5 s at 172,343 entries on PostgreSQL), so only the first
    # page, where an operator looks at them, pays for it; older pages page the ledger alone.
    lots = open_lots.of_member(conn, state.code) if cursor is None else None
    ledger_page = member_ledger.page(conn, state.code, cursor)
    entry_sources.annotate(conn, state.code, ledger_page["rows"])
    return {
        "state": state,
        "member": state.member,
        "merged_from": merged_from,
        "merged_codes": lookup.merged_codes(conn, state.code),
        "spend_cents": views.rolling_spend(conn, [state.code], rules, today)[state.code],
        "ledger": ledger_page["rows"],
        "newer": ledger_page["newer"],
        "older": ledger_page["older"],
        "lots": lots.by_expiry() if lots is not None else None,
        "debt": lots.debt if lots is not None else None,
        "sales": _sales(conn, state.code),
        "coupons": _coupons(conn, state.code),
    }


def _sales(conn: Connection, code: str) -> list[dict]:
    query = (
        sa.select(spend.c.on_date, spend.c.cents, spend.c.source, events.c.store_id, events.c.type)
        .select_from(spend.outerjoin(events, events.c.event_id == spend.c.source))
        .where(spend.c.member_code == code)
        .order_by(spend.c.id.desc())
        .limit(SALES_SHOWN)
    )
    return [{"on": r.on_date, "cents": int(r.cents), "store_id": r.store_id or "online",
             "source": r.source} for r in conn.execute(query)]  # fmt: skip


def _coupons(conn: Connection, code: str) -> list[dict]:
    query = (
        sa.select(coupons.c.coupon_id, coupons.c.issued_by, coupon_uses.c.used_at, coupon_uses.c.store_id)
        .select_from(coupons.outerjoin(coupon_uses, coupon_uses.c.coupon_id == coupons.c.coupon_id))
        .where(coupons.c.member_code == code)
        .order_by(coupons.c.coupon_id)
    )
    return [dict(r._mapping) for r in conn.execute(query)]
