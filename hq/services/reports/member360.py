"""Everything HQ holds about one member, for the console's member page, and finding members."""

import contextlib
import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import lookup
from hq.storage import rules as published
from hq.storage import views
from hq.storage.schema import coupon_uses, coupons, events, ledger, members, spend
from loyalty_core import phones
from loyalty_core.errors import DomainError
from loyalty_core.ledger import wallet

from ..payload import is_plain

SEARCH_LIMIT = 50


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


def profile(conn: Connection, code: str, today: dt.date) -> dict | None:
    """The member a code stands for (following merges), with ledger, lots, sales and coupons."""
    found = lookup.find(conn, code)
    if found is None:
        return None
    state, merged_from = found
    rules = published.current(conn)
    entries = views.entries_by_member(conn, [state.code])[state.code]
    w = wallet(entries)
    running, rows = 0, []
    sources = _sources(conn, state.code)
    for e in entries:
        running += e.points
        rows.append({"on": e.on, "kind": e.kind, "points": e.points, "running": running, "entry_id": e.entry_id,
                     "store_id": sources.get(e.entry_id)})  # fmt: skip
    return {
        "state": state,
        "member": state.member,
        "merged_from": merged_from,
        "merged_codes": lookup.merged_codes(conn, state.code),
        "spend_cents": views.rolling_spend(conn, [state.code], rules, today)[state.code],
        "ledger": rows,
        "lots": views.lots(w),
        "debt": w.debt,
        "sales": _sales(conn, state.code),
        "coupons": _coupons(conn, state.code),
    }


def _sources(conn: Connection, code: str) -> dict[str, str]:
    query = (
        sa.select(ledger.c.entry_id, events.c.store_id)
        .select_from(ledger.join(events, events.c.event_id == ledger.c.event_id))
        .where(ledger.c.member_code == code)
    )
    return dict(conn.execute(query).all())


def _sales(conn: Connection, code: str) -> list[dict]:
    query = (
        sa.select(spend.c.on_date, spend.c.cents, spend.c.source, events.c.store_id, events.c.type)
        .select_from(spend.outerjoin(events, events.c.event_id == spend.c.source))
        .where(spend.c.member_code == code)
        .order_by(spend.c.id)
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
