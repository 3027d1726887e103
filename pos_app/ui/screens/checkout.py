"""The home screen: identify the member, ring up the cart, redeem, confirm, receipt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from loyalty_core import qr
from loyalty_core.errors import DomainError
from loyalty_core.phones import looks_like_phone

from ...services import BY_CODE, ClampedQuote, MemberView, Receipt, SyncStatus
from ..errors import error_text, message_for
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..ops import NOTHING, SALE, Changes, Op
from ..receipt_layout import Expiring
from ..sale import SaleModel
from ..session import Session
from ..widgets.camera_panel import CameraPanel
from ..widgets.cart_view import CartView
from ..widgets.common import MessageBar, keep_place
from ..widgets.key_bar import Key, KeyBar
from ..widgets.lookup_bar import LookupBar
from ..widgets.member_panel import MemberPanel
from ..widgets.product_entry import ProductEntry
from ..widgets.receipt_view import ReceiptView
from ..widgets.sale_done import SaleDoneLine
from ..widgets.totals_panel import TotalsPanel
from .base import Nav, Screen
from .checkout_parts import ask_to_discard_cart, clamp_text, column, page
from .identity_check import IdentityCheck
from .member_finder import MemberFinder

RECEIPT_PREFIX = "R-"
COUPON_PREFIX = "CPN1."


def is_receipt_no(text: str) -> bool:
    return text.startswith(RECEIPT_PREFIX) and 6 <= len(text) <= 60


def looks_like_member(text: str) -> bool:
    return qr.looks_like_qr(text) or qr.is_member_code(text.upper()) or looks_like_phone(text)


class CheckoutScreen(Screen):
    """Composed of small widgets: the lookup and member panel (left), the cart or the receipt
    (middle), the totals (right) and the key bar; this class runs the sale between them."""

    name = "checkout"

    def __init__(self, session: Session, nav: Nav, camera: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(session, nav, parent)
        self.camera = camera
        self.sale = SaleModel(self)
        self._confirm_when_quoted = False
        self.new_sale_question: QMessageBox | None = None
        self._build_parts()
        self.key_bar = KeyBar(self._keys())
        self.buttons = self.key_bar.buttons
        self._lay_out()
        self._connect()
        if session.ready:
            self._on_services()
        self.retranslate()

    def _keys(self) -> list[Key]:
        """The screen's one table of function keys: key, action, behaviour (words: fkeys.py)."""
        return [
            Key("open", Qt.Key.Key_F1, self.entry.focus_open_amount),
            Key("new", Qt.Key.Key_F2, self.ask_new_sale, label=("Checkout", QT_TRANSLATE_NOOP("Checkout", "New sale"))),
            Key("find", Qt.Key.Key_F3, self.lookup.focus_for_name),
            Key("enroll", Qt.Key.Key_F4, self.enroll),
            Key("camera", Qt.Key.Key_F5, self.camera_panel.toggle, checkable=True),
            Key("member", Qt.Key.Key_F6, self.member_details),
            Key("returns", Qt.Key.Key_F7, lambda: self.nav.go("returns")),
            Key("report", Qt.Key.Key_F8, lambda: self.nav.go("report")),
            Key("settings", Qt.Key.Key_F10, lambda: self.nav.go("settings")),
        ]

    def _build_parts(self) -> None:
        session = self.session
        self.lookup = LookupBar()
        self.member_panel = MemberPanel(session)
        self.camera_panel = CameraPanel(self.camera, session.settings)
        self.entry = ProductEntry(["general"])
        self.cart = CartView(session, self.sale)
        self.receipt_view = ReceiptView(session)
        self.totals = TotalsPanel(session, self.sale)
        self.message = keep_place(MessageBar(timeout_ms=8000))
        self.message.setObjectName("checkoutMessage")
        self.finder = MemberFinder(session, self.lookup, self.message, self)
        self.identity = IdentityCheck(session, self.sale, self.totals.identity_box, self.message, self)
        self.done_label = SaleDoneLine(self.sale)  # keeps its place: confirming never moves the cart
        self.middle = QStackedWidget()  # page 0: the cart being rung up; page 1: the receipt
        self.middle.addWidget(page(self.entry, (self.cart, 1)))
        self.middle.addWidget(self.receipt_view)

    def _lay_out(self) -> None:
        columns = QHBoxLayout()
        columns.addLayout(column(self.lookup, self.camera_panel, (self.member_panel, 1)), 5)
        columns.addLayout(column((self.middle, 1), self.done_label, self.message), 10)
        columns.addLayout(column((self.totals, 1)), 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.key_bar)

    def _connect(self) -> None:
        self.lookup.query.connect(self.lookup_member)
        self.lookup.picked.connect(self.attach_member)
        self.finder.found.connect(self.attach_member)
        self.entry.code_entered.connect(self._typed_product)
        self.entry.open_amount.connect(self.add_open_amount)
        self.entry.refused.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.totals.confirm_button.clicked.connect(self.confirm)
        self.totals.finished.connect(self.focus_default)
        self.cart.finished.connect(self.focus_default)
        self.camera_panel.running_changed.connect(self.buttons["camera"].setChecked)
        self.camera_panel.unavailable.connect(lambda code, detail: self.message.show_error(message_for(code, detail=detail)))
        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(0)
        self._quote_timer.timeout.connect(self._quote)
        for signal in (self.sale.lines_changed, self.sale.member_changed, self.sale.options_changed):
            signal.connect(self._quote_timer.start)
        self.sale.member_changed.connect(lambda: self.member_panel.set_member(self.sale.member))
        self.sale.state_changed.connect(self._render_state)
        self.sale.quote_changed.connect(self._on_quote)
        self.session.services_ready.connect(self._on_services)
        self.session.runner.changed.connect(self._on_changes)
        self.session.sync_status_changed.connect(self._on_sync_status)

    # -- texts --------------------------------------------------------------------------------

    def title(self) -> str:
        return translate("Checkout", "Checkout")

    def retranslate(self) -> None:
        self.key_bar.retranslate()
        self._render_state()

    def activate(self, member: MemberView | None = None, **_kwargs: object) -> None:
        if member is not None:
            self.attach_member(member)
        self.focus_default()

    def focus_default(self) -> None:
        if self.sale.member is None:
            self.lookup.focus()
        else:
            self.entry.code_edit.setFocus()

    def _on_services(self) -> None:
        categories = sorted({p.category for p in self.session.catalog} | {"general"})
        self.entry.set_categories(categories)

    # -- scans and lookups --------------------------------------------------------------------

    def handle_scan(self, text: str) -> bool:
        text = text.strip()
        if not text:
            return True
        product = self.session.product(text)
        if product is not None:
            self.add_product(product)
        elif text.startswith(COUPON_PREFIX):
            self.apply_coupon(text)
        elif is_receipt_no(text):
            self.nav.go("returns", receipt_no=text)
        elif looks_like_member(text):
            self.finder.by_code(text, scanned=True)
        else:
            self.message.show_error(message_for("not_a_code", text=text[:40]))
        return True

    def lookup_member(self, text: str) -> None:
        product = self.session.product(text)
        if product is not None:  # a barcode typed in the wrong box is still a product
            self.lookup.edit.clear()
            self.add_product(product)
        elif looks_like_member(text):
            self.finder.by_code(text, scanned=False)
        else:
            self.finder.by_name(text)

    def attach_member(self, member: MemberView, identified_by: str = BY_CODE) -> None:
        """`identified_by`: the card scanned, or a phone or code typed (a redemption above the rules'
        threshold needs the card or a one-time code: screens/identity_check.py)."""
        self.message.clear_message()
        self.lookup.hide_results()
        if self.sale.confirmed:
            self.new_sale()
        self.sale.set_member(member, identified_by)
        if member.merged_from:
            self.message.show_info(
                translate("Checkout", "Card {old} was merged into member {new}.").format(
                    old=member.merged_from, new=member.member_code
                )
            )
        self.entry.code_edit.setFocus()

    # -- the cart -----------------------------------------------------------------------------

    def _typed_product(self, text: str) -> None:
        product = self.session.product(text)
        if product is None:
            if looks_like_member(text) or text.startswith(COUPON_PREFIX) or is_receipt_no(text):
                self.entry.code_edit.clear()
                self.handle_scan(text)
                return
            self.message.show_error(message_for("unknown_product", text=text[:40]))
            self.entry.code_edit.selectAll()
            return
        self.entry.code_edit.clear()
        self.add_product(product)

    def add_product(self, product: Any, qty: int = 1) -> None:
        self.message.clear_message()
        row = self.sale.add_product(product, qty)
        self.cart.select_row(row)

    def add_open_amount(self, cents: int, category: str) -> None:
        self.message.clear_message()
        row = self.sale.add_open_amount(cents, category)
        self.cart.select_row(row)

    def apply_coupon(self, code: str) -> None:
        if self.sale.member is None:
            self.message.show_error(message_for("no_member"))
            return
        self.sale.set_coupon(code)

    # -- quotes -------------------------------------------------------------------------------

    def _quote(self) -> None:
        sale = self.sale
        if sale.member is None or not sale.items or sale.confirmed or not self.session.ready:
            return
        pos, version, req = self.session.pos, sale.version, sale.request()

        def quoted(result: ClampedQuote) -> None:
            if not sale.set_quote(result.quote, version):
                return
            self.identity.quoted(result)
            if result.clamped:
                self.message.show_info(clamp_text(result))

        def refused(exc: BaseException) -> None:
            self.message.show_error(error_text(exc))
            if isinstance(exc, DomainError) and "coupon" in exc.code and sale.version == version:
                sale.set_coupon(None)  # re-quotes without the coupon
            self._confirm_when_quoted = False

        op = Op(lambda: pos.quote_clamped(req), key="quote", parent=self)  # the service clamps the points
        self.session.run(op.success(quoted).failure(refused))

    def _on_quote(self) -> None:
        if self.sale.quote is not None and self._confirm_when_quoted:
            self._confirm_when_quoted = False
            self.confirm()

    # -- confirm ------------------------------------------------------------------------------

    def confirm(self) -> None:
        sale = self.sale
        if sale.confirming or sale.confirmed:
            return  # a second press of the confirm key: the sale is already on its way
        if sale.member is None:
            self.message.show_error(message_for("no_member"))
            self.lookup.focus()
            return
        if not sale.items:
            self.message.show_error(message_for("empty_cart"))
            self.entry.code_edit.setFocus()
            return
        if sale.quote is None:
            self._confirm_when_quoted = True  # confirms as soon as the totals are in
            return
        # F12: how it is paid (cash received and change, card, other), then the sale is confirmed
        self.session.dialogs.tender(self, sale.quote.paid_cents, self._tendered)

    def _tendered(self, method: str, received_cents: int | None) -> None:
        sale = self.sale
        if sale.quote is None or sale.confirmed or sale.member is None or not sale.begin_confirm():
            return
        pos, member = self.session.pos, sale.member
        # the points the quote took (clamped), paid as the cashier said
        req = sale.request(redeem_points=sale.quote.points_redeemed, cashier_id=self.session.cashier_id,
                           tender_method=method, received_cents=received_cents)  # fmt: skip

        def confirmed(receipt: Receipt) -> None:
            sale.end_confirm(receipt)
            # redemption takes the soonest-expiring points first: what still expires soon after this sale
            expiring = Expiring(max(0, member.expiring_30d - receipt.points_redeemed), member.expiring_on)
            self.receipt_view.set_receipt(receipt, expiring=expiring)
            self.refresh_member()

        def refused(exc: BaseException) -> None:
            sale.end_confirm(None)
            self.message.show_error(error_text(exc))

        op = Op(lambda: pos.confirm(req), changes=SALE, parent=self)  # initiated here: _on_changes skips it
        self.session.run(op.success(confirmed).failure(refused))

    def _render_state(self) -> None:
        sale = self.sale
        self.middle.setCurrentIndex(1 if sale.confirmed else 0)
        self.entry.setEnabled(not sale.confirmed and not sale.confirming)
        self.buttons["open"].setEnabled(not sale.confirmed)  # disabled, not hidden: the key bar never shifts
        self.done_label.show_state()

    def ask_new_sale(self) -> None:
        """F2: a cart not yet confirmed is only thrown away once the cashier says so."""
        if not self.sale.has_unconfirmed:
            self.new_sale()
            return

        def answered(discard: bool) -> None:
            self.new_sale_question = None
            if discard:
                self.new_sale()
            else:
                self.focus_default()

        self.new_sale_question = ask_to_discard_cart(self, len(self.sale.items), answered)

    def new_sale(self) -> None:
        self._confirm_when_quoted = False
        self.sale.new_sale()
        self.receipt_view.set_receipt(None)
        self.message.clear_message()
        self.lookup.hide_results()
        self.lookup.edit.clear()
        self.entry.code_edit.clear()
        self.entry.amount_edit.clear()
        self.lookup.focus()

    # -- member freshness ---------------------------------------------------------------------

    def refresh_member(self) -> None:
        if self.sale.member is None or not self.session.ready:
            return
        pos, code = self.session.pos, self.sale.member.member_code

        def fresh(member: MemberView) -> None:
            if self.sale.confirmed:
                self.member_panel.set_member(member)
            else:
                self.sale.refresh_member(member)

        self.session.run(Op(lambda: pos.find_member(code), changes=NOTHING, key="refresh-member", parent=self)
                         .success(fresh).failure(lambda _e: None))  # fmt: skip

    def _on_changes(self, changes: Changes) -> None:
        """A member's balance may have moved (another screen's op, a sync): show it fresh. This
        screen's own confirm refreshed already (`initiator is self`): never twice."""
        member = self.sale.member
        if changes.initiator is self or member is None or self.sale.confirming:
            return
        if changes.concerns_member(member.member_code):
            self.refresh_member()

    def _on_sync_status(self, status: SyncStatus) -> None:
        self.member_panel.set_offline(status.looks_offline, status.last_success)
        self.identity.set_offline(status.looks_offline)

    # -- other screens ------------------------------------------------------------------------

    def enroll(self) -> None:
        text = self.lookup.edit.text().strip()
        self.nav.go("enroll", phone=text if looks_like_phone(text) else "")

    def member_details(self) -> None:
        if self.sale.member is None:
            self.message.show_error(message_for("no_member"))
            self.lookup.focus()
            return
        self.nav.go("member", member=self.sale.member)

    def stop_camera(self) -> None:
        self.camera_panel.stop()

    def can_leave(self) -> bool:
        return True

    def holds_unconfirmed_work(self) -> bool:
        return self.sale.has_unconfirmed

    def handle_key(self, key: Qt.Key) -> bool:
        if key == Qt.Key.Key_F12 and not self.sale.confirmed:
            self.confirm()  # even before the totals are in: it confirms as soon as they are
            return True
        return False

    def handle_escape(self) -> bool:
        if self.lookup.results.isVisible():
            self.lookup.hide_results()
            return True
        return False
