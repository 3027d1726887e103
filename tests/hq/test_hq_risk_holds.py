"""A sale far outside a store's norms, or a redemption deeper than any honest till allows, is held for an
operator: nothing booked (no ledger, no spend, no tier), answered `held`, and booked as it would have been
only once approved. The norms are the published rules' `"risk"` numbers (hq/services/risk.py)."""

import json

import pytest
import sqlalchemy as sa

from hq.services import held
from hq.storage import db, migrate
from hq.storage import rules as published
from loyalty_core.errors import DomainError
from loyalty_core.rules import RuleSet
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till

MILLION_SALE = 99_999_999  # 999,999.99


def answer_of(hq, event: dict, till: Till | None = None) -> dict:
    response = hq.push([event], till)
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def booked(hq, code: str) -> dict:
    """What HQ booked for a member: balance, tier, spend, ledger rows, flags."""
    view = hq.member(code)
    rows = hq.scalar("SELECT count(*) FROM ledger WHERE member_code = :c", c=code)
    return {"balance": view["balance"], "tier": view["tier"], "spend": view["spend_cents"], "ledger": rows,
            "flags": view["flags"]}  # fmt: skip


def held_rows(hq, code: str) -> list[tuple]:
    with db.read(hq.engine) as conn:
        query = sa.text("SELECT kind, status, points FROM held_adjustments WHERE member_code = :c ORDER BY review_id")
        return [tuple(r) for r in conn.execute(query, {"c": code})]


def decide(hq, review_id: int, approve: bool) -> dict:
    def run(conn):
        if approve:
            return held.approve(conn, review_id, "risk-1", hq.clock())
        return held.reject(conn, review_id, "risk-1", "no such sale on the camera", hq.clock())

    return db.write(hq.engine, run)


def test_a_fabricated_million_sale_is_held_books_nothing_and_a_retry_is_answered_held_again(hq):
    till = Till()
    code = enrolled(hq, till)
    before = hq.counts()
    fabricated = till.sale(code, paid=MILLION_SALE)
    answer = answer_of(hq, fabricated)
    assert answer["status"] == "held" and isinstance(answer["review_id"], int)
    assert booked(hq, code) == {"balance": 100, "tier": "basic", "spend": 0, "ledger": 1, "flags": []}
    assert held_rows(hq, code) == [("sale", "held", 999_999)]
    assert hq.scalar("SELECT count(*) FROM sales") == 0  # nothing to return against
    assert hq.counts() == {**before, "events": before["events"] + 1}  # the event id is consumed, nothing else
    assert answer_of(hq, fabricated) == answer  # a retry after a lost answer: the same answer, nothing more
    assert hq.counts() == {**before, "events": before["events"] + 1}


def test_another_store_redeeming_nine_million_points_against_it_is_held_too(hq):
    till, elsewhere = Till(), Till(store_id="S002")
    code = enrolled(hq, till)
    assert hq.statuses([till.sale(code, paid=MILLION_SALE)], till) == ["held"]
    spree = elsewhere.sale(code, paid=9_000_000, redeem=9_000_000)
    assert hq.statuses([spree], elsewhere) == ["held"]
    assert booked(hq, code) == {"balance": 100, "tier": "basic", "spend": 0, "ledger": 1, "flags": []}
    assert [row[1] for row in held_rows(hq, code)] == ["held", "held"]


def test_twenty_redemptions_at_one_till_stop_at_balance_plus_the_offline_allowance(hq):
    """100 points and an allowance of 5,000: five redemptions of 1,000 fit (each earns 10), the rest wait."""
    till = Till()
    code = enrolled(hq, till)
    sales = [till.sale(code, paid=1_000, redeem=1_000) for _ in range(20)]
    assert hq.statuses(sales[:3], till) + hq.statuses(sales[3:], till) == ["applied"] * 5 + ["held"] * 15
    assert booked(hq, code) == {"balance": 100 - 5 * 990, "tier": "basic", "spend": 5 * 1_000, "ledger": 11,
                                "flags": ["overdraft"]}  # fmt: skip
    assert len(held_rows(hq, code)) == 15


def test_a_redemption_within_balance_plus_allowance_is_still_accepted_and_flagged_overdraft(hq):
    till = Till()
    code = enrolled(hq, till)
    assert hq.statuses([till.sale(code, paid=5_000, redeem=5_000)], till) == ["applied"]
    assert booked(hq, code) == {"balance": 100 - 5_000 + 50, "tier": "basic", "spend": 5_000, "ledger": 3,
                                "flags": ["overdraft"]}  # fmt: skip
    assert held_rows(hq, code) == []


def test_the_sixth_redemption_of_a_member_on_one_day_is_held_whatever_the_balance(hq):
    till = Till()
    code = enrolled(hq, till)
    assert hq.statuses([till.adjust(code, 10_000)], till) == ["applied"]
    answers = [hq.statuses([till.sale(code, paid=1_000, redeem=1_000)], till)[0] for _ in range(6)]
    assert answers == ["applied"] * 5 + ["held"]
    assert booked(hq, code)["balance"] == 10_100 - 5 * 990


