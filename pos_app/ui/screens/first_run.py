"""First start on a fresh install: who this till is, where HQ is, the first supervisor — or demo mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ..i18n import translate
from ..widgets.common import Card, MessageBar, big_line_edit, heading, set_field_label
from .base import Screen


class FirstRunScreen(Screen):
    name = "first_run"
    # store_id, terminal_id, hq_url, token, supervisor_id, supervisor_name, pin, ca_bundle ("" = the system's CAs)
    submitted = Signal(dict)
    demo_requested = Signal()

    def __init__(self, session, nav, parent: QWidget | None = None) -> None:
        super().__init__(session, nav, parent)
        self.heading = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.fields = {k: big_line_edit() for k in ("store_id", "terminal_id", "hq_url", "token",
                                                     "supervisor_id", "supervisor_name", "pin")}  # fmt: skip
        self.fields["terminal_id"].setText("T01")
        self.fields["token"].setEchoMode(QLineEdit.EchoMode.Password)
        self.fields["pin"].setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        for edit in self.fields.values():
            self.form.addRow(QLabel(), edit)
        self.ca_bundle = big_line_edit()  # HQ behind a private CA: the PEM file IT gave with the token
        self.ca_bundle.setObjectName("caBundle")
        self.ca_button = QPushButton()
        self.ca_button.setObjectName("chooseCaBundle")
        self.ca_button.clicked.connect(self.choose_ca_bundle)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.ca_button)
        self.ca_label = QLabel()
        self.form.insertRow(4, self.ca_label, ca_row)  # under the HQ address and token it goes with
        self.message = MessageBar()
        self.setup_button = QPushButton()
        self.setup_button.setProperty("primary", True)
        self.setup_button.setMinimumHeight(56)
        self.setup_button.clicked.connect(self.submit)
        self.demo_button = QPushButton()
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setMinimumHeight(56)
        self.demo_button.clicked.connect(self.demo_requested)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.setup_button)
        card = Card()
        card.setMaximumWidth(720)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addLayout(self.form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        inner.addWidget(self.demo_hint)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addWidget(card, 3, Qt.AlignmentFlag.AlignVCenter)
        row.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return translate("FirstRun", "Set up this till")

    def retranslate(self) -> None:
        self.heading.setText(translate("FirstRun", "Set up this till"))
        self.intro.setText(
            translate("FirstRun", "Enter the store and till names HQ gave you, and the first supervisor's login.")
        )
        labels = {
            "store_id": translate("FirstRun", "Store ID"),
            "terminal_id": translate("FirstRun", "Till ID"),
            "hq_url": translate("FirstRun", "HQ address (optional)"),
            "token": translate("FirstRun", "HQ token"),
            "supervisor_id": translate("FirstRun", "Supervisor ID"),
            "supervisor_name": translate("FirstRun", "Supervisor name"),
            "pin": translate("FirstRun", "Supervisor PIN (4-8 digits)"),
        }
        for key, text in labels.items():
            set_field_label(self.form, self.fields[key], text)
        self.fields["hq_url"].setPlaceholderText("https://hq.example.com")
        self.ca_label.setText(translate("FirstRun", "HQ certificate authority (optional)"))
        self.ca_bundle.setPlaceholderText(translate("FirstRun", "PEM file; empty = this computer's trusted CAs"))
        self.ca_button.setText(translate("FirstRun", "Choose…"))
        self.setup_button.setText(translate("FirstRun", "Set up"))
        self.demo_button.setText(translate("FirstRun", "Demo mode"))
        self.demo_hint.setText(
            translate(
                "FirstRun",
                "Demo mode runs a local HQ with demo members and products. "
                "Log in as 1001 / PIN 1234 (cashier) or 9001 / PIN 9999 (supervisor).",
            )  # fmt: skip
        )

    def activate(self, **_kwargs) -> None:
        self.fields["store_id"].setFocus()

    def values(self) -> dict:
        values = {k: e.text().strip() for k, e in self.fields.items()}
        values["ca_bundle"] = self.ca_bundle.text().strip()
        return values

    def choose_ca_bundle(self) -> None:
        self.session.dialogs.open_path(self, translate("FirstRun", "HQ certificate authority"),
                                       translate("FirstRun", "Certificates (*.pem *.crt);;All files (*)"),
                                       lambda path: self.ca_bundle.setText(str(path)))  # fmt: skip

    def submit(self) -> None:
        values = self.values()
        missing = [k for k in ("store_id", "terminal_id", "supervisor_id", "supervisor_name", "pin") if not values[k]]
        if missing:
            self.message.show_error(translate("FirstRun", "Please fill in every field marked above."))
            self.fields[missing[0]].setFocus()
            return
        if values["ca_bundle"] and not Path(values["ca_bundle"]).is_file():
            self.message.show_error(translate("FirstRun", "There is no file at the certificate path given."))
            self.ca_bundle.setFocus()
            return
        self.set_busy(True)
        self.submitted.emit(values)

    def set_busy(self, busy: bool) -> None:
        self.setup_button.setEnabled(not busy)
        self.demo_button.setEnabled(not busy)
        if busy:
            self.message.show_info(translate("FirstRun", "Setting up…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.show_error(text)
