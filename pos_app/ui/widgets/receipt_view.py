"""The receipt after a confirmed sale (or a return): on screen, print, PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from .. import printing
from ..errors import message_for
from ..i18n import translate
from .common import TOUCH_HEIGHT, FKeyButton, MessageBar, Translatable


class ReceiptView(Translatable, QWidget):
    saved = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.receipt = None
        self.kind = "sale"
        self.browser = QTextBrowser()
        self.browser.setObjectName("receipt")
        self.message = MessageBar()
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
        self.print_button.set_label(translate("ReceiptView", "Print receipt"))
        self.pdf_button.setText(translate("ReceiptView", "Save as PDF"))
        self._render()

    def set_receipt(self, receipt, kind: str = "sale") -> None:
        self.receipt, self.kind = receipt, kind
        self.message.clear_message()
        self._render()

    def document(self):
        if self.kind == "sale":
            return printing.receipt_document(self.session, self.receipt)
        return printing.return_document(self.session, self.receipt)

    def _render(self) -> None:
        if self.receipt is None:
            self.browser.clear()
            return
        self._doc = self.document()  # keep it alive: the browser does not own it
        self.browser.setDocument(self._doc)

    def number(self) -> str:
        return self.receipt.receipt_no if self.kind == "sale" else self.receipt.return_no

    def save_pdf(self) -> None:
        if self.receipt is None:
            return
        doc = self.document()
        title = translate("ReceiptView", "Save the receipt")
        self.session.dialogs.save_path(self, title, f"{self.number()}.pdf", "PDF (*.pdf)",
                                       lambda path: self._write(doc, path))  # fmt: skip

    def _write(self, doc, path) -> None:
        try:
            printing.save_document_pdf(doc, path)
        except OSError as exc:
            self.message.show_error(message_for("export_failed", detail=str(exc)))
            return
        self.message.show_info(translate("ReceiptView", "Saved {path}").format(path=str(path)))
        self.saved.emit(str(path))

    def print_receipt(self) -> None:
        if self.receipt is not None:
            doc = self.document()
            self.session.dialogs.printer(self, lambda printer: printing.print_document(doc, printer))
