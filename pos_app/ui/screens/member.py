"""Member details: ledger history, profile edits (audited), supervisor adjustment, card reissue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import MemberView, Profile
from .. import fmt
from ..errors import error_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..ops import MEMBER, Op
from ..scanner import scan_field
from ..widgets.common import TOUCH_HEIGHT, FKeyButton, MessageBar, big_line_edit, heading, set_field_label
from ..widgets.member_card import MemberCardPanel
from ..widgets.name_field import limit_name
from ..widgets.supervisor_prompt import SupervisorPrompt
from .base import Screen

KIND_NAMES = {
    "earn": QT_TRANSLATE_NOOP("Ledger", "Purchase"),
    "signup": QT_TRANSLATE_NOOP("Ledger", "Sign-up bonus"),
    "referral": QT_TRANSLATE_NOOP("Ledger", "Referral bonus"),
    "bonus": QT_TRANSLATE_NOOP("Ledger", "Bonus"),
    "redeem": QT_TRANSLATE_NOOP("Ledger", "Redeemed"),
    "return_earn": QT_TRANSLATE_NOOP("Ledger", "Return (points taken back)"),
    "return_redeem": QT_TRANSLATE_NOOP("Ledger", "Return (points given back)"),
    "adjust": QT_TRANSLATE_NOOP("Ledger", "Adjustment"),
    "expire": QT_TRANSLATE_NOOP("Ledger", "Expired"),
    "merge_in": QT_TRANSLATE_NOOP("Ledger", "Merged in"),
}
REASONS = {
    "goodwill": QT_TRANSLATE_NOOP("Ledger", "Goodwill"),
    "correction": QT_TRANSLATE_NOOP("Ledger", "Correction"),
    "complaint": QT_TRANSLATE_NOOP("Ledger", "Complaint"),
    "migration": QT_TRANSLATE_NOOP("Ledger", "Migration from the old system"),
}


def kind_name(kind: str) -> str:
    return translate("Ledger", KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def ref_name(ref: str | None) -> str:
    """A ledger entry's reference: a reason code in words ("goodwill" -> 善意補償), a receipt number as is."""
    ref = ref or ""
    if ref in REASONS:
        return translate("Ledger", REASONS[ref])
    return translate("Ledger", KIND_NAMES[ref]) if ref in KIND_NAMES else ref


class HistoryTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("ledgerTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.entries: list[dict] = []

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([translate("Member", h) for h in (
            QT_TRANSLATE_NOOP("Member", "Date"), QT_TRANSLATE_NOOP("Member", "What"),
            QT_TRANSLATE_NOOP("Member", "Points"), QT_TRANSLATE_NOOP("Member", "Expires"),
            QT_TRANSLATE_NOOP("Member", "Reference"), QT_TRANSLATE_NOOP("Member", "HQ"))])  # fmt: skip
        self.set_entries(self.entries)

    def set_entries(self, entries: list[dict]) -> None:
        self.entries = entries
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            values = [
                fmt.date(e.get("on")),
                kind_name(e.get("kind", "")),
                fmt.points(int(e.get("points", 0))),
                fmt.date(e.get("expires_on")),
                ref_name(e.get("ref")),
                _state(e),
            ]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, item)


def _state(entry: dict) -> str:
    if entry.get("status") == "awaiting_hq_approval":  # HQ holds it for review: in no balance yet
        return translate("Member", "Awaiting HQ approval")
    return translate("Member", "Confirmed") if entry.get("confirmed") else translate("Member", "Waiting")


