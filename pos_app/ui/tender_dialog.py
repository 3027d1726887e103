"""After F12: how the member pays what is left after coupon and points.

F1 cash (the amount received, the change shown large), F2 card, F3 other; Enter accepts (in cash
with nothing typed: the exact amount); Esc goes back to the sale. Not enough cash is refused here
with a message, and refused again by the use case.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from loyalty_core import tender
from loyalty_core.errors import DomainError
from loyalty_core.money import parse_amount

from . import fmt
from .errors import error_text
from .i18n import translate
from .widgets.common import TOUCH_HEIGHT, MessageBar

_KEYS = {Qt.Key.Key_F1: tender.CASH, Qt.Key.Key_F2: tender.CARD, Qt.Key.Key_F3: tender.OTHER}


class TenderDialog(QDialog):
    chosen = Signal(str, object)  # method, received_cents (int) or None for "exact"

    def __init__(self, due_cents: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenderDialog")
        self.due_cents = due_cents
        self.method = tender.CASH
        self.setWindowTitle(translate("Tender", "Payment"))
        self.due_label = QLabel()
        self.due_label.setObjectName("tenderDue")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for method in _KEYS.values():
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the focus stays in the amount box
            button.clicked.connect(lambda _c=False, m=method: self.choose(m))
            self.buttons[method] = button
            row.addWidget(button)
        self.received_label = QLabel()
        self.received_edit = QLineEdit()
        self.received_edit.setObjectName("tenderReceived")
        self.received_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.received_edit.setMaxLength(12)
        self.received_edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        self.received_edit.textChanged.connect(self._render_change)
        self.change_title = QLabel()
        self.change_label = QLabel()
        self.change_label.setObjectName("tenderChange")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.due_label.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.message = MessageBar()
        self.ok_button = QPushButton()
        self.ok_button.setMinimumHeight(TOUCH_HEIGHT)
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.accept_tender)
        self.back_button = QPushButton()
        self.back_button.setMinimumHeight(TOUCH_HEIGHT)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        grid = QGridLayout()
        grid.addWidget(self.received_label, 0, 0)
        grid.addWidget(self.received_edit, 0, 1)
        grid.addWidget(self.change_title, 1, 0)
        grid.addWidget(self.change_label, 1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label)
        layout.addLayout(row)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.setMinimumWidth(480)
        self.retranslate()
        self.choose(tender.CASH)

    def retranslate(self) -> None:
        names = {tender.CASH: translate("Tender", "Cash"), tender.CARD: translate("Tender", "Card"),
                 tender.OTHER: translate("Tender", "Other")}  # fmt: skip
        for key, method in _KEYS.items():
            self.buttons[method].setText(f"F{int(key) - int(Qt.Key.Key_F1) + 1}  {names[method]}")
        self.due_label.setText(translate("Tender", "Due {amount}").format(amount=fmt.money(self.due_cents)))
        self.received_label.setText(translate("Tender", "Cash received"))
        self.received_edit.setPlaceholderText(fmt.money(self.due_cents))
        self.change_title.setText(translate("Tender", "Change"))
        self.ok_button.setText(translate("Tender", "Enter  Accept"))
        self.back_button.setText(translate("Tender", "Esc  Back to the sale"))
        self._render_change()

    # -- choosing ---------------------------------------------------------------------------------

    def choose(self, method: str) -> None:
        self.method = method
        for m, button in self.buttons.items():
            button.setChecked(m == method)
        cash = method == tender.CASH
        for w in (self.received_label, self.received_edit, self.change_title, self.change_label):
            w.setVisible(cash)
        self.message.clear_message()
        self.received_edit.setFocus()
        self._render_change()

    def received_cents(self) -> int | None:
        """None: nothing typed (the exact amount). Raises DomainError for text that is not an amount."""
        text = self.received_edit.text().strip()
        return parse_amount(text) if text else None

    def _render_change(self) -> None:
        try:
            paid = tender.settle(self.method, self.due_cents, self.received_cents())
        except DomainError:
            self.change_label.setText("—")
            return
        self.change_label.setText(fmt.money(paid.change_cents))

    def accept_tender(self) -> None:
        try:
            received = self.received_cents() if self.method == tender.CASH else None
            tender.settle(self.method, self.due_cents, received)
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            self.received_edit.selectAll()
            self.received_edit.setFocus()
            return
        self.chosen.emit(self.method, received)
        self.accept()

    # -- keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if key in _KEYS:
            self.choose(_KEYS[Qt.Key(key)])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F12):
            self.accept_tender()
            return
        super().keyPressEvent(event)


def open_tender(parent: QWidget, due_cents: int, on_chosen: Callable[[str, int | None], None]) -> TenderDialog:
    """Window-modal and non-blocking: `on_chosen(method, received_cents)` runs when the cashier accepts."""
    dialog = TenderDialog(due_cents, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.chosen.connect(on_chosen)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog
