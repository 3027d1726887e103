"""An overdraft written off in HQ's console reaches real tills: after one sync their balance is HQ's, zero."""

import pytest

from loyalty_core.pricing import CartLine
from pos_app.sync.engine import SyncError
from tests.sync.sync_harness import Console, FaultyAdapter, attach, settle

BASKET = [CartLine("RICE", "grocery", 10000, 1)]  # 100.00: at most 5,000 points (50.00) as payment


def go_offline(*tills):
    nets = []
    for till in tills:
        net = attach(till, FaultyAdapter())
        net.offline = True
        with pytest.raises(SyncError):
            till.sync.run_once()
        nets.append(net)
    return nets


def console_write_off(hq, code: str, note: str) -> int:
    console = Console(hq)
    assert f'data-member="{code}"' in console.get("/console/review/overdrafts").text
    answer = console.submit("/console/review/overdrafts", f"/console/review/overdrafts/{code}/write-off", {"note": note})
    return answer.status_code


def overdrawn_at_two_tills(hq, till_factory, phone: str):
    """Two stores, both offline, redeem the same 5,000 points of one member; back online, HQ is below zero."""
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = a.pos.enroll(phone=phone, name="林小華", consent_terms=True)
    a.pos.adjust(member.member_code, 5900, "goodwill", "9001")
    settle([a, b], hq)
    nets = go_offline(a, b)
    a.pos.confirm_sale(member.member_code, BASKET, redeem_points=5000, identified_by="card")
    b.pos.confirm_sale(member.member_code, BASKET, redeem_points=5000, identified_by="card")  # the same points, spent twice
    for net in nets:
        net.offline = False
    settle([a, b], hq)
    assert hq.balances()[member.member_code] < 0
    return a, b, member


def test_an_overdraft_written_off_at_hq_reaches_both_tills_and_their_balance_matches(hq, till_factory):
    a, b, member = overdrawn_at_two_tills(hq, till_factory, "0915000002")

    assert console_write_off(hq, member.member_code, "double spend while offline") == 303
    assert hq.balances()[member.member_code] == 0
    settle([a, b], hq)
    for till in (a, b):
        view = till.pos.find_member(member.member_code)
        assert (view.balance, view.pending) == (hq.balances()[member.member_code], 0) == (0, 0)


def test_an_overdraft_recovered_at_hq_reaches_the_tills_and_the_money_collected_is_kept(hq, till_factory):
    a, b, member = overdrawn_at_two_tills(hq, till_factory, "0915000003")
    deficit = -hq.balances()[member.member_code]
    console = Console(hq, "fin", "finance")
    note = console.submit("/console/review/overdrafts", f"/console/review/overdrafts/{member.member_code}/annotate",
                          {"note": "she will pay on Friday"})  # fmt: skip
    assert note.status_code == 303 and hq.balances()[member.member_code] == -deficit

    answer = console.submit("/console/review/overdrafts", f"/console/review/overdrafts/{member.member_code}/recover",
                            {"note": "paid cash at S001", "collected": "50.00"})  # fmt: skip

    assert answer.status_code == 303 and hq.balances()[member.member_code] == 0
    assert hq.scalar("SELECT collected_cents FROM overdraft_notes WHERE action = 'recover'") == 5000
    assert hq.scalar("SELECT count(*) FROM overdraft_notes") == 2
    settle([a, b], hq)
    for till in (a, b):
        view = till.pos.find_member(member.member_code)
        assert (view.balance, view.pending) == (0, 0)
