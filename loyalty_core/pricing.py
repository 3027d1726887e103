"""Quote a sale: member price, coupon, points as payment, points earned.

Every sale-level amount is spread over the lines with `allocate`, so each
line knows exactly what it cost and earned. That is what lets a return of
any lines, in any order, give back exactly what the sale took: no drift.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from . import promotions as promos
from .coupons import Coupon, check_usable
from .errors import DomainError
from .money import allocate, check_amount, percent_of
from .redemption import check_redeem, max_redeem_points
from .rules import RuleSet
from .validation import check_quantity, clean_code

MAX_LINES = 200


@dataclass(frozen=True)
class CartLine:
    sku: str
    category: str
    unit_price_cents: int
    qty: int

    def checked(self) -> "CartLine":
        return CartLine(
            clean_code(self.sku, "sku"),
            clean_code(self.category, "category"),
            check_amount(self.unit_price_cents),
            check_quantity(self.qty),
        )


@dataclass(frozen=True)
class PricedLine:
    sku: str
    category: str
    unit_price_cents: int
    qty: int
    subtotal_cents: int
    discount_cents: int
    coupon_cents: int
    redeem_cents: int
    points_redeemed: int
    paid_cents: int
    points_earned: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "PricedLine":
        return PricedLine(**{k: d[k] for k in PricedLine.__dataclass_fields__})


@dataclass(frozen=True)
class MemberTerms:
    """What pricing needs to know about the member at the time of sale."""

    member_code: str
    tier_code: str
    birthday: dt.date | int | None  # the date, or only the month (loyalty_core.personal_data)
    balance: int
    redeem_allowance: int | None = None  # set while HQ is unreachable


@dataclass(frozen=True)
class Quote:
    member_code: str
    tier_code: str
    lines: tuple[PricedLine, ...]
    subtotal_cents: int
    discount_cents: int
    coupon_cents: int
    due_cents: int  # after member price and coupon, before points
    points_redeemed: int
    redeem_cents: int
    paid_cents: int
    points_earned: int
    max_redeem_points: int
    multiplier_permille: int  # tier x promotion, 1000 = x1
    promotions: tuple[str, ...] = field(default=())
    coupon_id: str | None = None

    @property
    def balance_change(self) -> int:
        return self.points_earned - self.points_redeemed


def quote(
    rules: RuleSet,
    member: MemberTerms,
    cart: list[CartLine],
    day: dt.date,
    redeem_points: int = 0,
    coupon: Coupon | None = None,
) -> Quote:
    lines = _checked_cart(cart)
    subtotals = [line.unit_price_cents * line.qty for line in lines]
    subtotal = check_amount(sum(subtotals))
    tier = rules.ladder.get(member.tier_code)

    discount = percent_of(subtotal, tier.discount_bp)
    discounts = allocate(discount, subtotals)
    after_discount = [s - d for s, d in zip(subtotals, discounts, strict=True)]

    coupon_cents = 0
    if coupon is not None:
        check_usable(coupon, member.member_code, subtotal - discount, day)
        coupon_cents = coupon.discount_cents(subtotal - discount)
    coupons = allocate(coupon_cents, after_discount)
    dues = [a - c for a, c in zip(after_discount, coupons, strict=True)]
    due = sum(dues)

    redeem_cents = check_redeem(rules.redeem, redeem_points, due, member.balance, member.redeem_allowance)
    redeems = allocate(redeem_cents, dues)
    points_redeemed = allocate(redeem_points, dues)
    paids = [d - r for d, r in zip(dues, redeems, strict=True)]
    paid = sum(paids)

    applying = promos.multiplier_promotions(rules.promotions, day, member.birthday)
    promo_permille, promo_ids = promos.combined_multiplier(applying)
    multiplier = tier.earn_permille * promo_permille // 1000
    base_points = paid * multiplier // (rules.cents_per_point * 1000)
    earned = allocate(base_points, paids)
    for i, line in enumerate(lines):
        bonus, bonus_id = promos.unit_bonus(rules.promotions, day, line.sku, line.category)
        earned[i] += bonus * line.qty
        if bonus_id and bonus_id not in promo_ids:
            promo_ids.append(bonus_id)

    priced = tuple(
        PricedLine(
            line.sku, line.category, line.unit_price_cents, line.qty,
            subtotals[i], discounts[i], coupons[i], redeems[i], points_redeemed[i], paids[i], earned[i],
        )
        for i, line in enumerate(lines)
    )  # fmt: skip
    return Quote(
        member_code=member.member_code,
        tier_code=tier.code,
        lines=priced,
        subtotal_cents=subtotal,
        discount_cents=discount,
        coupon_cents=coupon_cents,
        due_cents=due,
        points_redeemed=redeem_points,
        redeem_cents=redeem_cents,
        paid_cents=paid,
        points_earned=sum(earned),
        max_redeem_points=max_redeem_points(rules.redeem, due, member.balance, member.redeem_allowance),
        multiplier_permille=multiplier,
        promotions=tuple(promo_ids),
        coupon_id=coupon.coupon_id if coupon else None,
    )


def _checked_cart(cart: list[CartLine]) -> list[CartLine]:
    if not cart:
        raise DomainError("empty_cart", "The sale has no lines")
    if len(cart) > MAX_LINES:
        raise DomainError("too_many_lines", f"A sale has at most {MAX_LINES} lines", max=MAX_LINES)
    return [line.checked() for line in cart]
