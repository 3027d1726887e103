"""The receipt after a confirmed sale (or a return): on screen, print (F9, "Reprint" after a failure), PDF.

The sale is confirmed before anything prints: a missing, offline or empty printer only shows a
message and offers the reprint.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ...services import Receipt, ReturnReceipt
from .. import printing, receipt_layout
from ..errors import error_text, message_for
from ..i18n import translate
from ..receipt_printer import ReceiptPrinter
from .common import TOUCH_HEIGHT, FKeyButton, MessageBar, Translatable


class ReceiptView(Translatable, QWidget):
    saved = Signal(str)
    printed = Signal()
    print_failed = Signal(str)  # the error code

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.printer = ReceiptPrinter(session, on_started=lambda: self.message.show_info(
            translate("ReceiptView", "Printing…")))  # fmt: skip
        self.receipt: Receipt | ReturnReceipt | None = None
        self.kind = "sale"
        self.expiring: receipt_layout.Expiring | None = None
        self.failed = False  # the last print failed: F9 is "Reprint"
        self.drawer_opened = False  # a cash sale opens the drawer once, with its first printed receipt
        self.browser = QTextBrowser()
        self.browser.setObjectName("receipt")
        self.message = MessageBar()
        self.message.setObjectName("receiptMessage")
        self.print_button = FKeyButton(Qt.Key.Key_F9)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button = QPushButton()
        self.pdf_button.setMinimumHeight(TOUCH_HEIGHT)
        self.pdf_button.clicked.connect(self.save_pdf)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        session.i18n.language_changed.connect(lambda _l: self._render())
        self.retranslate()

    def retranslate(self) -> None:
        label = "Reprint receipt" if self.failed else "Print receipt"
        self.print_button.set_label(translate("ReceiptView", label))
        self.pdf_button.setText(translate("ReceiptView", "Save as PDF"))
        self._render()

    def set_receipt(self, receipt, kind: str = "sale", expiring: receipt_layout.Expiring | None = None) -> None:
        self.receipt, self.kind, self.expiring = receipt, kind, expiring
        self.failed = self.drawer_opened = False
        self.message.clear_message()
        self.retranslate()

    def paper(self) -> receipt_layout.Paper:
        store = self.printer.store_header()
        if self.kind == "sale":
            return receipt_layout.sale_paper(self.session, self.receipt, store, self.expiring)
        terminal = self.session.config.terminal_id if self.session.ready else ""
        return receipt_layout.return_paper(self.session, self.receipt, store, terminal)

    def _render(self) -> None:
        if self.receipt is None:
            self.browser.clear()
            return
        self._doc = printing.paper_document(self.paper(), self.printer.choice().paper_mm)  # the browser does not own it
        self.browser.setDocument(self._doc)

    def number(self) -> str:
        r = self.receipt
        if r is None:
            return ""
        return r.return_no if isinstance(r, ReturnReceipt) else r.receipt_no

    def save_pdf(self) -> None:
        if self.receipt is None:
            return
        paper = self.paper()
        title = translate("ReceiptView", "Save the receipt")
        self.session.dialogs.save_path(self, title, f"{self.number()}.pdf", "PDF (*.pdf)",
                                       lambda path: self._write(paper, path))  # fmt: skip

    def _write(self, paper, path) -> None:
        def done(_none) -> None:
            self.message.show_info(translate("ReceiptView", "Saved {path}").format(path=str(path)))
            self.saved.emit(str(path))

        def failed(exc) -> None:
            self.message.show_error(message_for("export_failed", detail=str(exc)[:120]))

        self.printer.save_pdf(paper, path, self, done, failed)

    def print_receipt(self) -> None:
        if self.receipt is None:
            return
        r = self.receipt
        cash = isinstance(r, Receipt) and (r.tender or {}).get("method", "cash") == "cash"
        self.printer.print_paper(self.paper(), self, self._printed, self._print_failed, cash=cash and not self.drawer_opened)

    def _printed(self, _none) -> None:
        self.failed, self.drawer_opened = False, True
        self.retranslate()
        self.message.show_info(translate("ReceiptView", "Printed {receipt}.").format(receipt=self.number()))
        self.printed.emit()

    def _print_failed(self, exc: BaseException) -> None:
        self.failed = True
        self.retranslate()
        self.message.show_error(error_text(exc) + " " + translate("ReceiptView", "The sale is saved; press F9 to reprint."))
        self.print_failed.emit(getattr(exc, "code", "internal"))
