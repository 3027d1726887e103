"""Pieces every screen uses: F-key buttons, the inline message bar, retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

TOUCH_HEIGHT = 48  # px: a finger, not a mouse pointer


class Translatable:
    """Mixin: calls `retranslate()` whenever the language changes."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:  # pragma: no cover - every subclass has its own
        pass


class FKeyButton(QPushButton):
    """A big button that shows its function key ("F12  Confirm"); the window routes the key to it."""

    def __init__(self, key: Qt.Key | None = None, parent: QWidget | None = None, *, primary: bool = False) -> None:
        super().__init__(parent)
        self.fkey = key
        self._label = ""
        self.setMinimumHeight(TOUCH_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoDefault(False)
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


def big_line_edit(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMinimumHeight(TOUCH_HEIGHT)
    edit.setClearButtonEnabled(True)
    return edit


def heading(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("heading")
    return label
