"""What every screen has: a title, F-key buttons, a way to take a scan, and where to go next."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ..widgets.common import FKeyButton, Translatable


class Nav:
    """How a screen asks for another one; the main window provides the function."""

    def __init__(self, go: Callable[..., None]) -> None:
        self._go = go

    def go(self, name: str, **kwargs) -> None:
        self._go(name, **kwargs)


class Screen(Translatable, QWidget):
    name = ""

    def __init__(self, session, nav: Nav, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.nav = nav

    def title(self) -> str:
        return ""

    def activate(self, **kwargs) -> None:
        """Shown (again); kwargs come from whoever navigated here."""

    def handle_scan(self, text: str) -> bool:
        """A scanner or camera read `text`; return True if this screen dealt with it."""
        return False

    def handle_escape(self) -> bool:
        return False

    def handle_key(self, key: Qt.Key) -> bool:
        """A function key before the buttons get it (e.g. confirm while the totals are still coming)."""
        return False

    def fkey_button(self, key: Qt.Key) -> FKeyButton | None:
        for button in self.findChildren(FKeyButton):
            if button.fkey == key and button.isVisible() and button.isEnabled():
                return button
        return None

    def can_leave(self) -> bool:
        return True

    def holds_unconfirmed_work(self) -> bool:
        """Closing the till now would lose something the cashier started (a cart not confirmed)."""
        return False
