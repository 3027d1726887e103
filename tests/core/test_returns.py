"""Returns give back the line's share of what the sale paid, earned and redeemed, exactly."""

import pytest

from loyalty_core import pricing, returns
from loyalty_core.pricing import CartLine, MemberTerms, PricedLine

from .support import TUESDAY, WEDNESDAY, WORKED_CART, default_rules, ledger_rows, outbox_events, refused, snapshot

RULES = default_rules()


def line(qty=3, paid=10_000, earned=101, redeemed=2_000) -> PricedLine:
    return PricedLine("SHIRT-1", "apparel", 5_000, qty, 15_000, 0, 0, redeemed, redeemed, paid, earned)


def test_returning_part_of_a_line_gives_back_its_proportional_share_rounded_down():
    r = returns.return_line(line(), 0, 1)
    assert (r.refund_cents, r.points_taken_back, r.points_given_back, r.spend_cents) == (3_333, 33, 666, 3_333)


def test_returning_every_unit_one_at_a_time_gives_back_exactly_the_line():
    pl = line(qty=7, paid=9_999, earned=446, redeemed=1_300)
    parts = [returns.return_line(pl, done, 1) for done in range(7)]
    assert sum(p.refund_cents for p in parts) == 9_999
    assert sum(p.points_taken_back for p in parts) == 446
    assert sum(p.points_given_back for p in parts) == 1_300


def test_returning_more_units_than_were_sold_is_refused():
    err = refused("return_too_many", returns.return_line, line(qty=3), 2, 2)
    assert err.params["left"] == 1


@pytest.mark.parametrize("qty", [0, -1, 1.0, "1", None, True])
def test_returning_an_impossible_quantity_is_refused(qty):
    refused("invalid_quantity", returns.return_line, line(), 0, qty)


def test_a_whole_quoted_sale_returned_unit_by_unit_gives_back_what_it_earned_redeemed_and_paid():
    member = MemberTerms("M23456789AB", "silver", None, 100_000)
    cart = [CartLine("SHIRT-1", "apparel", 15_000, 2), CartLine("HAT-1", "apparel", 9_990, 1),
            CartLine("TEA-500", "drinks", 15_000, 3)]  # fmt: skip
    q = pricing.quote(RULES, member, cart, WEDNESDAY.date(), 12_300)
    paid = taken = given = 0
    for pl in q.lines:
        for done in range(pl.qty):
            r = returns.return_line(pl, done, 1)
            paid, taken, given = paid + r.refund_cents, taken + r.points_taken_back, given + r.points_given_back
    assert (paid, taken, given) == (q.paid_cents, q.points_earned, q.points_redeemed)


# --- through the till -------------------------------------------------------------------------


def test_returning_the_worked_example_one_unit_at_a_time_restores_the_member_exactly(app, pos, make_member, clock):
    clock.set(TUESDAY)  # the worked example's day
    member = make_member("silver", points=5_000)
    code = member.member_code
    before = pos.find_member(code)
    sale = pos.confirm_sale(code, WORKED_CART, redeem_points=2_000)
    assert sale.points_earned == 446
    clock.advance(days=3)
    backs = [pos.return_sale(sale.receipt_no, {0: 1}), pos.return_sale(sale.receipt_no, {1: 1}),
             pos.return_sale(sale.receipt_no, {0: 1})]  # fmt: skip
    assert sum(b.refund_cents for b in backs) == sale.paid_cents == 37_190
    assert sum(b.points_taken_back for b in backs) == sale.points_earned
    assert sum(b.points_given_back for b in backs) == sale.points_redeemed == 2_000
    after = pos.find_member(code)
    assert after.balance == before.balance
    assert after.spend_cents == before.spend_cents
    refused("return_too_many", pos.return_sale, sale.receipt_no, {0: 1})
    refused("return_too_many", pos.return_sale, sale.receipt_no)


