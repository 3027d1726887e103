"""Points as payment: steps of 100, at most half the amount due, never more than the balance,
and a per-member allowance while HQ is unreachable."""

import pytest

from loyalty_core import ledger, pricing, redemption
from loyalty_core.pricing import CartLine, MemberTerms

from .support import TUESDAY, WORKED_CART, default_rules, refused, snapshot

RULES = default_rules()
POLICY = RULES.redeem
TUE = TUESDAY.date()


def test_100_points_pay_one_dollar():
    assert redemption.check_redeem(POLICY, 2_000, 39_190, 10_000) == 2_000
    assert redemption.check_redeem(POLICY, 100, 39_190, 10_000) == 100


def test_redeeming_nothing_costs_nothing():
    assert redemption.check_redeem(POLICY, 0, 39_190, 0) == 0


@pytest.mark.parametrize("points", [1, 50, 150, 1_999, 2_001])
def test_points_not_in_steps_of_100_are_refused(points):
    refused("redeem_step", redemption.check_redeem, POLICY, points, 39_190, 100_000)


def test_the_cap_is_half_the_amount_due_in_whole_steps():
    assert redemption.share_cap_points(POLICY, 39_190) == 19_500  # 195.95 -> 195.00
    assert redemption.share_cap_points(POLICY, 200) == 100
    assert redemption.share_cap_points(POLICY, 199) == 0


def test_redeeming_more_than_half_the_bill_is_refused():
    err = refused("redeem_over_cap", redemption.check_redeem, POLICY, 19_600, 39_190, 100_000)
    assert err.params["max"] == 19_500
    assert redemption.check_redeem(POLICY, 19_500, 39_190, 100_000) == 19_500


def test_redeeming_more_than_the_balance_is_refused():
    err = refused("insufficient_points", redemption.check_redeem, POLICY, 1_100, 39_190, 1_099)
    assert err.params["available"] == 1_099


def test_a_negative_balance_cannot_redeem_anything():
    refused("insufficient_points", redemption.check_redeem, POLICY, 100, 39_190, -500)
    assert redemption.max_redeem_points(POLICY, 39_190, -500) == 0


@pytest.mark.parametrize("points", [-100, -1, 100.0, "100", None, True])
def test_impossible_point_counts_are_refused(points):
    refused("invalid_points", redemption.check_redeem, POLICY, points, 39_190, 100_000)


@pytest.mark.parametrize("points", [0.0, False])
def test_a_zero_that_is_not_a_whole_number_of_points_is_refused(points):
    refused("invalid_points", redemption.check_redeem, POLICY, points, 39_190, 100_000)


def test_the_most_points_a_sale_accepts_is_the_smallest_limit_in_whole_steps():
    assert redemption.max_redeem_points(POLICY, 39_190, 100_000) == 19_500  # by the share
    assert redemption.max_redeem_points(POLICY, 39_190, 1_234) == 1_200  # by the balance
    assert redemption.max_redeem_points(POLICY, 39_190, 100_000, 5_000) == 5_000  # by the offline allowance


def test_offline_a_redemption_beyond_the_allowance_is_refused():
    err = refused("redeem_offline_limit", redemption.check_redeem, POLICY, 5_100, 39_190, 100_000, 5_000)
    assert err.params["max"] == 5_000
    assert redemption.check_redeem(POLICY, 5_000, 39_190, 100_000, 5_000) == 5_000


def test_the_cap_is_on_the_amount_due_after_member_price_and_coupon():
    member = MemberTerms("M23456789AB", "gold", None, 100_000)
    q = pricing.quote(RULES, member, WORKED_CART, TUE)
    assert q.due_cents == 39_990 - 2_000
    assert q.max_redeem_points == 18_900  # 50% of 379.90 = 189.95 -> 189.00


def test_a_quote_spreads_the_points_over_the_lines_exactly():
    member = MemberTerms("M23456789AB", "silver", None, 100_000)
    q = pricing.quote(RULES, member, WORKED_CART, TUE, 19_500)
    assert sum(line.points_redeemed for line in q.lines) == 19_500
    assert sum(line.redeem_cents for line in q.lines) == 19_500
    assert all(line.paid_cents >= line.redeem_cents for line in q.lines)


# --- through the till -------------------------------------------------------------------------


def test_offline_the_till_limits_redemption_to_the_allowance(app, pos, make_member):
    member = make_member("silver", points=20_000)  # at the counter with the card (a typed code: 2,000 at most)
    app.ctx.is_offline = lambda: True
    q = pos.quote_sale(member.member_code, WORKED_CART)
    assert q.max_redeem_points == 5_000
    before = snapshot(app)
    refused("redeem_offline_limit", pos.confirm_sale, member.member_code, WORKED_CART, 5_100, identified_by="card")
    assert snapshot(app) == before
    receipt = pos.confirm_sale(member.member_code, WORKED_CART, 5_000, identified_by="card")
    assert receipt.points_redeemed == 5_000


def test_offline_the_allowance_is_per_member_and_cannot_be_exceeded_by_splitting_the_bill(app, pos, make_member):
    # The brief: "while offline it limits redemption per member (an offline allowance set by HQ)".
    # Points this till redeemed that HQ has not confirmed yet count against the allowance.
    member = make_member("silver", points=20_000)
    app.ctx.is_offline = lambda: True
    assert pos.confirm_sale(member.member_code, WORKED_CART, 3_000, identified_by="card").points_redeemed == 3_000
    assert pos.quote_sale(member.member_code, WORKED_CART).max_redeem_points == 2_000
    before = snapshot(app)
    refused("redeem_offline_limit", pos.confirm_sale, member.member_code, WORKED_CART, 2_100, identified_by="card")
    assert snapshot(app) == before
    assert pos.confirm_sale(member.member_code, WORKED_CART, 2_000, identified_by="card").points_redeemed == 2_000
    refused("redeem_offline_limit", pos.confirm_sale, member.member_code, WORKED_CART, 100, identified_by="card")


def test_online_the_allowance_does_not_apply(app, pos, make_member):
    member = make_member("silver", points=20_000)
    app.ctx.is_offline = lambda: False
    assert pos.quote_sale(member.member_code, WORKED_CART).max_redeem_points == 19_500
    assert pos.confirm_sale(member.member_code, WORKED_CART, 19_500, identified_by="card").points_redeemed == 19_500


def test_redeemed_points_leave_the_balance_oldest_expiry_first(app, pos, make_member, clock):
    clock.set(TUESDAY)
    member = make_member()  # 100 sign-up points, expiring 2027-11-30
    clock.set(TUESDAY.replace(month=12, day=1))
    pos.adjust(member.member_code, 1_000, "goodwill", "9001")  # expiring 2027-12-31
    pos.confirm_sale(member.member_code, [CartLine("SHIRT-1", "apparel", 100_000, 1)], redeem_points=300)
    with app.uow(read_only=True) as uow:
        wallet = ledger.wallet(uow.ledger.entries(member.member_code))
    remaining: dict[str, int] = {}
    for lot in wallet.lots:
        remaining[lot.expires_on.isoformat()] = remaining.get(lot.expires_on.isoformat(), 0) + lot.remaining
    # the sign-up lot (older) went first, then 200 of the adjustment; the sale earned 997
    assert remaining == {"2027-12-31": 800 + 997}
