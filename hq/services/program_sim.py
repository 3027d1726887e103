"""What a draft would have done to the last 30 days of sales HQ has: points, and their cost in money.

Every sale is priced twice with the shared core (`loyalty_core.pricing.quote`): once with the rules in
force, once with the draft, from the same facts (lines, coupon amount, points tendered, the tier the till
named, the member's birthday). Comparing two fresh prices, not the stored points with a new price, keeps
the figure about the draft alone even where older versions priced some of those sales. Integers only.
"""

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import events, members, sales
from loyalty_core import coupons, pricing
from loyalty_core.errors import DomainError
from loyalty_core.rules import RuleSet

WINDOW_DAYS = 30


@dataclass(frozen=True)
class Simulation:
    first_day: dt.date
    last_day: dt.date
    sales: int  # sales priced under both versions
    skipped: int  # sales one of the versions refuses (e.g. points tendered beyond the draft's cap)
    points_in_force: int
    points_draft: int
    cost_cents: int  # the extra points at the program's redemption value (negative: a saving)

    @property
    def extra_points(self) -> int:
        return self.points_draft - self.points_in_force

    def to_dict(self) -> dict:
        return {"first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat(), "sales": self.sales,
                "skipped": self.skipped, "points_in_force": self.points_in_force, "points_draft": self.points_draft,
                "extra_points": self.extra_points, "cost_cents": self.cost_cents}  # fmt: skip


@dataclass(frozen=True)
class _Sale:
    member_code: str
    day: dt.date
    cart: list[pricing.CartLine]
    coupon_cents: int
    redeem_points: int
    tier_code: str | None
    birthday: dt.date | None


def simulate(conn: Connection, in_force: RuleSet, draft: RuleSet, today: dt.date) -> Simulation:
    first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    now_total = draft_total = priced = skipped = 0
    for sale in _sales(conn, first, today):
        try:
            now_points = _points(in_force, sale)
            draft_points = _points(draft, sale)
        except DomainError:
            skipped += 1
            continue
        now_total, draft_total, priced = now_total + now_points, draft_total + draft_points, priced + 1
    return Simulation(first, today, priced, skipped, now_total, draft_total,
                      points_value_cents(draft, draft_total - now_total))  # fmt: skip


def points_value_cents(rules: RuleSet, points: int) -> int:
    """Points at the redemption value (as the liability report values them), rounded toward zero."""
    cents = abs(points) * rules.redeem.cents_per_step // rules.redeem.points_per_step
    return cents if points >= 0 else -cents


def _points(rules: RuleSet, sale: _Sale) -> int:
    terms = pricing.MemberTerms(sale.member_code, sale.tier_code or rules.ladder.lowest.code, sale.birthday,
                                balance=sale.redeem_points)  # fmt: skip
    coupon = coupons.Coupon("simulated", coupons.AMOUNT, sale.coupon_cents) if sale.coupon_cents else None
    return pricing.quote(rules, terms, sale.cart, sale.day, sale.redeem_points, coupon).points_earned


def _sales(conn: Connection, first: dt.date, last: dt.date):
    s, e, m = sales.c, events.c, members.c
    query = (
        sa.select(s.member_code, s.on_date, s.lines, e.body, m.birthday)
        .select_from(sales.outerjoin(events, events.c.event_id == s.event_id)
                     .outerjoin(members, members.c.member_code == s.member_code))
        .where(s.on_date >= first, s.on_date <= last)
        .order_by(s.on_date, s.receipt_no)
    )  # fmt: skip
    for row in conn.execute(query).yield_per(1000):
        lines = json.loads(row.lines)
        payload = (json.loads(row.body) if row.body else {}).get("payload", {})
        tier = payload.get("tier_code")
        yield _Sale(
            member_code=row.member_code,
            day=row.on_date,
            cart=[pricing.CartLine(x["sku"], x["category"], x["unit_price_cents"], x["qty"]) for x in lines],
            coupon_cents=sum(int(x.get("coupon_cents", 0)) for x in lines),
            redeem_points=sum(int(x.get("points_redeemed", 0)) for x in lines),
            tier_code=tier if isinstance(tier, str) else None,
            birthday=row.birthday,
        )
