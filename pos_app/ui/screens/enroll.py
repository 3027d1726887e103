"""Enroll a member in under a minute: phone, name, birthday, consent, referrer -> the QR card -> the sale."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout

from loyalty_core import phones
from loyalty_core.errors import DomainError
from loyalty_core.validation import clean_name, parse_birthday

from ..errors import error_text, message_for
from ..i18n import translate
from ..ops import MEMBER, Op
from ..scanner import scan_field
from ..widgets.common import TOUCH_HEIGHT, Card, FKeyButton, MessageBar, big_line_edit, heading, set_field_label
from ..widgets.member_card import MemberCardPanel
from ..widgets.name_field import limit_name
from .base import Screen


class FieldError(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class EnrollScreen(Screen):
    name = "enroll"

    def __init__(self, session, nav, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.existing = None  # the member who already has this phone
        self.enrolled = None
        self.stack = QStackedWidget()

        # -- the form
        self.heading = heading()
        self.phone = scan_field(big_line_edit())
        self.phone.setObjectName("enrollPhone")
        self.name_edit = big_line_edit()
        self.name_edit.setObjectName("enrollName")
        limit_name(self.name_edit, lambda: self.errors["name"])
        self.birthday = big_line_edit()
        self.birthday.setObjectName("enrollBirthday")
        self.referrer = big_line_edit()
        self.referrer.setObjectName("enrollReferrer")
        self.terms = QCheckBox()
        self.terms.setObjectName("enrollTerms")
        self.marketing = QCheckBox()
        self.marketing.setObjectName("enrollMarketing")
        for box in (self.terms, self.marketing):
            box.setMinimumHeight(TOUCH_HEIGHT)
        self.errors = {k: FieldError() for k in ("phone", "name", "birthday", "terms")}
        self.existing_label = QLabel()
        self.existing_label.setObjectName("warning")
        self.existing_label.setWordWrap(True)
        self.use_existing = QPushButton()
        self.use_existing.setObjectName("useExisting")
        self.use_existing.setMinimumHeight(TOUCH_HEIGHT)
        self.use_existing.clicked.connect(self.take_existing)
        self.existing_box = Card()
        box_layout = QHBoxLayout(self.existing_box)
        box_layout.addWidget(self.existing_label, 1)
        box_layout.addWidget(self.use_existing)
        self.existing_box.hide()
        self.message = MessageBar()
        self.submit_button = FKeyButton(Qt.Key.Key_F12, primary=True)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = FKeyButton(Qt.Key.Key_Escape)
        self.cancel_button.clicked.connect(self.cancel)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.phone)
        self.form.addRow(QLabel(), self.errors["phone"])
        self.form.addRow(QLabel(), self.existing_box)
        self.form.addRow(QLabel(), self.name_edit)
        self.form.addRow(QLabel(), self.errors["name"])
        self.form.addRow(QLabel(), self.birthday)
        self.form.addRow(QLabel(), self.errors["birthday"])
        self.form.addRow(QLabel(), self.terms)
        self.form.addRow(QLabel(), self.errors["terms"])
        self.form.addRow(QLabel(), self.marketing)
        self.form.addRow(QLabel(), self.referrer)
        form_card = Card()
        form_layout = QVBoxLayout(form_card)
        form_layout.addWidget(self.heading)
        form_layout.addLayout(self.form)
        form_layout.addWidget(self.message)
        form_layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        form_layout.addLayout(buttons)
        form_page = Card()
        page_layout = QHBoxLayout(form_page)
        page_layout.addStretch(1)
        page_layout.addWidget(form_card, 4)
        page_layout.addStretch(1)

        # -- the card
        self.card_heading = heading()
        self.card_panel = MemberCardPanel(session)
        self.card_panel.done.connect(self.back_to_sale)
        card_page = Card()
        card_layout = QVBoxLayout(card_page)
        card_layout.addWidget(self.card_heading)
        card_layout.addWidget(self.card_panel, 1)

        self.stack.addWidget(form_page)
        self.stack.addWidget(card_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self._phone_timer = QTimer(self)
        self._phone_timer.setSingleShot(True)
        self._phone_timer.setInterval(250)
        self._phone_timer.timeout.connect(self.check_phone)
        self.phone.textEdited.connect(lambda _t: self._phone_timer.start())
        self.phone.textChanged.connect(self._forget_existing)
        self.phone.editingFinished.connect(self.check_phone)
        self.name_edit.editingFinished.connect(self.validate_name)
        self.birthday.editingFinished.connect(self.validate_birthday)
        self.terms.toggled.connect(lambda _on: self.errors["terms"].show_error(""))
        self.retranslate()

    def title(self) -> str:
        return translate("Enroll", "Enroll a member")

    def retranslate(self) -> None:
        self.heading.setText(translate("Enroll", "New member"))
        rows = [
            (self.phone, translate("Enroll", "Mobile phone *")),
            (self.name_edit, translate("Enroll", "Name *")),
            (self.birthday, translate("Enroll", "Birthday")),
            (self.referrer, translate("Enroll", "Referred by")),
        ]
        for widget, text in rows:
            set_field_label(self.form, widget, text)
        self.phone.setPlaceholderText("0912 345 678")
        self.birthday.setPlaceholderText(translate("Enroll", "YYYY-MM-DD (optional)"))
        self.referrer.setPlaceholderText(translate("Enroll", "Phone or member code of a member (optional)"))
        self.terms.setText(translate("Enroll", "The member accepts the terms and the privacy notice (required)"))
        self.marketing.setText(translate("Enroll", "The member agrees to receive offers (optional)"))
        self.use_existing.setText(translate("Enroll", "Use this member"))
        self.submit_button.set_label(translate("Enroll", "Enroll and make the card"))
        self.cancel_button.set_label(translate("Enroll", "Cancel"))
        self.card_heading.setText(translate("Enroll", "Welcome! Here is the member card."))
        self._render_existing()

    def activate(self, phone: str = "", **_kwargs) -> None:
        self.reset()
        if phone:
            self.phone.setText(phone)
            self.check_phone()
            self.name_edit.setFocus()
        else:
            self.phone.setFocus()

    def reset(self) -> None:
        self.stack.setCurrentIndex(0)
        for edit in (self.phone, self.name_edit, self.birthday, self.referrer):
            edit.clear()
        self.terms.setChecked(False)
        self.marketing.setChecked(False)
        for err in self.errors.values():
            err.show_error("")
        self.existing = self.enrolled = None
        self._render_existing()
        self.message.clear_message()
        self.submit_button.setEnabled(True)

    # -- inline validation (pure checks, no I/O) -----------------------------------------------

    def _check(self, key: str, check) -> bool:
        try:
            check()
        except DomainError as exc:
            self.errors[key].show_error(error_text(exc))
            return False
        self.errors[key].show_error("")
        return True

    def validate_phone(self) -> bool:
        region = self.session.config.country if self.session.ready else phones.DEFAULT_REGION
        return self._check("phone", lambda: phones.normalize_mobile(self.phone.text(), region))

    def validate_name(self) -> bool:
        return self._check("name", lambda: clean_name(self.name_edit.text()))

    def validate_birthday(self) -> bool:
        return self._check("birthday", lambda: parse_birthday(self.birthday.text(), self.session.today()))

    def validate_terms(self) -> bool:
        ok = self.terms.isChecked()
        self.errors["terms"].show_error("" if ok else message_for("consent_required"))
        return ok

    def check_phone(self) -> None:
        """A phone that already belongs to a member offers that member instead."""
        self._phone_timer.stop()
        text = self.phone.text().strip()
        if not text or not self.session.ready:
            return
        if not self.validate_phone():
            self.existing = None
            self._render_existing()
            return
        pos = self.session.pos

        def found(member) -> None:
            if self.phone.text().strip() == text:
                self.existing = member
                self._render_existing()

        op = Op(lambda: pos.member_by_phone(text), key="enroll-phone", parent=self)
        self.session.run(op.success(found).failure(lambda _e: None))

    def _forget_existing(self, _text: str) -> None:
        """The member found for the old number no longer applies once the number changes."""
        if self.existing is not None:
            self.existing = None
            self._render_existing()

    def _render_existing(self) -> None:
        m = self.existing
        self.existing_box.setVisible(m is not None)
        if m is not None:
            self.existing_label.setText(
                translate("Enroll", "This phone already belongs to {name} ({code}).").format(
                    name=m.masked_name, code=m.member_code
                )
            )

    def take_existing(self) -> None:
        if self.existing is not None:
            self.nav.go("checkout", member=self.existing)

    # -- submit -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.stack.currentIndex() == 1:
            self.back_to_sale()
            return
        if not self.submit_button.isEnabled():
            return
        checks = [self.validate_phone(), self.validate_name(), self.validate_birthday(), self.validate_terms()]
        if not all(checks):
            first_bad = [self.phone, self.name_edit, self.birthday, self.terms][checks.index(False)]
            first_bad.setFocus()
            return
        if self.existing is not None:
            self.message.show_error(message_for("phone_taken"))
            self.use_existing.setFocus()
            return
        fields = {
            "phone": self.phone.text().strip(),
            "name": self.name_edit.text().strip(),
            "birthday": self.birthday.text().strip() or None,
            "consent_terms": self.terms.isChecked(),
            "consent_marketing": self.marketing.isChecked(),
            "referrer": self.referrer.text().strip() or None,
            "actor": self.session.cashier_id,
        }
        pos = self.session.pos
        self.submit_button.setEnabled(False)

        def refused(exc) -> None:
            self.submit_button.setEnabled(True)
            if isinstance(exc, DomainError) and exc.code == "phone_taken":
                self.check_phone()
            self.message.show_error(error_text(exc))

        op = Op(lambda: pos.enroll(**fields), changes=MEMBER, parent=self).success(self.show_card).failure(refused)
        self.session.run(op)

    def show_card(self, member) -> None:
        self.enrolled = member
        self.card_panel.set_member(member)
        self.stack.setCurrentIndex(1)
        self.card_panel.done_button.setFocus()

    def back_to_sale(self) -> None:
        member = self.enrolled
        self.reset()
        self.nav.go("checkout", member=member)

    def cancel(self) -> None:
        if self.stack.currentIndex() == 1:
            self.back_to_sale()
        else:
            self.reset()
            self.nav.go("checkout")

    def handle_escape(self) -> bool:
        self.cancel()
        return True

    def handle_scan(self, text: str) -> bool:
        """A member card scanned here is the referrer."""
        if self.stack.currentIndex() == 0:
            self.referrer.setText(text.strip()[:200])
        return True
