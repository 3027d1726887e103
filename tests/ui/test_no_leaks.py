"""The guard that keeps the UI suite linear: a window or a Shell left alive by a test fails that test."""

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.ui_helpers import dispose, fail_if_anything_survived, make_shell, surviving_shells, surviving_windows


def test_the_shell_fixture_leaves_no_window_and_no_shell(shell):
    assert surviving_windows() == [shell.window]
    assert surviving_shells() == [shell]


def test_disposing_of_a_shell_deletes_its_window_and_itself(qtbot, data_dir, clock, dialogs):
    sh = make_shell(qtbot, data_dir, clock, dialogs)
    dispose(sh)
    assert surviving_windows() == [] and surviving_shells() == []


def test_a_window_left_open_fails_the_test_and_is_deleted(qtbot):
    label = QLabel("left open on purpose")  # held by the test, as a screen's attribute would hold it
    label.show()
    with pytest.raises(pytest.fail.Exception, match=r"1 window\(s\) or Shell\(s\) outlived the test: \[\"QLabel\('left open on purpose'\)\"\]"):
        fail_if_anything_survived()
    assert surviving_windows() == []


def test_a_shell_left_open_fails_the_test(qtbot, data_dir, clock, dialogs):
    make_shell(qtbot, data_dir, clock, dialogs)
    with pytest.raises(pytest.fail.Exception, match="MainWindow.*Shell|Shell.*MainWindow"):
        fail_if_anything_survived()
    assert surviving_windows() == [] and surviving_shells() == []
