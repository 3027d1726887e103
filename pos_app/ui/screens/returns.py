"""Returns: by receipt number (scanned or typed), chosen lines and quantities, a preview, then confirm.
Without a receipt a supervisor approves an amount against the member."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from loyalty_core.errors import DomainError
from loyalty_core.ids import uuid7
from loyalty_core.money import parse_amount

from .. import fmt
from ..errors import error_text
from ..i18n import translate
from ..ops import SALE, Op
from ..scanner import scan_field
from ..widgets.cart_view import category_name
from ..widgets.common import TOUCH_HEIGHT, Card, FKeyButton, MessageBar, big_line_edit, heading, set_field_label
from ..widgets.receipt_view import ReceiptView
from ..widgets.supervisor_prompt import SupervisorPrompt
from .base import Screen


class ReturnLines(QTableWidget):
    COL_ITEM, COL_SOLD, COL_DONE, COL_RETURN = range(4)

    def __init__(self, session, on_change, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.session = session
        self.on_change = on_change
        self.setObjectName("returnLines")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(48)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(self.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.spins: list[QSpinBox] = []

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([translate("Returns", "Item"), translate("Returns", "Sold"),
                                        translate("Returns", "Returned before"), translate("Returns", "Return now")])  # fmt: skip

    def set_sale(self, record) -> None:
        lines = record.receipt.lines if record else []
        self.setRowCount(len(lines))
        self.spins = []
        for row, line in enumerate(lines):
            done = record.returned.get(str(row), 0)
            sku = line["sku"]
            name = self.session.product_name(sku) if sku != "OPEN" else category_name(line["category"])
            for col, text in ((self.COL_ITEM, name), (self.COL_SOLD, fmt.number(line["qty"])),
                              (self.COL_DONE, fmt.number(done))):  # fmt: skip
                self.setItem(row, col, QTableWidgetItem(text))
            spin = scan_field(QSpinBox())
            spin.setRange(0, max(0, line["qty"] - done))
            spin.setMinimumHeight(40)
            spin.valueChanged.connect(lambda _v: self.on_change())
            self.setCellWidget(row, self.COL_RETURN, spin)
            self.spins.append(spin)

    def chosen(self) -> dict[int, int]:
        return {i: s.value() for i, s in enumerate(self.spins) if s.value() > 0}

    def select_all(self) -> None:
        for spin in self.spins:
            spin.blockSignals(True)
            spin.setValue(spin.maximum())
            spin.blockSignals(False)
        self.on_change()


class ReturnsScreen(Screen):
    name = "returns"

    def __init__(self, session, nav, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.record = None
        self.return_id = uuid7()
        self.preview = None
        self.stack = QStackedWidget()
        self.heading = heading()
        self.message = MessageBar(timeout_ms=10000)

        # -- by receipt
        self.receipt_edit = scan_field(big_line_edit())
        self.receipt_edit.setObjectName("receiptNo")
        self.receipt_edit.returnPressed.connect(lambda: self.load(self.receipt_edit.text()))
        self.find_button = QPushButton()
        self.find_button.setMinimumHeight(TOUCH_HEIGHT)
        self.find_button.clicked.connect(lambda: self.load(self.receipt_edit.text()))
        self.sale_label = QLabel()
        self.sale_label.setWordWrap(True)
        self.lines = ReturnLines(session, self._schedule_preview)
        self.all_button = QPushButton()
        self.all_button.setMinimumHeight(TOUCH_HEIGHT)
        self.all_button.clicked.connect(self.lines.select_all)
        self.preview_titles = {k: QLabel() for k in ("refund", "taken", "given", "balance")}
        self.preview_values = {k: QLabel() for k in ("refund", "taken", "given", "balance")}
        for k, label in self.preview_values.items():
            label.setObjectName(f"preview_{k}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
        preview = Card()
        grid = QGridLayout(preview)
        for row, k in enumerate(("refund", "taken", "given", "balance")):
            grid.addWidget(self.preview_titles[k], row, 0)
            grid.addWidget(self.preview_values[k], row, 1)
        find_row = QHBoxLayout()
        find_row.addWidget(self.receipt_edit, 1)
        find_row.addWidget(self.find_button)
        by_receipt = QWidget()
        left = QVBoxLayout()
        left.addLayout(find_row)
        left.addWidget(self.sale_label)
        left.addWidget(self.lines, 1)
        left.addWidget(self.all_button)
        right = QVBoxLayout()
        right.addWidget(preview)
        right.addStretch(1)
        page = QHBoxLayout(by_receipt)
        page.addLayout(left, 3)
        page.addLayout(right, 2)

        # -- without a receipt
        no_receipt = QWidget()
        self.nr_member = big_line_edit()
        self.nr_member.setObjectName("noReceiptMember")
        self.nr_amount = scan_field(big_line_edit())
        self.nr_amount.setObjectName("noReceiptAmount")
        self.nr_category = QComboBox()
        self.nr_category.setMinimumHeight(TOUCH_HEIGHT)
        self.nr_intro = QLabel()
        self.nr_intro.setWordWrap(True)
        self.approval = SupervisorPrompt(session)
        self.approval.approved.connect(self.return_without_receipt)
        self.nr_form = QFormLayout(no_receipt)
        self.nr_form.addRow(self.nr_intro)
        self.nr_form.addRow(QLabel(), self.nr_member)
        self.nr_form.addRow(QLabel(), self.nr_amount)
        self.nr_form.addRow(QLabel(), self.nr_category)
        self.nr_form.addRow(self.approval)

        # -- done
        self.result = ReceiptView(session)

        self.stack.addWidget(by_receipt)
        self.stack.addWidget(no_receipt)
        self.stack.addWidget(self.result)
        self.back_button = FKeyButton(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back)
        self.mode_button = FKeyButton()  # F6 is Member details on every screen (fkeys.py)
        self.mode_button.clicked.connect(self.toggle_mode)
        self.confirm_button = FKeyButton(Qt.Key.Key_F12, primary=True)
        self.confirm_button.clicked.connect(self.confirm)
        self.new_button = FKeyButton(Qt.Key.Key_F2)
        self.new_button.clicked.connect(self.new_return)
        bottom = QHBoxLayout()
        for b in (self.back_button, self.mode_button, self.new_button, self.confirm_button):
            bottom.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(0)
        self._preview_timer.timeout.connect(self._preview)
        session.services_ready.connect(self._fill_categories)
        self.retranslate()

    def title(self) -> str:
        return translate("Returns", "Returns")

    def retranslate(self) -> None:
        self.heading.setText(translate("Returns", "Return goods"))
        self.receipt_edit.setPlaceholderText(translate("Returns", "Scan or type the receipt number"))
        self.find_button.setText(translate("Returns", "Find"))
        self.all_button.setText(translate("Returns", "Return everything"))
        titles = {"refund": translate("Returns", "Refund"), "taken": translate("Returns", "Points taken back"),
                  "given": translate("Returns", "Points given back"), "balance": translate("Returns", "Balance after")}  # fmt: skip
        for k, text in titles.items():
            self.preview_titles[k].setText(text)
        self.lines.retranslate()
        self.nr_intro.setText(translate("Returns", "No receipt: a supervisor approves the amount returned."))
        set_field_label(self.nr_form, self.nr_member, translate("Returns", "Member (phone or code)"))
        set_field_label(self.nr_form, self.nr_amount, translate("Returns", "Amount"))
        set_field_label(self.nr_form, self.nr_category, translate("Returns", "Category"))
        self.back_button.set_label(translate("Returns", "Back to the sale"))
        self.new_button.set_label(translate("Returns", "Next return"))
        self.confirm_button.set_label(translate("Returns", "Confirm return"))
        self._fill_categories()
        self._render()

    def _fill_categories(self) -> None:
        current = self.nr_category.currentData()
        self.nr_category.clear()
        for code in sorted({p.category for p in self.session.catalog} | {"general"}):
            self.nr_category.addItem(category_name(code), code)
        self.nr_category.setCurrentIndex(max(0, self.nr_category.findData(current)))

    def _render(self) -> None:
        page = self.stack.currentIndex()
        self.mode_button.set_label(
            translate("Returns", "With receipt") if page == 1 else translate("Returns", "No receipt")
        )
        self.mode_button.setVisible(page != 2)
        self.confirm_button.setVisible(page == 0)
        self.confirm_button.setEnabled(self.preview is not None)
        self.new_button.setVisible(page == 2)
        r = self.record
        if r is None:
            self.sale_label.setText("")
        else:
            self.sale_label.setText(
                translate("Returns", "Sale {receipt} on {date}, member {member}, paid {paid}").format(
                    receipt=r.receipt.receipt_no,
                    date=fmt.date_time(r.receipt.at),
                    member=r.receipt.member_code,
                    paid=fmt.money(r.receipt.paid_cents),
                )  # fmt: skip
            )
        p = self.preview
        values = {
            "refund": fmt.money(p.refund_cents) if p else "—",
            "taken": fmt.points(p.points_taken_back) if p else "—",
            "given": fmt.points(p.points_given_back) if p else "—",
            "balance": fmt.points(p.balance_after) if p else "—",
        }
        for k, text in values.items():
            self.preview_values[k].setText(text)

    def activate(self, receipt_no: str | None = None, **_kwargs) -> None:
        if receipt_no:
            self.new_return()
            self.receipt_edit.setText(receipt_no)
            self.load(receipt_no)
        elif self.stack.currentIndex() == 2:
            self.new_return()
        self.receipt_edit.setFocus()

    def handle_scan(self, text: str) -> bool:
        if self.stack.currentIndex() == 1:
            self.nr_member.setText(text.strip()[:200])
            return True
        self.new_return()
        self.receipt_edit.setText(text.strip())
        self.load(text)
        return True

    # -- by receipt ---------------------------------------------------------------------------

    def load(self, receipt_no: str) -> None:
        receipt_no = receipt_no.strip()
        if not receipt_no or not self.session.ready:
            return
        pos = self.session.pos

        def found(record) -> None:
            self.record, self.preview = record, None
            self.return_id = uuid7()
            self.message.clear_message()
            self.lines.set_sale(record)
            self._render()
            if self.lines.spins:
                self.lines.setFocus()

        def refused(exc) -> None:
            self.message.show_error(error_text(exc))
            self.receipt_edit.setFocus()
            self.receipt_edit.selectAll()

        self.session.run(Op(lambda: pos.find_sale(receipt_no), key="find-sale", parent=self).success(found)
                         .failure(refused))  # fmt: skip

    def _schedule_preview(self) -> None:
        self.preview = None
        self._render()
        self._preview_timer.start()

    def _preview(self) -> None:
        if self.record is None:
            return
        chosen = self.lines.chosen()
        if not chosen:
            return
        pos, receipt_no = self.session.pos, self.record.receipt.receipt_no

        def shown(preview) -> None:
            if chosen == self.lines.chosen():
                self.preview = preview
                self._render()

        op = Op(lambda: pos.quote_return(receipt_no, chosen), key="return-preview", parent=self)
        self.session.run(op.success(shown).failure(lambda e: self.message.show_error(error_text(e))))

    def confirm(self) -> None:
        if self.stack.currentIndex() != 0 or self.preview is None or self.record is None:
            return
        if not self.confirm_button.isEnabled():
            return
        self.confirm_button.setEnabled(False)
        pos, receipt_no, chosen, return_id = self.session.pos, self.record.receipt.receipt_no, self.lines.chosen(), \
            self.return_id  # fmt: skip
        op = Op(lambda: pos.return_sale(receipt_no, chosen, return_id=return_id), changes=SALE, parent=self)
        self.session.run(op.success(self.show_result).failure(self._refused))

    def _refused(self, exc) -> None:
        self.message.show_error(error_text(exc))
        self._render()

    def show_result(self, ret) -> None:
        self.result.set_receipt(ret, kind="return")
        self.stack.setCurrentIndex(2)
        self.message.show_info(
            translate("Returns", "Return {number} done. Refund {refund}.").format(number=ret.return_no,
                                                                           refund=fmt.money(ret.refund_cents))
        )  # fmt: skip
        self._render()

    def new_return(self) -> None:
        self.record, self.preview = None, None
        self.return_id = uuid7()
        self.lines.set_sale(None)
        self.receipt_edit.clear()
        self.result.set_receipt(None)
        self.stack.setCurrentIndex(0)
        self.message.clear_message()
        self._render()
        self.receipt_edit.setFocus()

    # -- without a receipt --------------------------------------------------------------------

    def toggle_mode(self) -> None:
        self.stack.setCurrentIndex(1 if self.stack.currentIndex() == 0 else 0)
        self.approval.reset()
        self.message.clear_message()
        self._render()
        (self.nr_member if self.stack.currentIndex() == 1 else self.receipt_edit).setFocus()

    def return_without_receipt(self, supervisor) -> None:
        try:
            cents = parse_amount(self.nr_amount.text())
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.nr_amount.setFocus()
            return
        pos, member, category = self.session.pos, self.nr_member.text().strip(), self.nr_category.currentData()
        op = Op(lambda: pos.return_without_receipt(member, cents, category, supervisor.cashier_id), changes=SALE,
                parent=self)  # fmt: skip
        self.session.run(op.success(self.show_result).failure(self._refused))

    def back(self) -> None:
        self.nav.go("checkout")

    def handle_escape(self) -> bool:
        self.back()
        return True
