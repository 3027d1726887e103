"""One mapping per table: how a members row and a ledger row are laid out, and how each becomes a
domain object and back. Every till repository (members_repo, ledger_repo, sync_repo) and the sync
code read and write those rows through here, so a column is added in one place.

Rows are plain tuples in the column order below: that is what the hot paths (a sale, a snapshot page
of thousands of members) hand to sqlite3 without building a dict per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from loyalty_core import personal_data
from loyalty_core.ledger import Entry
from loyalty_core.member import Member

MemberRow = tuple[Any, ...]
EntryRow = tuple[Any, ...]

# -- members ----------------------------------------------------------------------------------------

MEMBER_COLUMNS = ("member_code", "phone", "name", "name_key", "birthday", "consent_terms", "consent_marketing",
                  "tier_code", "enrolled_at", "home_store", "referrer_code", "status", "merged_into",
                  "phone_hash", "birth_month", "reduced")  # fmt: skip
MEMBER_STATUS = MEMBER_COLUMNS.index("status")


def member_from_row(row: Sequence[Any]) -> Member:
    """A row in MEMBER_COLUMNS order (a plain tuple or a SQLAlchemy row) -> Member."""
    (code, phone, name, _name_key, birthday, terms, marketing, tier, enrolled_at, home_store, referrer, status,
     merged_into, _phone_hash, birth_month, reduced) = row  # fmt: skip
    return Member(
        member_code=code,
        phone=phone,
        name=name,
        birthday=dt.date.fromisoformat(birthday) if birthday else None,
        consent_terms=bool(terms),
        consent_marketing=bool(marketing),
        tier_code=tier,
        enrolled_at=dt.datetime.fromisoformat(enrolled_at),
        home_store=home_store,
        referrer_code=referrer,
        status=status,
        merged_into=merged_into,
        birth_month=birth_month,
        reduced=bool(reduced),
    )


def member_row(m: Member, phone_hash: str | None) -> MemberRow:
    """Member -> a row in MEMBER_COLUMNS order."""
    return (
        m.member_code, m.phone, m.name, m.name.casefold(), m.birthday.isoformat() if m.birthday else None,
        int(m.consent_terms), int(m.consent_marketing), m.tier_code, m.enrolled_at.isoformat(), m.home_store,
        m.referrer_code, m.status, m.merged_into, phone_hash, m.birthday_month, int(m.reduced),
    )  # fmt: skip


def member_values(m: Member, phone_hash: str | None) -> dict[str, Any]:
    """Member -> column values; without a phone hash the row keeps the one it has (a reduced member
    edited without a new phone)."""
    values = dict(zip(MEMBER_COLUMNS, member_row(m, phone_hash), strict=True))
    if phone_hash is None:
        del values["phone_hash"]
    return values


def hq_member_row(d: Mapping[str, Any], tier: str | None = None, key: bytes | None = None) -> MemberRow:
    """A member row from HQ -> a row in MEMBER_COLUMNS order (purchases are ours).

    HQ sends tills the reduced row of loyalty_core.personal_data; a full `Member.to_dict` (an older
    HQ) is reduced here, before anything is written, so this till never stores it."""
    if "phone_hash" not in d:
        d = personal_data.till_member(dict(d), key or b"")
        if key is None:
            d["phone_hash"] = None
    name = str(d.get("name_masked") or "")
    return (
        str(d["member_code"]), str(d.get("phone_masked") or ""), name, name.casefold(), None,
        int(bool(d.get("consent_terms", True))), int(bool(d.get("consent_marketing", False))),
        str(tier or d.get("tier") or d.get("tier_code") or "basic"), str(d["enrolled_at"]),
        str(d.get("home_store") or ""), d.get("referrer_code"), str(d.get("status") or "active"), d.get("merged_into"),
        d.get("phone_hash"), _month(d.get("birth_month")), 1,
    )  # fmt: skip


def _month(value: object) -> int | None:
    return value if isinstance(value, int) and 1 <= value <= 12 else None


def member_status(row: MemberRow) -> str:
    return str(row[MEMBER_STATUS])

# -- ledger -----------------------------------------------------------------------------------------

LEDGER_COLUMNS = ("entry_id", "member_code", "kind", "points", "on_date", "expires_on", "ref", "event_id", "confirmed")


def ledger_row(e: Entry, *, ref: str | None, event_id: str | None, confirmed: bool) -> EntryRow:
    """Entry -> a row in LEDGER_COLUMNS order (`event_id` marks this till's own entries)."""
    return (e.entry_id, e.member_code, e.kind, e.points, e.on.isoformat(),
            e.expires_on.isoformat() if e.expires_on else None, ref, event_id, int(confirmed))  # fmt: skip


def entry_from_row(row: Sequence[Any]) -> Entry:
    """A row in LEDGER_COLUMNS order -> Entry."""
    entry_id, member_code, kind, points, on_date, expires_on = row[:6]
    return Entry(
        entry_id=entry_id,
        member_code=member_code,
        kind=kind,
        points=points,
        on=dt.date.fromisoformat(on_date),
        expires_on=dt.date.fromisoformat(expires_on) if expires_on else None,
    )


def hq_entry_row(d: Mapping[str, Any]) -> EntryRow:
    """A ledger entry from HQ -> a confirmed row in LEDGER_COLUMNS order (HQ's event id in `ref`;
    `event_id` stays empty: it marks this till's own entries, which day reports count)."""
    expires = d.get("expires_on")
    return (
        str(d["entry_id"]), str(d["member_code"]), str(d["kind"]), int(d["points"]), str(d["on"])[:10],
        str(expires)[:10] if expires else None, d.get("confirmed_event_id") or d.get("event_id"), None, 1,
    )  # fmt: skip


# -- statements -------------------------------------------------------------------------------------


def insert_sql(table: str, columns: Sequence[str], conflict: str = "", extra: str = "") -> str:
    """INSERT INTO table (columns) VALUES (?, ...) [ON CONFLICT...]; `extra` is a column set to 0."""
    names = ", ".join(columns) + (f", {extra}" if extra else "")
    marks = ", ".join("?" * len(columns)) + (", 0" if extra else "")
    return f"INSERT INTO {table} ({names}) VALUES ({marks})" + (f" ON CONFLICT{conflict}" if conflict else "")


# -- JSON bodies (sales, returns, outbox events) ----------------------------------------------------


def body_text(value: Mapping[str, Any]) -> str:
    """A body column's text: compact UTF-8 JSON, keys sorted. orjson, because a sale writes two
    bodies and the standard encoder cost ~15 us each of a sub-millisecond confirm."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