def test_a_whole_receipt_return_takes_back_everything_that_is_left(pos, make_member):
    member = make_member("gold", points=10_000)
    sale = pos.confirm_sale(member.member_code, WORKED_CART, redeem_points=10_000, at=WEDNESDAY,
                            identified_by="card")
    first = pos.return_sale(sale.receipt_no, {0: 1})
    rest = pos.return_sale(sale.receipt_no)
    assert first.refund_cents + rest.refund_cents == sale.paid_cents
    assert first.points_taken_back + rest.points_taken_back == sale.points_earned
    assert first.points_given_back + rest.points_given_back == 10_000
    assert [(ln["sku"], ln["qty"]) for ln in rest.lines] == [("SHIRT-1", 1), ("HAT-1", 1)]


def test_a_return_quote_changes_nothing(app, pos, make_member):
    member = make_member()
    sale = pos.confirm_sale(member.member_code, WORKED_CART)
    before = snapshot(app)
    q = pos.quote_return(sale.receipt_no, {1: 1})
    assert q.refund_cents == 9_990 and q.points_taken_back == sale.lines[1]["points_earned"]
    assert snapshot(app) == before


def test_returned_redeemed_points_come_back_as_a_lot_with_the_sales_expiry(app, pos, make_member, clock):
    clock.set(TUESDAY)  # the worked example's day
    member = make_member("silver", points=5_000)
    sale = pos.confirm_sale(member.member_code, WORKED_CART, redeem_points=2_000)
    clock.set(TUESDAY.replace(month=12, day=15))
    back = pos.return_sale(sale.receipt_no)
    rows = [r for r in ledger_rows(app, member.member_code) if r.ref == back.return_no]
    kinds = {r.kind: (r.points, r.on_date, r.expires_on) for r in rows}
    assert kinds["return_earn"] == (-446, "2026-12-15", None)
    assert kinds["return_redeem"] == (2_000, "2026-12-15", "2027-11-30")


def test_a_return_by_sku_fills_the_lines_in_order(pos, make_member):
    member = make_member()
    sale = pos.confirm_sale(member.member_code, WORKED_CART)
    back = pos.return_skus(sale.receipt_no, {"SHIRT-1": 2})
    assert back.refund_cents == 30_000
    refused("return_too_many", pos.return_skus, sale.receipt_no, {"SHIRT-1": 1})
    refused("return_unknown_line", pos.return_skus, sale.receipt_no, {"TEA-500": 1})


def test_a_return_writes_one_event_with_its_ledger_and_negative_spend(app, pos, make_member):
    member = make_member()
    sale = pos.confirm_sale(member.member_code, WORKED_CART)
    n = len(outbox_events(app))
    back = pos.return_sale(sale.receipt_no, {1: 1})
    events = outbox_events(app)
    assert len(events) == n + 1
    event = events[-1]
    assert event["type"] == "sale.returned" and event["seq"] == n + 1
    p = event["payload"]
    assert (p["return_no"], p["receipt_no"], p["refund_cents"], p["spend_cents"]) == (
        back.return_no, sale.receipt_no, 9_990, -9_990,
    )  # fmt: skip
    assert sum(e["points"] for e in p["ledger"]) == -back.points_taken_back


def test_confirming_a_return_twice_with_the_same_id_returns_once(app, pos, make_member):
    member = make_member()
    sale = pos.confirm_sale(member.member_code, WORKED_CART)
    a = pos.return_sale(sale.receipt_no, {0: 1}, return_id="ret-1")
    before = snapshot(app)
    b = pos.return_sale(sale.receipt_no, {0: 1}, return_id="ret-1")
    assert a == b
    assert snapshot(app) == before


def test_a_return_without_a_receipt_needs_a_supervisor_and_takes_points_at_the_members_rate(app, pos, make_member):
    member = make_member("silver")
    refused("supervisor_required", pos.return_without_receipt, member.member_code, 10_000, "apparel", "")
    back = pos.return_without_receipt(member.member_code, 10_000, "apparel", "9001")
    assert back.refund_cents == 10_000 and back.points_taken_back == 120 and back.supervisor_id == "9001"
    trail = pos.audit_trail()
    assert trail[0]["action"] == "return.without_receipt" and trail[0]["actor"] == "9001"
