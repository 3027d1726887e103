"""Reading an event's payload: every check raises `Rejected` before anything changes.

The envelope was checked by the API; a payload HQ cannot use is a business
rejection of that one event, so it never blocks the till's queue.
"""

import datetime as dt
from dataclasses import replace
from typing import Any, Literal, TypeGuard, overload

from hq.storage.members import MemberState
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger, phones
from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry
from loyalty_core.member import ACTIVE, Member
from loyalty_core.qr import is_member_code
from loyalty_core.validation import clean_name

MAX_POINTS = 10_000_000
MAX_CENTS = 10**11
MAX_ENTRIES = 200
POSITIVE = {ledger.EARN, ledger.SIGNUP, ledger.REFERRAL, ledger.BONUS, ledger.RETURN_REDEEM}
NEGATIVE = {ledger.REDEEM, ledger.RETURN_EARN}
TILL_KINDS = POSITIVE | NEGATIVE | {ledger.ADJUST}  # expiry and merges are HQ's alone


class Rejected(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        # Storable anywhere: no NUL or lone surrogate (PostgreSQL refuses both), at most 300 characters.
        self.message = message.encode("utf-8", "backslashreplace").decode().replace("\x00", "\\x00")[:300]


def is_plain(value: object, max_len: int = 80) -> TypeGuard[str]:
    """A short printable string: no NUL, control characters or lone surrogates, which
    PostgreSQL cannot store (and no id needs)."""
    return isinstance(value, str) and 0 < len(value) <= max_len and value.isprintable()


@overload
def text(p: dict[str, Any], key: str, *, optional: Literal[False] = False, max_len: int = 80) -> str: ...
@overload
def text(p: dict[str, Any], key: str, *, optional: bool, max_len: int = 80) -> str | None: ...
def text(p: dict[str, Any], key: str, *, optional: bool = False, max_len: int = 80) -> str | None:
    value = p.get(key)
    if value is None and optional:
        return None
    if not is_plain(value, max_len):
        raise Rejected("invalid_payload", f"payload.{key} must be a printable string of at most {max_len} characters")
    return value


def whole(p: dict, key: str, *, default: int | None = None, low: int = -MAX_CENTS, high: int = MAX_CENTS) -> int:
    value = p.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise Rejected("invalid_payload", f"payload.{key} must be a whole number in [{low}, {high}]")
    return value


def member_state(work: UnitOfWork, code: str | None) -> MemberState:
    state = work.resolve(code)
    if state is None:
        raise Rejected("unknown_member", f"HQ does not know member {code!r} (yet)")
    return state


def new_member(work: UnitOfWork, data: object, store_id: str) -> MemberState:
    """The enrolled member, checked as strictly as the till checked it."""
    if not isinstance(data, dict):
        raise Rejected("invalid_payload", "payload.member must be an object")
    if data.get("consent_terms") is not True:  # the checkbox's true, not any truthy text
        raise Rejected("invalid_payload", "payload.member.consent_terms must be true")
    try:
        member = Member.from_dict(data)
        member = replace(
            member,
            phone=phones.normalize_mobile(member.phone, work.region_of(store_id)),
            name=clean_name(member.name),
            tier_code=work.rules.ladder.lowest.code,  # HQ's base tier, whatever the till wrote
            home_store=member.home_store or store_id,
            status=ACTIVE,
            merged_into=None,
        )
    except DomainError as exc:
        raise Rejected("invalid_payload", f"payload.member: {exc.message}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Rejected("invalid_payload", f"payload.member is malformed: {exc}") from None
    if not is_member_code(member.member_code):
        raise Rejected("invalid_payload", "payload.member.member_code is not a member code")
    if member.referrer_code is not None and not is_plain(member.referrer_code, 20):
        raise Rejected("invalid_payload", "payload.member.referrer_code must be a member code")
    if not is_plain(member.home_store, 40):
        raise Rejected("invalid_payload", "payload.member.home_store must be a store id")
    return MemberState(member)


def entries(work: UnitOfWork, raw: object, pending: MemberState | None = None) -> list[Entry]:
    """The event's ledger entries, booked to the member each code resolves to today."""
    if raw is None:
        return []
    if not isinstance(raw, list) or len(raw) > MAX_ENTRIES:
        raise Rejected("invalid_payload", f"payload.ledger must be a list of at most {MAX_ENTRIES} entries")
    return [_entry(work, item, pending) for item in raw]


def _entry(work: UnitOfWork, item: object, pending: MemberState | None) -> Entry:
    entry = _parse_entry(item)
    _check_sign(entry)
    if pending is not None and entry.member_code == pending.code:
        target = pending
    else:
        target = member_state(work, entry.member_code)
    if entry.points > 0 and entry.expires_on is None:
        if entry.on.year > 9000:  # lot_expiry would leave the calendar; no real till is that far ahead
            raise Rejected("invalid_payload", f"ledger entry date {entry.on} is impossible")
        entry = replace(entry, expires_on=ledger.lot_expiry(entry.on, work.rules.expiry_months))
    if target.code != entry.member_code:
        entry = replace(entry, member_code=target.code)
    return entry  # its entry_id is the till's name for it; HQ stores its own (hq.services.trust.entry_id)


def _parse_entry(item: object) -> Entry:
    if not isinstance(item, dict):
        raise Rejected("invalid_payload", "a ledger entry must be an object")
    points, entry_id = item.get("points"), item.get("entry_id")
    if not isinstance(points, int) or isinstance(points, bool):
        raise Rejected("invalid_payload", "ledger entry points must be a whole number")
    if not is_plain(entry_id, 64):
        raise Rejected("invalid_payload", "ledger entry_id must be a printable string of at most 64 characters")
    try:
        entry = Entry.from_dict(item)
    except (KeyError, TypeError, ValueError) as exc:
        raise Rejected("invalid_payload", f"a ledger entry is malformed: {exc}") from None
    if not is_plain(item.get("member_code"), 20) or not isinstance(item.get("on"), str):
        raise Rejected("invalid_payload", "ledger entry member_code and on must be strings")
    return entry


def _check_sign(entry: Entry) -> None:
    if entry.kind not in TILL_KINDS:
        raise Rejected("invalid_payload", f"ledger entry kind {entry.kind!r} cannot come from a till")
    wrong = (entry.kind in POSITIVE and entry.points <= 0) or (entry.kind in NEGATIVE and entry.points >= 0)
    if wrong or entry.points == 0 or abs(entry.points) > MAX_POINTS:
        raise Rejected("invalid_payload", f"{entry.points} points is impossible for a {entry.kind} entry")


def parse_instant(text: str) -> dt.datetime:
    """ISO 8601 / RFC 3339, including the lower-case 't' and 'z' RFC 3339 allows."""
    return dt.datetime.fromisoformat(text.upper())
