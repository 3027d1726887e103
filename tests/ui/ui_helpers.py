"""Driving the window as a cashier would: fast key bursts for the scanner, F-keys, real clicks."""

from __future__ import annotations

import io
import time
import weakref
from pathlib import Path

import pytest
import qrcode
import shiboken6
from PIL import Image, ImageFilter
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.__main__ import build, start_demo
from pos_app.ui.app import Shell
from pos_app.ui.dialogs import Dialogs
from tests.support.clock import STORE_TZ as TZ  # noqa: E402,F401
from tests.support.clock import TUESDAY, TestClock  # noqa: E402,F401

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WAIT = 10_000
_shells: weakref.WeakSet[Shell] = weakref.WeakSet()  # every Shell a test made, to check none outlives it


class FakeDialogs(Dialogs):
    """The app's Dialogs answering at once: the file chooser with a path under `folder`; records printer requests."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.saved: list[Path] = []
        self.printed = 0

    def save_path(self, parent, title, default_name, name_filter, on_chosen) -> None:
        path = self.folder / default_name
        self.saved.append(path)
        on_chosen(path)

    def printer(self, parent, on_ready) -> None:
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printed += 1
        printer.setOutputFileName(str(self.folder / f"printed-{self.printed}.pdf"))
        on_ready(printer)

    def tender(self, parent, due_cents, on_chosen) -> None:
        """F12's payment step answered at once: exact cash (tests/ui/test_tender.py drives the real dialog)."""
        on_chosen("cash", None)


def make_shell(qtbot, data_dir: Path, clock, dialogs, language: str = "en", **kwargs) -> Shell:
    """A started Shell. Tests get theirs from the `open_shell` / `shell` fixtures, which dispose of it."""
    kwargs.setdefault("build", build)
    kwargs.setdefault("start_demo", start_demo)
    sh = Shell(data_dir, language=language, clock=clock, **kwargs)
    sh.session.dialogs = dialogs
    _shells.add(sh)
    sh.start()
    if (data_dir / "config.json").exists():
        qtbot.waitUntil(lambda: sh.session.ready, timeout=WAIT)
    return sh


def dispose(shell: Shell) -> None:
    """Closes the window without asking, stops the workers, and deletes the window and the Shell on the C++
    side too. Closing alone deletes nothing: signal connections to lambdas that capture the Shell keep every
    widget alive, and each later test's style sheet then re-polishes all of them (the suite grew quadratic)."""
    if not shiboken6.isValid(shell):
        return
    shell.window._force_close = True
    shell.window.close()
    shell.shutdown()
    shell.window.deleteLater()
    shell.deleteLater()
    flush_deletes()


def flush_deletes() -> None:
    """Runs the deleteLater() requests now, as the event loop would at its next turn."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def surviving_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if shiboken6.isValid(w)]


def surviving_shells() -> list[Shell]:
    return [sh for sh in list(_shells) if shiboken6.isValid(sh)]


def fail_if_anything_survived() -> None:
    """Deletes what a test left alive (so the next test starts clean), then fails saying what it was."""
    flush_deletes()
    left = surviving_windows() + surviving_shells()
    if left:
        names = sorted(_describe(thing) for thing in left)
        for sh in surviving_shells():
            dispose(sh)  # its worker threads stop first: deleting a running QThread aborts the process
        for widget in surviving_windows():
            widget.deleteLater()
        flush_deletes()
        pytest.fail(f"{len(left)} window(s) or Shell(s) outlived the test: {names}")


def _describe(thing) -> str:
    text = thing.text() if hasattr(thing, "text") else ""
    return f"{type(thing).__name__}({thing.objectName() or text!r})"


def idle(qtbot, shell) -> None:
    """Until the DB worker has nothing left, including work that zero-delay timers were about to queue."""
    for _ in range(3):
        qtbot.wait(5)
        qtbot.waitUntil(lambda: shell.runner.is_idle() and shell.session.print_runner.is_idle(), timeout=WAIT)


def login(qtbot, shell, cashier_id: str = "1001", pin: str = "1234") -> None:
    screen = shell.window.screen_named("login")
    assert shell.window.current_name() == "login"
    screen.id_edit.setText(cashier_id)
    screen.pin_edit.setText(pin)
    qtbot.keyClick(screen.pin_edit, Qt.Key.Key_Return)
    idle(qtbot, shell)


def logged_in(qtbot, shell, cashier_id: str = "1001", pin: str = "1234"):
    login(qtbot, shell, cashier_id, pin)
    qtbot.waitUntil(lambda: shell.window.current_name() == "checkout", timeout=WAIT)
    return shell.window.screen_named("checkout")


def scan(qtbot, widget, text: str) -> None:
    """A USB scanner: the characters as fast key clicks into whatever has focus, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def type_slowly(qtbot, widget, text: str, gap_ms: int = 60) -> None:
    """A person typing: slower than any scanner."""
    for ch in text:
        qtbot.keyClicks(widget, ch)
        qtbot.wait(gap_ms)
    qtbot.wait(gap_ms)


def fkey(qtbot, shell, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or shell.window.current()
    if target is None or target.window() is not shell.window:
        target = shell.window.current()
    qtbot.keyClick(target, key)


def pump(qtbot, ms: int = 50) -> None:
    qtbot.wait(ms)


# -- camera frames -------------------------------------------------------------------------------


def qimage(pil: Image.Image) -> QImage:
    buf = io.BytesIO()
    pil.save(buf, "PNG")
    img = QImage()
    img.loadFromData(buf.getvalue())
    return img


def camera_frame(text: str, *, angle: float = 0, scale: float = 1.0, blur: float = 0, size=(1280, 720)) -> QImage:
    """What a webcam would see: a QR code on a grey background, turned, shrunk or out of focus."""
    code = qrcode.make(text, box_size=8, border=4).convert("L")
    code = code.resize((max(1, int(code.width * scale)), max(1, int(code.height * scale))))
    if angle:
        code = code.rotate(angle, expand=True, fillcolor=255)
    scene = Image.new("L", size, 170)
    scene.paste(code, ((size[0] - code.width) // 2, (size[1] - code.height) // 2))
    if blur:
        scene = scene.filter(ImageFilter.GaussianBlur(blur))
    return qimage(scene.convert("RGB"))


def shot(shell, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert shell.window.grab().save(str(path)), path
    return path


def wait_text(qtbot, get, expected: str) -> None:
    qtbot.waitUntil(lambda: expected in get(), timeout=WAIT)


def now_ms() -> float:
    return time.perf_counter() * 1000
