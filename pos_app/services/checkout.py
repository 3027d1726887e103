"""Quote and confirm a sale: earn, redeem and coupon in one transaction."""

import datetime as dt
from dataclasses import dataclass, replace
from typing import NamedTuple

from loyalty_core import coupons as coupon_rules
from loyalty_core import events, ids, pricing, redemption, tender
from loyalty_core.errors import DomainError
from loyalty_core.member import ACTIVE, Member
from loyalty_core.purchase import Purchase, Shopper, purchase

from . import identity
from .approvals import checked_actor
from .context import ServiceContext
from .events import new_event_id, record
from .members import require_active, resolve, standing_of
from .uow import UnitOfWork
from .views import Receipt


@dataclass(frozen=True)
class SaleRequest:
    """One sale as the till or the CLI asks for it: the one place its parameters are listed."""

    member_query: str
    lines: list[pricing.CartLine]
    redeem_points: int = 0
    coupon_code: str | None = None
    at: dt.datetime | None = None  # defaults to now; promotions depend on the date
    sale_id: str | None = None  # made when the cart starts: confirming twice gives one sale
    cashier_id: str | None = None
    tender_method: str = tender.CASH  # no tender given: exact cash (the CLI's documented default)
    received_cents: int | None = None  # cash handed over; None: the exact amount
    # how the member was found: "card" (scanned), "phone" or "code" (typed); above the rules' threshold
    # a typed identification redeems only with `otp_id`, HQ's answer to a one-time code (services/identity.py)
    identified_by: str = identity.CODE
    otp_id: str | None = None


def _coupon(uow: UnitOfWork, ctx: ServiceContext, code: str | None) -> coupon_rules.Coupon | None:
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
    purchase: Purchase


def _quote(uow: UnitOfWork, ctx: ServiceContext, req: SaleRequest) -> _Priced:
    member, _ = resolve(uow, ctx, req.member_query)
    require_active(member)
    allowance = None
    if ctx.is_offline():  # per member: what was already redeemed unconfirmed counts against it
        allowance = max(0, ctx.rules.offline_redeem_allowance_points - uow.ledger.pending_redeemed(member.member_code))
    balance, spend = standing_of(uow, ctx, member.member_code)
    terms = pricing.MemberTerms(member.member_code, member.tier_code, member.birthday_month, balance, allowance)
    day = (req.at or ctx.now()).date()
    coupon = _coupon(uow, ctx, req.coupon_code)
    shopper = Shopper(terms, spend, uow.members.purchases(member.member_code) == 0, _referrer(uow, member))
    done = purchase(ctx.rules, shopper, req.lines, day, req.redeem_points, coupon)
    identity.check(ctx, req.identified_by, req.otp_id, req.redeem_points)  # after the sale's own limits
    return _Priced(member, terms, coupon, done)


def _referrer(uow: UnitOfWork, member: Member) -> str | None:
    """The referrer, if this till knows them as an active member (HQ applies the same rule)."""
    if not member.referrer_code:
        return None
    referrer = uow.members.get(member.referrer_code)
    return member.referrer_code if referrer is not None and referrer.status == ACTIVE else None


def _identified(req: SaleRequest) -> SaleRequest:
    return replace(req, identified_by=identity.effective(req.member_query, req.identified_by))


def quote_sale(uow: UnitOfWork, ctx: ServiceContext, req: SaleRequest) -> pricing.Quote:
    return _quote(uow, ctx, _identified(req)).purchase.quote


class ClampedQuote(NamedTuple):
    quote: pricing.Quote
    asked: int  # the points the cashier typed
    clamped: str | None  # redemption.OVER_MAX / OFF_STEP when the quote takes other points than asked
    step: int = 100  # the points of one redemption step (what OFF_STEP rounded down to)
    identity_limit: int | None = None  # the most a typed identification redeems (None: card or code verified)


