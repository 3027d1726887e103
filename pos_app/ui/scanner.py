"""The USB barcode scanner: a keyboard that types very fast and ends with Enter.

Installed as an application-wide event filter, so a scan is caught wherever the
focus is. Printable key presses are held back for a few milliseconds: if more
keys follow faster than a person types and an Enter ends them, the burst is a
scan (emitted as `scanned(text)`, the keys never reach the widget); otherwise
the held keys are replayed, in order, to the widget they were meant for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass
class _HeldKey:
    target: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    at: float


class ScannerDetector(QObject):
    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_gap_ms: int = 30,
        min_length: int = 4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self.enabled = True
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max_gap_ms)
        self._timer.timeout.connect(self.flush)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        self.flush()
        app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not obj.isWidgetType():
            return False
        now = self._clock()
        key = event.key()
        plain = not (event.modifiers() & ~_PLAIN)
        if key in _ENTER and plain:
            if self._is_scan(now):
                text = "".join(h.text for h in self._held)
                self._held.clear()
                self._timer.stop()
                self.scanned.emit(text)
                return True
            self.flush()
            return False
        text = event.text()
        if plain and len(text) == 1 and text.isprintable():
            if self._held and now - self._held[-1].at > self.max_gap:
                self.flush()
            self._held.append(_HeldKey(obj, key, event.modifiers(), text, now))
            self._timer.start()
            return True
        self.flush()  # any other key: what was held goes first, in order
        return False

    def _is_scan(self, now: float) -> bool:
        return len(self._held) >= self.min_length and now - self._held[-1].at <= self.max_gap * 2

    def flush(self) -> None:
        """Replays held keys to their widgets (a person was typing)."""
        self._timer.stop()
        held, self._held = self._held, []
        if not held:
            return
        self._replaying = True
        try:
            for h in held:
                if shiboken6.isValid(h.target):
                    QCoreApplication.sendEvent(h.target, QKeyEvent(QEvent.Type.KeyPress, h.key, h.modifiers, h.text))
        finally:
            self._replaying = False
