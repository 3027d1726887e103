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
from testclock import TestClock  # noqa: E402
from ui_helpers import ARTIFACTS, FakeDialogs, make_shell  # noqa: E402

from pos_app import config  # noqa: E402
from pos_app.bootstrap import build_app  # noqa: E402
from pos_app.ui import i18n_build  # noqa: E402

i18n_build.ensure_compiled()  # the .qm files are build output: make them if a checkout lacks them


@pytest.fixture(autouse=True)
def _unfreeze_heap():
    """A logged-in till freezes its heap (Shell.settle_heap); dozens of tills in one test process must not."""
    yield
    gc.unfreeze()


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
def shell(qtbot, data_dir, clock, dialogs):
    sh = make_shell(qtbot, data_dir, clock, dialogs)
    yield sh
    sh.window._force_close = True
    sh.window.close()
    sh.shutdown()


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
