"""The tier ladder: upgrade at once, downgrade only at the yearly review, one step at most."""

import pytest

from loyalty_core.pricing import CartLine

from .support import default_rules

LADDER = default_rules().ladder


@pytest.mark.parametrize(
    ("spend", "tier"),
    [
        (0, "basic"),
        (499_999, "basic"),
        (500_000, "silver"),
        (1_999_999, "silver"),
        (2_000_000, "gold"),
        (4_999_999, "gold"),
        (5_000_000, "diamond"),
        (10**9, "diamond"),
    ],
)
def test_qualifying_spend_reaches_the_tier_of_the_highest_threshold_passed(spend, tier):
    assert LADDER.for_spend(spend).code == tier


def test_the_default_tiers_have_the_multipliers_and_member_prices_of_the_brief():
    got = {t.code: (t.threshold_cents, t.earn_permille, t.discount_bp) for t in LADDER.tiers}
    assert got == {
        "basic": (0, 1000, 0),
        "silver": (500_000, 1200, 200),
        "gold": (2_000_000, 1500, 500),
        "diamond": (5_000_000, 2000, 800),
    }


def test_a_purchase_that_crosses_a_threshold_upgrades_at_once():
    assert LADDER.after_purchase("basic", 500_000).code == "silver"


def test_a_purchase_can_jump_several_tiers_at_once():
    assert LADDER.after_purchase("basic", 5_000_000).code == "diamond"


def test_a_purchase_never_moves_anyone_down():
    assert LADDER.after_purchase("gold", 0).code == "gold"
    assert LADDER.after_purchase("diamond", 600_000).code == "diamond"


@pytest.mark.parametrize(
    ("current", "spend", "after"),
    [
        ("diamond", 0, "gold"),  # earned basic, but down by one step only
        ("gold", 0, "silver"),
        ("silver", 0, "basic"),
        ("basic", 0, "basic"),
        ("gold", 600_000, "silver"),
        ("gold", 2_000_000, "gold"),
        ("silver", 5_000_000, "diamond"),  # the review also recognises what was earned
    ],
)
def test_the_yearly_review_moves_down_by_at_most_one_tier(current, spend, after):
    assert LADDER.at_review(current, spend).code == after


def test_progress_tells_how_much_more_spend_reaches_the_next_tier():
    progress = LADDER.progress("silver", 700_000)
    assert progress.next_tier.code == "gold" and progress.spend_to_next_cents == 1_300_000
    top = LADDER.progress("diamond", 0)
    assert top.next_tier is None and top.spend_to_next_cents == 0


def test_an_unknown_tier_code_falls_back_to_the_lowest_tier():
    assert LADDER.get("platinum").code == "basic"


def test_a_confirmed_sale_that_reaches_silver_upgrades_the_member_immediately(pos, make_member):
    member = make_member()
    receipt = pos.confirm_sale(member.member_code, [CartLine("TV-1", "electronics", 500_000, 1)])
    assert receipt.tier_after == "silver"
    assert receipt.discount_cents == 0  # that sale was still priced as basic
    assert pos.find_member(member.member_code).tier == "silver"
    # the very next sale gets the silver member price
    q = pos.quote_sale(member.member_code, [CartLine("SHIRT-1", "apparel", 10_000, 1)])
    assert q.tier_code == "silver" and q.discount_cents == 200


def test_spend_below_the_threshold_does_not_upgrade(pos, make_member):
    member = make_member()
    receipt = pos.confirm_sale(member.member_code, [CartLine("TV-1", "electronics", 499_999, 1)])
    assert receipt.tier_after == "basic"
    view = pos.find_member(member.member_code)
    assert view.tier == "basic" and view.spend_to_next_cents == 1


def test_points_paid_are_not_qualifying_spend(pos, make_member):
    member = make_member(points=1_000)
    receipt = pos.confirm_sale(member.member_code, [CartLine("TV-1", "electronics", 500_000, 1)], redeem_points=1_000)
    assert receipt.paid_cents == 499_000
    assert receipt.tier_after == "basic"
    assert pos.find_member(member.member_code).spend_cents == 499_000


def test_a_return_removes_spend_but_does_not_downgrade_before_the_review(pos, make_member):
    member = make_member()
    receipt = pos.confirm_sale(member.member_code, [CartLine("TV-1", "electronics", 500_000, 1)])
    pos.return_sale(receipt.receipt_no)
    view = pos.find_member(member.member_code)
    assert view.spend_cents == 0
    assert view.tier == "silver"
