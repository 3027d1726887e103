"""Totals that follow the cart: subtotal, tier discount, coupon, points to redeem, to pay, points earned."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from .. import fmt
from ..i18n import translate
from ..sale import SaleModel
from ..scanner import scan_field
from .common import TOUCH_HEIGHT, Card, FKeyButton, Translatable, keep_place, when_done
from .redeem_identity import RedeemIdentityBox

MAX_TYPED_POINTS = 10_000_000  # the box takes any number; the quote brings it into what the sale takes


def coupon_text(coupon) -> str:
    if coupon.kind == "percent":
        off = translate("Totals", "{percent}% off").format(percent=fmt.number(coupon.value // 100))
    else:
        off = translate("Totals", "{amount} off").format(amount=fmt.money(coupon.value))
    if coupon.min_spend_cents:
        off += " " + translate("Totals", "(spend {amount})").format(amount=fmt.money(coupon.min_spend_cents))
    return off


def _minus(cents: int) -> str:
    return f"-{fmt.money(cents)}" if cents else fmt.money(0)


class TotalsPanel(Translatable, Card):
    finished = Signal()  # Enter/Tab in the points box, Max, a coupon chosen: the scan field is next

    def __init__(self, session, sale: SaleModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sale = sale
        self.setObjectName("totals")
        self.titles = {k: QLabel() for k in ("subtotal", "discount", "coupon", "redeem", "pay", "earn")}
        self.values = {k: QLabel() for k in ("subtotal", "discount", "coupon", "redeem", "pay", "earn")}
        for k, label in self.values.items():
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setObjectName(f"total_{k}")
        self.titles["pay"].setObjectName("payTitle")

        self.coupon_combo = QComboBox()
        self.coupon_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.coupon_combo.activated.connect(self._on_coupon)
        self.coupon_combo.activated.connect(lambda _i: self.finished.emit())

        self.redeem_spin = scan_field(QSpinBox())
        self.redeem_spin.setSingleStep(100)
        self.redeem_spin.setRange(0, MAX_TYPED_POINTS)
        self.redeem_spin.setObjectName("redeemPoints")
        when_done(self.redeem_spin, self.finished.emit)
        self.redeem_spin.setMinimumHeight(TOUCH_HEIGHT)
        self.redeem_spin.setKeyboardTracking(False)  # quote once the number is typed, not per digit
        self.redeem_spin.valueChanged.connect(self._on_redeem)
        self.redeem_max_button = QPushButton()
        self.redeem_max_button.setMinimumHeight(TOUCH_HEIGHT)
        self.redeem_max_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.redeem_max_button.clicked.connect(self.redeem_max)
        self.redeem_max_button.clicked.connect(self.finished.emit)
        self.redeem_hint = QLabel()
        self.redeem_hint.setObjectName("muted")
        self.identity_box = RedeemIdentityBox()  # shown when a typed phone asks for more than the threshold
        self.hint = QLabel()
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        keep_place(self.hint)
        self.confirm_button = FKeyButton(Qt.Key.Key_F12, primary=True)
        self.confirm_button.setMinimumHeight(64)

        grid = QGridLayout()
        grid.addWidget(self.titles["subtotal"], 0, 0)
        grid.addWidget(self.values["subtotal"], 0, 1)
        grid.addWidget(self.titles["discount"], 1, 0)
        grid.addWidget(self.values["discount"], 1, 1)
        grid.addWidget(self.titles["coupon"], 2, 0)
        grid.addWidget(self.values["coupon"], 2, 1)
        grid.addWidget(self.coupon_combo, 3, 0, 1, 2)
        grid.addWidget(self.titles["redeem"], 4, 0)
        grid.addWidget(self.values["redeem"], 4, 1)
        redeem_row = QHBoxLayout()
        redeem_row.addWidget(self.redeem_spin, 1)
        redeem_row.addWidget(self.redeem_max_button)
        grid.addLayout(redeem_row, 5, 0, 1, 2)
        grid.addWidget(self.redeem_hint, 6, 0, 1, 2)
        grid.addWidget(self.identity_box, 7, 0, 1, 2)
        grid.addWidget(self.titles["pay"], 8, 0)
        grid.addWidget(self.values["pay"], 8, 1)
        grid.addWidget(self.titles["earn"], 9, 0)
        grid.addWidget(self.values["earn"], 9, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.confirm_button)

        for signal in (sale.lines_changed, sale.member_changed, sale.options_changed, sale.quote_changed,
                       sale.state_changed):  # fmt: skip
            signal.connect(self.show_state)
        sale.member_changed.connect(self._fill_coupons)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "subtotal": translate("Totals", "Subtotal"),
            "discount": translate("Totals", "Member discount"),
            "coupon": translate("Totals", "Coupon"),
            "redeem": translate("Totals", "Points as payment"),
            "pay": translate("Totals", "To pay"),
            "earn": translate("Totals", "Points earned"),
        }
        for k, text in titles.items():
            self.titles[k].setText(text)
        self.redeem_max_button.setText(translate("Totals", "Max"))
        self.confirm_button.set_label(translate("Totals", "Confirm sale"))
        self._fill_coupons()
        self.show_state()

    def _fill_coupons(self) -> None:
        self.coupon_combo.blockSignals(True)
        self.coupon_combo.clear()
        self.coupon_combo.addItem(translate("Totals", "No coupon"), None)
        member = self.sale.member
        codes = []
        for c in member.coupons if member else []:
            self.coupon_combo.addItem(coupon_text(c), c.code)
            codes.append(c.code)
        if self.sale.coupon_code and self.sale.coupon_code not in codes:
            self.coupon_combo.addItem(translate("Totals", "Scanned coupon"), self.sale.coupon_code)
        index = self.coupon_combo.findData(self.sale.coupon_code) if self.sale.coupon_code else 0
        self.coupon_combo.setCurrentIndex(max(0, index))
        self.coupon_combo.setEnabled(member is not None and self.coupon_combo.count() > 1)
        self.coupon_combo.blockSignals(False)

    def _on_coupon(self, index: int) -> None:
        self.sale.set_coupon(self.coupon_combo.itemData(index))

    def _on_redeem(self, value: int) -> None:
        self.sale.set_redeem(value)

    def redeem_max(self) -> None:
        if self.sale.quote is not None:
            self.redeem_spin.setValue(self.sale.quote.max_redeem_points)

    def show_state(self) -> None:
        sale, q = self.sale, self.sale.quote
        if self.sale.coupon_code and self.coupon_combo.findData(self.sale.coupon_code) < 0:
            self._fill_coupons()
        dash = "—"
        self.values["subtotal"].setText(fmt.money(q.subtotal_cents if q else sale.local_subtotal()))
        self.values["discount"].setText(_minus(q.discount_cents) if q else dash)
        self.values["coupon"].setText(_minus(q.coupon_cents) if q else dash)
        self.values["redeem"].setText(_minus(q.redeem_cents) if q else dash)
        self.values["pay"].setText(fmt.money(q.paid_cents if q else sale.local_subtotal()))
        self.values["earn"].setText(fmt.points(q.points_earned) if q else dash)
        if q is not None:
            step = self.session.rules.redeem.points_per_step if self.session.ready else 100
            self.redeem_spin.blockSignals(True)
            self.redeem_spin.setSingleStep(step)
            self.redeem_spin.setValue(q.points_redeemed)
            self.redeem_spin.blockSignals(False)
            self.redeem_hint.setText(
                translate("Totals", "Up to {points} points, in steps of {step}").format(
                    points=fmt.points(q.max_redeem_points), step=fmt.number(step)
                )
            )
        else:  # nothing quoted (a new sale, an empty cart): no points left over from the last sale
            self.redeem_spin.blockSignals(True)
            self.redeem_spin.setValue(sale.redeem_points if sale.items else 0)
            self.redeem_spin.blockSignals(False)
            if sale.member is None or not sale.items:
                self.redeem_hint.setText("")
        editable = sale.member is not None and bool(sale.items) and not sale.confirmed and not sale.confirming
        self.redeem_spin.setEnabled(editable and q is not None and q.max_redeem_points > 0)
        self.redeem_max_button.setEnabled(self.redeem_spin.isEnabled())
        self.coupon_combo.setEnabled(editable and self.coupon_combo.count() > 1)
        if sale.member is None:
            self.hint.setText(translate("Totals", "Identify the member to collect points."))
        elif not sale.items:
            self.hint.setText(translate("Totals", "Scan or type a product code."))
        else:
            self.hint.setText("")
        self.hint.setVisible(bool(self.hint.text()))
        self.confirm_button.setEnabled(sale.can_confirm)
