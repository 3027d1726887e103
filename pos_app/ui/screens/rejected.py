"""The supervisor's list of events HQ rejected, with HQ's reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from .. import fmt
from ..errors import error_text
from ..i18n import translate
from ..ops import Op
from ..widgets.common import FKeyButton, MessageBar, heading
from .base import Screen


class RejectedScreen(Screen):
    name = "rejected"

    def __init__(self, session, nav, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.events: list[dict] = []
        self.heading = heading()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("rejectedTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = MessageBar()
        self.back_button = FKeyButton(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(lambda: self.nav.go("checkout"))
        self.refresh_button = FKeyButton()  # F5 is the camera (fkeys.py)
        self.refresh_button.clicked.connect(self.load)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.retranslate()

    def title(self) -> str:
        return translate("Rejected", "Events rejected by HQ")

    def retranslate(self) -> None:
        self.heading.setText(translate("Rejected", "Events rejected by HQ"))
        self.table.setHorizontalHeaderLabels([translate("Rejected", "No."), translate("Rejected", "Event"), translate("Rejected", "When"),
                                              translate("Rejected", "Reference"), translate("Rejected", "HQ's reason")])  # fmt: skip
        self.back_button.set_label(translate("Rejected", "Back to the sale"))
        self.refresh_button.set_label(translate("Rejected", "Refresh"))
        self._render()

    def activate(self, **_kwargs) -> None:
        if not self.session.is_supervisor:
            self.message.show_error(translate("Errors", "Only a supervisor can approve this."))
            self.events = []
            self._render()
            return
        self.message.clear_message()
        self.load()

    def load(self) -> None:
        if not self.session.ready or not self.session.is_supervisor:
            return
        pos = self.session.pos

        def shown(events: list) -> None:
            self.events = events
            self._render()
            if not events:
                self.message.show_info(translate("Rejected", "HQ has not rejected anything."))

        op = Op(pos.rejected_events, key="rejected", parent=self)
        self.session.run(op.success(shown).failure(lambda e: self.message.show_error(error_text(e))))

    def _render(self) -> None:
        self.table.setRowCount(len(self.events))
        for row, e in enumerate(self.events):
            body = e.get("event") or {}
            payload = body.get("payload", body) if isinstance(body, dict) else {}
            ref = payload.get("receipt_no") or payload.get("return_no") or payload.get("member_code") or ""
            values = [str(e.get("seq", "")), e.get("type", ""), fmt.date_time(e.get("at")), str(ref),
                      e.get("reason") or ""]  # fmt: skip
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def handle_escape(self) -> bool:
        self.nav.go("checkout")
        return True
