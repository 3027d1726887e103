"""The stories DESIGN.md section 4 tells, played against a real HQ."""

import datetime as dt
import time

import pytest

from loyalty_core.pricing import CartLine
from pos_app.services import members
from pos_app.sync.engine import SyncError
from tests.support.clock import NOW, RunningClock
from tests.sync.sync_harness import (
    Batch,
    FaultyAdapter,
    OnlineShop,
    attach,
    bulk_sales,
    clone_sales,
    local_balances,
    local_ledger,
    outbox_counts,
    settle,
)

TEA = [CartLine("TEA-500", "grocery", 12000, 1)]
BASKET = [CartLine("RICE", "grocery", 10000, 1)]  # 100.00: at most 5,000 points (50.00) as payment


def go_offline(*tills) -> list[FaultyAdapter]:
    nets = []
    for till in tills:
        net = attach(till, FaultyAdapter())
        net.offline = True
        with pytest.raises(SyncError):
            till.sync.run_once()
        assert till.ctx.is_offline()
        nets.append(net)
    return nets


def test_a_double_spend_offline_is_accepted_at_both_stores_flagged_at_hq_and_recovered_later(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = a.pos.enroll(phone="0915000001", name="王小明", consent_terms=True)
    a.pos.adjust(member.member_code, 5900, "goodwill", "9001")
    settle([a, b], hq)
    assert b.pos.find_member(member.member_code).balance == 6000
    nets = go_offline(a, b)

    at_a = a.pos.confirm_sale(member.member_code, BASKET, redeem_points=5000, identified_by="card")
    at_b = b.pos.confirm_sale(member.member_code, BASKET, redeem_points=5000, identified_by="card")  # the same points, gone twice
    for net in nets:
        net.offline = False
    settle([a, b], hq)

    expected = 6000 - 10000 + at_a.points_earned + at_b.points_earned
    assert expected < 0
    assert hq.balances()[member.member_code] == expected
    assert "overdraft" in hq.member(member.member_code).flags
    assert outbox_counts(a)["rejected"] == outbox_counts(b)["rejected"] == 0
    for till in (a, b):
        view = till.pos.find_member(member.member_code)
        assert (view.balance, view.confirmed, view.pending) == (expected, expected, 0)

    later = a.pos.confirm_sale(member.member_code, [CartLine("TV", "electronics", 600000, 1)])
    settle([a, b], hq)
    assert hq.balances()[member.member_code] == expected + later.points_earned > 0
    assert "overdraft" not in (hq.member(member.member_code).flags or "")


def test_the_same_phone_enrolled_at_two_stores_offline_is_merged_and_the_old_card_still_scans(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    settle([a, b], hq)
    nets = go_offline(a, b)
    first = a.pos.enroll(phone="0915000002", name="李美玲", consent_terms=True)
    time.sleep(0.01)
    second = b.pos.enroll(phone="0915-000-002", name="李美玲", consent_terms=True)
    sale = b.pos.confirm_sale(second.member_code, TEA)  # still offline: booked to the second card
    old_card = b.pos.card_payload(second.member_code)
    for net in nets:
        net.offline = False

    settle([a, b], hq)

    survivor, merged = first.member_code, second.member_code
    assert hq.member(merged).status == "merged" and hq.member(merged).merged_into == survivor
    total = 100 + 100 + sale.points_earned
    assert hq.balances()[survivor] == total and hq.balances()[merged] == 0
    for till in (a, b):
        view = till.pos.find_member(old_card)  # the card from store B, scanned anywhere
        assert (view.member_code, view.merged_from, view.balance, view.pending) == (survivor, merged, total, 0)
        assert till.pos.find_member(merged).member_code == survivor
        assert till.pos.find_member("0915000002").member_code == survivor
        assert local_balances(till) == hq.balances()
    assert b.pos.find_member(survivor).tier == hq.member(survivor).tier


def test_a_week_offline_with_20000_events_then_reconnecting_converges_quickly(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    settle([a, b], hq)
    net = go_offline(a)[0]
    week_ago = NOW - dt.timedelta(days=8)
    a.ctx.clock = lambda: week_ago
    codes = []
    with a.uow() as uow:
        for i in range(200):
            view = members.enroll(
                Batch(uow), a.ctx, phone=f"0916{i:06d}", name=f"會員 {chr(0x4E00 + i)}", consent_terms=True
            )
            codes.append(view.member_code)
        uow.commit()
    bulk_sales(a, codes, 800, week_ago)  # real sales through the use case...
    clone_sales(a, 19_000, week_ago)  # ...and as many more like them, written in bulk to save time
    a.ctx.clock = RunningClock(NOW)
    assert outbox_counts(a)["pending"] == 20_000

    started = time.monotonic()
    net.offline = False
    settle([a, b], hq, timeout=240)
    took = time.monotonic() - started

    assert hq.events_of("S001", "T01") == 20_000
    assert outbox_counts(a) == {"pending": 0, "sent": 20_000, "rejected": 0}
    hq_balances = hq.balances()
    assert local_balances(a) == local_balances(b) == hq_balances
    assert all(v[2] == 1 for v in local_ledger(a).values())
    print(f"\n20,000 events a week old: pushed and pulled back in {took:.1f}s")
    assert took < 60


def test_an_online_order_earns_points_and_the_store_sees_the_new_balance_after_one_pull(hq, till_factory):
    till = till_factory(hq)
    member = till.pos.enroll(phone="0915000003", name="Alice Chen", consent_terms=True)
    till.sync.run_once()
    shop = OnlineShop(hq, hq.add_channel("web"))

    order = shop.order(member.member_code, [{"sku": "TEA-500", "category": "grocery", "unit_price_cents": 30000,
                                              "qty": 1}])  # fmt: skip
    summary = till.sync.run_once()

    assert summary["pull"]["pages"] == 1
    view = till.pos.find_member(member.member_code)
    assert view.balance == order["balance_after"] == 100 + order["points_earned"]
    assert view.pending == 0


def test_points_expired_at_hq_reach_the_stores_and_no_till_expires_on_its_own_clock(hq, till_factory):
    a = till_factory(hq, "S001", "T01", clock=RunningClock(NOW + dt.timedelta(days=900)))  # a clock far ahead
    b = till_factory(hq, "S002", "T01")
    member = b.pos.enroll(phone="0915000004", name="陈伟", consent_terms=True)
    old = NOW - dt.timedelta(days=500)  # earned more than a year ago
    earned = b.pos.confirm_sale(member.member_code, TEA, at=old)
    settle([a, b], hq)
    before = hq.balances()[member.member_code]
    assert a.pos.find_member(member.member_code).balance == before  # A's clock says long expired: no matter

    from hq.services import expiry

    result = expiry.expire(hq.engine, hq.clock().date(), hq.clock())
    settle([a, b], hq)

    assert result["points"] >= earned.points_earned
    after = hq.balances()[member.member_code]
    assert after == before - result["points"]
    for till in (a, b):
        assert till.pos.find_member(member.member_code).balance == after
        kinds = [e["kind"] for e in till.pos.ledger(member.member_code)]
        assert "expire" in kinds


def test_a_tier_upgrade_from_online_spend_reaches_the_stores(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    member = a.pos.enroll(phone="0915000005", name="張家豪", consent_terms=True)
    settle([a, b], hq)
    shop = OnlineShop(hq, hq.add_channel("web"))

    shop.order(member.member_code, [{"sku": "TV", "category": "electronics", "unit_price_cents": 600000, "qty": 1}])
    settle([a, b], hq)

    assert hq.member(member.member_code).tier == "silver"
    for till in (a, b):
        assert till.pos.find_member(member.member_code).tier == "silver"
        quote = till.pos.quote_sale(member.member_code, [CartLine("TV", "electronics", 100000, 1)])
        assert quote.discount_cents == 2000  # the Silver member price, at once


def test_a_store_clock_that_is_wrong_never_reorders_anything(hq, till_factory):
    ahead = till_factory(hq, "S001", "T01", clock=RunningClock(NOW + dt.timedelta(days=400)))
    behind = till_factory(hq, "S002", "T01", clock=RunningClock(NOW - dt.timedelta(days=400)))
    member = behind.pos.enroll(phone="0915000006", name="Carol Wu", consent_terms=True)
    settle([ahead, behind], hq)

    # What really happened, in this order: behind sells, ahead sells, behind adjusts, ahead adjusts.
    steps = [
        (behind, lambda t: t.pos.confirm_sale(member.member_code, TEA)),
        (ahead, lambda t: t.pos.confirm_sale(member.member_code, TEA)),
        (behind, lambda t: t.pos.adjust(member.member_code, 7, "goodwill", "9001")),
        (ahead, lambda t: t.pos.adjust(member.member_code, 11, "goodwill", "9001")),
    ]
    for till, step in steps:
        step(till)
        till.sync.run_once()
    third = till_factory(hq, "S003", "T01")  # a new PC with a right clock
    settle([ahead, behind, third], hq)

    hq_order = [r.entry_id for r in hq.rows("SELECT entry_id FROM ledger WHERE member_code = :m ORDER BY id",
                                            m=member.member_code)]  # fmt: skip
    seqs = [r.occurred_at[:4] for r in hq.rows("SELECT occurred_at FROM events ORDER BY received_at, seq")]
    assert len(set(seqs)) == 2  # the tills' clocks really were years apart
    local = [e["entry_id"] for e in reversed(third.pos.ledger(member.member_code))]
    assert local == hq_order  # a PC that only pulled has HQ's order, whatever the tills' clocks said
    for till in (ahead, behind):  # what a till pulled lands in HQ's order too (its own entries came first)
        pulled = [e["entry_id"] for e in reversed(till.pos.ledger(member.member_code))
                  if local_ledger(till)[e["entry_id"]][3] is None]  # fmt: skip
        assert pulled == [i for i in hq_order if i in set(pulled)]
    for till in (ahead, behind, third):
        assert till.pos.find_member(member.member_code).balance == hq.balances()[member.member_code]
    future = hq.rows("SELECT on_date FROM spend WHERE member_code = :m", m=member.member_code)
    assert all(
        str(r.on_date)[:10] <= hq.clock().date().isoformat() for r in future
    )  # a clock ahead never books future spend
