"""Returns only against sales HQ has; adjustments beyond policy wait for an operator."""

import json

from hq.cli import main
from loyalty_core import ledger
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till, entry


def run(db_url, capsys, *argv):
    code = main(["--db", db_url, *argv])
    out, err = capsys.readouterr()
    return json.loads(out) if code == 0 else (code, json.loads(err))


def test_a_return_of_a_receipt_hq_never_saw_gives_nothing_back(hq):
    till = Till()
    code = enrolled(hq, till)
    before = hq.counts()
    ghost = till.give_back(code, receipt_no="R-S001-T01-999999", line_qty={"0": 1}, spend=-1_000_000, take_back=0,
                           give_back=10_000_000)  # fmt: skip
    assert hq.statuses([ghost]) == ["rejected:unknown_receipt"]
    assert hq.counts() == before
    assert hq.member(code)["balance"] == 100


def test_returns_never_take_back_more_units_than_were_sold_across_stores(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    code = enrolled(hq, store_a)
    sale = store_a.sale(code, paid=30_000, redeem=300, qty=3)  # 3 units: 300 points earned, 300 redeemed
    receipt = sale["payload"]["receipt_no"]
    assert hq.statuses([sale], store_a) == ["applied"]
    first = store_a.give_back(code, receipt_no=receipt, line_qty={"0": 2}, spend=-20_000, take_back=200,
                              give_back=200)  # fmt: skip
    again = store_b.give_back(code, receipt_no=receipt, line_qty={"0": 2}, spend=-20_000, take_back=200,
                              give_back=200)  # fmt: skip
    assert hq.statuses([first], store_a) == ["applied"]
    assert hq.statuses([again], store_b) == ["rejected:return_too_many"]
    view = hq.member(code)
    assert (view["balance"], view["spend_cents"]) == (100 - 300 + 300 - 200 + 200, 10_000)


def test_a_return_that_claims_more_points_back_than_its_share_is_corrected(hq):
    till = Till()
    code = enrolled(hq, till)
    sale = till.sale(code, paid=20_000, redeem=1_000, qty=3)
    assert hq.statuses([sale]) == ["applied"]
    greedy = till.give_back(code, receipt_no=sale["payload"]["receipt_no"], line_qty={"0": 1}, spend=-7_000,
                            take_back=1, give_back=1_000)  # fmt: skip
    answer = hq.push([greedy]).json()["results"][0]
    assert answer["status"] == "corrected"
    # One unit of three: a third of the 200 earned, a third of the 1,000 redeemed, a third of the 200.00 paid.
    assert sorted((e["kind"], e["points"]) for e in answer["entries"]) == [("return_earn", -66), ("return_redeem", 333)]
    view = hq.member(code)
    assert (view["balance"], view["spend_cents"]) == (100 - 1_000 + 200 - 66 + 333, 20_000 - 6_666)


def test_a_return_without_a_receipt_needs_a_supervisor_and_stays_within_hqs_cap(hq):
    till = Till()
    code = enrolled(hq, till)
    hq.statuses([till.sale(code, paid=500_000)])
    no_supervisor = till.give_back(code, spend=-10_000, take_back=100, supervisor_id=None)
    too_much = till.give_back(code, spend=-5_000_000, take_back=0, give_back=5_000)
    assert hq.statuses([no_supervisor, too_much]) == ["rejected:supervisor_required", "rejected:invalid_payload"]
    # A silver member's rate: 100.00 refunded takes back 120 points.
    assert hq.statuses([till.give_back(code, spend=-10_000, take_back=120)]) == ["applied"]
    assert hq.member(code)["balance"] == 100 + 5_000 - 120


def test_an_adjustment_of_five_million_is_held_counts_nowhere_and_books_once_approved(hq, capsys):
    till = Till()
    code = enrolled(hq, till)
    answer = hq.push([till.adjust(code, 5_000_000)]).json()["results"][0]
    assert answer["status"] == "held" and isinstance(answer["review_id"], int)
    assert hq.member(code)["balance"] == 100
    listed = run(hq.url, capsys, "review", "list")["held"]
    assert [(h["review_id"], h["member_code"], h["points"], h["supervisor_id"]) for h in listed] == [
        (answer["review_id"], code, 5_000_000, "SUP1")]  # fmt: skip
    approved = run(hq.url, capsys, "review", "approve", str(answer["review_id"]), "--operator", "risk-1")
    assert (approved["status"], approved["decided_by"], approved["balance_after"]) == ("approved", "risk-1", 5_000_100)
    assert hq.member(code)["balance"] == 5_000_100
    changes = hq.pull_all()
    booked = [c["data"] for c in changes if c["kind"] == "ledger" and c["data"]["kind"] == "adjust"]
    assert [(e["member_code"], e["points"]) for e in booked] == [(code, 5_000_000)]
    assert [c["data"]["status"] for c in changes if c["kind"] == "review"] == ["approved"]
    again = run(hq.url, capsys, "review", "approve", str(answer["review_id"]))
    assert again[1]["error"] == "already_decided" and hq.member(code)["balance"] == 5_000_100


def test_a_rejected_held_adjustment_books_nothing_and_tells_the_tills(hq, capsys):
    till = Till()
    code = enrolled(hq, till)
    review_id = hq.push([till.adjust(code, -5_000_000)]).json()["results"][0]["review_id"]
    refused = run(hq.url, capsys, "review", "reject", str(review_id), "--reason", "no ticket", "--operator", "risk-2")
    assert (refused["status"], refused["decision_reason"], refused["decided_by"]) == ("rejected", "no ticket", "risk-2")
    assert hq.member(code)["balance"] == 100
    rows = [c["data"] for c in hq.pull_all() if c["kind"] == "review"]
    assert [(r["review_id"], r["status"], r["points"]) for r in rows] == [(review_id, "rejected", -5_000_000)]
    assert run(hq.url, capsys, "review", "list") == {"held": []}


def test_a_store_adjusting_more_than_its_daily_limit_has_the_rest_held(hq):
    till = Till()
    code = enrolled(hq, till)
    answers = hq.push([till.adjust(code, 9_000) for _ in range(6)]).json()["results"]
    assert [a["status"] for a in answers] == ["applied"] * 5 + ["held"]
    other_store = Till("S002", "T01")
    assert hq.statuses([other_store.adjust(code, 9_000)], other_store) == ["applied"]  # per store
    assert hq.member(code)["balance"] == 100 + 6 * 9_000


def test_an_adjustment_without_supervisor_or_with_an_entry_for_someone_else_is_rejected(hq):
    till = Till()
    a, b = enrolled(hq, till), enrolled(hq, till)
    anonymous = till.adjust(a, 500)
    anonymous["payload"]["supervisor_id"] = None
    shifted = till.adjust(a, 500)
    shifted["payload"]["ledger"] = [entry(b, ledger.ADJUST, 500)]
    assert hq.statuses([anonymous, shifted]) == ["rejected:supervisor_required", "rejected:invalid_payload"]
    assert (hq.member(a)["balance"], hq.member(b)["balance"]) == (100, 100)
