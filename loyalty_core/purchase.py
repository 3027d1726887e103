"""What a purchase does: one pure function the till and HQ both run.

`purchase` prices the cart (member price, coupon, points as payment, earn
with the tier multiplier and the best promotion, SKU / category bonus) and
says what follows from it: the qualifying spend it adds, the tier after it,
the referrer's bonus on a first purchase and whether the birthday coupon is
due. `Purchase.entries` turns that into ledger entries named the way HQ
names them (see `ids`), so the till's entries and HQ's are the same rows.

The referral rule, once for both ends: on the member's first purchase, a
referrer the caller knows as another active member gets the rules' referral
points (an entry id per referee, so it is granted once at most).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import ids, ledger, pricing
from .coupons import Coupon
from .ledger import Entry
from .promotions import is_birthday_month, referral_points
from .rules import RuleSet


@dataclass(frozen=True)
class Shopper:
    """What a purchase needs to know about the member beyond its price terms."""

    terms: pricing.MemberTerms
    spend_cents: int  # rolling qualifying spend before this sale
    first_purchase: bool
    referrer_code: str | None = None  # only an active member other than the shopper


@dataclass(frozen=True)
class Purchase:
    quote: pricing.Quote
    spend_cents: int  # the qualifying spend the sale adds: what was actually paid
    tier_before: str
    tier_after: str
    referrer_code: str | None
    referral_points: int
    birthday_coupon_due: bool

    @property
    def points_earned(self) -> int:
        return self.quote.points_earned

    def without_earning(self) -> "Purchase":
        """The same purchase for a member who asked to stop processing: paid and spent alike, but no
        points earned (on any line, so a return takes none back), no referral bonus, no coupon, no tier move."""
        lines = tuple(replace(line, points_earned=0) for line in self.quote.lines)
        quote = replace(self.quote, lines=lines, points_earned=0)
        return replace(self, quote=quote, tier_after=self.tier_before, referral_points=0, birthday_coupon_due=False)

    def entries(self, entry_id: Callable[[str], str], day: dt.date, expiry_months: int) -> list[Entry]:
        """Redeem, earn and referral entries; `entry_id(kind)` names the sale's own ones."""
        code, q = self.quote.member_code, self.quote
        expires = ledger.lot_expiry(day, expiry_months)
        out = []
        if q.points_redeemed:
            out.append(Entry(entry_id(ledger.REDEEM), code, ledger.REDEEM, -q.points_redeemed, day))
        if q.points_earned:
            out.append(Entry(entry_id(ledger.EARN), code, ledger.EARN, q.points_earned, day, expires))
        if self.referral_points and self.referrer_code:
            referral_id = ids.referral_entry_id(code)
            out.append(Entry(referral_id, self.referrer_code, ledger.REFERRAL, self.referral_points, day, expires))
        return out


def purchase(
    rules: RuleSet,
    shopper: Shopper,
    cart: list[pricing.CartLine],
    day: dt.date,
    redeem_points: int = 0,
    coupon: Coupon | None = None,
) -> Purchase:
    """Raises DomainError for a cart or redemption the rules refuse (see `pricing.quote`)."""
    q = pricing.quote(rules, shopper.terms, cart, day, redeem_points, coupon)
    tier_after = rules.ladder.after_purchase(q.tier_code, shopper.spend_cents + q.paid_cents)
    bonus = referral_points(rules.promotions, day)
    referrer = shopper.referrer_code if shopper.referrer_code != shopper.terms.member_code else None
    refers = bool(shopper.first_purchase and referrer and bonus)
    return Purchase(
        quote=q,
        spend_cents=q.paid_cents,
        tier_before=q.tier_code,
        tier_after=tier_after.code,
        referrer_code=referrer if refers else None,
        referral_points=bonus if refers else 0,
        birthday_coupon_due=bool(rules.birthday_coupon) and is_birthday_month(shopper.terms.birthday, day),
    )
