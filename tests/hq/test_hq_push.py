"""Pushing till events: exactly once, per-event answers, and what each event does."""

import datetime as dt
import json

from hq.cli import main
from loyalty_core import ledger
from tests.support.clock import TODAY
from tests.support.events import Till, entry


def test_an_enrollment_and_a_sale_are_applied_and_the_balance_is_the_sum_of_the_ledger(hq):
    till = Till()
    enroll = till.enroll(signup=100)
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.sale(code, paid=15_000)]) == ["applied", "applied"]
    view = hq.member(code)
    assert view["balance"] == 250
    assert view["spend_cents"] == 15_000
    assert hq.scalar("SELECT sum(points) FROM ledger WHERE member_code = :c", c=code) == 250


def test_pushing_the_same_batch_twice_answers_duplicate_and_books_nothing_twice(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    batch = [enroll, till.sale(code)]
    assert hq.statuses(batch) == ["applied", "applied"]
    before = hq.counts()
    assert hq.statuses(batch) == ["duplicate", "duplicate"]  # the answer was lost; the till retries
    assert hq.counts() == before
    assert hq.member(code)["balance"] == 200


def test_replaying_an_event_with_a_changed_body_is_rejected_and_changes_nothing(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    sale = till.sale(code, earn=100)
    assert hq.statuses([enroll, sale]) == ["applied", "applied"]
    before = hq.counts()
    changed = {**sale, "payload": {**sale["payload"], "points_earned": 9_999,
                                   "ledger": [entry(code, ledger.EARN, 9_999)]}}  # fmt: skip
    assert hq.statuses([changed]) == ["rejected:changed_body"]
    assert {k: v for k, v in hq.counts().items()} == before
    assert hq.member(code)["balance"] == 200


def test_the_same_event_twice_in_one_batch_is_applied_once(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    sale = till.sale(code)
    assert hq.statuses([enroll, sale, sale]) == ["applied", "applied", "duplicate"]
    assert hq.member(code)["balance"] == 200


def test_an_event_for_an_unknown_member_is_rejected_and_applied_once_the_enrollment_arrives(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    sale = till.sale(code)
    assert hq.statuses([sale]) == ["rejected:unknown_member"]
    assert hq.scalar("SELECT count(*) FROM events") == 0
    assert hq.scalar("SELECT count(*) FROM rejections") == 1
    assert hq.statuses([enroll, sale]) == ["applied", "applied"]


def test_a_rejection_does_not_block_the_events_behind_it(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    orphan = till.sale("M2222222222")
    assert hq.statuses([enroll, orphan, till.sale(code)]) == ["applied", "rejected:unknown_member", "applied"]
    assert hq.member(code)["balance"] == 200


def test_a_redemption_below_zero_is_accepted_and_flags_overdraft_until_the_balance_recovers(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    enroll = store_a.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, store_a.adjust(code, 200)], store_a) == ["applied", "applied"]
    # Both stores were offline and each let the member spend the same 300 points (each sale earns 3).
    assert hq.statuses([store_a.sale(code, paid=300, redeem=300)], store_a) == ["applied"]
    assert hq.statuses([store_b.sale(code, paid=300, redeem=300)], store_b) == ["applied"]
    view = hq.member(code)
    assert (view["balance"], view["flags"]) == (-294, ["overdraft"])
    assert hq.statuses([store_a.sale(code, paid=29_400)], store_a) == ["applied"]
    view = hq.member(code)
    assert (view["balance"], view["flags"]) == (0, [])



def test_a_sale_upgrades_the_tier_at_once_over_rolling_spend(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.sale(code, paid=300_000), till.sale(code, paid=200_000)]) == ["applied"] * 3
    assert hq.member(code)["tier"] == "silver"
    tier_rows = [c for c in hq.pull_all() if c["kind"] == "tier"]
    assert [c["data"] for c in tier_rows] == [{"member_code": code, "tier": "silver", "spend_cents": 500_000}]


def test_spend_older_than_the_window_does_not_count_towards_a_tier(hq):
    till = Till(at="2025-10-01T10:00:00+08:00")
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.sale(code, paid=400_000)]) == ["applied", "applied"]
    till.at = "2026-11-24T10:00:00+08:00"
    assert hq.statuses([till.sale(code, paid=200_000)]) == ["applied"]
    view = hq.member(code)
    assert (view["tier"], view["spend_cents"]) == ("basic", 200_000)


def test_a_coupon_used_twice_is_accepted_and_flagged(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    enroll = store_a.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, store_a.sale(code, coupon_id="BDAY-1")], store_a) == ["applied", "applied"]
    assert hq.statuses([store_b.sale(code, coupon_id="BDAY-1")], store_b) == ["applied"]
    assert hq.scalar("SELECT count(*) FROM coupon_uses") == 1
    assert hq.scalar("SELECT count(*) FROM coupon_conflicts") == 1
    assert hq.member(code)["flags"] == ["coupon_reuse"]
    used = [c["data"] for c in hq.pull_all() if c["kind"] == "coupon_used"]
    assert used == [{"coupon_id": "BDAY-1"}]


