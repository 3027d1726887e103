"""Earning: tier multiplier x the best promotion, rounded down once per sale, plus unit bonuses,
the sign-up bonus, referrals, member day and the birthday month."""

import datetime as dt

from loyalty_core import coupons as coupon_rules
from loyalty_core import pricing, promotions
from loyalty_core.pricing import CartLine, MemberTerms
from tests.support.clock import end_of_12th_month_after

from .support import THURSDAY, TUESDAY, WEDNESDAY, default_rules, default_rules_dict, outbox_events, rules_with

RULES = default_rules()
TUE, WED, THU = TUESDAY.date(), WEDNESDAY.date(), THURSDAY.date()
SHIRT = CartLine("SHIRT-1", "apparel", 10_000, 1)  # 100.00, no bonus of any kind


def terms(tier="basic", birthday=None, balance=0, allowance=None):
    return MemberTerms("M23456789AB", tier, birthday, balance, allowance)


def earned(cart, tier="basic", day=TUE, birthday=None, rules=RULES, redeem=0, balance=0):
    return pricing.quote(rules, terms(tier, birthday, balance), cart, day, redeem).points_earned


def test_one_point_per_whole_dollar_paid_for_a_basic_member():
    assert earned([SHIRT]) == 100
    assert earned([CartLine("SHIRT-1", "apparel", 9_999, 1)]) == 99


def test_each_tier_earns_its_multiplier_on_what_was_actually_paid():
    # silver pays 98.00 after 2%, gold 95.00, diamond 92.00
    assert earned([SHIRT], "silver") == 117  # floor(98.00 x 1.2 = 117.6)
    assert earned([SHIRT], "gold") == 142  # floor(95.00 x 1.5 = 142.5)
    assert earned([SHIRT], "diamond") == 184  # 92.00 x 2.0


def test_points_are_rounded_down_once_per_sale_not_per_line():
    cart = [CartLine("SHIRT-1", "apparel", 199, 1), CartLine("SOCK-1", "apparel", 199, 1)]
    q = pricing.quote(RULES, terms(), cart, TUE)
    assert q.points_earned == 3  # floor(3.98), not floor(1.99) + floor(1.99) = 2
    assert sum(line.points_earned for line in q.lines) == 3


def test_points_paid_with_points_earn_nothing():
    # 100.00 due, 50.00 paid with points: earn on the 50.00 actually paid
    assert earned([SHIRT], redeem=5_000, balance=5_000) == 50


def test_a_coupon_reduces_what_earns_points():
    coupon = coupon_rules.Coupon("C-10", coupon_rules.AMOUNT, 1_000)
    q = pricing.quote(RULES, terms(), [SHIRT], TUE, 0, coupon)
    assert q.coupon_cents == 1_000 and q.paid_cents == 9_000 and q.points_earned == 90


def test_wednesday_is_member_day_and_doubles_points():
    assert WED.weekday() == 2
    assert earned([SHIRT], day=WED) == 200
    assert earned([SHIRT], "silver", day=WED) == 235  # floor(98.00 x 1.2 x 2 = 235.2)
    q = pricing.quote(RULES, terms(), [SHIRT], WED)
    assert q.multiplier_permille == 2000 and "member-day" in q.promotions


def test_other_weekdays_are_not_member_day():
    for day in (TUE, THU, TUE + dt.timedelta(days=4), TUE + dt.timedelta(days=5)):
        assert earned([SHIRT], day=day) == 100


def test_the_birthday_month_doubles_points():
    q = pricing.quote(RULES, terms(birthday=dt.date(1990, 11, 30)), [SHIRT], TUE)
    assert q.points_earned == 200 and q.promotions == ("birthday-month",)


def test_a_birthday_in_another_month_earns_nothing_extra():
    assert earned([SHIRT], birthday=dt.date(1990, 12, 1)) == 100


def test_member_day_in_the_birthday_month_does_not_compound():
    q = pricing.quote(RULES, terms(birthday=dt.date(1990, 11, 3)), [SHIRT], WED)
    assert q.points_earned == 200  # x2, not x4
    assert q.multiplier_permille == 2000 and len(q.promotions) == 1


