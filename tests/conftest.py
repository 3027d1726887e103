"""Shared by every test folder: Qt runs offscreen, never on a real screen, and every test reads
the one clock (tests/testclock.py), never the wall clock."""

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# HQ's secrets key file (hq/storage/sealed.py): one per test run, never the user's own.
os.environ.setdefault("POS_HQ_SECRETS_KEY_FILE", os.path.join(tempfile.mkdtemp(prefix="pos-test-secrets-"), "secrets.key"))

from testclock import NOW, TestClock  # noqa: E402


@pytest.fixture
def clock() -> TestClock:
    """Now, as this run sees it (POS_TEST_TODAY / POS_TEST_TIME move it); stands still until moved."""
    return TestClock(NOW)


def pytest_report_header(config):
    return f"test clock: {NOW.isoformat()} ({NOW:%A}); set POS_TEST_TODAY / POS_TEST_TIME to move it"
