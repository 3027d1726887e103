"""The sale being rung up, on the GUI thread: plain state plus `changed` signals.

Nothing here touches the database. The sale id is made when the cart starts, so
confirming twice (a double key press, a retry) can only ever record one sale.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, Signal

from loyalty_core.ids import uuid7
from loyalty_core.pricing import CartLine, Quote

from ..services import BY_CARD, BY_CODE, MemberView, Receipt, SaleRequest

OPEN_SKU = "OPEN"
MAX_QTY = 999


@dataclass(frozen=True)
class CartItem:
    sku: str
    category: str
    unit_price_cents: int
    qty: int
    names: dict | None = None  # None for an open amount

    @property
    def open_amount(self) -> bool:
        return self.sku == OPEN_SKU

    @property
    def subtotal_cents(self) -> int:
        return self.unit_price_cents * self.qty

    def line(self) -> CartLine:
        return CartLine(self.sku, self.category, self.unit_price_cents, self.qty)


class SaleModel(QObject):
    member_changed = Signal()
    lines_changed = Signal()
    options_changed = Signal()  # redeem points or coupon
    quote_changed = Signal()
    state_changed = Signal()  # confirming / confirmed / new sale

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.version = 0
        self._clear()

    def _clear(self) -> None:
        self.sale_id = uuid7()
        self.member: MemberView | None = None
        self.items: list[CartItem] = []
        self.redeem_points = 0
        self.coupon_code: str | None = None
        self.quote: Quote | None = None
        self.receipt: Receipt | None = None
        self.confirming = False
        # how the member was found (a scanned card, a typed phone or code) and HQ's proof of a one-time
        # code: above the rules' threshold only these let points pay (pos_app/services/identity.py)
        self.identified_by = BY_CODE
        self.otp_id: str | None = None
        self.identity_asked = 0  # the points typed when the service stopped them at the threshold

    # -- state --------------------------------------------------------------------------------

    @property
    def confirmed(self) -> bool:
        return self.receipt is not None

    @property
    def has_unconfirmed(self) -> bool:
        return bool(self.items) and self.receipt is None

    @property
    def can_confirm(self) -> bool:
        return bool(self.items and self.member and self.quote and not self.confirming and not self.confirmed)

    def lines(self) -> list[CartLine]:
        return [item.line() for item in self.items]

    def request(self, *, redeem_points: int | None = None, **confirm: Any) -> SaleRequest:
        """This sale as the service takes it; `confirm`: cashier_id, tender_method, received_cents."""
        if self.member is None:
            raise ValueError("a sale needs a member before it is quoted or confirmed")
        points = self.redeem_points if redeem_points is None else redeem_points
        return SaleRequest(self.member.member_code, self.lines(), points, self.coupon_code, sale_id=self.sale_id,
                           identified_by=self.identified_by, otp_id=self.otp_id, **confirm)  # fmt: skip

    def local_subtotal(self) -> int:
        return sum(item.subtotal_cents for item in self.items)

    def _touch(self, signal) -> None:
        self.version += 1
        self.quote = None
        signal.emit()

    # -- edits (refused once the sale is confirmed) -------------------------------------------

    def new_sale(self) -> None:
        self._clear()
        self.version += 1
        self.member_changed.emit()
        self.lines_changed.emit()
        self.options_changed.emit()
        self.quote_changed.emit()
        self.state_changed.emit()

    def set_member(self, member, identified_by: str = BY_CODE) -> None:
        if self.confirmed:
            self.new_sale()
        same = self.member is not None and member is not None and self.member.member_code == member.member_code
        if self.member is not None and member is not None and not same:
            self.redeem_points, self.coupon_code = 0, None
        if not same:
            self.identified_by, self.otp_id, self.identity_asked = identified_by, None, 0
        elif identified_by == BY_CARD:  # the card of the member already here: what was asked for is allowed
            self.identified_by = BY_CARD
            self._restore_asked()
        self.member = member
        self._touch(self.member_changed)

    def prove_with_code(self, otp_id: str) -> None:
        """HQ verified the one-time code: the points asked for go back in."""
        if not self.confirmed and self.member is not None:
            self.otp_id = otp_id
            self._restore_asked()
            self._touch(self.options_changed)

    def _restore_asked(self) -> None:
        if self.identity_asked > self.redeem_points:
            self.redeem_points = self.identity_asked
        self.identity_asked = 0

    def refresh_member(self, member) -> None:
        """Same member, newer figures (after a sync or an adjustment)."""
        if self.member is not None and member.member_code == self.member.member_code and not self.confirmed:
            self.member = member
            self._touch(self.member_changed)

    def add_product(self, product, qty: int = 1) -> int:
        if self.confirmed:
            self.new_sale()
        for i, item in enumerate(self.items):
            if item.sku == product.sku and not item.open_amount:
                self.items[i] = replace(item, qty=min(MAX_QTY, item.qty + qty))
                self._touch(self.lines_changed)
                return i
        self.items.append(CartItem(product.sku, product.category, product.price_cents, qty, dict(product.names)))
        self._touch(self.lines_changed)
        return len(self.items) - 1

    def add_open_amount(self, cents: int, category: str) -> int:
        if self.confirmed:
            self.new_sale()
        self.items.append(CartItem(OPEN_SKU, category, cents, 1, None))
        self._touch(self.lines_changed)
        return len(self.items) - 1

    def set_qty(self, index: int, qty: int) -> None:
        if self.confirmed or not 0 <= index < len(self.items):
            return
        qty = max(1, min(MAX_QTY, int(qty)))
        if self.items[index].qty != qty:
            self.items[index] = replace(self.items[index], qty=qty)
            self._touch(self.lines_changed)

    def remove(self, index: int) -> None:
        if self.confirmed or not 0 <= index < len(self.items):
            return
        del self.items[index]
        self._touch(self.lines_changed)

    def set_redeem(self, points: int) -> None:
        if not self.confirmed and points != self.redeem_points:
            self.redeem_points = max(0, int(points))
            self._touch(self.options_changed)

    def set_coupon(self, code: str | None) -> None:
        if not self.confirmed and code != self.coupon_code:
            self.coupon_code = code or None
            self._touch(self.options_changed)

    # -- results from the worker --------------------------------------------------------------

    def set_quote(self, quote: Quote, version: int) -> bool:
        if version != self.version or self.confirmed:
            return False  # the cart changed since this quote was asked for
        self.quote = quote
        if quote.points_redeemed != self.redeem_points:
            self.redeem_points = quote.points_redeemed
        self.quote_changed.emit()
        return True

    def begin_confirm(self) -> bool:
        if not self.can_confirm:
            return False
        self.confirming = True
        self.state_changed.emit()
        return True

    def end_confirm(self, receipt=None) -> None:
        self.confirming = False
        if receipt is not None:
            self.receipt = receipt
        self.state_changed.emit()
