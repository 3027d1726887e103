"""The sync status in the status bar, and the offline banner. They take a `SyncStatus` (pos_app.services)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...services import SyncStatus
from .. import fmt
from ..i18n import QT_TRANSLATE_NOOP, translate
from .common import Translatable


def error_summary(last_error: str | None) -> str:
    """'2026-11-24T10:00:00+00:00 unreachable: ...' -> 'unreachable'."""
    if not last_error:
        return ""
    words = last_error.split(" ", 1)
    rest = words[1] if len(words) > 1 else words[0]
    return rest.split(":", 1)[0][:40]


# What the cashier reads for the sync engine's error codes; an unknown code is shown in brackets for support.
_SYNC_ERRORS = {
    "unreachable": QT_TRANSLATE_NOOP("SyncStatus", "HQ cannot be reached"),
    "timeout": QT_TRANSLATE_NOOP("SyncStatus", "HQ did not answer in time"),
    "unauthorized": QT_TRANSLATE_NOOP("SyncStatus", "HQ refused this till's token"),
    "forbidden": QT_TRANSLATE_NOOP("SyncStatus", "HQ refused this till's token"),
    "busy": QT_TRANSLATE_NOOP("SyncStatus", "HQ is busy or failing; trying again"),
}


def error_text(code: str) -> str:
    if code.startswith("http_5") or code == "http_429":
        code = "busy"
    if code in _SYNC_ERRORS:
        return translate("SyncStatus", _SYNC_ERRORS[code])
    return translate("SyncStatus", "Unexpected answer from HQ ({code})").format(code=code)


class SyncStatusWidget(Translatable, QWidget):
    sync_requested = Signal()
    rejected_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status = SyncStatus()
        self.dot = QLabel("●")
        self.state_label = QLabel()
        self.pending_label = QLabel()
        self.last_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setObjectName("syncError")
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_requested)
        self.rejected_button = QPushButton()
        self.rejected_button.setObjectName("rejectedButton")
        self.rejected_button.clicked.connect(self.rejected_requested)
        self.show_rejected_to_supervisor = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for w in (self.dot, self.state_label, self.pending_label, self.last_label, self.error_label):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addWidget(self.rejected_button)
        layout.addWidget(self.sync_button)
        self.retranslate()

    def set_supervisor(self, yes: bool) -> None:
        self.show_rejected_to_supervisor = yes
        self._render()

    def set_status(self, status: SyncStatus) -> None:
        self.status = status
        self._render()

    def retranslate(self) -> None:
        self.sync_button.setText(translate("SyncStatus", "Sync now"))
        self._render()

    def state_text(self) -> str:
        s = self.status
        if not s.configured:
            return translate("SyncStatus", "Local only (no HQ)")
        if s.online is None and not s.offline:
            return translate("SyncStatus", "Connecting…")
        return (
            translate("SyncStatus", "Offline") if s.offline or s.online is False else translate("SyncStatus", "Online")
        )

    def _render(self) -> None:
        s = self.status
        state = "none" if not s.configured else ("offline" if s.offline or s.online is False else "online")
        self.dot.setProperty("state", state)
        self.dot.style().unpolish(self.dot)
        self.dot.style().polish(self.dot)
        self.state_label.setText(self.state_text())
        self.pending_label.setText(translate("SyncStatus", "Waiting to send: {n}").format(n=fmt.number(s.pending)))
        if s.last_success:
            self.last_label.setText(
                translate("SyncStatus", "Last sync {when}").format(when=fmt.date_time(s.last_success))
            )
        else:
            self.last_label.setText(translate("SyncStatus", "Never synced") if s.configured else "")
        summary = error_summary(s.last_error) if (s.offline or s.online is False) else ""
        error = error_text(summary) if summary else ""
        self.error_label.setText(translate("SyncStatus", "Error: {error}").format(error=error) if error else "")
        self.error_label.setVisible(bool(summary))
        self.sync_button.setEnabled(s.configured)
        self.rejected_button.setText(translate("SyncStatus", "Rejected by HQ: {n}").format(n=fmt.number(s.rejected)))
        self.rejected_button.setVisible(self.show_rejected_to_supervisor and s.rejected > 0)


class OfflineBanner(Translatable, QLabel):
    """Across the top of the window while HQ cannot be reached."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self.status = SyncStatus()
        self.hide()

    def set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.retranslate()

    def retranslate(self) -> None:
        s = self.status
        offline = s.configured and (s.offline or s.online is False)
        self.setVisible(offline)
        if not offline:
            return
        if s.last_success:
            text = translate("SyncStatus", "Offline: HQ has not answered since {when}. Sales go on and are sent later.")
            self.setText(text.format(when=fmt.date_time(s.last_success)))
        else:
            self.setText(translate("SyncStatus", "Offline: HQ cannot be reached. Sales go on and are sent later."))
