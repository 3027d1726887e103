"""Turning command-line text into domain values, refusing what does not fit."""

import datetime as dt
import getpass
import re
import sys

from loyalty_core.errors import DomainError
from loyalty_core.money import parse_amount
from loyalty_core.pricing import CartLine

_INT = re.compile(r"^-?[0-9]{1,9}$")
_RUN = re.compile(r"[0-9]{1,18}")  # a reconciliation run id: a row id, never beyond SQLite's 64 bits
MIN_YEAR, MAX_YEAR = 2000, 2100  # a till's business dates; anything else is a typo or a broken clock


def parse_int(text: str, what: str) -> int:
    if not _INT.fullmatch(str(text).strip()):
        raise DomainError(f"invalid_{what}", f"Not a whole number: {str(text)[:40]!r}", value=str(text)[:40])
    return int(text)


def parse_line(text: str) -> CartLine:
    """'SKU|CATEGORY|UNIT_PRICE|QTY' -> CartLine (price in currency units, e.g. 150.00)."""
    parts = str(text).split("|")
    if len(parts) != 4:
        raise DomainError("invalid_line", "A line is SKU|CATEGORY|UNIT_PRICE|QTY", value=str(text)[:80])
    sku, category, price, qty = parts
    return CartLine(sku.strip(), category.strip(), parse_amount(price), parse_int(qty, "quantity")).checked()


def parse_return_line(text: str) -> tuple[str, int]:
    sku, sep, qty = str(text).partition(":")
    if not sep:
        raise DomainError("invalid_line", "A returned line is SKU:QTY", value=str(text)[:80])
    n = parse_int(qty, "quantity")
    if n <= 0:
        raise DomainError("invalid_quantity", f"Impossible quantity: {n}", value=str(n))
    return sku.strip(), n


def parse_at(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        at = dt.datetime.fromisoformat(str(text).strip())
    except ValueError:
        raise DomainError(
            "invalid_datetime", "Expected an ISO date-time like 2026-11-24T10:30", value=str(text)[:40]
        ) from None
    _check_year(at.year, "invalid_datetime", text)
    return at if at.tzinfo else at.astimezone()


def parse_date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        day = dt.date.fromisoformat(str(text).strip())
    except ValueError:
        raise DomainError("invalid_date", "Expected a date like 2026-11-24", value=str(text)[:40]) from None
    _check_year(day.year, "invalid_date", text)
    return day


def _check_year(year: int, code: str, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DomainError(code, f"Dates must be between {MIN_YEAR} and {MAX_YEAR}", value=str(text)[:40])


def parse_run(text: str | None) -> int | None:
    if text is None:
        return None
    if not _RUN.fullmatch(str(text).strip()):
        raise DomainError("invalid_run", f"Not a reconciliation run id: {str(text)[:40]!r}", value=str(text)[:40])
    return int(text)


def read_pin(stream=None) -> str:
    """A PIN from standard input (one line), never from the command line where `ps` and the shell
    history would keep it; typed at a terminal it is not echoed."""
    stream = stream or sys.stdin
    if stream is None:
        raise DomainError("pin_required", "Give the PIN on standard input (--pin-stdin)")
    pin = getpass.getpass("PIN: ") if stream.isatty() else stream.readline(64)
    pin = pin.rstrip("\r\n")
    if not pin:
        raise DomainError("pin_required", "Give the PIN on standard input (--pin-stdin)")
    return pin
