"""What HQ refuses in any event before a handler reads it, so one bad event is rejected alone.

The API checked the envelope's shape; this checks the content every handler
relies on: text PostgreSQL can store (no NUL, no lone surrogate: either one
used to fail the whole batch with a 500), JSON booleans where a yes/no is
meant (`bool("false")` is True), member codes matching their pattern exactly,
and dates a real till can produce.
"""

import datetime as dt

from loyalty_core.qr import is_member_code

from .payload import Rejected, parse_instant

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_DEPTH = 20  # an event is a few levels deep; anything deeper is not from a till
_FLAGS = ("consent_terms", "consent_marketing")


def check_event(event: dict) -> None:
    """Raises `Rejected("invalid_payload", ...)` naming the first problem; changes nothing."""
    _check_text(event, "event", 0)
    _check_instant(event.get("occurred_at"), "occurred_at")
    p = event.get("payload")
    if not isinstance(p, dict):
        return  # the handler says what is missing
    _check_code(p, "member_code", "payload")
    member = p.get("member")
    if isinstance(member, dict):
        _check_flags(member, "payload.member", required=("consent_terms",))
        _check_code(member, "member_code", "payload.member")
        _check_code(member, "referrer_code", "payload.member")
        _check_instant(member.get("enrolled_at"), "payload.member.enrolled_at")
        _check_day(member.get("birthday"), "payload.member.birthday", earliest=1900)
    changes = p.get("changes")
    if isinstance(changes, dict):
        _check_flags(changes, "payload.changes")
        _check_day(changes.get("birthday"), "payload.changes.birthday", earliest=1900)
    entries = p.get("ledger")
    for i, item in enumerate(entries if isinstance(entries, list) else ()):
        if isinstance(item, dict):
            where = f"payload.ledger[{i}]"
            _check_code(item, "member_code", where)
            _check_day(item.get("on"), f"{where}.on")
            _check_day(item.get("expires_on"), f"{where}.expires_on", latest=MAX_YEAR + 2)


def _check_text(value: object, where: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise Rejected("invalid_payload", f"{where} is nested too deeply")
    if isinstance(value, str):
        _check_string(value, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_string(key, f"a key in {where}")
            _check_text(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_text(item, f"{where}[{i}]", depth + 1)


def _check_string(text: str, where: str) -> None:
    if "\x00" in text:
        raise Rejected("invalid_payload", f"{where} contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise Rejected("invalid_payload", f"{where} contains a lone surrogate (not UTF-8)") from None


def _check_flags(data: dict, where: str, required: tuple[str, ...] = ()) -> None:
    for key in _FLAGS:
        if (key in data or key in required) and not isinstance(data.get(key), bool):
            raise Rejected("invalid_payload", f"{where}.{key} must be true or false (a JSON boolean)")


def _check_code(data: dict, key: str, where: str) -> None:
    value = data.get(key)
    if value is not None and not is_member_code(value):
        raise Rejected("invalid_payload", f"{where}.{key} is not a member code (M and 10 letters or digits)")


def _check_instant(value: object, where: str) -> None:
    if value is None:
        return
    try:
        year = parse_instant(value).year if isinstance(value, str) else None
    except ValueError:
        raise Rejected("invalid_payload", f"{where} is not an ISO 8601 time") from None
    if year is None or not MIN_YEAR <= year <= MAX_YEAR:
        raise Rejected("invalid_payload", f"{where} must be a time between {MIN_YEAR} and {MAX_YEAR}")


def _check_day(value: object, where: str, *, earliest: int = MIN_YEAR, latest: int = MAX_YEAR) -> None:
    """Business dates within the till's era; birthdays may be older, expiry a little later."""
    if value is None:
        return
    try:
        year = dt.date.fromisoformat(value).year if isinstance(value, str) else None
    except ValueError:
        raise Rejected("invalid_payload", f"{where} is not a YYYY-MM-DD date") from None
    if year is None or not earliest <= year <= latest:
        raise Rejected("invalid_payload", f"{where} must be a date between {earliest} and {latest}")