def quote_clamped(uow: UnitOfWork, ctx: ServiceContext, req: SaleRequest) -> ClampedQuote:
    """The quote for the points the cashier typed, brought into what the sale accepts (the most
    it takes, whole steps) instead of refused: the till shows what it took and why."""
    req = _identified(req)
    first = _quote(uow, ctx, replace(req, redeem_points=0)).purchase.quote
    policy = ctx.rules.redeem
    points, why = redemption.clamp(policy, req.redeem_points, first.max_redeem_points)
    limit = identity.limit_for(ctx, req.identified_by, req.otp_id)
    if limit is not None and points > limit:  # a typed phone: the threshold, and the till asks for card or code
        points, why = limit - limit % policy.points_per_step, identity.CLAMPED
    q = first if points == 0 else _quote(uow, ctx, replace(req, redeem_points=points)).purchase.quote
    return ClampedQuote(q, req.redeem_points, why, policy.points_per_step, limit)


def confirm_sale(uow: UnitOfWork, ctx: ServiceContext, req: SaleRequest) -> Receipt:
    if req.sale_id:
        stored = uow.sales.by_sale_id(req.sale_id)
        if stored is not None:  # the confirm key was pressed twice
            return Receipt.from_dict(stored)
    cashier_id = checked_actor(req.cashier_id, "cashier")
    req = _identified(req)
    member, terms, coupon, done = _quote(uow, ctx, req)
    q = done.quote
    paid_with = tender.settle(req.tender_method, q.paid_cents, req.received_cents)  # refused before any write
    at = req.at or ctx.now()
    day = at.date()
    code = member.member_code
    receipt_no = ids.receipt_no(ctx.store_id, ctx.terminal_id, uow.admin.next_number("receipt"))
    event_id = new_event_id()
    entries = done.entries(lambda kind: ids.till_entry_id(ctx.store_id, ctx.terminal_id, event_id, kind),
                           day, ctx.rules.expiry_months)  # fmt: skip
    tier_after = ctx.rules.ladder.get(done.tier_after)
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
    if coupon is not None and req.coupon_code:  # a coupon comes only from its code
        uow.members.use_coupon(coupon.coupon_id, req.coupon_code, code, receipt_no, at)
    # tier_code: the tier this till priced with, so HQ can tell an offline till's older tier from a forged one.
    # identified_by / otp_id: HQ holds a redemption above the threshold without a card or a code it verified
    payload = {**body, "spend_cents": done.spend_cents, "tier_code": q.tier_code,
               "ledger": [e.to_dict() for e in entries], "identified_by": req.identified_by,
               "otp_verified": bool(req.otp_id), "otp_id": req.otp_id}  # fmt: skip
    record(uow, ctx, events.SALE_CONFIRMED, payload, event_id)
    if done.birthday_coupon_due:
        _maybe_issue_birthday_coupon(uow, ctx, member, day)
    uow.commit()
    return receipt


def _maybe_issue_birthday_coupon(uow: UnitOfWork, ctx: ServiceContext, member: Member, day: dt.date) -> None:
    """Birthday month: one coupon a year, signed here so it works offline."""
    template = ctx.rules.birthday_coupon
    if template is None:  # a program without birthday coupons
        return
    coupon_id = f"BDAY-{member.member_code}-{day.year}"
    if uow.members.has_coupon(coupon_id):
        return
    kind = template.get("kind", coupon_rules.AMOUNT)
    value = template.get("value_cents") if kind == coupon_rules.AMOUNT else template.get("value_bp")
    next_month = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    coupon = coupon_rules.Coupon(
        coupon_id, kind, int(value or 0), int(template.get("min_spend_cents", 0)),
        next_month - dt.timedelta(days=1), member.member_code,
    )  # fmt: skip
    code = coupon_rules.issue(coupon, ctx.signer)
    uow.members.add_coupon(coupon_id, code, member.member_code)
    payload = {"coupon_id": coupon_id, "code": code, "member_code": member.member_code, "issued_by": ctx.store_id}
    record(uow, ctx, events.COUPON_ISSUED, payload, new_event_id())
