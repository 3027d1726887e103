"""The sync status in the status bar, the offline banner, the supervisor's rejected list, the bridge."""

import threading

from pos_app import config
from pos_app.bootstrap import build_app
from pos_app.services import SyncStatus
from pos_app.store.outbox_repo import REJECTED
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.ops import SYNC
from pos_app.ui.widgets.sync_status import SyncStatusWidget
from tests.ui.ui_helpers import WAIT, idle, logged_in, scan


def test_without_hq_the_status_bar_shows_the_local_outbox(qtbot, shell, services):
    member = services.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)
    checkout = logged_in(qtbot, shell)
    shell.monitor.refresh()
    idle(qtbot, shell)
    widget = shell.window.sync_widget
    assert widget.state_label.text() == "Local only (no HQ)"
    assert widget.pending_label.text() == "Waiting to send: 1"
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, "4710000000017")
    idle(qtbot, shell)
    checkout.confirm()
    idle(qtbot, shell)
    qtbot.waitUntil(lambda: widget.pending_label.text() == "Waiting to send: 2", timeout=WAIT)
    assert shell.window.banner.isHidden()


def test_the_offline_banner_shows_when_hq_is_down_and_sales_go_on(qtbot, open_shell, tmp_path, clock, dialogs):
    data_dir = tmp_path / "till"
    config.init_terminal(data_dir, "S001", "T01", "http://127.0.0.1:9", "token")  # nothing listens on port 9
    app = build_app(data_dir, clock=clock)
    app.cashiers.add("1001", "Mei", "1234")
    member = app.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)
    app.close()
    sh = open_shell(data_dir, clock, dialogs)
    checkout = logged_in(qtbot, sh)
    qtbot.waitUntil(lambda: sh.window.banner.isVisibleTo(sh.window), timeout=WAIT)
    assert "Offline" in sh.window.banner.text()
    assert sh.window.sync_widget.state_label.text() == "Offline"
    qtbot.waitUntil(lambda: "Error:" in sh.window.sync_widget.error_label.text(), timeout=WAIT)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    idle(qtbot, sh)
    assert "Unverified since" in checkout.member_panel.unverified_label.text()
    scan(qtbot, checkout.entry.code_edit, "4710000000017")
    idle(qtbot, sh)
    checkout.confirm()
    idle(qtbot, sh)
    assert checkout.sale.receipt is not None  # the sale does not wait for HQ


def test_a_supervisor_sees_the_events_hq_rejected_and_why(qtbot, shell, services):
    services.pos.enroll(phone="0912345678", name="Alice Chen", consent_terms=True)
    event = services.pos.pending_events()[0]
    with services.uow() as uow:
        uow.outbox.mark(event["event_id"], REJECTED, at="2026-11-24T02:00:00+00:00", error="phone_conflict: merged")
        uow.commit()
    logged_in(qtbot, shell, "9001", "9999")
    shell.monitor.refresh()
    idle(qtbot, shell)
    button = shell.window.sync_widget.rejected_button
    assert button.isVisibleTo(shell.window) and button.text() == "Rejected by HQ: 1"
    button.click()
    idle(qtbot, shell)
    screen = shell.window.screen_named("rejected")
    assert shell.window.current_name() == "rejected"
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 4).text() == "phone_conflict: merged"


def test_a_cashier_is_not_shown_the_rejected_events(qtbot, shell, services):
    logged_in(qtbot, shell)
    shell.window.go("rejected")
    idle(qtbot, shell)
    assert shell.window.screen_named("rejected").table.rowCount() == 0
    assert not shell.window.sync_widget.rejected_button.isVisibleTo(shell.window)


def test_the_status_widget_takes_a_plain_status_object(qtbot):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.set_status(SyncStatus.from_dict({"configured": True, "online": True, "pending": 12, "rejected": 0,
                                            "last_success": "2026-11-24T02:00:00+00:00"}))  # fmt: skip
    assert widget.state_label.text() == "Online"
    assert widget.pending_label.text() == "Waiting to send: 12"
    assert widget.last_label.text().startswith("Last sync ")
    widget.set_status(SyncStatus.from_dict({"configured": True, "online": False, "offline": True,
                                            "last_error": "2026-11-24T02:00:00+00:00 unreachable: refused"}))  # fmt: skip
    assert widget.state_label.text() == "Offline"
    assert widget.error_label.text() == "Error: HQ cannot be reached"
    widget.set_status(SyncStatus.from_dict({"configured": True, "online": False, "offline": True,
                                            "last_error": "2026-11-24T02:00:00+00:00 http_503: down"}))  # fmt: skip
    assert widget.error_label.text() == "Error: HQ is busy or failing; trying again"
    widget.set_status(SyncStatus.from_dict({"configured": True, "online": False, "offline": True,
                                            "last_error": "2026-11-24T02:00:00+00:00 feed_gap: 11 to 13"}))  # fmt: skip
    assert widget.error_label.text() == "Error: Unexpected answer from HQ (feed_gap)"
    with qtbot.waitSignal(widget.sync_requested):
        widget.sync_button.click()


def test_the_bridge_turns_a_storm_of_core_callbacks_into_a_few_gui_updates(qtbot):
    bridge = CoreBridge(interval_ms=50)
    received = []
    bridge.status_changed.connect(received.append)
    changes = []
    bridge.changed.connect(changes.append)

    def sync_thread():
        for i in range(10_000):
            bridge.fire("status", {"pending": 10_000 - i - 1})
            if i % 1000 == 0:
                bridge.fire("changes", {"members": [f"M{i}"]})

    t = threading.Thread(target=sync_thread)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: bool(received) and received[-1].pending == 0, timeout=WAIT)
    assert len(received) <= 5
    qtbot.waitUntil(lambda: bool(changes), timeout=WAIT)
    assert len(changes) <= 5 and all(c.initiator == SYNC for c in changes)  # one typed value per flush
    assert set().union(*(c.member_codes for c in changes)) == {f"M{i}" for i in range(0, 10_000, 1000)}
