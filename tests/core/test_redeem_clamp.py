"""The till's quote brings the points a cashier typed into what the sale takes, and says why:
the service decides (every caller gets the same answer), the screen only words it."""

from loyalty_core import redemption
from pos_app.services.checkout import SaleRequest

from .support import WORKED_CART


def test_more_points_than_the_sale_takes_become_the_most_it_takes(pos, make_member):
    member = make_member("silver", points=100_000)
    result = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART, redeem_points=50_000, identified_by="card"))
    assert (result.quote.points_redeemed, result.asked, result.clamped) == (19_500, 50_000, redemption.OVER_MAX)


def test_points_between_two_steps_become_the_step_below(pos, make_member):
    member = make_member("silver", points=100_000)
    result = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART, redeem_points=250))
    assert (result.quote.points_redeemed, result.clamped, result.step) == (200, redemption.OFF_STEP, 100)


def test_points_the_sale_takes_are_taken_as_typed(pos, make_member):
    member = make_member("silver", points=100_000)
    result = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART, redeem_points=2_000))
    assert (result.quote.points_redeemed, result.clamped) == (2_000, None)


def test_no_points_typed_is_no_redemption(pos, make_member):
    member = make_member("silver", points=100_000)
    result = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART))
    assert (result.quote.points_redeemed, result.clamped) == (0, None)


def test_the_request_and_the_shorthand_give_the_same_quote(pos, make_member):
    member = make_member("silver", points=100_000)
    req = SaleRequest(member.member_code, WORKED_CART, 2_000)
    assert pos.quote(req) == pos.quote_sale(member.member_code, WORKED_CART, 2_000)
