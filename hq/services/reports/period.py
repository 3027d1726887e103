"""Report periods: business days in the chain's time zone, validated query input."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from loyalty_core.errors import DomainError

DEFAULT_TZ = "Asia/Taipei"
MAX_DAYS = 3 * 366
FIRST_YEAR, LAST_YEAR = 2000, 2999  # room for the windows reports look back over (a year, 90 days)


def chain_zone(rules_document: dict) -> ZoneInfo:
    """The chain's time zone: `time_zone` in the published rules, Asia/Taipei by default."""
    try:
        return ZoneInfo(str(rules_document.get("time_zone") or DEFAULT_TZ))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def business_day(now: dt.datetime, zone: ZoneInfo) -> dt.date:
    return now.astimezone(zone).date()


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    store: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def parse_day(text: object, field: str) -> dt.date:
    if not isinstance(text, str) or len(text) != 10:
        raise DomainError("invalid_date", f"{field}: expected a date as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise DomainError("invalid_date", f"{field}: {text[:10]!r} is not a date (YYYY-MM-DD)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DomainError("invalid_date", f"{field}: years {FIRST_YEAR} to {LAST_YEAR} only")
    return day


def period(start: object, end: object, store: object = None) -> Period:
    """A validated period; both ends inclusive, at most three years long."""
    first, last = parse_day(start, "from"), parse_day(end, "to")
    if last < first:
        raise DomainError("invalid_range", "'to' is before 'from'")
    if (last - first).days >= MAX_DAYS:
        raise DomainError("invalid_range", f"A report covers at most {MAX_DAYS} days")
    store_id = None
    if store is not None and store != "":
        from ..admin import check_id

        store_id = check_id(store, "store_id")
    return Period(first, last, store_id)
