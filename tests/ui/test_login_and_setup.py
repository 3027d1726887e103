"""Start, first-run set-up, login, lockout after wrong PINs, auto-lock, closing mid-sale."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from pos_app import config
from pos_app.__main__ import window_args
from tests.ui.ui_helpers import WAIT, fkey, idle, logged_in, login, scan


def test_a_cashier_logs_in_with_id_and_pin_and_lands_on_the_checkout(qtbot, shell):
    assert shell.window.current_name() == "login"
    checkout = logged_in(qtbot, shell)
    assert shell.session.cashier.cashier_id == "1001"
    assert "Mei (cashier)" in shell.window.cashier_label.text()
    assert checkout.isVisible()


def test_the_first_login_moves_start_up_objects_out_of_the_collectors_way(qtbot, shell):
    import gc

    gc.unfreeze()
    logged_in(qtbot, shell)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # Qt bindings, screens, rules: a full collection no longer walks them
    shell.lock()
    logged_in(qtbot, shell)
    assert gc.get_freeze_count() <= frozen  # once per start, not per login (frozen objects can still be freed)


def test_no_screen_opens_before_a_login(qtbot, shell):
    shell.window.go("report")
    assert shell.window.current_name() == "login"


def test_five_wrong_pins_lock_the_cashier_for_five_minutes(qtbot, shell, clock):
    screen = shell.window.screen_named("login")
    for _ in range(4):
        login(qtbot, shell, "1001", "0000")
        assert screen.message.text() == "Unknown cashier ID or wrong PIN."
    login(qtbot, shell, "1001", "0000")
    assert screen.message.text() == "Too many wrong PINs. Try again in 5 minutes."
    login(qtbot, shell, "1001", "1234")  # even the right PIN is refused now
    assert "Too many wrong PINs" in screen.message.text()
    assert shell.window.current_name() == "login"
    clock.advance(minutes=5, seconds=1)
    logged_in(qtbot, shell, "1001", "1234")


def test_lockouts_at_the_login_escalate_to_thirty_minutes_then_until_a_supervisor_unlocks(qtbot, shell, clock):
    screen = shell.window.screen_named("login")
    for expected in ("Too many wrong PINs. Try again in 5 minutes.", "Too many wrong PINs. Try again in 30 minutes.",
                     "Locked after too many wrong PINs. A supervisor must unlock it."):  # fmt: skip
        for _ in range(5):
            login(qtbot, shell, "1001", "0000")
        assert screen.message.text() == expected
        clock.advance(minutes=31)
    login(qtbot, shell, "1001", "1234")
    assert screen.message.text() == "Locked after too many wrong PINs. A supervisor must unlock it."
    assert shell.window.current_name() == "login"


def test_an_unknown_cashier_gets_the_same_answer_as_a_wrong_pin(qtbot, shell):
    login(qtbot, shell, "4242", "1234")
    assert shell.window.screen_named("login").message.text() == "Unknown cashier ID or wrong PIN."


def test_the_till_locks_itself_when_idle_and_the_cart_survives(qtbot, shell, services):
    member = services.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, "4710000000017")
    idle(qtbot, shell)
    shell.idle.set_seconds(0.2)
    qtbot.waitUntil(lambda: shell.window.current_name() == "login", timeout=WAIT)
    assert shell.session.cashier is None
    assert "Locked. Mei was working here" in shell.window.screen_named("login").subtitle.text()
    logged_in(qtbot, shell)
    assert [i.sku for i in checkout.sale.items] == ["TEA-500"]
    assert checkout.sale.member.member_code == member.member_code


def test_f11_locks_the_till(qtbot, shell):
    logged_in(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F11)
    assert shell.window.current_name() == "login"


def test_a_fresh_install_asks_for_the_store_till_and_first_supervisor(qtbot, open_shell, tmp_path, clock, dialogs):
    data_dir = tmp_path / "fresh"
    sh = open_shell(data_dir, clock, dialogs)
    assert sh.window.current_name() == "first_run"
    screen = sh.window.screen_named("first_run")
    screen.fields["store_id"].setText("bad store!")
    screen.fields["supervisor_id"].setText("7001")
    screen.fields["supervisor_name"].setText("Lin")
    screen.fields["pin"].setText("2468")
    screen.setup_button.click()
    idle(qtbot, sh)
    assert "Store ID" in screen.message.text()
    assert not config.is_initialized(data_dir)
    screen.fields["store_id"].setText("S777")
    screen.setup_button.click()
    qtbot.waitUntil(lambda: sh.session.ready, timeout=WAIT)
    idle(qtbot, sh)
    assert sh.session.config.store_id == "S777"
    logged_in(qtbot, sh, "7001", "2468")
    assert sh.session.is_supervisor


def test_demo_mode_runs_a_local_hq_with_demo_data(qtbot, open_shell, tmp_path, clock, dialogs):
    data_dir = tmp_path / "demo"
    sh = open_shell(data_dir, None, dialogs)
    sh.window.screen_named("first_run").demo_button.click()
    qtbot.waitUntil(lambda: sh.session.ready, timeout=30_000)
    idle(qtbot, sh)
    assert sh.session.config.demo and sh.demo_hq is not None
    checkout = logged_in(qtbot, sh, "1001", "1234")
    scan(qtbot, checkout.lookup.edit, "0912345678")
    idle(qtbot, sh)
    assert checkout.sale.member.name == "王*明"  # HQ has the demo members: the till keeps them masked
    sh.monitor.sync_now()
    qtbot.waitUntil(lambda: sh.monitor.status.online is True and sh.monitor.status.pending == 0, timeout=30_000)
    assert sh.window.sync_widget.state_label.text() == "Online"


def test_the_demo_flag_sets_a_fresh_folder_up_as_a_demo_till_without_asking(qtbot, open_shell, tmp_path, dialogs):
    data_dir = tmp_path / "fresh-demo"
    sh = open_shell(data_dir, None, dialogs, demo=True)
    qtbot.waitUntil(lambda: sh.session.ready, timeout=30_000)
    idle(qtbot, sh)
    assert sh.window.current_name() == "login"
    assert config.load(data_dir).demo and sh.demo_hq is not None
    checkout = logged_in(qtbot, sh, "9001", "9999")
    scan(qtbot, checkout.lookup.edit, "0922333444")
    idle(qtbot, sh)
    assert checkout.sale.member.name == "李*玲"  # as HQ sent it (docs/PRIVACY.md)


def test_the_command_line_opens_the_window_only_without_a_command():
    assert window_args([]) == (None, False)
    assert window_args(["--demo"]) == (None, True)
    assert window_args(["--data-dir", "/tmp/till", "--demo"]) == (Path("/tmp/till"), True)
    assert window_args(["--data-dir", "/tmp/till"]) == (Path("/tmp/till"), False)
    assert window_args(["--data-dir", "/tmp/till", "member", "show", "0912345678"]) is None
    assert window_args(["--demo", "outbox"]) is None
    assert window_args(["--data-dir"]) is None


def test_closing_mid_sale_asks_and_loses_nothing_confirmed(qtbot, shell, services):
    member = services.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, "4710000000017")
    idle(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F2)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, "4710000000024")  # a second, unconfirmed cart
    idle(qtbot, shell)
    shell.window.close()
    box = shell.window._close_question
    assert box is not None and shell.window.isVisible()
    shell.window.keep_button.click()
    QApplication.processEvents()
    assert shell.window.isVisible() and len(checkout.sale.items) == 1
    assert QApplication.activeModalWidget() is None
    shell.window.close()
    shell.window.discard_button.click()
    QApplication.processEvents()
    assert not shell.window.isVisible()
    with services.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sales")).scalar() == 1


def test_closing_with_nothing_unconfirmed_just_closes(qtbot, shell):
    logged_in(qtbot, shell)
    shell.window.close()
    assert not shell.window.isVisible()
