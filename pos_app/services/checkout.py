"""Quote and confirm a sale: earn, redeem and coupon in one transaction."""

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from loyalty_core import coupons as coupon_rules
from loyalty_core import events, ids, ledger, pricing, tender
from loyalty_core.errors import DomainError
from loyalty_core.member import Member
from loyalty_core.promotions import is_birthday_month, referral_points

from .approvals import checked_actor
from .context import ServiceContext
from .events import new_event_id, record
from .members import require_active, resolve, standing_of
from .views import Receipt


@dataclass(frozen=True)
class SaleRequest:
    member_query: str
    lines: list[pricing.CartLine]
    redeem_points: int = 0
    coupon_code: str | None = None
    at: dt.datetime | None = None  # defaults to now; promotions depend on the date
    sale_id: str | None = None  # made when the cart starts: confirming twice gives one sale
    cashier_id: str | None = None
    extra: dict = field(default_factory=dict)
    tender_method: str = tender.CASH  # no tender given: exact cash (the CLI's documented default)
    received_cents: int | None = None  # cash handed over; None: the exact amount


def _coupon(uow, ctx: ServiceContext, code: str | None):
    if not code:
        return None
    coupon = coupon_rules.parse(code, ctx.keyring)
    if uow.members.coupon_used(coupon.coupon_id):
        raise DomainError("coupon_used", "This coupon has already been used")
    return coupon


class _Priced(NamedTuple):
    member: Member
    terms: pricing.MemberTerms
    coupon: coupon_rules.Coupon | None
    quote: pricing.Quote
    spend_cents: int  # qualifying spend before this sale (for the tier after it)


def _quote(uow, ctx: ServiceContext, req: SaleRequest) -> _Priced:
    member, _ = resolve(uow, ctx, req.member_query)
    require_active(member)
    allowance = None
    if ctx.is_offline():  # per member: what was already redeemed unconfirmed counts against it
        allowance = max(0, ctx.rules.offline_redeem_allowance_points - uow.ledger.pending_redeemed(member.member_code))
    balance, spend = standing_of(uow, ctx, member.member_code)
    terms = pricing.MemberTerms(member.member_code, member.tier_code, member.birthday, balance, allowance)
    day = (req.at or ctx.now()).date()
    coupon = _coupon(uow, ctx, req.coupon_code)
    q = pricing.quote(ctx.rules, terms, req.lines, day, req.redeem_points, coupon)
    return _Priced(member, terms, coupon, q, spend)


def quote_sale(uow, ctx: ServiceContext, req: SaleRequest) -> pricing.Quote:
    return _quote(uow, ctx, req).quote


def confirm_sale(uow, ctx: ServiceContext, req: SaleRequest) -> Receipt:
    if req.sale_id:
        done = uow.sales.by_sale_id(req.sale_id)
        if done is not None:  # the confirm key was pressed twice
            return Receipt.from_dict(done)
    cashier_id = checked_actor(req.cashier_id, "cashier")
    member, terms, coupon, q, spend_before = _quote(uow, ctx, req)
    paid_with = tender.settle(req.tender_method, q.paid_cents, req.received_cents)  # refused before any write
    at = req.at or ctx.now()
    day = at.date()
    code = member.member_code
    receipt_no = ids.receipt_no(ctx.store_id, ctx.terminal_id, uow.admin.next_number("receipt"))
    event_id = new_event_id()
    entries = _sale_entries(uow, ctx, member, q, day)

    spend_after = spend_before + q.paid_cents
    tier_after = ctx.rules.ladder.after_purchase(member.tier_code, spend_after)
    balance_after = terms.balance + sum(e.points for e in entries if e.member_code == code)
    receipt = Receipt(
        receipt_no=receipt_no,
        sale_id=req.sale_id or ids.uuid7(),
        at=at,
        store_id=ctx.store_id,
        terminal_id=ctx.terminal_id,
        member_code=code,
        member_name=member.name,
        lines=[line.to_dict() for line in q.lines],
        subtotal_cents=q.subtotal_cents,
        discount_cents=q.discount_cents,
        coupon_id=q.coupon_id,
        coupon_cents=q.coupon_cents,
        points_redeemed=q.points_redeemed,
        redeem_cents=q.redeem_cents,
        paid_cents=q.paid_cents,
        points_earned=q.points_earned,
        balance_after=balance_after,
        tier_after=tier_after.code,
        promotions=list(q.promotions),
        cashier_id=cashier_id,
        tender=paid_with.to_dict(),
    )
    body = receipt.to_dict()
    uow.sales.add(body, day.isoformat(), q.tier_code)
    uow.ledger.add(entries, ref=receipt_no, event_id=event_id)
    uow.members.add_spend(code, day, q.paid_cents, receipt_no)
    uow.members.count_purchase(code)
    if tier_after.code != member.tier_code:
        uow.members.set_tier(code, tier_after.code)
    if coupon is not None:
        uow.members.use_coupon(coupon.coupon_id, req.coupon_code, code, receipt_no, at)
    payload = {**body, "spend_cents": q.paid_cents, "ledger": [e.to_dict() for e in entries]}
    record(uow, ctx, events.SALE_CONFIRMED, payload, event_id)
    _maybe_issue_birthday_coupon(uow, ctx, member, day)
    uow.commit()
    return receipt


def _sale_entries(uow, ctx: ServiceContext, member, q: pricing.Quote, day: dt.date) -> list[ledger.Entry]:
    code = member.member_code
    expires = ledger.lot_expiry(day, ctx.rules.expiry_months)
    entries = []
    if q.points_redeemed:
        entries.append(ledger.Entry(ids.uuid7(), code, ledger.REDEEM, -q.points_redeemed, day))
    if q.points_earned:
        entries.append(ledger.Entry(ids.uuid7(), code, ledger.EARN, q.points_earned, day, expires))
    bonus = referral_points(ctx.rules.promotions, day)
    if member.referrer_code and bonus and uow.members.purchases(code) == 0 and uow.members.get(member.referrer_code):
        entries.append(ledger.Entry(ids.uuid7(), member.referrer_code, ledger.REFERRAL, bonus, day, expires))
    return entries


def _maybe_issue_birthday_coupon(uow, ctx: ServiceContext, member, day: dt.date) -> None:
    """Birthday month: one coupon a year, signed here so it works offline."""
    template = ctx.rules.birthday_coupon
    if not template or not is_birthday_month(member.birthday, day):
        return
    coupon_id = f"BDAY-{member.member_code}-{day.year}"
    if uow.members.has_coupon(coupon_id):
        return
    kind = template.get("kind", coupon_rules.AMOUNT)
    value = template.get("value_cents") if kind == coupon_rules.AMOUNT else template.get("value_bp")
    next_month = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    coupon = coupon_rules.Coupon(
        coupon_id, kind, int(value), int(template.get("min_spend_cents", 0)),
        next_month - dt.timedelta(days=1), member.member_code,
    )  # fmt: skip
    code = coupon_rules.issue(coupon, ctx.signer)
    uow.members.add_coupon(coupon_id, code, member.member_code)
    payload = {"coupon_id": coupon_id, "code": code, "member_code": member.member_code, "issued_by": ctx.store_id}
    record(uow, ctx, events.COUPON_ISSUED, payload, new_event_id())
