"""How a sale was paid: cash (with the amount received and the change), card, or other.

Only the amount left after coupon and points (`paid_cents`) is tendered. Cash may be more than
that (the change is given back); card and other are always exactly the amount due.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import DomainError
from .money import MAX_AMOUNT_CENTS

CASH, CARD, OTHER = "cash", "card", "other"
METHODS = (CASH, CARD, OTHER)


@dataclass(frozen=True)
class Tender:
    method: str
    received_cents: int
    change_cents: int

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "received_cents": self.received_cents, "change_cents": self.change_cents}


def settle(method: str, due_cents: int, received_cents: int | None = None) -> Tender:
    """The tender for `due_cents`; cash with no amount received means the exact amount."""
    if method not in METHODS:
        raise DomainError("invalid_tender", f"Not a payment method: {str(method)[:20]!r}", value=str(method)[:20])
    if received_cents is None or method != CASH:
        received_cents = due_cents
    if not isinstance(received_cents, int) or isinstance(received_cents, bool):
        raise DomainError("invalid_amount", "Amounts are whole cents", value=str(received_cents)[:40])
    if received_cents < 0 or received_cents > MAX_AMOUNT_CENTS:
        raise DomainError("invalid_amount", f"Impossible amount: {received_cents} cents", value=str(received_cents))
    if received_cents < due_cents:
        raise DomainError("not_enough_cash", "The cash received is less than the amount due",
                          received_cents=received_cents, due_cents=due_cents)  # fmt: skip
    return Tender(method, received_cents, received_cents - due_cents)


def from_dict(raw: object, due_cents: int) -> Tender:
    """A stored or received tender, checked again (a receipt body from before tenders were kept: exact cash)."""
    if not isinstance(raw, dict):
        return settle(CASH, due_cents)
    return settle(raw.get("method", CASH), due_cents, raw.get("received_cents"))
