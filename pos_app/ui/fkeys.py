"""The one table of function keys: each key means one thing on every screen.

Screens put an FKeyButton on a key only for the meaning given here (a screen may word it for
its context: F9 "Print receipt", "Print card"), and the window's legend is built from it. F11
always locks the till.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .i18n import QT_TRANSLATE_NOOP, translate

FKEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_F1: QT_TRANSLATE_NOOP("FKeys", "Open amount"),
    Qt.Key.Key_F2: QT_TRANSLATE_NOOP("FKeys", "New"),
    Qt.Key.Key_F3: QT_TRANSLATE_NOOP("FKeys", "Find member"),
    Qt.Key.Key_F4: QT_TRANSLATE_NOOP("FKeys", "Enroll"),
    Qt.Key.Key_F5: QT_TRANSLATE_NOOP("FKeys", "Camera"),
    Qt.Key.Key_F6: QT_TRANSLATE_NOOP("FKeys", "Member details"),
    Qt.Key.Key_F7: QT_TRANSLATE_NOOP("FKeys", "Returns"),
    Qt.Key.Key_F8: QT_TRANSLATE_NOOP("FKeys", "Day report"),
    Qt.Key.Key_F9: QT_TRANSLATE_NOOP("FKeys", "Print"),
    Qt.Key.Key_F10: QT_TRANSLATE_NOOP("FKeys", "Settings"),
    Qt.Key.Key_F11: QT_TRANSLATE_NOOP("FKeys", "Lock"),
    Qt.Key.Key_F12: QT_TRANSLATE_NOOP("FKeys", "Confirm"),
    Qt.Key.Key_Escape: QT_TRANSLATE_NOOP("FKeys", "Back"),
}
LOCK = Qt.Key.Key_F11


def meaning(key: Qt.Key) -> str:
    return translate("FKeys", FKEYS[key])


def key_name(key: Qt.Key) -> str:
    return QKeySequence(key).toString()


def legend(keys: set[Qt.Key]) -> str:
    """'F2 New · F3 Find member · … · F11 Lock' for the keys a screen uses (F11 always)."""
    shown = [k for k in FKEYS if k in keys or k == LOCK]
    return "  ".join(f"{key_name(k)} {meaning(k)}" for k in shown)