def test_the_referrer_gets_200_once_per_referee_once_the_first_purchase_clears_whoever_booked_it(hq, capsys):
    till = Till()
    referrer = till.enroll()
    ref_code = referrer["payload"]["member"]["member_code"]
    first, second = till.enroll(referrer=ref_code), till.enroll(referrer=ref_code)
    a, b = (e["payload"]["member"]["member_code"] for e in (first, second))
    booked_by_till = entry(ref_code, ledger.REFERRAL, 200)
    batch = [referrer, first, second, till.sale(a), till.sale(a), till.sale(b, extra_entries=[booked_by_till])]
    # HQ books no referral with the sale (hq/services/referrals.py): a's till booked none, as HQ; b's till
    # booked one, so HQ answers corrected (the till drops it) and books it once the sale clears.
    assert hq.statuses(batch) == ["applied", "applied", "applied", "applied", "applied", "corrected"]
    assert hq.member(ref_code)["balance"] == 100
    cleared = (TODAY + dt.timedelta(days=14)).isoformat()
    assert main(["--db", hq.url, "risk", "release-referrals", "--at", cleared]) == 0  # the daily job
    assert json.loads(capsys.readouterr().out) == {"at": cleared, "booked": 2, "points": 400, "cancelled": 0}
    assert hq.member(ref_code)["balance"] == 100 + 400  # once for a, once for b
    assert hq.scalar("SELECT count(*) FROM ledger WHERE kind = 'referral'") == 2



def test_a_return_takes_back_points_and_spend_without_downgrading(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    sale = till.sale(code, paid=500_000, qty=5)
    back = till.give_back(code, receipt_no=sale["payload"]["receipt_no"], line_qty={"0": 4}, spend=-400_000,
                          take_back=4_000)  # fmt: skip
    assert hq.statuses([enroll, sale, back]) == ["applied"] * 3
    view = hq.member(code)
    assert (view["balance"], view["spend_cents"], view["tier"]) == (1_100, 100_000, "silver")



def test_a_return_may_take_the_balance_below_zero_without_an_overdraft_flag(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    earned = till.sale(code, paid=30_000)
    batch = [
        enroll,
        earned,
        till.sale(code, paid=400, redeem=400),
        till.give_back(code, receipt_no=earned["payload"]["receipt_no"], line_qty={"0": 1}, spend=-30_000,
                       take_back=300),
    ]  # fmt: skip
    assert hq.statuses(batch) == ["applied"] * 4
    view = hq.member(code)
    assert (view["balance"], view["flags"], view["debt"]) == (100 + 300 - 400 + 4 - 300, [], 296)



def test_member_updates_are_applied_and_published(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.update(code, {"name": "Chen Mei-Ling"})]) == ["applied", "applied"]
    assert hq.member(code)["member"]["name"] == "Chen Mei-Ling"
    members = [c["data"] for c in hq.pull_all() if c["kind"] == "member"]
    # tills get the name masked only (hq/storage/privacy.py)
    assert [m["name_masked"] for m in members] == ["C*** M**", "C*** M*******"]
    assert not any("name" in m or "phone" in m for m in members)


def test_a_payload_hq_cannot_use_is_rejected_and_changes_nothing(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll]) == ["applied"]
    before = hq.counts()
    bad = [
        till.update(code, {"name": "<script>"}),
        till.update(code, {"is_admin": True}),
        till.sale(code, extra_entries=[{**entry(code, ledger.EARN, 5), "points": 5.5}]),
        till.sale(code, extra_entries=[entry(code, ledger.EARN, -5)]),
        till.sale(code, extra_entries=["not an entry"]),
        till.event("sale.confirmed", {"member_code": code, "spend_cents": "100"}),
        till.event("member.enrolled", {"member": {"member_code": "M2222222222"}}),
        till.event("member.enrolled", {"member": "nope"}),
    ]
    assert set(hq.statuses(bad)) == {"rejected:invalid_payload"}
    after = hq.counts()
    assert {k: v for k, v in after.items() if k != "feed"} == {k: v for k, v in before.items() if k != "feed"}
    assert after["feed"] == before["feed"]


def test_entries_only_hq_may_write_are_refused_from_a_till(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    expire = entry(code, ledger.EXPIRE, -100, expires_on="2026-01-31")
    assert hq.statuses([enroll, till.sale(code, extra_entries=[expire])]) == ["applied", "rejected:invalid_payload"]


def test_an_enrollment_of_a_code_hq_already_has_is_rejected(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.enroll(code)]) == ["applied", "rejected:member_exists"]


def test_every_applied_change_is_in_the_feed_with_its_event_id(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    sale = till.sale(code)
    hq.statuses([enroll, sale])
    changes = hq.pull_all()
    kinds = [c["kind"] for c in changes if c["kind"] != "rules"]
    assert kinds == ["member", "ledger", "ledger"]
    confirmed = [c["data"]["confirmed_event_id"] for c in changes if c["kind"] == "ledger"]
    assert confirmed == [enroll["event_id"], sale["event_id"]]


def test_the_hashed_body_is_the_event_exactly_as_the_till_sent_it(hq):
    from hq.api.models import EventIn

    till = Till()
    sent = till.enroll()
    assert EventIn.model_validate(sent).as_sent() == sent
    without_version = {k: v for k, v in sent.items() if k != "rules_version"}
    assert EventIn.model_validate(without_version).as_sent() == without_version
