"""The line under the cart: "Sale R-… confirmed: earned …" once confirmed, "Confirming…" meanwhile.

It keeps its place, filled or empty, so confirming never moves the cart.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .. import fmt
from ..i18n import translate
from ..sale import SaleModel


class SaleDoneLine(QLabel):
    def __init__(self, sale: SaleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sale = sale
        self.setObjectName("saleDone")
        self.setWordWrap(True)
        self.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 8)

    def show_state(self) -> None:
        self.setText(self._text())

    def _text(self) -> str:
        sale, r = self.sale, self.sale.receipt
        if sale.confirmed and r is not None:
            return translate(
                "Checkout", "Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}."
            ).format(receipt=r.receipt_no, earned=fmt.points(r.points_earned),
                     redeemed=fmt.points(r.points_redeemed), balance=fmt.points(r.balance_after))  # fmt: skip
        if sale.confirming:
            return translate("Checkout", "Confirming…")
        return ""