def test_baskets_of_too_many_units_or_lines_are_held(hq):
    till = Till()
    code = enrolled(hq, till)
    too_many_units = till.sale(code, paid=50_100, qty=501)
    line = till.sale(code, paid=100)["payload"]["lines"][0]
    too_many_lines = till.sale(code, paid=6_100, lines=[line] * 61)
    normal = till.sale(code, paid=2_000_000, qty=500)  # 20,000.00 of 500 units: a big but ordinary basket
    assert hq.statuses([too_many_units, too_many_lines, normal], till) == ["held", "held", "applied"]
    assert booked(hq, code)["balance"] == 100 + 20_000


def test_the_thresholds_are_the_published_rules_and_an_operator_may_tighten_them(hq):
    till = Till()
    code = enrolled(hq, till)
    with db.read(hq.engine) as conn:
        document = published.current_document(conn)
    tighter = {**document["risk"], "max_sale_cents": 5_000, "max_sale_points": 40}
    db.write(hq.engine, lambda conn: published.publish(conn, {**document, "version": 2, "risk": tighter}, hq.clock()))
    sales = [till.sale(code, paid=4_000), till.sale(code, paid=4_100), till.sale(code, paid=5_001)]
    answers = hq.push(sales, till).json()["results"]
    assert [a["status"] for a in answers] == ["applied", "held", "held"]
    assert "41 points" in answers[1]["message"] and "5001 cents" in answers[2]["message"]
    assert booked(hq, code)["balance"] == 100 + 40


def test_an_approved_held_sale_is_booked_exactly_as_it_would_have_been(hq):
    till = Till()
    code = enrolled(hq, till)
    fabricated = till.sale(code, paid=MILLION_SALE)
    review_id = answer_of(hq, fabricated)["review_id"]
    decided = decide(hq, review_id, approve=True)
    assert (decided["status"], decided["kind"], decided["balance_after"]) == ("approved", "sale", 100 + 999_999)
    assert booked(hq, code) == {"balance": 100 + 999_999, "tier": "diamond", "spend": MILLION_SALE, "ledger": 2,
                                "flags": []}  # fmt: skip
    assert hq.scalar("SELECT count(*) FROM sales WHERE receipt_no = :r", r=fabricated["payload"]["receipt_no"]) == 1
    reviews = [c["data"] for c in hq.pull_all() if c["kind"] == "review"]
    assert [(r["event_id"], r["status"]) for r in reviews] == [(fabricated["event_id"], "approved")]
    assert answer_of(hq, fabricated)["status"] == "duplicate"  # decided: the feed tells the till the rest


def test_a_rejected_held_sale_books_nothing_and_tells_the_tills(hq):
    till = Till()
    code = enrolled(hq, till)
    fabricated = till.sale(code, paid=MILLION_SALE)
    review_id = answer_of(hq, fabricated)["review_id"]
    assert decide(hq, review_id, approve=False)["status"] == "rejected"
    assert booked(hq, code) == {"balance": 100, "tier": "basic", "spend": 0, "ledger": 1, "flags": []}
    reviews = [c["data"] for c in hq.pull_all() if c["kind"] == "review"]
    assert [(r["event_id"], r["status"]) for r in reviews] == [(fabricated["event_id"], "rejected")]


def test_a_risk_number_below_one_is_refused_and_a_name_this_version_does_not_know_is_ignored():
    document = json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8"))
    with pytest.raises(DomainError) as refused:
        RuleSet.from_dict({**document, "risk": {"max_sale_cents": 0}})
    assert refused.value.code == "invalid_rules"
    later = RuleSet.from_dict({**document, "risk": {"max_sale_points": 7, "max_refunds_per_day": 3}})
    assert (later.risk.max_sale_points, later.risk.max_sale_cents) == (7, 3_000_000)


def test_a_return_of_a_held_sale_waits_for_the_decision_and_applies_once_it_is_approved(hq):
    till = Till()
    code = enrolled(hq, till)
    fabricated = till.sale(code, paid=MILLION_SALE)
    review_id = answer_of(hq, fabricated)["review_id"]
    receipt = fabricated["payload"]["receipt_no"]
    give_back = till.give_back(code, receipt_no=receipt, line_qty={"0": 1}, spend=-MILLION_SALE, take_back=999_999,
                               supervisor_id=None)  # fmt: skip
    waiting = answer_of(hq, give_back)
    assert (waiting["status"], waiting["reason"]) == ("rejected", "sale_held")  # the till parks it, pushes it later
    assert booked(hq, code)["balance"] == 100
    decide(hq, review_id, approve=True)
    assert answer_of(hq, give_back)["status"] in ("applied", "corrected")  # the parked return, pushed again
    assert booked(hq, code)["balance"] == 100  # the sale's points booked, then taken back by its return


def test_a_return_of_a_rejected_held_sale_is_of_no_sale(hq):
    till = Till()
    code = enrolled(hq, till)
    fabricated = till.sale(code, paid=MILLION_SALE)
    decide(hq, answer_of(hq, fabricated)["review_id"], approve=False)
    give_back = till.give_back(code, receipt_no=fabricated["payload"]["receipt_no"], line_qty={"0": 1},
                               supervisor_id=None)  # fmt: skip
    assert answer_of(hq, give_back)["reason"] == "unknown_receipt"
