"""Cashier login by ID + PIN; also the lock screen after idle time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...services import Cashier
from ..errors import error_text, message_for
from ..i18n import LANGUAGE_NAMES, LANGUAGES, translate
from ..ops import Op
from ..widgets.common import TOUCH_HEIGHT, Card, MessageBar, big_line_edit, heading, set_field_label
from .base import Screen


class LoginScreen(Screen):
    name = "login"
    logged_in = Signal(object)  # Cashier
    language_chosen = Signal(str)

    def __init__(self, session, nav, parent: QWidget | None = None) -> None:
        super().__init__(session, nav, parent)
        self.locked_by: Cashier | None = None
        self.heading = heading()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self.id_edit = big_line_edit()
        self.id_edit.setObjectName("cashierId")
        self.pin_edit = big_line_edit()
        self.pin_edit.setObjectName("cashierPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.id_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.login)
        self.login_button = QPushButton()
        self.login_button.setObjectName("loginButton")
        self.login_button.setProperty("primary", True)
        self.login_button.setMinimumHeight(56)
        self.login_button.clicked.connect(self.login)
        self.message = MessageBar()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.id_edit)
        self.form.addRow(QLabel(), self.pin_edit)
        self.language_buttons = {}
        languages = QHBoxLayout()
        for lang in LANGUAGES:
            button = QPushButton(LANGUAGE_NAMES[lang])
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.clicked.connect(lambda _c=False, lang=lang: self.language_chosen.emit(lang))
            self.language_buttons[lang] = button
            languages.addWidget(button)

        card = Card()
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.subtitle)
        inner.addLayout(self.form)
        inner.addWidget(self.message)
        inner.addWidget(self.login_button)
        inner.addSpacing(12)
        inner.addLayout(languages)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        session.services_ready.connect(self._render_ready)
        self.retranslate()

    def title(self) -> str:
        return translate("Login", "Log in")

    def retranslate(self) -> None:
        self.heading.setText(translate("Login", "Store loyalty till"))
        set_field_label(self.form, self.id_edit, translate("Login", "Cashier ID"))
        set_field_label(self.form, self.pin_edit, translate("Login", "PIN"))
        self.login_button.setText(translate("Login", "Log in (Enter)"))
        self._render_ready()

    def _render_ready(self) -> None:
        if not self.session.ready:
            self.subtitle.setText(translate("Login", "Opening the store…"))
        elif self.locked_by is not None:
            self.subtitle.setText(
                translate("Login", "Locked. {name} was working here; log in to continue.").format(
                    name=self.locked_by.name
                )
            )
        else:
            self.subtitle.setText(translate("Login", "Log in with your cashier ID and PIN."))

    def activate(self, locked_by=None, **_kwargs) -> None:
        self.locked_by = locked_by
        self.pin_edit.clear()
        self.message.clear_message()
        if locked_by is not None:
            self.id_edit.setText(locked_by.cashier_id)
            self.pin_edit.setFocus()
        else:
            self.id_edit.setFocus()
        self._render_ready()

    def login(self) -> None:
        if not self.login_button.isEnabled():
            return
        if not self.session.ready:
            self.message.show_error(message_for("not_ready"))
            return
        cashier_id, pin = self.id_edit.text().strip(), self.pin_edit.text()
        if not cashier_id:
            self.message.show_error(message_for("unknown_cashier"))
            self.id_edit.setFocus()
            return
        cashiers = self.session.cashiers
        self.login_button.setEnabled(False)
        self.pin_edit.clear()

        def failed(exc) -> None:
            self.message.show_error(error_text(exc))
            self.pin_edit.setFocus()

        def ok(cashier) -> None:
            self.message.clear_message()
            self.locked_by = None
            self.logged_in.emit(cashier)

        op = Op(lambda: cashiers.login(cashier_id, pin), parent=self).success(ok).failure(failed)
        self.session.run(op.finally_(lambda: self.login_button.setEnabled(True)))
