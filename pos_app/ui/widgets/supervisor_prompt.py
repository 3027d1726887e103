"""A supervisor's ID and PIN, checked by the service (audited there); emits `approved(cashier)`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..errors import error_text
from ..i18n import translate
from ..ops import Op
from .common import TOUCH_HEIGHT, MessageBar, Translatable, big_line_edit, set_field_label


class SupervisorPrompt(Translatable, QWidget):
    approved = Signal(object)  # Cashier

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.id_edit = big_line_edit()
        self.pin_edit = big_line_edit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.returnPressed.connect(self.check)
        self.approve_button = QPushButton()
        self.approve_button.setMinimumHeight(TOUCH_HEIGHT)
        self.approve_button.clicked.connect(self.check)
        self.message = MessageBar()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.id_edit)
        self.form.addRow(QLabel(), self.pin_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        set_field_label(self.form, self.id_edit, translate("Supervisor", "Supervisor ID"))
        set_field_label(self.form, self.pin_edit, translate("Supervisor", "Supervisor PIN"))
        self.approve_button.setText(translate("Supervisor", "Approve"))

    def reset(self) -> None:
        self.id_edit.clear()
        self.pin_edit.clear()
        self.message.clear_message()
        self.approve_button.setEnabled(True)

    def check(self) -> None:
        if not self.session.ready or not self.approve_button.isEnabled():
            return
        cashier_id, pin = self.id_edit.text().strip(), self.pin_edit.text()
        cashiers = self.session.cashiers
        self.approve_button.setEnabled(False)
        self.pin_edit.clear()

        def failed(exc) -> None:
            self.message.show_error(error_text(exc))
            self.pin_edit.setFocus()

        def ok(cashier) -> None:
            self.message.show_info(translate("Supervisor", "Approved by {name}").format(name=cashier.name))
            self.approved.emit(cashier)

        op = Op(lambda: cashiers.verify_supervisor(cashier_id, pin), parent=self)
        op.success(ok).failure(failed).finally_(lambda: self.approve_button.setEnabled(True))
        self.session.run(op)
