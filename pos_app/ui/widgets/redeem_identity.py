"""Under the points box when a typed phone or member code asks for more points than the rules allow
without proof: what is needed (the member's card, or a one-time code HQ texts the member), a "Send code"
button and the code entry. Offline it says only the card will do. A view: the checkout runs the requests."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .. import fmt
from ..i18n import QT_TRANSLATE_NOOP, translate
from .common import TOUCH_HEIGHT, Translatable

CODE_DIGITS = 6
ONLINE = QT_TRANSLATE_NOOP("Checkout", "More than {points} points: scan the member's card or confirm with a one-time code.")
OFFLINE = QT_TRANSLATE_NOOP("Checkout", "More than {points} points: scan the member's card (offline: no code can be sent).")


class RedeemIdentityBox(Translatable, QWidget):
    send_requested = Signal()
    code_entered = Signal(str)  # six digits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redeemIdentity")
        self.limit = 0
        self.offline = False
        self.sent_to: str | None = None
        self.label = QLabel()
        self.label.setObjectName("redeemIdentityNeed")
        self.label.setWordWrap(True)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendCode")
        self.send_button.setMinimumHeight(TOUCH_HEIGHT)
        self.send_button.clicked.connect(self.send_requested.emit)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("otpCode")
        self.code_edit.setMaxLength(CODE_DIGITS)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.code_edit))
        self.code_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.code_edit.returnPressed.connect(self._entered)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyCode")
        self.verify_button.setMinimumHeight(TOUCH_HEIGHT)
        self.verify_button.clicked.connect(self._entered)
        row = QHBoxLayout()
        row.addWidget(self.send_button)
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()
        self.retranslate()

    def show_need(self, limit: int) -> None:
        self.limit = limit
        self.show()
        self.retranslate()

    def set_offline(self, offline: bool) -> None:
        self.offline = offline
        self.retranslate()

    def code_sent(self, to_masked: str) -> None:
        self.sent_to = to_masked
        self.code_edit.clear()
        self.retranslate()
        self.code_edit.setFocus()

    def reset(self) -> None:
        self.sent_to = None
        self.code_edit.clear()
        self.hide()

    def _entered(self) -> None:
        text = self.code_edit.text()
        if len(text) == CODE_DIGITS:
            self.code_entered.emit(text)

    def retranslate(self) -> None:
        points = fmt.points(self.limit)
        if self.offline:
            need = translate("Checkout", OFFLINE).format(points=points)
        elif self.sent_to:
            need = translate("Checkout", "Code sent to {phone}: type the 6 digits the member reads.").format(
                phone=self.sent_to)  # fmt: skip
        else:
            need = translate("Checkout", ONLINE).format(points=points)
        self.label.setText(need)
        self.send_button.setText(translate("Checkout", "Send code"))
        self.verify_button.setText(translate("Checkout", "Verify"))
        self.send_button.setEnabled(not self.offline)
        self.code_edit.setEnabled(not self.offline and self.sent_to is not None)
        self.verify_button.setEnabled(self.code_edit.isEnabled())
