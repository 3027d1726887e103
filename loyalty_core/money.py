"""Amounts are integer cents. Parsing goes through text, never through float."""

import re

from .errors import DomainError

# Nothing in a store costs a million; refusing absurd amounts early keeps a
# typo (an extra zero or two) from becoming a sale.
MAX_AMOUNT_CENTS = 100_000_000

_AMOUNT = re.compile(r"^(?:[0-9]{1,9}|[0-9]{1,3}(?:,[0-9]{3}){1,2})(?:\.[0-9]{1,2})?$")


def parse_amount(text: str) -> int:
    """'150.00' -> 15000. Refuses negatives, more than two decimals, and junk."""
    cleaned = str(text).strip()
    if not _AMOUNT.fullmatch(cleaned):
        raise DomainError("invalid_amount", f"Not an amount: {str(text)[:40]!r}", value=str(text)[:40])
    whole, _, frac = cleaned.replace(",", "").partition(".")
    cents = int(whole) * 100 + int((frac + "00")[:2])
    check_amount(cents)
    return cents


def check_amount(cents: int, *, allow_zero: bool = False) -> int:
    if not isinstance(cents, int) or isinstance(cents, bool):
        raise DomainError("invalid_amount", "Amounts are whole cents", value=str(cents)[:40])
    if cents < 0 or (cents == 0 and not allow_zero) or cents > MAX_AMOUNT_CENTS:
        raise DomainError("invalid_amount", f"Impossible amount: {cents} cents", value=str(cents))
    return cents


def format_cents(cents: int) -> str:
    """15000 -> '150.00' (the plain, locale-free form used in JSON and logs)."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole}.{frac:02d}"


def percent_of(cents: int, basis_points: int) -> int:
    """Share of an amount, rounded half up to the cent (2% of 399.90 = 8.00)."""
    return (cents * basis_points + 5_000) // 10_000


def allocate(total: int, weights: list[int]) -> list[int]:
    """Split `total` over `weights` so the parts add up exactly.

    Largest remainder method: floor every share, then hand the leftover units
    to the largest fractional parts (earliest first on ties). Used to spread a
    sale-level discount or earn over its lines so returns never drift.
    """
    weight_sum = sum(weights)
    if weight_sum == 0:
        return [0] * len(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    shares = [magnitude * w // weight_sum for w in weights]
    remainders = [magnitude * w % weight_sum for w in weights]
    leftover = magnitude - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:leftover]:
        shares[i] += 1
    return [sign * s for s in shares]