def test_the_best_multiplier_wins_when_promotions_do_not_stack():
    promos = [
        {"id": "member-day", "kind": "weekday_multiplier", "weekday": 2, "multiplier_permille": 3000},
        {"id": "birthday-month", "kind": "birthday_multiplier", "multiplier_permille": 2000},
    ]
    rules = rules_with(promotions=promos)
    q = pricing.quote(rules, terms(birthday=dt.date(1990, 11, 3)), [SHIRT], WED)
    assert q.points_earned == 300 and q.promotions == ("member-day",)


def test_multipliers_compound_when_every_applying_promotion_is_stackable():
    promos = [
        {
            "id": "member-day",
            "kind": "weekday_multiplier",
            "weekday": 2,
            "multiplier_permille": 2000,
            "stackable": True,
        },
        {"id": "birthday-month", "kind": "birthday_multiplier", "multiplier_permille": 1500, "stackable": True},
    ]
    rules = rules_with(promotions=promos)
    q = pricing.quote(rules, terms(birthday=dt.date(1990, 11, 3)), [SHIRT], WED)
    assert q.points_earned == 300 and set(q.promotions) == {"member-day", "birthday-month"}


def test_one_non_stackable_promotion_stops_the_compounding():
    promos = [
        {
            "id": "member-day",
            "kind": "weekday_multiplier",
            "weekday": 2,
            "multiplier_permille": 2000,
            "stackable": True,
        },
        {"id": "birthday-month", "kind": "birthday_multiplier", "multiplier_permille": 1500},
    ]
    rules = rules_with(promotions=promos)
    assert earned([SHIRT], day=WED, birthday=dt.date(1990, 11, 3), rules=rules) == 200


def test_the_tier_multiplier_applies_on_top_of_the_promotion():
    # gold on member day: x1.5 x 2 = x3
    q = pricing.quote(RULES, terms("gold"), [SHIRT], WED)
    assert q.multiplier_permille == 3000 and q.points_earned == 285  # 95.00 x 3


def test_an_sku_bonus_is_added_per_unit_and_not_multiplied():
    tea = CartLine("TEA-500", "drinks", 15_000, 3)
    q = pricing.quote(RULES, terms("silver"), [tea], WED)
    base = q.paid_cents * 2400 // 100_000
    assert q.points_earned == base + 3 * 50
    assert "tea-bonus" in q.promotions
    assert q.lines[0].points_earned == q.points_earned


def test_a_category_bonus_is_added_per_unit_and_the_best_unit_bonus_wins():
    promos = default_rules_dict()["promotions"] + [
        {"id": "drinks", "kind": "category_bonus", "category": "drinks", "points_per_unit": 20},
        {"id": "skincare", "kind": "category_bonus", "category": "skincare", "points_per_unit": 30},
    ]
    rules = rules_with(promotions=promos)
    cart = [CartLine("TEA-500", "drinks", 100, 2), CartLine("SOAP-3", "skincare", 100, 1), SHIRT]
    q = pricing.quote(rules, terms(), cart, TUE)
    # floor(103.00) spread over the lines, then TEA 2 x 50 (beats the category's 20) and SOAP 30
    assert [line.points_earned for line in q.lines] == [2 + 2 * 50, 1 + 30, 100]
    assert q.points_earned == 103 + 100 + 30


def test_a_promotion_outside_its_dates_does_not_apply():
    promos = [{"id": "nov", "kind": "weekday_multiplier", "weekday": 1, "multiplier_permille": 5000,
               "valid_from": "2026-12-01", "valid_to": "2026-12-31"}]  # fmt: skip
    rules = rules_with(promotions=promos)
    assert earned([SHIRT], day=TUE, rules=rules) == 100
    assert earned([SHIRT], day=dt.date(2026, 12, 1), rules=rules) == 500


def test_referral_points_come_from_the_referral_promotion():
    assert promotions.referral_points(RULES.promotions, TUE) == 200
    assert promotions.referral_points(rules_with(promotions=[]).promotions, TUE) == 0


# --- through the till -------------------------------------------------------------------------


def test_enrolling_gives_the_100_point_sign_up_bonus_as_a_lot(pos, make_member, clock):
    member = make_member()
    assert member.balance == 100
    [entry] = pos.ledger(member.member_code)
    expires = end_of_12th_month_after(clock.today()).isoformat()
    assert entry["kind"] == "signup" and entry["points"] == 100 and entry["expires_on"] == expires


