"""The one window: a header, the offline banner, the screens (built when first needed), the status bar.

It routes scans and function keys to the current screen and asks before an
unconfirmed cart is thrown away on close. It holds no business logic.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import SyncStatus
from . import fkeys
from .errors import error_text
from .i18n import translate
from .screens.base import Nav, Screen
from .widgets.common import FKeyButton, MessageBar, Translatable
from .widgets.sync_status import OfflineBanner, SyncStatusWidget

_FKEYS = {getattr(Qt.Key, f"Key_F{i}") for i in range(1, 13)} | {Qt.Key.Key_Escape}
OPEN_WITHOUT_CASHIER = {"first_run", "login"}


def _app() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None, "a window exists only inside a running QApplication"
    return app


class FunctionKeys(QObject):
    """F1-F12 and Esc, wherever the focus is inside the window, go to the current screen's button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not isinstance(obj, QWidget):
            return False
        if event.key() not in _FKEYS or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if obj.window() is not self.window or QApplication.activeModalWidget() is not None:
            return False
        return self.window.function_key(Qt.Key(event.key()))


class _ButtonWatch(QObject):
    """An F-key button shown or hidden: the legend is worded again (batched by a zero-delay timer)."""

    _TYPES = (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.ShowToParent, QEvent.Type.HideToParent)

    def __init__(self, changed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.changed = changed

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self._TYPES:
            self.changed()
        return False


class MainWindow(Translatable, QMainWindow):
    lock_requested = Signal()
    close_accepted = Signal()

    def __init__(self, session, factories: dict[str, Callable[[Nav], Screen]]) -> None:
        super().__init__()
        self.session = session
        self.factories = factories
        self.nav = Nav(self.go)
        self.screens: dict[str, Screen] = {}
        self.history: list[str] = []
        self._force_close = False
        self._close_question: QMessageBox | None = None
        self.setObjectName("mainWindow")
        self.resize(1366, 768)
        self.setMinimumSize(1024, 640)

        self.title_label = QLabel()
        self.title_label.setObjectName("screenTitle")
        self.cashier_label = QLabel()
        self.cashier_label.setObjectName("cashierLabel")
        self.banner = OfflineBanner()
        self.stack = QStackedWidget()
        self.message = MessageBar(timeout_ms=10000)
        self.message.setObjectName("windowMessage")
        header = QHBoxLayout()
        header.setContentsMargins(12, 6, 12, 6)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.banner, 2)  # in the header, whose height never changes: no jump when HQ goes away
        header.addWidget(self.cashier_label)
        header_box = QWidget()
        header_box.setObjectName("header")
        header_box.setLayout(header)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header_box.setFixedHeight(56)
        layout.addWidget(header_box)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sync_widget = SyncStatusWidget()
        self.legend = QLabel()
        self.legend.setObjectName("fkeyLegend")
        self.statusBar().addWidget(self.legend, 1)
        self.statusBar().addPermanentWidget(self.sync_widget)
        self.statusBar().setSizeGripEnabled(False)

        self._legend_timer = QTimer(self)
        self._legend_timer.setSingleShot(True)
        self._legend_timer.setInterval(0)
        self._legend_timer.timeout.connect(self._render_legend)
        self._legend_watch = _ButtonWatch(self._legend_timer.start, self)
        self.keys = FunctionKeys(self)
        _app().installEventFilter(self.keys)
        session.cashier_changed.connect(lambda _c: self._render_header())
        session.runner.failed.connect(lambda exc: self.message.show_error(error_text(exc)))
        session.notify.connect(self._notify)
        session.sync_status_changed.connect(self._on_sync_status)
        self.retranslate()

    # -- screens ------------------------------------------------------------------------------

    def screen_named(self, name: str) -> Screen:
        if name not in self.screens:
            screen = self.factories[name](self.nav)
            self.screens[name] = screen
            self.stack.addWidget(screen)
            for button in screen.findChildren(FKeyButton):
                button.installEventFilter(self._legend_watch)
        return self.screens[name]

    def current(self) -> Screen | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Screen) else None

    def current_name(self) -> str:
        screen = self.current()
        return screen.name if screen else ""

    def go(self, name: str, **kwargs) -> None:
        if name not in OPEN_WITHOUT_CASHIER and self.session.cashier is None:
            name, kwargs = "login", {}
        screen = self.screen_named(name)
        current = self.current_name()
        if current and current != name:
            self.history.append(current)
            del self.history[:-10]
        self.stack.setCurrentWidget(screen)
        screen.activate(**kwargs)
        self._render_header()
        self._render_legend()

    def back_to_work(self) -> None:
        """After a login: where the cashier was before the lock, or the checkout."""
        previous = [n for n in self.history if n not in OPEN_WITHOUT_CASHIER]
        self.go(previous[-1] if previous else "checkout")

    def route_scan(self, text: str) -> None:
        if QApplication.activeModalWidget() is not None:
            return
        screen = self.current()
        if screen is None or screen.name in OPEN_WITHOUT_CASHIER:
            return
        if not screen.handle_scan(text):
            self.go("checkout")
            self.screen_named("checkout").handle_scan(text)

    def function_key(self, key: Qt.Key) -> bool:
        screen = self.current()
        if screen is None:
            return False
        if key == fkeys.LOCK and self.session.cashier is not None and screen.name not in OPEN_WITHOUT_CASHIER:
            self.lock_requested.emit()  # F11 locks on every screen: one meaning per key (fkeys.py)
            return True
        if key == Qt.Key.Key_Escape and screen.handle_escape():
            return True
        if screen.handle_key(key):
            return True
        button = screen.fkey_button(key)
        if button is None:
            return False
        button.click()
        return True

    # -- header, messages, sync ---------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "Store loyalty till"))
        self._render_header()
        self._render_legend()

    def _render_legend(self) -> None:
        """The keys of the screen on show, worded from the one table (fkeys.py)."""
        screen = self.current()
        if screen is None or screen.name in OPEN_WITHOUT_CASHIER:
            self.legend.setText("")
            return
        keys = {b.fkey for b in screen.findChildren(FKeyButton) if b.fkey is not None and b.isVisibleTo(screen)}
        self.legend.setText(fkeys.legend(keys))

    def _render_header(self) -> None:
        screen = self.current()
        self.title_label.setText(screen.title() if screen else "")
        cashier = self.session.cashier
        if cashier is None:
            self.cashier_label.setText("")
        else:
            role = (
                translate("MainWindow", "supervisor")
                if cashier.role == "supervisor"
                else translate("MainWindow", "cashier")
            )
            text = translate("MainWindow", "{name} ({role}) · F11 lock").format(name=cashier.name, role=role)
            self.cashier_label.setText(text)
        self.sync_widget.set_supervisor(self.session.is_supervisor)

    def _notify(self, level: str, text: str) -> None:
        (self.message.show_error if level == "error" else self.message.show_info)(text)

    def _on_sync_status(self, status: SyncStatus) -> None:
        self.sync_widget.set_status(status)
        self.banner.set_status(status)

    # -- closing ------------------------------------------------------------------------------

    def unconfirmed_sale(self) -> bool:
        return any(screen.holds_unconfirmed_work() for screen in self.screens.values())

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._force_close or not self.unconfirmed_sale():
            self.close_accepted.emit()
            event.accept()
            return
        event.ignore()
        self.ask_about_cart()

    def ask_about_cart(self) -> None:
        if self._close_question is not None and shiboken6.isValid(self._close_question):
            self._close_question.raise_()
            return
        box = QMessageBox(self)
        box.setObjectName("closeQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("MainWindow", "Close the till?"))
        box.setText(
            translate("MainWindow", "The current sale is not confirmed. Its cart will be lost if you close now.")
        )
        self.discard_button = box.addButton(translate("MainWindow", "Discard the cart and close"),
                                            QMessageBox.ButtonRole.DestructiveRole)  # fmt: skip
        self.keep_button = box.addButton(
            translate("MainWindow", "Keep the sale open"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(self.keep_button)
        box.buttonClicked.connect(self._close_answer)
        self._close_question = box
        box.open()

    def _close_answer(self, button) -> None:
        box, self._close_question = self._close_question, None
        if box is not None and shiboken6.isValid(box):
            box.close()
        if button is self.discard_button:
            self._force_close = True
            self.close()

    def detach(self) -> None:
        _app().removeEventFilter(self.keys)
