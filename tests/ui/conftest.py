"""UI tests: the real window (offscreen), the real use cases, a temp SQLite till per test.

The till is set up once per session (migrations, two cashiers with argon2 PINs)
and copied for each test, so every test starts from the same clean store.
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import datetime as dt  # noqa: E402
import gc  # noqa: E402
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pos_app import config  # noqa: E402
from pos_app.bootstrap import build_app  # noqa: E402
from pos_app.ui import i18n_build  # noqa: E402
from tests.support.clock import TestClock  # noqa: E402
from tests.ui.ui_helpers import ARTIFACTS, FakeDialogs, dispose, fail_if_anything_survived, make_shell  # noqa: E402

i18n_build.ensure_compiled()  # the .qm files are build output: make them if a checkout lacks them


@pytest.fixture(autouse=True)
def nothing_survives_the_test(qapp):
    """Fails a test that leaves a window (or a Shell, whose window it is) alive after its fixtures are gone:
    every leaked window is re-polished by each later test's style sheet, and the suite slows with its square.
    Also thaws the heap a logged-in till froze (Shell.settle_heap): dozens of tills share this process."""
    yield
    gc.unfreeze()
    fail_if_anything_survived()


@pytest.fixture
def open_shell(qtbot):
    """open_shell(data_dir, clock, dialogs, **kwargs) -> a started Shell, disposed of after the test."""
    opened = []

    def open_(data_dir: Path, clock, dialogs, **kwargs):
        sh = make_shell(qtbot, data_dir, clock, dialogs, **kwargs)
        opened.append(sh)
        return sh

    yield open_
    for sh in opened:
        dispose(sh)


@pytest.fixture(scope="session")
def template_till(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "till"
    config.init_terminal(path, "S001", "T01")
    app = build_app(path, clock=TestClock())
    app.cashiers.add("1001", "Mei", "1234", "cashier")
    app.cashiers.add("9001", "Boss", "9999", "supervisor")
    app.close()
    return path


@pytest.fixture
def data_dir(template_till, tmp_path) -> Path:
    path = tmp_path / "till"
    shutil.copytree(template_till, path)
    return path


@pytest.fixture
def dialogs(tmp_path) -> FakeDialogs:
    return FakeDialogs(tmp_path / "saved")


@pytest.fixture
def shell(open_shell, data_dir, clock, dialogs):
    return open_shell(data_dir, clock, dialogs)


@pytest.fixture
def services(shell):
    """The same services object the window uses (call it only while the worker is idle)."""
    return shell.services


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def today(clock) -> dt.date:
    return clock.today()
