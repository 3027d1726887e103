"""Checks for everything a person types or scans before it reaches a rule.

Each check returns the cleaned value or raises DomainError; nothing here
touches storage, so a refused input can never have changed anything.
"""

import datetime as dt
import re
import unicodedata

from .errors import DomainError

MAX_NAME = 60
MAX_TEXT = 80

# Letters and marks of any script, spaces, and the punctuation real names use.
_NAME_EXTRA = set(" '-.·・")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")


def clean_name(text: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", str(text)).split())
    if not name:
        raise DomainError("invalid_name", "A name is required")
    if len(name) > MAX_NAME:
        raise DomainError("name_too_long", f"Name longer than {MAX_NAME} characters", max=MAX_NAME)
    for ch in name:
        if ch in _NAME_EXTRA:
            continue
        if unicodedata.category(ch)[0] not in "LM":
            raise DomainError("invalid_name", f"Names cannot contain {ch!r}", char=ch)
    return name


def parse_birthday(text: str | None, today: dt.date) -> dt.date | None:
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip()
    try:
        if not _ISO_DATE.fullmatch(raw):
            raise ValueError(raw)
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise DomainError("invalid_birthday", "Birthday must be YYYY-MM-DD", value=str(text)[:20]) from None
    if day > today or day.year < today.year - 120:
        raise DomainError("invalid_birthday", "Birthday is not a real date of birth", value=str(text)[:20])
    return day


def clean_code(text: str, what: str) -> str:
    """SKUs, categories, reason codes, ids: short and plain, never free text."""
    code = str(text).strip()
    if not _CODE.fullmatch(code):
        raise DomainError(f"invalid_{what}", f"Not a valid {what}: {code[:40]!r}", value=code[:40])
    return code


def clean_text(text: str, what: str, max_len: int = MAX_TEXT) -> str:
    value = " ".join(str(text).split())
    if not value or len(value) > max_len or any(unicodedata.category(c) == "Cc" for c in value):
        raise DomainError(f"invalid_{what}", f"Not a valid {what}", max=max_len)
    return value


def check_quantity(qty: int) -> int:
    if not isinstance(qty, int) or isinstance(qty, bool) or not 1 <= qty <= 999:
        raise DomainError("invalid_quantity", f"Impossible quantity: {qty}", value=str(qty)[:20])
    return qty


def check_points(points: int, *, allow_negative: bool = False, limit: int = 10_000_000) -> int:
    if not isinstance(points, int) or isinstance(points, bool):
        raise DomainError("invalid_points", "Points are whole numbers")
    low = -limit if allow_negative else 0
    if not low <= points <= limit or (allow_negative and points == 0):
        raise DomainError("invalid_points", f"Impossible number of points: {points}", value=str(points))
    return points