class MemberScreen(Screen):
    name = "member"

    def __init__(self, session, nav, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.member: MemberView | None = None
        self.heading = heading()
        self.tabs = QTabWidget()
        self.message = MessageBar(timeout_ms=8000)
        self.back_button = FKeyButton(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(self.back)

        self.history = HistoryTable()
        self._sync_mark: tuple[object, object] | None = None
        session.sync_status_changed.connect(self._on_sync_status)

        profile = QWidget()
        self.name_edit = big_line_edit()
        limit_name(self.name_edit, lambda: self.message)
        self.phone_edit = scan_field(big_line_edit())
        self.birthday_edit = big_line_edit()
        self.marketing_box = QCheckBox()
        self.marketing_box.setMinimumHeight(TOUCH_HEIGHT)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveProfile")
        self.save_button.setMinimumHeight(TOUCH_HEIGHT)
        self.save_button.clicked.connect(self.save_profile)
        self.fetch_button = QPushButton()  # a member held reduced here: the form starts from HQ's copy
        self.fetch_button.setObjectName("fetchProfile")
        self.fetch_button.setMinimumHeight(TOUCH_HEIGHT)
        self.fetch_button.clicked.connect(self.fetch_profile)
        self._profile: Profile | None = None  # the full profile being edited, None until known
        self.profile_form = QFormLayout(profile)
        self.profile_form.addRow(self.fetch_button)
        self.profile_form.addRow(QLabel(), self.name_edit)
        self.profile_form.addRow(QLabel(), self.phone_edit)
        self.profile_form.addRow(QLabel(), self.birthday_edit)
        self.profile_form.addRow(QLabel(), self.marketing_box)
        self.profile_form.addRow(QLabel(), self.save_button)

        adjust = QWidget()
        self.points_spin = scan_field(QSpinBox())
        self.points_spin.setRange(-1_000_000, 1_000_000)
        self.points_spin.setSingleStep(100)
        self.points_spin.setMinimumHeight(TOUCH_HEIGHT)
        self.reason_combo = QComboBox()
        self.reason_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.approval = SupervisorPrompt(session)
        self.approval.approved.connect(self.adjust)
        self.adjust_form = QFormLayout(adjust)
        self.adjust_form.addRow(QLabel(), self.points_spin)
        self.adjust_form.addRow(QLabel(), self.reason_combo)
        self.adjust_form.addRow(self.approval)

        self.card_panel = MemberCardPanel(session)
        self.card_panel.done.connect(self.back)

        self.tabs.addTab(self.history, "")
        self.tabs.addTab(profile, "")
        self.tabs.addTab(adjust, "")
        self.tabs.addTab(self.card_panel, "")
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.retranslate()

    def title(self) -> str:
        return translate("Member", "Member details")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, translate("Member", "History"))
        self.tabs.setTabText(1, translate("Member", "Profile"))
        self.tabs.setTabText(2, translate("Member", "Adjust points"))
        self.tabs.setTabText(3, translate("Member", "Reissue card"))
        self.back_button.set_label(translate("Member", "Back to the sale"))
        for widget, text in ((self.name_edit, translate("Member", "Name")), (self.phone_edit, translate("Member", "Phone")),
                             (self.birthday_edit, translate("Member", "Birthday"))):  # fmt: skip
            set_field_label(self.profile_form, widget, text)
        self.marketing_box.setText(translate("Member", "Agrees to receive offers"))
        self.save_button.setText(translate("Member", "Save changes"))
        self.fetch_button.setText(translate("Member", "Correct name, phone or birthday (asks HQ)"))
        set_field_label(self.adjust_form, self.points_spin, translate("Member", "Points (+ or -)"))
        set_field_label(self.adjust_form, self.reason_combo, translate("Member", "Reason"))
        current = self.reason_combo.currentData()
        self.reason_combo.clear()
        for code, text in REASONS.items():
            self.reason_combo.addItem(translate("Ledger", text), code)
        self.reason_combo.setCurrentIndex(max(0, self.reason_combo.findData(current)))
        self.history.retranslate()
        self._render_heading()

    def _render_heading(self) -> None:
        m = self.member
        if m is None:
            self.heading.setText("")
            return
        self.heading.setText(
            translate("Member", "{name} · {code} · {tier} · {points} points").format(
                name=m.name,
                code=m.member_code,
                tier=self.session.tier_name(m.tier, m.tier_names),
                points=fmt.points(m.balance),
            )  # fmt: skip
        )

    def activate(self, member=None, tab: int | None = None, **_kwargs) -> None:
        if member is not None:
            self.set_member(member)
            self.load_history()
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        self.approval.reset()
        if self.session.is_supervisor:
            self.approval.id_edit.setText(self.session.cashier_id)
        self.tabs.setFocus()

    def set_member(self, member) -> None:
        self.member = member
        self._profile = None if member.reduced else Profile(member.name, member.phone, member.birthday)
        self._show_profile()
        self.marketing_box.setChecked(member.consent_marketing)
        self.card_panel.set_member(member)
        self._render_heading()

    def _on_sync_status(self, status) -> None:
        """A push or pull finished: entries that were waiting may now be confirmed by HQ."""
        mark = (status.last_success, status.pending)
        if mark != self._sync_mark:
            self._sync_mark = mark
            if self.member is not None and self.isVisible():
                self.load_history()

    def load_history(self) -> None:
        if self.member is None:
            return
        pos, code = self.session.pos, self.member.member_code
        op = Op(lambda: pos.ledger(code), key="ledger", parent=self)
        self.session.run(op.success(self.history.set_entries).failure(lambda e: self.message.show_error(error_text(e))))

    def _show_profile(self) -> None:
        """The full profile in editable fields, or (held reduced, not fetched) the masked one, read-only."""
        m, p = self.member, self._profile
        if m is None:
            return
        known = p is not None
        self.name_edit.setText(p.name if p is not None else m.name)
        self.phone_edit.setText(p.phone if p is not None else m.masked_phone)
        birthday = p.birthday if p is not None else None
        self.birthday_edit.setText(birthday.isoformat() if birthday else "")
        for edit in (self.name_edit, self.phone_edit, self.birthday_edit):
            edit.setEnabled(known)
        self.fetch_button.setVisible(not known)

    def fetch_profile(self) -> None:
        if self.member is None:
            return
        pos, code = self.session.pos, self.member.member_code

        def fetched(profile) -> None:
            if self.member is not None and self.member.member_code == code:
                self._profile = profile
                self._show_profile()
                self.name_edit.setFocus()

        op = Op(lambda: pos.profile_for_edit(code), key="profile", parent=self)
        self.session.run(op.success(fetched).failure(lambda e: self.message.show_error(error_text(e))))

    def save_profile(self) -> None:
        m, p = self.member, self._profile
        if m is None:
            return
        changes: dict[str, object] = {}
        if p is not None:  # name, phone and birthday only once the full profile is in the form
            if self.name_edit.text().strip() != p.name:
                changes["name"] = self.name_edit.text().strip()
            if self.phone_edit.text().strip() != p.phone:
                changes["phone"] = self.phone_edit.text().strip()
            birthday = self.birthday_edit.text().strip()
            if birthday != (p.birthday.isoformat() if p.birthday else ""):
                changes["birthday"] = birthday or None
        if self.marketing_box.isChecked() != m.consent_marketing:
            changes["consent_marketing"] = self.marketing_box.isChecked()
        if not changes:
            self.message.show_info(translate("Member", "Nothing to save."))
            return
        pos, actor, code = self.session.pos, self.session.cashier_id or "till", m.member_code

        def saved(member) -> None:
            self.set_member(member)
            self.message.show_info(translate("Member", "Saved."))

        op = Op(lambda: pos.update_member(code, changes, actor), changes=MEMBER, parent=self)
        self.session.run(op.success(saved).failure(lambda e: self.message.show_error(error_text(e))))

    def adjust(self, supervisor) -> None:
        m = self.member
        points = self.points_spin.value()
        if m is None or points == 0:
            self.message.show_error(translate("Member", "Enter the points to add (+) or take away (-)."))
            return
        pos, reason, code = self.session.pos, self.reason_combo.currentData(), m.member_code

        def done(member) -> None:
            self.set_member(member)
            self.points_spin.setValue(0)
            self.approval.reset()
            self.load_history()
            self.message.show_info(
                translate("Member", "Adjusted by {points} points.").format(points=fmt.points(points))
            )

        op = Op(lambda: pos.adjust(code, points, reason, supervisor.cashier_id), changes=MEMBER, parent=self)
        self.session.run(op.success(done).failure(lambda e: self.message.show_error(error_text(e))))

    def back(self) -> None:
        self.nav.go("checkout", member=self.member)

    def handle_escape(self) -> bool:
        self.back()
        return True
