"""Returns: give back exactly the line's share of what the sale took and gave.

For a line sold as `qty` units with an allocated amount X, returning units
(r, r+k] hands back X*(r+k)//qty - X*r//qty. Summed over any sequence of
partial returns that ends with every unit back, that is exactly X.
"""

from dataclasses import dataclass
from typing import Any

from .errors import DomainError
from .pricing import PricedLine


@dataclass(frozen=True)
class ReturnedLine:
    sku: str
    qty: int
    refund_cents: int  # money back to the customer
    points_taken_back: int  # earned points the member loses
    points_given_back: int  # redeemed points the member gets back
    spend_cents: int  # qualifying spend to remove

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _share(amount: int, qty: int, before: int, now: int) -> int:
    return amount * (before + now) // qty - amount * before // qty


def return_line(line: PricedLine, already_returned: int, qty: int) -> ReturnedLine:
    if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
        raise DomainError("invalid_quantity", f"Impossible quantity: {qty}", value=str(qty)[:20])
    if already_returned + qty > line.qty:
        raise DomainError(
            "return_too_many",
            f"Only {line.qty - already_returned} of {line.sku} can still be returned",
            sku=line.sku,
            left=line.qty - already_returned,
        )
    paid = _share(line.paid_cents, line.qty, already_returned, qty)
    return ReturnedLine(
        sku=line.sku,
        qty=qty,
        refund_cents=paid,
        points_taken_back=_share(line.points_earned, line.qty, already_returned, qty),
        points_given_back=_share(line.points_redeemed, line.qty, already_returned, qty),
        spend_cents=paid,
    )
