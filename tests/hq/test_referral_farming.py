"""Fraud farming (刷單) through the real push API: a referral bonus waits out the return window, and HQ's
velocity rules flag what a farm looks like (hq/services/referrals.py, hq/services/velocity.py)."""

import datetime as dt
import json

from hq.services import referrals
from loyalty_core import ledger
from tests.support.clock import NOW, TODAY
from tests.support.events import Till


def code_of(enrollment: dict) -> str:
    return enrollment["payload"]["member"]["member_code"]


def release(hq, day: dt.date) -> dict:
    return referrals.release(hq.engine, day, hq.clock())


def flags(hq) -> dict[str, dict]:
    with hq.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT kind, member_code, terminal_id, evidence, status FROM risk_flags").all()
    return {r.kind: {"member": r.member_code, "terminal": r.terminal_id, "status": r.status,
                     **json.loads(r.evidence)} for r in rows}  # fmt: skip


def test_25_fake_enrollments_each_with_a_sale_returned_at_once_earn_the_referrer_nothing_and_are_flagged(hq):
    till = Till()
    referrer = till.enroll()
    ref = code_of(referrer)
    batch, fakes = [referrer], []
    for _ in range(25):
        fake = till.enroll(referrer=ref)
        fakes.append(code_of(fake))
        sale = till.sale(fakes[-1], paid=100, extra_entries=[till.entry(ref, ledger.REFERRAL, 200)])
        back = till.give_back(fakes[-1], receipt_no=sale["payload"]["receipt_no"], line_qty={"0": 1}, spend=-100,
                              take_back=1)  # fmt: skip
        batch += [fake, sale, back]
    statuses = hq.statuses(batch)
    assert statuses[2::3] == ["corrected"] * 25  # the till booked the bonus; HQ did not
    assert hq.member(ref)["balance"] == 100  # the sign-up bonus, no 5,000 referral points
    assert hq.scalar("SELECT count(*) FROM ledger WHERE kind = 'referral'") == 0
    assert hq.scalar("SELECT count(*) FROM pending_referrals WHERE status = 'cancelled' AND why = 'returned'") == 25

    raised = flags(hq)
    assert set(raised) == {"enrollments", "referral_farm", "quick_returns", "cashier_outlier"}
    assert all(f["status"] == "open" for f in raised.values())
    farm = raised["referral_farm"]
    assert (farm["member"], farm["count"], farm["limit"], farm["points"]) == (ref, 25, 3, 5_000)
    assert sorted(farm["referees"]) == sorted(fakes)
    assert (raised["enrollments"]["terminal"], raised["enrollments"]["count"]) == ("T01", 26)
    assert raised["quick_returns"]["count"] == 25 and len(raised["quick_returns"]["receipts"]) == 25
    assert (raised["cashier_outlier"]["what"], raised["cashier_outlier"]["count"]) == ("returns", 25)  # SUP1 alone

    assert release(hq, TODAY + dt.timedelta(days=45))["booked"] == 0  # returned: never booked
    assert hq.member(ref)["balance"] == 100


def test_an_honest_referral_is_booked_once_its_first_purchase_clears_and_a_returned_one_never(hq):
    till = Till(at=(NOW - dt.timedelta(days=3)).isoformat())  # three days ago
    referrer = till.enroll()
    ref = code_of(referrer)
    kept, returned = till.enroll(referrer=ref), till.enroll(referrer=ref)
    sale = till.sale(code_of(kept))  # a till that did not know the referrer: no referral entry of its own
    other = till.sale(code_of(returned), extra_entries=[till.entry(ref, ledger.REFERRAL, 200)])
    assert hq.statuses([referrer, kept, returned, sale, other]) == ["applied"] * 4 + ["corrected"]
    assert hq.member(ref)["balance"] == 100
    till.at = NOW.isoformat()
    back = till.give_back(code_of(returned), receipt_no=other["payload"]["receipt_no"], line_qty={"0": 1},
                          spend=-10_000, take_back=100)  # fmt: skip
    assert hq.statuses([back]) in (["applied"], ["corrected"])  # today: no quick return, no flag
    assert hq.scalar("SELECT count(*) FROM risk_flags") == 0
    assert hq.scalar("SELECT why FROM pending_referrals WHERE referee_code = :c", c=code_of(returned)) == "returned"

    clears = TODAY + dt.timedelta(days=14 - 3)  # risk.referral_clear_days after the sale's day
    assert release(hq, clears - dt.timedelta(days=1))["booked"] == 0  # not cleared yet
    assert release(hq, clears) == {"at": clears.isoformat(), "booked": 1, "points": 200, "cancelled": 0}
    assert hq.member(ref)["balance"] == 300
    assert release(hq, clears)["booked"] == 0  # once
    assert hq.scalar("SELECT count(*) FROM ledger WHERE kind = 'referral' AND member_code = :c", c=ref) == 1
    booked = [c["data"] for c in hq.pull_all() if c["kind"] == "ledger" and c["data"]["kind"] == "referral"]
    assert [(b["member_code"], b["points"]) for b in booked] == [(ref, 200)]  # the tills hear of it by the feed


def test_a_cashier_far_above_the_store_s_other_cashiers_in_returns_is_flagged_once_a_day(hq):
    till = Till()
    member = till.enroll()
    code = code_of(member)
    batch = [member] + [till.give_back(code, supervisor_id="SUP-A", take_back=0) for _ in range(2)]
    batch += [till.give_back(code, supervisor_id="SUP-B", take_back=0) for _ in range(12)]
    hq.statuses(batch)
    hq.statuses([till.give_back(code, supervisor_id="SUP-B", take_back=0)])  # the same day: no second flag
    with hq.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT cashier_id, evidence FROM risk_flags WHERE kind = 'cashier_outlier'").all()
    assert [r.cashier_id for r in rows] == ["SUP-B"]
    evidence = json.loads(rows[0].evidence)
    assert (evidence["what"], evidence["count"], evidence["store_norm"], evidence["limit"]) == ("returns", 12, 2, 10)
