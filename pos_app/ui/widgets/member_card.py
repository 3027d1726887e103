"""The member card on screen, with print / PNG / PDF."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from .. import printing
from ..errors import error_text, message_for
from ..i18n import translate
from ..receipt_printer import ReceiptPrinter
from .common import FKeyButton, MessageBar, Translatable


class CardView(QWidget):
    """Paints the card as large as fits, keeping a bank card's proportions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict | None = None
        self.setMinimumSize(QSize(420, 265))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_fields(self, fields: dict | None) -> None:
        self.fields = fields
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        if not self.fields:
            return
        ratio = printing.CARD_PX[0] / printing.CARD_PX[1]
        width = min(self.width() - 8, (self.height() - 8) * ratio)
        height = width / ratio
        rect = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
        painter = QPainter(self)
        printing.paint_card(painter, rect, **self.fields)
        painter.end()


class MemberCardPanel(Translatable, QWidget):
    """The card plus its actions; `done` when the cashier goes back to the sale."""

    done = Signal()
    saved = Signal(str)  # path

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.member = None
        self.view = CardView()
        self.message = MessageBar()
        self.print_button = FKeyButton(Qt.Key.Key_F9)
        self.png_button = FKeyButton()  # F10 is Settings and F11 locks, on every screen (fkeys.py)
        self.pdf_button = FKeyButton()
        self.done_button = FKeyButton(Qt.Key.Key_F12, primary=True)
        self.print_button.clicked.connect(self.print_card)
        self.png_button.clicked.connect(lambda: self.save("png"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.done_button.clicked.connect(self.done)
        buttons = QHBoxLayout()
        for b in (self.print_button, self.png_button, self.pdf_button, self.done_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        session.i18n.language_changed.connect(lambda _l: self._refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.print_button.set_label(translate("MemberCard", "Print card"))
        self.png_button.set_label(translate("MemberCard", "Save PNG"))
        self.pdf_button.set_label(translate("MemberCard", "Save PDF"))
        self.done_button.set_label(translate("MemberCard", "Back to the sale"))
        self._refresh()

    def set_member(self, member) -> None:
        self.member = member
        self.message.clear_message()
        self._refresh()

    def _refresh(self) -> None:
        self.view.set_fields(printing.card_fields(self.session, self.member) if self.member else None)

    def save(self, kind: str) -> None:
        if self.member is None:
            return
        fields = printing.card_fields(self.session, self.member)
        name = f"member-card-{self.member.member_code}.{kind}"
        title = translate("MemberCard", "Save the member card")
        name_filter = "PNG (*.png)" if kind == "png" else "PDF (*.pdf)"
        self.session.dialogs.save_path(self, title, name, name_filter, lambda path: self._write(kind, fields, path))

    def _write(self, kind: str, fields: dict, path) -> None:
        try:
            (printing.save_card_png if kind == "png" else printing.save_card_pdf)(fields, path)
        except OSError as exc:
            self.message.show_error(message_for("export_failed", detail=str(exc)))
            return
        self.message.show_info(translate("MemberCard", "Saved {path}").format(path=str(path)))
        self.saved.emit(str(path))

    def print_card(self) -> None:
        if self.member is None:
            return
        fields = printing.card_fields(self.session, self.member)
        done = lambda _none: self.message.show_info(translate("MemberCard", "Card printed."))  # noqa: E731
        failed = lambda exc: self.message.show_error(error_text(exc))  # noqa: E731
        ReceiptPrinter(self.session).print_card(fields, self, done, failed)  # where Settings say, off the GUI thread
