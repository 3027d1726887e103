"""The composition root of the till's window: builds every piece once, wires them, owns their lifetimes.

    run_app(data_dir)            # what `pos-app` with no arguments calls

Start-up order (the login window shows before the database is even opened):
QApplication -> translations -> window with the login (or first-run) screen ->
on the DB worker: open + migrate the store (build_app) -> login becomes possible
-> sync engine started -> status bar live.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from .. import config, resources
from .bridge import CoreBridge
from .camera import CameraScanner
from .errors import error_text
from .i18n import I18n, language_for_locale
from .i18n_build import ensure_compiled
from .idle import IdleWatcher
from .main_window import MainWindow
from .ops import Op, OpRunner
from .qtfix import install as install_qt_fixes
from .scanner import ScannerDetector
from .screens.first_run import FirstRunScreen
from .session import Session
from .settings import UiSettings
from .sync_monitor import SyncMonitor

log = logging.getLogger(__name__)

_FONTS = {
    "zh_TW": ["Noto Sans CJK TC", "Noto Sans", "sans-serif"],
    "zh_CN": ["Noto Sans CJK SC", "Noto Sans", "sans-serif"],
    "en": ["Noto Sans", "DejaVu Sans", "Noto Sans CJK TC", "sans-serif"],
}


def settle_heap() -> None:
    """Moves everything start-up built (Qt bindings, screens, rules, the store) out of the collector's sight.

    Otherwise every full garbage collection walks those ~100,000 long-lived objects again, holding the
    interpreter lock for ~50 ms, and when the sync thread triggers one the till's window stalls that long.
    Done once, after the first login, when the checkout screen exists; the collect costs about that much
    once, while the cashier's checkout is appearing.
    """
    gc.collect()
    gc.freeze()


class Shell(QObject):
    """Everything the window is made of, built once here and handed down (no globals)."""

    ready = Signal()  # services attached: login possible

    def __init__(
        self,
        data_dir: Path,
        *,
        language: str | None = None,
        build: Callable,
        start_demo: Callable,
        clock=None,
        start_sync: bool = True,
        scanner_gap_ms: int = 30,
        demo: bool = False,
    ) -> None:
        install_qt_fixes()
        super().__init__()
        self.qt_app = cast(QApplication, QApplication.instance())  # the caller made one (run_app, tests)
        self.data_dir = Path(data_dir)
        self.build = build  # pos_app.bootstrap.build_app: the window never builds the till's services itself
        self.start_demo = start_demo  # pos_app.demo.start_demo: a local HQ with demo data
        self.clock = clock
        self.start_sync = start_sync
        self.demo = demo  # `pos-app --demo`: a fresh folder sets itself up as a demo till, no questions
        self.demo_hq = None
        self.services = None

        self.settings = UiSettings.load(self.data_dir)
        self.i18n = I18n(self)
        self.i18n.language_changed.connect(self._apply_font)
        ensure_compiled()
        self.i18n.set_language(language or self.settings.language or language_for_locale(QLocale.system()))
        self._apply_style()
        self.runner = OpRunner(self)
        self.session = Session(self.runner, self.i18n, self.settings, self.data_dir, parent=self)
        self.bridge = CoreBridge(parent=self)
        self.monitor = SyncMonitor(self.session, self.bridge)
        self.monitor.status_changed.connect(self.session.set_sync_status)
        self.scanner = ScannerDetector(self, max_gap_ms=scanner_gap_ms, suffix=self.settings.scanner_suffix,
                                       prefix=self.settings.scanner_prefix)  # fmt: skip
        self.scanner.install(self.qt_app)
        self.camera = CameraScanner(self)
        self.idle = IdleWatcher(self.settings.idle_lock_seconds, self)
        self.qt_app.installEventFilter(self.idle)

        self.window = MainWindow(self.session, self._factories())
        self.window.sync_widget.sync_requested.connect(self.monitor.sync_now)
        self.window.sync_widget.rejected_requested.connect(lambda: self.window.go("rejected"))
        self.window.lock_requested.connect(self.lock)
        self.window.close_accepted.connect(self.shutdown)
        self.scanner.scanned.connect(self.window.route_scan)
        self.camera.scanned.connect(self.window.route_scan)
        self.bridge.changed.connect(self.runner.announce)  # sync notices join the one change channel
        self.idle.idle.connect(self.lock)
        self._closed = False
        self._heap_settled = False

    # -- screens ------------------------------------------------------------------------------

    def _factories(self) -> dict:
        """Screens are built (and their modules imported) the first time they are shown."""
        s = self.session

        def login(nav):
            from .screens.login import LoginScreen

            screen = LoginScreen(s, nav)
            screen.logged_in.connect(self._logged_in)
            screen.language_chosen.connect(self.choose_language)
            return screen

        def first_run(nav):
            from .screens.first_run import FirstRunScreen

            screen = FirstRunScreen(s, nav)
            screen.submitted.connect(self.set_up)
            screen.demo_requested.connect(self.set_up_demo)
            return screen

        def checkout(nav):
            from .screens.checkout import CheckoutScreen

            return CheckoutScreen(s, nav, camera=self.camera)

        def enroll(nav):
            from .screens.enroll import EnrollScreen

            return EnrollScreen(s, nav)

        def member(nav):
            from .screens.member import MemberScreen

            return MemberScreen(s, nav)

        def returns(nav):
            from .screens.returns import ReturnsScreen

            return ReturnsScreen(s, nav)

        def report(nav):
            from .screens.report import ReportScreen

            return ReportScreen(s, nav)

        def settings(nav):
            from .screens.settings import SettingsScreen

            return SettingsScreen(s, nav, self.choose_language, CameraScanner.cameras, self.configure_scanner)

        def rejected(nav):
            from .screens.rejected import RejectedScreen

            return RejectedScreen(s, nav)

        return {"first_run": first_run, "login": login, "checkout": checkout, "enroll": enroll, "member": member,
                "returns": returns, "report": report, "settings": settings, "rejected": rejected}  # fmt: skip

    # -- start --------------------------------------------------------------------------------

    def start(self) -> None:
        self.window.show()
        if config.is_initialized(self.data_dir):
            self.window.go("login")
            self.open_store()
        else:
            self.window.go("first_run")
            if self.demo:
                self.set_up_demo()

    def open_store(self, after: Callable | None = None) -> None:
        data_dir, build, clock = self.data_dir, self.build, self.clock

        def work():
            hq = None
            if config.load(data_dir).demo and self.demo_hq is None:
                hq = self._start_demo_hq()
            services = build(data_dir, clock=clock)
            if after is not None:
                after(services)
            return services, hq

        def opened(result) -> None:
            services, hq = result
            self.demo_hq = self.demo_hq or hq
            self.services = services
            self.session.attach(services)
            self.monitor.start()
            if services.sync is not None and self.start_sync:
                services.sync.start()
            self.ready.emit()

        def failed(exc) -> None:
            log.error("could not open the store", exc_info=exc)
            self.window.message.show_error(error_text(exc))

        self.session.run(Op(work).success(opened).failure(failed))

    def set_up(self, values: dict) -> None:
        data_dir = self.data_dir

        def work():
            bundle = Path(values["ca_bundle"]) if values.get("ca_bundle") else None
            config.init_terminal(data_dir, values["store_id"], values["terminal_id"], values["hq_url"] or None,
                                 values["token"] or None, ca_bundle=bundle)  # fmt: skip

        def first_supervisor(services) -> None:
            services.cashiers.add(values["supervisor_id"], values["supervisor_name"], values["pin"], "supervisor",
                                  actor="setup")  # fmt: skip

        def done(_none) -> None:
            self.window.go("login")
            self.open_store(after=first_supervisor)

        screen = self._first_run_screen()
        self.session.run(Op(work).success(done).failure(lambda exc: screen.show_error(error_text(exc))))

    def _start_demo_hq(self):
        """Later starts of a demo till: the same local HQ again (None if it cannot start: the till works offline)."""
        try:
            return self.start_demo(self.data_dir)
        except Exception:
            log.exception("the demo HQ could not start; the till runs offline")
            return None

    def _first_run_screen(self) -> FirstRunScreen:
        screen = self.window.screen_named("first_run")
        assert isinstance(screen, FirstRunScreen)
        return screen

    def set_up_demo(self) -> None:
        """A local HQ in this process, the till registered with it, demo members and cashiers."""
        data_dir, start_demo = self.data_dir, self.start_demo

        screen = self._first_run_screen()
        screen.set_busy(True)

        def done(handle) -> None:
            self.demo_hq = handle
            self.window.go("login")
            self.open_store()

        self.session.run(Op(lambda: start_demo(data_dir)).success(done)
                         .failure(lambda exc: screen.show_error(error_text(exc))))  # fmt: skip

    # -- people -------------------------------------------------------------------------------

    def _logged_in(self, cashier) -> None:
        self.session.set_cashier(cashier)
        self.idle.set_seconds(self.settings.idle_lock_seconds)
        self.idle.start()
        self.window.back_to_work()
        if not self._heap_settled:  # the checkout screen now exists
            settle_heap()
            self._heap_settled = True

    def lock(self) -> None:
        if self.session.cashier is None or self.window.current_name() in ("login", "first_run"):
            return
        self.idle.stop()
        cashier = self.session.cashier
        self.session.set_cashier(None)
        self.window.go("login", locked_by=cashier)

    def choose_language(self, language: str | None) -> None:
        self.i18n.set_language(language or language_for_locale(QLocale.system()))
        if language is not None and self.settings.language != language:
            self.settings.language = language
            self.session.save_settings()

    def configure_scanner(self, suffix: str, prefix: str) -> None:
        """Settings: what the store's scanners send around each code (kept in ui_settings.json)."""
        self.scanner.configure(suffix, prefix)
        self.settings.scanner_suffix, self.settings.scanner_prefix = self.scanner.suffix, self.scanner.prefix
        self.session.save_settings()

    # -- look ---------------------------------------------------------------------------------

    def _apply_style(self) -> None:
        path = resources.path("style.qss")
        if path.exists():  # url(res:x.svg) -> the file shipped next to the style sheet
            self.qt_app.setStyleSheet(path.read_text(encoding="utf-8").replace("url(res:", f"url({path.parent.as_posix()}/"))

    def _apply_font(self, language: str) -> None:
        font = QFont(self.qt_app.font())
        font.setFamilies(_FONTS.get(language, _FONTS["en"]))
        font.setPointSize(12)
        self.qt_app.setFont(font)
        if self.qt_app.styleSheet():
            # Widgets polished by the style sheet keep the font they were polished with; polishing
            # them again gives every widget, old or new, the new language's font (not a mix).
            self.qt_app.setStyleSheet(self.qt_app.styleSheet())

    # -- stop ---------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Every op already submitted finishes first: a sale being confirmed is never cut off."""
        if self._closed:
            return
        self._closed = True
        self.idle.stop()
        self.monitor.stop()
        self.camera.shutdown()
        self.scanner.uninstall(self.qt_app)
        self.qt_app.removeEventFilter(self.idle)
        self.window.detach()
        self.i18n.uninstall()
        self.runner.shutdown()
        self.session.print_runner.shutdown(timeout=2.0)
        if self.services is not None:
            self.services.close()
        if self.demo_hq is not None:
            self.demo_hq.stop()


def run_app(data_dir: Path | None, *, build: Callable, start_demo: Callable, demo: bool = False,
            argv: list[str] | None = None) -> int:  # fmt: skip
    started = time.perf_counter()
    qt_app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    qt_app.setApplicationName("store-loyalty-pos")
    if data_dir is None:
        data_dir = config.default_demo_dir() if demo else config.default_data_dir()
    shell = Shell(Path(data_dir), build=build, start_demo=start_demo, demo=demo)
    shell.start()
    log.info("window shown after %.0f ms", (time.perf_counter() - started) * 1000)
    code = qt_app.exec()
    shell.shutdown()
    return code
