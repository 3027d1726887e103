"""The day's figures for the store manager."""

import datetime as dt

from .context import ServiceContext
from .uow import UnitOfWork
from .views import DaySummary


def day_summary(uow: UnitOfWork, ctx: ServiceContext, day: dt.date | None = None) -> DaySummary:
    day = day or ctx.today()
    iso = day.isoformat()
    sales = uow.sales.sales_on(iso)
    refunds = uow.sales.refunds_on(iso)
    by_tier: dict[str, dict[str, int]] = {}
    for s in sales:
        t = by_tier.setdefault(s.tier_code, {"sales": 0, "paid_cents": 0, "points_issued": 0})
        t["sales"] += 1
        t["paid_cents"] += s.paid_cents
        t["points_issued"] += s.points_earned
    by_tender: dict[str, dict[str, int]] = {}
    for s in sales:
        t = by_tender.setdefault(s.tender_method, {"sales": 0, "paid_cents": 0, "received_cents": 0, "change_cents": 0})
        t["sales"] += 1
        t["paid_cents"] += s.paid_cents
        t["received_cents"] += s.received_cents
        t["change_cents"] += s.change_cents
    cash = by_tender.get("cash", {})
    totals = uow.ledger.day_totals(iso)
    return DaySummary(
        date=day,
        store_id=ctx.store_id,
        sales=len(sales),
        paid_cents=sum(s.paid_cents for s in sales),
        discount_cents=sum(s.discount_cents for s in sales),
        points_issued=totals["issued"],
        points_redeemed=totals["redeemed"],
        redeem_cents=sum(s.redeem_cents for s in sales),
        enrollments=uow.members.enrolled_on(iso, ctx.store_id),
        returns=len(refunds),
        refund_cents=sum(refunds),
        adjustments=totals["adjustments"],
        by_tier=by_tier,
        pending_events=uow.outbox.counts()["pending"],
        by_tender=by_tender,
        expected_cash_cents=cash.get("received_cents", 0) - cash.get("change_cents", 0),
    )
