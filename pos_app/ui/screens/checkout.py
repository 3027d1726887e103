"""The home screen: identify the member, ring up the cart, redeem, confirm, receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from loyalty_core import qr, redemption
from loyalty_core.errors import DomainError
from loyalty_core.phones import looks_like_phone

from .. import fkeys, fmt
from ..errors import error_text, message_for
from ..i18n import translate
from ..ops import NOTHING, SALE, Op
from ..receipt_layout import Expiring
from ..sale import SaleModel
from ..widgets.cart_view import CartView
from ..widgets.common import Card, FKeyButton, MessageBar, keep_place
from ..widgets.lookup_bar import LookupBar
from ..widgets.member_panel import MemberPanel
from ..widgets.product_entry import ProductEntry
from ..widgets.receipt_view import ReceiptView
from ..widgets.totals_panel import TotalsPanel
from .base import Screen

RECEIPT_PREFIX = "R-"
COUPON_PREFIX = "CPN1."
_MEMBER_ERRORS = ("member_not_found", "invalid_qr")  # "not a member": the scan was not for us


def is_receipt_no(text: str) -> bool:
    return text.startswith(RECEIPT_PREFIX) and 6 <= len(text) <= 60


def looks_like_member(text: str) -> bool:
    return qr.looks_like_qr(text) or qr.is_member_code(text.upper()) or looks_like_phone(text)


class CheckoutScreen(Screen):
    name = "checkout"

    def __init__(self, session, nav, camera=None, parent: QWidget | None = None) -> None:
        super().__init__(session, nav, parent)
        self.camera = camera
        self.sale = SaleModel(self)
        self._confirm_when_quoted = False
        self.new_sale_question: QMessageBox | None = None

        self.lookup = LookupBar()
        self.lookup.query.connect(self.lookup_member)
        self.lookup.picked.connect(self.attach_member)
        self.member_panel = MemberPanel(session)
        self.camera_box = QWidget()
        self.camera_layout = QVBoxLayout(self.camera_box)
        self.camera_layout.setContentsMargins(0, 0, 0, 0)
        self.camera_box.hide()
        self.preview = None

        self.entry = ProductEntry(["general"])
        self.entry.code_entered.connect(self._typed_product)
        self.entry.open_amount.connect(self.add_open_amount)
        self.entry.refused.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.cart = CartView(session, self.sale)
        self.receipt_view = ReceiptView(session)
        self.middle = QStackedWidget()
        cart_page = QWidget()
        cart_layout = QVBoxLayout(cart_page)
        cart_layout.setContentsMargins(0, 0, 0, 0)
        cart_layout.addWidget(self.entry)
        cart_layout.addWidget(self.cart, 1)
        self.middle.addWidget(cart_page)
        self.middle.addWidget(self.receipt_view)
        self.totals = TotalsPanel(session, self.sale)
        self.totals.confirm_button.clicked.connect(self.confirm)
        self.totals.finished.connect(self.focus_default)
        self.cart.finished.connect(self.focus_default)
        self.message = MessageBar(timeout_ms=8000)
        self.message.setObjectName("checkoutMessage")
        self.done_label = QLabel()
        self.done_label.setObjectName("saleDone")
        self.done_label.setWordWrap(True)
        # The line under the cart keeps its place, filled or empty: confirming never moves the cart.
        self.done_label.setMinimumHeight(2 * self.done_label.fontMetrics().lineSpacing() + 8)
        keep_place(self.message)

        self.buttons = {
            "new": FKeyButton(Qt.Key.Key_F2),
            "find": FKeyButton(Qt.Key.Key_F3),
            "enroll": FKeyButton(Qt.Key.Key_F4),
            "camera": FKeyButton(Qt.Key.Key_F5),
            "member": FKeyButton(Qt.Key.Key_F6),
            "returns": FKeyButton(Qt.Key.Key_F7),
            "report": FKeyButton(Qt.Key.Key_F8),
            "open": FKeyButton(Qt.Key.Key_F1),
            "settings": FKeyButton(Qt.Key.Key_F10),
        }
        self.buttons["camera"].setCheckable(True)
        actions = {
            "new": self.ask_new_sale,
            "find": self.lookup.focus_for_name,
            "enroll": self.enroll,
            "camera": self.toggle_camera,
            "member": self.member_details,
            "returns": lambda: self.nav.go("returns"),
            "report": lambda: self.nav.go("report"),
            "open": self.entry.focus_open_amount,
            "settings": lambda: self.nav.go("settings"),
        }
        for key, button in self.buttons.items():
            button.clicked.connect(actions[key])

        left = QVBoxLayout()
        left.addWidget(self.lookup)
        left.addWidget(self.camera_box)
        left.addWidget(self.member_panel, 1)
        middle = QVBoxLayout()
        middle.addWidget(self.middle, 1)
        middle.addWidget(self.done_label)
        middle.addWidget(self.message)
        right = QVBoxLayout()
        right.addWidget(self.totals, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(middle, 10)
        columns.addLayout(right, 5)
        bar = QHBoxLayout()
        for button in sorted(self.buttons.values(), key=lambda b: int(b.fkey)):  # F1 … F10, as on the keyboard
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        bar_card = Card()
        bar_card.setLayout(bar)
        layout.addWidget(bar_card)

        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(0)
        self._quote_timer.timeout.connect(self._quote)
        for signal in (self.sale.lines_changed, self.sale.member_changed, self.sale.options_changed):
            signal.connect(self._quote_timer.start)
        self.sale.member_changed.connect(lambda: self.member_panel.set_member(self.sale.member))
        self.sale.state_changed.connect(self._render_state)
        self.sale.quote_changed.connect(self._on_quote)
        session.services_ready.connect(self._on_services)
        if session.ready:
            self._on_services()
        session.runner.changed.connect(self._on_changes)
        session.sync_status_changed.connect(self._on_sync_status)
        if camera is not None:
            camera.unavailable.connect(self._camera_unavailable)
        self.retranslate()

    # -- texts --------------------------------------------------------------------------------

    def title(self) -> str:
        return translate("Checkout", "Checkout")

    def retranslate(self) -> None:
        for button in self.buttons.values():  # the words of the one table (fkeys.py), so they never drift
            button.set_label(fkeys.meaning(button.fkey))
        self.buttons["new"].set_label(translate("Checkout", "New sale"))
        self._render_state()

    def activate(self, member=None, **_kwargs) -> None:
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
            self.find_member(text, scanned=True)
        else:
            self.message.show_error(message_for("not_a_code", text=text[:40]))
        return True

    def lookup_member(self, text: str) -> None:
        product = self.session.product(text)
        if product is not None:  # a barcode typed in the wrong box is still a product
            self.lookup.edit.clear()
            self.add_product(product)
        elif looks_like_member(text):
            self.find_member(text, scanned=False)
        else:
            self.search_by_name(text)

    def find_member(self, text: str, *, scanned: bool) -> None:
        if not self.session.ready:
            self.message.show_error(message_for("not_ready"))
            return
        pos = self.session.pos

        def found(member) -> None:
            if not scanned:
                self.lookup.edit.clear()
            self.attach_member(member)

        def refused(exc) -> None:
            if scanned and isinstance(exc, DomainError) and exc.code in _MEMBER_ERRORS:
                self.message.show_error(message_for("not_a_code", text=text[:40]))
            else:
                self.message.show_error(error_text(exc))

        self.session.run(Op(lambda: pos.find_member(text), key="find-member", parent=self).success(found)
                         .failure(refused))  # fmt: skip

    def search_by_name(self, text: str) -> None:
        if not self.session.ready:
            return
        pos = self.session.pos

        def found(members: list) -> None:
            if not members:
                self.message.show_error(message_for("member_not_found"))
            elif len(members) == 1:
                self.lookup.edit.clear()
                self.attach_member(members[0])
            else:
                self.lookup.show_results(members, lambda m: f"{m.name} · {m.masked_phone} · {m.member_code}")

        op = Op(lambda: pos.search_members(text, 20), key="find-member", parent=self)
        self.session.run(op.success(found).failure(lambda exc: self.message.show_error(error_text(exc))))

    def attach_member(self, member) -> None:
        self.message.clear_message()
        self.lookup.hide_results()
        if self.sale.confirmed:
            self.new_sale()
        self.sale.set_member(member)
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

    def add_product(self, product, qty: int = 1) -> None:
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
        pos, version = self.session.pos, sale.version
        code, lines, redeem, coupon = sale.member.member_code, sale.lines(), sale.redeem_points, sale.coupon_code

        def quoted(result) -> None:
            if sale.set_quote(result.quote, version) and result.clamped:
                self.message.show_info(self.clamp_text(result))

        def refused(exc) -> None:
            self.message.show_error(error_text(exc))
            if isinstance(exc, DomainError) and "coupon" in exc.code and sale.version == version:
                sale.set_coupon(None)  # re-quotes without the coupon
            self._confirm_when_quoted = False

        op = Op(lambda: pos.quote_sale_clamped(code, lines, redeem, coupon), key="quote", parent=self)
        self.session.run(op.success(quoted).failure(refused))

    def clamp_text(self, result) -> str:
        """Why the points box now shows other points than were typed."""
        taken = result.quote.points_redeemed
        if result.clamped == redemption.OVER_MAX:
            return translate("Checkout", "{asked} points is more than this sale takes: {points} points used.").format(
                asked=fmt.points(result.asked), points=fmt.points(taken))
        step = self.session.rules.redeem.points_per_step
        return translate("Checkout", "Points are used in steps of {step}: {asked} became {points}.").format(
            step=fmt.number(step), asked=fmt.points(result.asked), points=fmt.points(taken))

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
        if sale.quote is None or sale.confirmed or not sale.begin_confirm():
            return
        pos, q = self.session.pos, sale.quote
        code, lines, coupon, sale_id = sale.member.member_code, sale.lines(), sale.coupon_code, sale.sale_id
        redeem, cashier_id, member = q.points_redeemed, self.session.cashier_id, sale.member

        def confirmed(receipt) -> None:
            sale.end_confirm(receipt)
            # redemption takes the soonest-expiring points first: what still expires soon after this sale
            expiring = Expiring(max(0, member.expiring_30d - receipt.points_redeemed), member.expiring_on)
            self.receipt_view.set_receipt(receipt, expiring=expiring)
            self.refresh_member()

        def refused(exc) -> None:
            sale.end_confirm(None)
            self.message.show_error(error_text(exc))

        op = Op(lambda: pos.confirm_sale(code, lines, redeem, coupon, sale_id=sale_id, cashier_id=cashier_id,
                                         tender_method=method, received_cents=received_cents),
                changes=SALE, parent=self)  # fmt: skip
        self.session.run(op.success(confirmed).failure(refused))

    def _render_state(self) -> None:
        sale = self.sale
        self.middle.setCurrentIndex(1 if sale.confirmed else 0)
        self.entry.setEnabled(not sale.confirmed and not sale.confirming)
        self.buttons["open"].setEnabled(not sale.confirmed)  # disabled, not hidden: the key bar never shifts
        if sale.confirmed:
            r = sale.receipt
            self.done_label.setText(
                translate(
                    "Checkout", "Sale {receipt} confirmed: earned {earned}, redeemed {redeemed}, new balance {balance}."
                ).format(
                    receipt=r.receipt_no,
                    earned=fmt.points(r.points_earned),
                    redeemed=fmt.points(r.points_redeemed),
                    balance=fmt.points(r.balance_after),
                )
            )
        elif sale.confirming:
            self.done_label.setText(translate("Checkout", "Confirming…"))
        else:
            self.done_label.setText("")

    def ask_new_sale(self) -> None:
        """F2: a cart not yet confirmed is only thrown away once the cashier says so."""
        if not self.sale.has_unconfirmed:
            self.new_sale()
            return
        box = QMessageBox(self)
        box.setObjectName("newSaleQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Checkout", "Start a new sale?"))
        box.setText(translate("Checkout", "The cart has {n} lines that are not confirmed. Throw them away?").format(
            n=fmt.number(len(self.sale.items))))
        discard = box.addButton(translate("Checkout", "Throw the cart away"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(translate("Checkout", "Keep the cart"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.new_sale_question = box

        def answered(button) -> None:
            self.new_sale_question = None
            if button is discard:
                self.new_sale()
            else:
                self.focus_default()

        box.buttonClicked.connect(answered)
        box.open()

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

        def fresh(member) -> None:
            if self.sale.confirmed:
                self.member_panel.set_member(member)
            else:
                self.sale.refresh_member(member)

        self.session.run(Op(lambda: pos.find_member(code), changes=NOTHING, key="refresh-member", parent=self)
                         .success(fresh).failure(lambda _e: None))  # fmt: skip

    def _on_changes(self, changes) -> None:
        member = self.sale.member
        concerned = member is not None and changes.members and changes.member_code in (None, member.member_code)
        if concerned and not self.sale.confirming:
            self.refresh_member()

    def remote_members_changed(self, codes: set[str]) -> None:
        if self.sale.member is not None and self.sale.member.member_code in codes:
            self.refresh_member()

    def _on_sync_status(self, status) -> None:
        offline = status.configured and (status.offline or status.online is False)
        self.member_panel.set_offline(offline, status.last_success)

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

    # -- camera -------------------------------------------------------------------------------

    def toggle_camera(self) -> None:
        button = self.buttons["camera"]
        if self.camera is None:
            button.setChecked(False)
            self._camera_unavailable("no_camera")
            return
        if self.camera.active:
            self.stop_camera()
            return
        if self.preview is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget

            self.preview = QVideoWidget()
            self.preview.setMinimumHeight(180)
            self.camera_layout.addWidget(self.preview)
        started = self.camera.start(self.session.settings.camera_id, self.preview)
        button.setChecked(started)
        self.camera_box.setVisible(started)

    def stop_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.buttons["camera"].setChecked(False)
        self.camera_box.hide()

    def _camera_unavailable(self, code: str) -> None:
        detail = getattr(self.camera, "last_error_detail", "") if self.camera else ""
        self.message.show_error(message_for(code, detail=detail))
        self.buttons["camera"].setChecked(False)
        self.camera_box.hide()

    def can_leave(self) -> bool:
        return True

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
