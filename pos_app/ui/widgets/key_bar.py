"""A screen's row of function-key buttons, built from ONE table of `Key` rows.

Each row says the key, what it does and how the button behaves, so a key's action, label and
button can never drift apart. Labels come from the one table of meanings (fkeys.py) unless a row
words it for its screen ("New sale" for F2 at the checkout).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from .. import fkeys
from ..i18n import translate
from .common import Card, FKeyButton


@dataclass(frozen=True)
class Key:
    name: str  # how the screen and its tests call the button
    key: Qt.Key
    action: Callable[[], object]
    checkable: bool = False
    label: tuple[str, str] | None = None  # (translation context, text) instead of fkeys' meaning


class KeyBar(Card):
    """The buttons in key order (F1 … F10, as on the keyboard); `buttons[name]` for each row."""

    def __init__(self, keys: Sequence[Key], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = tuple(keys)
        self.buttons: dict[str, FKeyButton] = {}
        layout = QHBoxLayout(self)
        for row in sorted(self.keys, key=lambda k: int(k.key)):
            button = FKeyButton(row.key)
            button.setCheckable(row.checkable)
            button.clicked.connect(lambda _checked=False, act=row.action: act())
            self.buttons[row.name] = button
            layout.addWidget(button)
        self.retranslate()

    def retranslate(self) -> None:
        for row in self.keys:
            text = translate(*row.label) if row.label else fkeys.meaning(row.key)
            self.buttons[row.name].set_label(text)
