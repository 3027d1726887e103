"""The worked example of the design brief, reproduced to the cent through PosService.

Silver member, a Tuesday outside the birthday month, 2 x 150.00 and 1 x 99.90:
subtotal 399.90, member price 2% = 8.00, due 391.90; 2,000 points take 20.00 off,
paid 371.90, earned floor(371.90 x 1.2) = 446 points.
"""

import pytest

from .support import SUPERVISOR, TUESDAY, WEDNESDAY, WORKED_CART, outbox_events, refused, snapshot


@pytest.fixture
def silver(make_member):
    return make_member("silver", points=19_500, birthday="1990-03-04")


def test_the_worked_example_quotes_exactly_as_the_brief_says(pos, silver):
    assert TUESDAY.weekday() == 1 and TUESDAY.month != 3
    q = pos.quote_sale(silver.member_code, WORKED_CART, redeem_points=2_000, at=TUESDAY)
    assert q.tier_code == "silver"
    assert q.subtotal_cents == 39_990
    assert q.discount_cents == 800
    assert q.due_cents == 39_190
    assert q.points_redeemed == 2_000 and q.redeem_cents == 2_000
    assert q.paid_cents == 37_190
    assert q.points_earned == 446
    assert q.max_redeem_points == 19_500
    assert q.promotions == ()


def test_the_worked_example_confirms_exactly_as_it_was_quoted(app, pos, silver):
    balance = pos.find_member(silver.member_code).balance
    assert balance == 19_600
    r = pos.confirm_sale(silver.member_code, WORKED_CART, redeem_points=2_000, at=TUESDAY)
    assert (r.subtotal_cents, r.discount_cents, r.redeem_cents, r.paid_cents) == (39_990, 800, 2_000, 37_190)
    assert (r.points_redeemed, r.points_earned) == (2_000, 446)
    assert r.balance_after == balance - 2_000 + 446
    assert pos.find_member(silver.member_code).balance == balance - 2_000 + 446
    assert sum(line["paid_cents"] for line in r.lines) == 37_190
    assert sum(line["points_earned"] for line in r.lines) == 446
    assert sum(line["discount_cents"] for line in r.lines) == 800
    event = outbox_events(app)[-1]
    assert event["type"] == "sale.confirmed" and event["payload"]["receipt_no"] == r.receipt_no
    assert event["payload"]["spend_cents"] == 37_190
    assert sorted((e["kind"], e["points"]) for e in event["payload"]["ledger"]) == [("earn", 446), ("redeem", -2_000)]


def test_redeeming_19600_points_on_the_worked_example_is_refused_and_changes_nothing(app, pos, silver):
    before = snapshot(app)
    err = refused("redeem_over_cap", pos.confirm_sale, silver.member_code, WORKED_CART, 19_600, at=TUESDAY)
    assert err.params["max"] == 19_500
    refused("redeem_over_cap", pos.quote_sale, silver.member_code, WORKED_CART, 19_600, at=TUESDAY)
    assert snapshot(app) == before


def test_redeeming_19500_points_on_the_worked_example_is_accepted(pos, silver):
    r = pos.confirm_sale(silver.member_code, WORKED_CART, redeem_points=19_500, at=TUESDAY, identified_by="card")
    assert r.points_redeemed == 19_500 and r.redeem_cents == 19_500
    assert r.paid_cents == 39_190 - 19_500 == 19_690
    assert r.points_earned == 19_690 * 12 // 1000  # 236


def test_the_worked_example_needs_the_balance_it_redeems(pos, make_member):
    poor = make_member("silver", points=1_800)  # 1,900 with the sign-up bonus
    refused("insufficient_points", pos.confirm_sale, poor.member_code, WORKED_CART, 2_000, at=TUESDAY)
    pos.adjust(poor.member_code, 100, "goodwill", SUPERVISOR)
    assert pos.confirm_sale(poor.member_code, WORKED_CART, 2_000, at=TUESDAY).points_earned == 446


def test_a_silver_member_who_earned_the_tier_by_spending_gets_the_same_numbers(pos, make_member):
    member = make_member("silver", points=2_000, via="sale")
    r = pos.confirm_sale(member.member_code, WORKED_CART, redeem_points=2_000, at=TUESDAY)
    assert (r.subtotal_cents, r.discount_cents, r.paid_cents, r.points_earned) == (39_990, 800, 37_190, 446)


def test_the_same_sale_on_a_wednesday_for_a_gold_member_earns_paid_times_1_5_times_2(pos, make_member, clock):
    gold = make_member("gold", points=2_000)
    clock.set(WEDNESDAY)
    r = pos.confirm_sale(gold.member_code, WORKED_CART, redeem_points=2_000)
    assert r.discount_cents == 2_000  # 5% of 399.90 = 19.995 -> 20.00
    assert r.paid_cents == 39_990 - 2_000 - 2_000 == 35_990
    assert r.points_earned == 35_990 * 15 * 2 // 1000 == 1_079  # floor(359.90 x 1.5 x 2)
    assert r.promotions == ["member-day"]


def test_the_same_sale_on_a_wednesday_for_a_gold_member_without_points(pos, make_member):
    gold = make_member("gold")
    r = pos.confirm_sale(gold.member_code, WORKED_CART, at=WEDNESDAY)
    assert r.paid_cents == 37_990
    assert r.points_earned == 37_990 * 3 // 100 == 1_139