def test_the_referrer_gets_200_points_on_the_referees_first_purchase_only(pos, make_member, clock):
    clock.set(TUESDAY)  # no member-day doubling of the referee's 100
    referrer = make_member()
    referee = make_member(referrer=referrer.member_code)
    assert pos.find_member(referrer.member_code).balance == 100  # nothing yet at enrollment
    pos.confirm_sale(referee.member_code, [SHIRT])
    assert pos.find_member(referrer.member_code).balance == 300
    pos.confirm_sale(referee.member_code, [SHIRT])
    assert pos.find_member(referrer.member_code).balance == 300
    assert pos.find_member(referee.member_code).balance == 100 + 100 + 100


def test_the_referral_bonus_travels_in_the_sale_event(app, pos, make_member):
    referrer = make_member()
    referee = make_member(referrer=referrer.member_code)
    receipt = pos.confirm_sale(referee.member_code, [SHIRT])
    event = outbox_events(app)[-1]
    assert event["type"] == "sale.confirmed" and event["payload"]["receipt_no"] == receipt.receipt_no
    kinds = {(e["member_code"], e["kind"], e["points"]) for e in event["payload"]["ledger"]}
    assert (referrer.member_code, "referral", 200) in kinds


def test_a_member_without_a_referrer_triggers_no_referral_bonus(app, pos, make_member):
    member = make_member()
    pos.confirm_sale(member.member_code, [SHIRT])
    kinds = [e["kind"] for e in outbox_events(app)[-1]["payload"]["ledger"]]
    assert "referral" not in kinds


def test_a_sale_on_member_day_earns_double_through_the_till(pos, make_member, clock):
    member = make_member()
    clock.set(WEDNESDAY)
    receipt = pos.confirm_sale(member.member_code, [SHIRT])
    assert receipt.points_earned == 200 and receipt.promotions == ["member-day"]


def test_a_sale_in_the_birthday_month_earns_double_and_issues_one_birthday_coupon(app, pos, make_member, clock):
    clock.set(TUESDAY)  # in November, and not member day (the best multiplier would be member day's)
    member = make_member(birthday="1990-11-15")
    first = pos.confirm_sale(member.member_code, [SHIRT])
    assert first.points_earned == 200 and "birthday-month" in first.promotions
    view = pos.find_member(member.member_code)
    assert view.birthday_month is True
    [coupon] = view.coupons
    assert coupon.coupon_id == f"BDAY-{member.member_code}-2026"
    assert (coupon.kind, coupon.value, coupon.min_spend_cents) == ("amount", 10_000, 50_000)
    assert coupon.valid_until == dt.date(2026, 11, 30)
    pos.confirm_sale(member.member_code, [SHIRT])  # a second sale the same month: no second coupon
    assert len(pos.find_member(member.member_code).coupons) == 1
    issued = [e for e in outbox_events(app) if e["type"] == "coupon.issued"]
    assert len(issued) == 1 and issued[0]["payload"]["member_code"] == member.member_code


def test_the_birthday_coupon_can_be_used_once_by_its_member(pos, make_member, clock):
    clock.set(TUESDAY)  # a November day: the member's birthday month
    member = make_member(birthday="1990-11-15")
    pos.confirm_sale(member.member_code, [SHIRT])
    code = pos.find_member(member.member_code).coupons[0].code
    big = [CartLine("SHIRT-1", "apparel", 60_000, 1)]
    receipt = pos.confirm_sale(member.member_code, big, coupon_code=code)
    assert receipt.coupon_cents == 10_000 and receipt.paid_cents == 50_000
    assert pos.find_member(member.member_code).coupons == []


def test_a_december_birthday_coupon_is_valid_to_the_end_of_december(pos, make_member, clock):
    member = make_member(birthday="1985-12-31")
    clock.set(dt.datetime(2026, 12, 8, 12, 0, tzinfo=TUESDAY.tzinfo))
    pos.confirm_sale(member.member_code, [SHIRT])
    [coupon] = pos.find_member(member.member_code).coupons
    assert coupon.valid_until == dt.date(2026, 12, 31)


def test_no_birthday_coupon_outside_the_birthday_month(pos, make_member, clock):
    outside = 3 if clock.today().month != 3 else 4
    member = make_member(birthday=f"1990-{outside:02d}-04")
    pos.confirm_sale(member.member_code, [SHIRT])
    assert pos.find_member(member.member_code).coupons == []
