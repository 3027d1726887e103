"""One change channel: local ops and sync notices reach widgets as one typed `Changes` with its
initiator, so the checkout refreshes its member once after its own sale, and when a sync brings
news of that member, and not for news of someone else."""

from PySide6.QtCore import Qt

from pos_app.ui.ops import MEMBER, SALE, SYNC, Changes
from tests.ui.ui_helpers import WAIT, fkey, idle, logged_in, scan

TEA = "4710000000017"


def ready_to_confirm(qtbot, shell, services):
    member = services.pos.enroll(phone="0912345678", name="王小明", consent_terms=True)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, TEA)
    idle(qtbot, shell)
    refreshes = []
    refresh = checkout.refresh_member
    checkout.refresh_member = lambda: (refreshes.append(1), refresh())
    return checkout, member, refreshes


def test_the_checkout_refreshes_its_member_once_after_its_own_sale(qtbot, shell, services):
    checkout, _member, refreshes = ready_to_confirm(qtbot, shell, services)
    heard = []
    shell.runner.changed.connect(heard.append)
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    assert checkout.sale.receipt is not None
    assert [c.initiator for c in heard] == [checkout] and heard[0] == SALE  # the sale was announced, by the screen
    assert len(refreshes) == 1


def test_sync_news_of_the_member_on_screen_refreshes_it_and_news_of_others_does_not(qtbot, shell, services):
    checkout, member, refreshes = ready_to_confirm(qtbot, shell, services)
    shell.bridge.fire("changes", {"members": ["M-SOMEONE-ELSE"]})
    qtbot.wait(400)  # the bridge flushes every 200 ms
    assert refreshes == []
    shell.bridge.fire("changes", {"members": [member.member_code]})
    qtbot.waitUntil(lambda: len(refreshes) == 1, timeout=WAIT)
    shell.bridge.fire("changes", {"push": {"sent": 1}, "members": []})  # no member named: any may be stale
    qtbot.waitUntil(lambda: len(refreshes) == 2, timeout=WAIT)


def test_another_screens_change_to_members_refreshes_the_checkout(qtbot, shell, services):
    checkout, _member, refreshes = ready_to_confirm(qtbot, shell, services)
    shell.runner.announce(MEMBER.by(shell.window))
    shell.runner.announce(Changes(sales=True).by(shell.window))  # the day report's business, not a member's
    idle(qtbot, shell)
    assert len(refreshes) == 1


def test_a_sync_notice_arrives_as_one_typed_changes_value(qtbot, shell):
    heard = []
    shell.runner.changed.connect(heard.append)
    shell.bridge.fire("changes", {"members": ["M1"]})
    shell.bridge.fire("changes", {"members": ["M2"]})
    qtbot.waitUntil(lambda: bool(heard), timeout=WAIT)
    assert heard == [Changes(members=True, outbox=True, member_codes=frozenset({"M1", "M2"}))]
    assert heard[0].initiator == SYNC
