"""Shared by every test folder: Qt runs offscreen, never on a real screen; every test reads the one
clock (tests/support/clock.py), never the wall clock; expensive real resources are made once per test
process (a migrated till, a migrated HQ, PostgreSQL template databases) and copied for each test."""

import os
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# HQ's secrets key file (hq/storage/sealed.py): one per test run, never the user's own.
os.environ.setdefault("POS_HQ_SECRETS_KEY_FILE", os.path.join(tempfile.mkdtemp(prefix="pos-test-secrets-"), "secrets.key"))

from hq.storage import db, migrate  # noqa: E402
from tests.support import postgres, tills  # noqa: E402
from tests.support.clock import NOW, TestClock  # noqa: E402


@pytest.fixture
def clock() -> TestClock:
    """Now, as this run sees it (POS_TEST_TODAY / POS_TEST_TIME move it); stands still until moved."""
    return TestClock(NOW)


@pytest.fixture(scope="session")
def till_template(tmp_path_factory) -> Path:
    """A migrated till store with the test supervisor (tests/support/tills.py); tills copy it."""
    return tills.make_template(tmp_path_factory.mktemp("till-template") / "till", TestClock(NOW))


@pytest.fixture(scope="session")
def hq_sqlite_template(tmp_path_factory) -> Path:
    """HQ's SQLite database migrated and seeded once; each HQ of a test starts from a copy."""
    path = tmp_path_factory.mktemp("hq-template") / "hq.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture
def hq_sqlite_copy(hq_sqlite_template, tmp_path):
    """hq_sqlite_copy(name="hq") -> the URL of a fresh copy of the migrated HQ database in this test's folder."""

    def copy(name: str = "hq") -> str:
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(hq_sqlite_template, path)
        return f"sqlite:///{path}"

    return copy


@pytest.fixture(scope="session")
def pg():
    """PostgreSQL databases for this test process, dropped at its end (skips when the server is down)."""
    yield from postgres.pg_databases()


def pytest_report_header(config):
    return f"test clock: {NOW.isoformat()} ({NOW:%A}); set POS_TEST_TODAY / POS_TEST_TIME to move it"


# -- where the time goes: `--folder-times` (scripts/test-times.sh) -------------------------------------

_FOLDER_SECONDS: dict[str, float] = defaultdict(float)
_FOLDER_TESTS: dict[str, int] = defaultdict(int)


def pytest_addoption(parser):
    parser.addoption("--folder-times", action="store_true",
                     help="print the seconds spent per test folder (set-up + call + tear-down, all workers)")  # fmt: skip


def pytest_runtest_logreport(report):
    """Runs where the reports arrive: in the one process, or in xdist's controller for every worker."""
    parts = report.nodeid.split("::")[0].split("/")
    folder = parts[1] if len(parts) > 2 else parts[-1]  # tests/<folder>/... or a file at tests/
    _FOLDER_SECONDS[folder] += report.duration
    if report.when == "call":
        _FOLDER_TESTS[folder] += 1


def pytest_terminal_summary(terminalreporter, config):
    if not config.getoption("--folder-times") or not _FOLDER_SECONDS:
        return
    terminalreporter.section("seconds per folder (all workers added up)")
    for folder, seconds in sorted(_FOLDER_SECONDS.items(), key=lambda kv: -kv[1]):
        terminalreporter.write_line(f"{folder:<12} {seconds:8.1f} s  {_FOLDER_TESTS[folder]:5d} tests")
    terminalreporter.write_line(f"{'total':<12} {sum(_FOLDER_SECONDS.values()):8.1f} s  {sum(_FOLDER_TESTS.values()):5d} tests")
