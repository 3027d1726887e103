"""Pieces every screen uses: F-key buttons, the inline message bar, retranslation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..fkeys import FKEYS

TOUCH_HEIGHT = 48  # px: a finger, not a mouse pointer
TOUCH_MIN = 44  # px: nothing a finger presses is smaller (spin arrows, checkboxes, small buttons)


class _DoneKeys(QObject):
    """Enter or Tab in a number box: take the number, then hand the focus back (see `when_done`)."""

    _KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

    def __init__(self, parent: QWidget, done: Callable[[], None]) -> None:
        super().__init__(parent)
        self.done = done

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in self._KEYS:
            if isinstance(obj, QAbstractSpinBox):
                obj.interpretText()
            self.done()
            return True
        return False


def when_done(widget: QWidget, done: Callable[[], None]) -> QWidget:
    """`done()` after Enter or Tab in `widget`, instead of Qt moving the focus to the next button."""
    widget.installEventFilter(_DoneKeys(widget, done))
    return widget


class Translatable:
    """Mixin: calls `retranslate()` whenever the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # a mixin: the class it is mixed into is a QWidget

    def retranslate(self) -> None:  # pragma: no cover - every subclass has its own
        pass


class FKeyButton(QPushButton):
    """A big button that shows its function key ("F12  Confirm"); the window routes the key to it."""

    def __init__(self, key: Qt.Key | None = None, parent: QWidget | None = None, *, primary: bool = False) -> None:
        super().__init__(parent)
        if key is not None and key not in FKEYS:
            raise ValueError(f"{key!r} has no meaning in pos_app/ui/fkeys.py")
        self.fkey = key
        self._label = ""
        self.setMinimumHeight(TOUCH_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)
        # A click never takes the keyboard from the field the scanner and the cashier type into.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if primary:
            self.setProperty("primary", True)

    def set_label(self, text: str) -> None:
        self._label = text
        if self.fkey is None:
            self.setText(text)
        else:
            self.setText(f"{QKeySequence(self.fkey).toString()}  {text}")

    @property
    def label(self) -> str:
        return self._label


class MessageBar(QLabel):
    """An inline message under the field it concerns: error (red) or info (blue); clears itself."""

    def __init__(self, parent: QWidget | None = None, *, timeout_ms: int = 0) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("messageBar")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_message)
        self.timeout_ms = timeout_ms
        self.level = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error")
        QApplication.beep()  # heads are up at the queue, not on the screen

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def _show(self, text: str, level: str) -> None:
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()
        if self.timeout_ms:
            self._timer.start(self.timeout_ms)

    def clear_message(self) -> None:
        self.level = ""
        self.setText("")
        self.hide()


class Card(QFrame):
    """A framed panel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)


_W = TypeVar("_W", bound=QWidget)


def keep_place(widget: _W) -> _W:
    """Hidden, it still holds its space: showing it later moves nothing else on the screen."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
    return widget


def big_line_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMinimumHeight(TOUCH_HEIGHT)
    edit.setClearButtonEnabled(True)
    return edit


def heading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("heading")
    return label


def set_field_label(form: QFormLayout, field: QWidget, text: str) -> None:
    """Renames the label `form.addRow(text, field)` made (Qt types `labelForField` as QWidget; it is a QLabel)."""
    label = form.labelForField(field)
    if isinstance(label, QLabel):
        label.setText(text)
