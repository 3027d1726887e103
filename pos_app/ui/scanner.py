"""The USB barcode scanner: a keyboard that types very fast and ends with a suffix key.

Installed as an application-wide event filter, so a scan is caught wherever the
focus is. Printable key presses are held back for a few milliseconds: if more
keys follow faster than a person types and the suffix (Enter, Tab or CR LF)
ends them, the burst is a scan (emitted as `scanned(text)`, the keys never reach
the widget); otherwise the held keys are replayed, in order, to the widget they
were meant for.

Real scanners press Shift (and sometimes Caps Lock or Num Lock) around capitals:
a lone modifier key press carries no text and never splits a burst. A Chinese
input method never sees the scanner either: the scan-target fields have input
methods switched off (`scan_field`), so the platform hands their keys over raw.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QInputMethodQueryEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

_W = TypeVar("_W", bound=QWidget)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# Keys a scanner (or a person) presses on their own, without text: never a reason to split a burst.
_LONE_MODIFIERS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_Mode_switch,
})  # fmt: skip

SUFFIX_ENTER = "enter"
SUFFIX_TAB = "tab"
SUFFIX_CRLF = "crlf"
SUFFIXES = (SUFFIX_ENTER, SUFFIX_TAB, SUFFIX_CRLF)
MAX_PREFIX = 8


def check_prefix(prefix: str) -> str:
    """A scanner prefix is a few printable characters (or nothing); anything else is ignored."""
    prefix = str(prefix or "")
    return prefix if len(prefix) <= MAX_PREFIX and prefix.isprintable() else ""


class _NoInputMethod(QObject):
    """Keeps the platform input method away from one field: Qt asks the focus widget whether it
    takes one (ImEnabled) before handing it any key, and QLineEdit answers yes whatever its
    WA_InputMethodEnabled says; this answers no, and drops a composition sent anyway."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.InputMethod:
            return True
        if event.type() == QEvent.Type.InputMethodQuery:
            obj.event(event)  # the field answers everything else (hints, cursor) as usual
            query = cast(QInputMethodQueryEvent, event)
            if query.queries() & Qt.InputMethodQuery.ImEnabled:
                query.setValue(Qt.InputMethodQuery.ImEnabled, False)
            return True
        return False


def scan_field(widget: _W, on: bool = True) -> _W:
    """A field the scanner types into: no input method, so an active Pinyin/Zhuyin/Cangjie
    composition can never swallow the scanner's keys. `on=False` gives the field its input
    method back (a name is about to be typed)."""
    guard = widget.findChild(_NoInputMethod, "noInputMethod")
    if on and guard is None:
        guard = _NoInputMethod(widget)
        guard.setObjectName("noInputMethod")
        widget.installEventFilter(guard)
    elif not on and guard is not None:
        widget.removeEventFilter(guard)
        guard.deleteLater()
        guard.setObjectName("")
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, not on)
    hints = Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
    current = widget.inputMethodHints()
    widget.setInputMethodHints((current | hints) if on else (current & ~hints))
    if widget.hasFocus():
        QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled | Qt.InputMethodQuery.ImHints)
    return widget


def takes_input_method(widget: QWidget) -> bool:
    """What the platform input method asks the focused widget before it composes anything."""
    query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
    QCoreApplication.sendEvent(widget, query)
    return bool(query.value(Qt.InputMethodQuery.ImEnabled))


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
        suffix: str = SUFFIX_ENTER,
        prefix: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self.enabled = True
        self.suffix = SUFFIX_ENTER
        self.prefix = ""
        self.configure(suffix, prefix)
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._line_feed_until = 0.0  # CR LF: the LF after a scan's CR is swallowed until then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max_gap_ms)
        self._timer.timeout.connect(self.flush)

    def set_max_gap(self, ms: int) -> None:
        """The longest pause between two keys of one scan (a slow scanner, a busy machine)."""
        self.max_gap = ms / 1000
        self._timer.setInterval(ms)

    def configure(self, suffix: str, prefix: str = "") -> None:
        """What the store's scanners send after (suffix) and before (prefix) each code."""
        self.suffix = suffix if suffix in SUFFIXES else SUFFIX_ENTER
        self.prefix = check_prefix(prefix)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        self.flush()
        app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._replaying or not self.enabled or not obj.isWidgetType():
            return False
        if event.type() == QEvent.Type.InputMethod:
            if cast(QInputMethodEvent, event).commitString():
                self.flush()  # a person's committed text comes after the keys held before it
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        key_event = cast(QKeyEvent, event)
        if key_event.key() in _LONE_MODIFIERS:
            return False  # Shift around a capital: the burst goes on
        return self._key_press(obj, key_event)

    def _key_press(self, obj: QObject, event: QKeyEvent) -> bool:
        """True when the key is the scanner's (held, or the end of a scan): the widget never sees it."""
        key, now = event.key(), self._clock()
        plain = not (event.modifiers() & ~_PLAIN)
        if self._is_line_feed(key, event) and now <= self._line_feed_until:
            self._line_feed_until = 0.0
            return True
        if self._ends_scan(key, event.text(), plain):
            if self._is_scan(now):
                self._emit_scan(now)
                return True
            self.flush()
            return False
        text = event.text()
        if plain and len(text) == 1 and text.isprintable():
            self._hold(_HeldKey(obj, key, event.modifiers(), text, now))
            return True
        self.flush()  # any other key: what was held goes first, in order
        return False

    def _hold(self, held: _HeldKey) -> None:
        if self._held and held.at - self._held[-1].at > self.max_gap:
            self.flush()
        self._held.append(held)
        self._timer.start()

    def _ends_scan(self, key: int, text: str, plain: bool) -> bool:
        if not plain:
            return False
        if self.suffix == SUFFIX_TAB:
            return key == Qt.Key.Key_Tab
        return key in _ENTER or text in ("\r", "\n")  # a scanner set to send LF gives a bare "\n" key

    @staticmethod
    def _is_line_feed(key: int, event: QKeyEvent) -> bool:
        ctrl_j = key == Qt.Key.Key_J and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        return key in _ENTER or bool(ctrl_j) or event.text() == "\n"

    def _is_scan(self, now: float) -> bool:
        return len(self._held) >= self.min_length and now - self._held[-1].at <= self.max_gap * 2

    def _emit_scan(self, now: float) -> None:
        text = "".join(h.text for h in self._held)
        self._held.clear()
        self._timer.stop()
        if self.suffix == SUFFIX_CRLF:
            self._line_feed_until = now + self.max_gap * 2
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix):]
        self.scanned.emit(text)

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
