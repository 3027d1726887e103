"""Finding a member by code or phone, following merges to the survivor."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import rules as published
from hq.storage import views
from hq.storage.members import MemberState, from_row
from hq.storage.schema import members
from loyalty_core import phones
from loyalty_core.errors import DomainError
from loyalty_core.member import ACTIVE, MERGED

from .payload import is_plain

_MAX_HOPS = 20


def _by_code(conn: Connection, code: str) -> MemberState | None:
    row = conn.execute(sa.select(members).where(members.c.member_code == code)).first()
    return from_row(row) if row else None


def _by_phone(conn: Connection, phone: str) -> MemberState | None:
    query = (
        sa.select(members)
        .where(members.c.phone == phone)
        .order_by(sa.case((members.c.status == ACTIVE, 0), else_=1), members.c.member_code)
    )
    row = conn.execute(query.limit(1)).first()
    return from_row(row) if row else None


def find(
    conn: Connection, query: str, region: str = phones.DEFAULT_REGION
) -> tuple[MemberState, str | None] | None:
    """(member, the code asked for if it was merged into this one) or None; a phone in any
    format finds its member (one without a country code is read in `region`)."""
    query = str(query).strip()
    if len(query) > phones.MAX_RAW:
        return None
    state = _by_code(conn, query) if is_plain(query, 40) else None
    if state is None and phones.looks_like_phone(query):
        try:
            state = _by_phone(conn, phones.normalize(query, region))
        except DomainError:
            return None
    asked = state.code if state else None
    for _ in range(_MAX_HOPS):
        if state is None or state.member.status != MERGED or not state.member.merged_into:
            break
        state = _by_code(conn, state.member.merged_into)
    if state is None:
        return None
    return state, (asked if asked != state.code else None)


def show(conn: Connection, query: str, today: dt.date) -> dict | None:
    found = find(conn, query)
    if found is None:
        return None
    state, merged_from = found
    rules = published.current(conn)
    entries = views.entries_by_member(conn, [state.code])[state.code]
    spend = views.rolling_spend(conn, [state.code], rules, today)[state.code]
    view = views.member_view(state, entries, spend)
    view["merged_from"] = merged_from
    view["merged_codes"] = merged_codes(conn, state.code)
    return view


def merged_codes(conn: Connection, code: str) -> list[str]:
    """Every code that now leads to this member (merges are re-pointed to the survivor)."""
    query = sa.select(members.c.member_code).where(members.c.merged_into == code).order_by(members.c.member_code)
    return list(conn.execute(query).scalars())
