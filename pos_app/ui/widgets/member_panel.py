"""Who is buying: name (masked), tier, balance, expiring points, tier progress, birthday, coupons, offers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from loyalty_core import phones

from ...services import MemberView
from .. import fmt
from ..i18n import translate
from .common import Card, Translatable


class TierBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tierBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_tier(self, code: str | None, name: str) -> None:
        self.setProperty("tier", code or "")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(name)
        self.setVisible(bool(code))


def pending_text(confirmed: int, pending: int) -> str:
    """The balance explained to a cashier: what HQ has confirmed, and what this till has not sent yet."""
    if pending == 0:
        return translate("MemberPanel", "All points confirmed by HQ.")
    if pending > 0:
        text = translate("MemberPanel", "HQ has confirmed {confirmed}; {pending} more earned at this till are not sent yet.")
    else:
        text = translate("MemberPanel", "HQ has confirmed {confirmed}; {pending} used at this till are not sent yet.")
    return text.format(confirmed=fmt.points(confirmed), pending=fmt.points(abs(pending)))


class MemberPanel(Translatable, Card):
    details_requested = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.member: MemberView | None = None
        self.offline_since: str | None = None  # last HQ confirmation while offline
        self.offline = False
        self.reveal = False

        self.badge = TierBadge()
        self.name_label = QLabel()
        self.name_label.setObjectName("memberName")
        self.reveal_button = QPushButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.setMinimumHeight(36)
        self.reveal_button.toggled.connect(self._on_reveal)
        self.code_label = QLabel()
        self.code_label.setObjectName("muted")
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyHint")

        self.balance_title = QLabel()
        self.balance_value = QLabel()
        self.balance_value.setObjectName("balance")
        self.balance_detail = QLabel()
        self.balance_detail.setObjectName("muted")
        self.unverified_label = QLabel()
        self.unverified_label.setObjectName("warning")
        self.unverified_label.setWordWrap(True)
        self.expiring_label = QLabel()
        self.expiring_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.birthday_label = QLabel()
        self.birthday_label.setObjectName("birthday")
        self.coupons_label = QLabel()
        self.coupons_label.setWordWrap(True)
        self.offers_label = QLabel()
        self.offers_label.setWordWrap(True)
        self.offers_label.setObjectName("offers")

        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.reveal_button)
        grid = QGridLayout()
        grid.addWidget(self.balance_title, 0, 0)
        grid.addWidget(self.balance_value, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.code_label)
        layout.addWidget(self.empty_label)
        layout.addLayout(grid)
        for w in (self.balance_detail, self.unverified_label, self.expiring_label, self.progress_bar,
                  self.progress_label, self.birthday_label, self.coupons_label, self.offers_label):  # fmt: skip
            layout.addWidget(w)
        layout.addStretch(1)
        self.session.i18n.language_changed.connect(lambda _lang: self.show_state())
        self.retranslate()

    # -- data ---------------------------------------------------------------------------------

    def set_member(self, member) -> None:
        if member is None or self.member is None or member.member_code != self.member.member_code:
            self.reveal_button.setChecked(False)
        self.member = member
        self.show_state()

    def set_offline(self, offline: bool, last_confirmed: str | None) -> None:
        self.offline, self.offline_since = offline, last_confirmed
        self.show_state()

    def _on_reveal(self, on: bool) -> None:
        self.reveal = on
        self.show_state()

    def retranslate(self) -> None:
        self.empty_label.setText(
            translate(
                "MemberPanel", "No member yet.\nScan the member card, or type a phone number, member code or name."
            )
        )
        self.balance_title.setText(translate("MemberPanel", "Points"))
        self.show_state()

    def shown_name(self) -> str:
        m = self.member
        if m is None:
            return ""
        return m.name if (self.reveal or not self.session.settings.mask_names) else m.masked_name

    def show_state(self) -> None:
        m = self.member
        has = m is not None
        for w in (self.badge, self.name_label, self.code_label, self.balance_title, self.balance_value,
                  self.balance_detail, self.progress_bar, self.progress_label):  # fmt: skip
            w.setVisible(has)
        self.reveal_button.setVisible(has and self.session.settings.mask_names)
        self.empty_label.setVisible(not has)
        self.reveal_button.setText(
            translate("MemberPanel", "Hide") if self.reveal else translate("MemberPanel", "Show")
        )
        if m is None:
            for w in (self.unverified_label, self.expiring_label, self.birthday_label, self.coupons_label,
                      self.offers_label):  # fmt: skip
                w.hide()
            return
        s = self.session
        self.badge.set_tier(m.tier, s.tier_name(m.tier, m.tier_names))
        self.name_label.setText(self.shown_name())
        region = s.config.country if s.ready else phones.DEFAULT_REGION
        phone = phones.for_display(m.phone, region) if (self.reveal or not s.settings.mask_names) else m.masked_phone
        self.code_label.setText(f"{m.member_code} · {phone}")
        self.balance_value.setText(fmt.points(m.balance))
        self.balance_value.setProperty("negative", m.balance < 0)  # red only when the member owes points
        self.balance_value.style().unpolish(self.balance_value)
        self.balance_value.style().polish(self.balance_value)
        self.balance_detail.setText(pending_text(m.confirmed, m.pending))
        if self.offline:
            when = fmt.date_time(self.offline_since) if self.offline_since else translate("MemberPanel", "never")
            self.unverified_label.setText(
                translate("MemberPanel", "Unverified since {when} (offline)").format(when=when)
            )
        self.unverified_label.setVisible(self.offline)
        if m.expiring_30d > 0:
            self.expiring_label.setText(
                translate("MemberPanel", "{points} points expire within 30 days (from {date})").format(
                    points=fmt.points(m.expiring_30d), date=fmt.date(m.expiring_on)
                )
            )
        self.expiring_label.setVisible(m.expiring_30d > 0)
        self._render_progress(m)
        self.birthday_label.setText(translate("MemberPanel", "Birthday this month"))
        self.birthday_label.setVisible(bool(m.birthday_month))
        if m.coupons:
            self.coupons_label.setText(
                translate("MemberPanel", "Coupons available: {n}").format(n=fmt.number(len(m.coupons)))
            )
        self.coupons_label.setVisible(bool(m.coupons))
        if m.offers:
            names = translate("MemberPanel", ", ").join(s.promotion_name(p) for p in m.offers)
            self.offers_label.setText(translate("MemberPanel", "Today's offers: {offers}").format(offers=names))
        self.offers_label.setVisible(bool(m.offers))

    def _render_progress(self, m) -> None:
        if not m.next_tier:
            self.progress_label.setText(translate("MemberPanel", "Top tier reached"))
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
            return
        nxt = self.session.tier_name(m.next_tier)
        self.progress_label.setText(
            translate("MemberPanel", "Spend {amount} more for {tier}").format(
                amount=fmt.money(m.spend_to_next_cents), tier=nxt
            )
        )
        target = m.spend_cents + m.spend_to_next_cents
        # the bar works in whole units of 100.00 so very large spends stay inside an int
        self.progress_bar.setRange(0, max(1, target // 10_000))
        self.progress_bar.setValue(min(target, m.spend_cents) // 10_000)
