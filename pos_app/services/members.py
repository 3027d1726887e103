"""Enroll, find, view and edit members."""

import datetime as dt
from typing import Any

from loyalty_core import consent, events, ids, ledger, phones, promotions, qr
from loyalty_core import coupons as coupon_rules
from loyalty_core.errors import DomainError
from loyalty_core.member import ACTIVE, CLOSED, Member, new_member, with_changes
from loyalty_core.personal_data import mask_fields, mask_name, mask_phone

from .approvals import checked_actor
from .context import ServiceContext
from .events import audit, new_event_id, record
from .uow import UnitOfWork
from .views import CouponView, MemberView

MAX_QUERY = 200
_MAX_MERGE_HOPS = 5


def resolve(uow: UnitOfWork, ctx: ServiceContext, query: str) -> tuple[Member, str | None]:
    """Member code, phone or scanned QR text -> (member, code it was merged from)."""
    text = str(query).strip()
    if not text or len(text) > MAX_QUERY:
        raise DomainError("member_not_found", "No member matches that")
    if qr.looks_like_qr(text):
        code = _scanned_code(uow, ctx, text)
        member = uow.members.get(code)
    elif qr.is_member_code(text.upper()):
        member = uow.members.get(text.upper())
    elif phones.looks_like_phone(text):
        member = uow.members.by_phone_hash(ctx.phone_hash(text))
    else:
        raise DomainError("member_not_found", "No member matches that")
    if member is None:
        raise DomainError("member_not_found", "No member matches that")
    member, merged_from = _follow_merges(uow, member)
    if member.status == CLOSED:  # erased at the member's request: nothing left to show
        raise DomainError("member_closed", "This membership was closed", member_code=member.member_code)
    return member, merged_from


def _scanned_code(uow: UnitOfWork, ctx: ServiceContext, text: str) -> str:
    """A card signed by a key HQ revoked: one made before the revocation (the member was enrolled by
    then) is genuine but must be reissued; one made after it can only come from a stolen key."""
    try:
        return qr.parse(text, ctx.keyring, ctx.now()).member_code
    except DomainError as exc:
        if exc.code != "revoked_card":
            raise
        code, revoked_at = str(exc.params["member_code"]), _aware(dt.datetime.fromisoformat(str(exc.params["revoked_at"])))
        member = uow.members.get(code)
        if member is not None and _aware(member.enrolled_at) < revoked_at:
            raise DomainError("card_needs_reissue", "This card is from a retired till: find the member by phone "
                              "and give them a new card", member_code=code) from None  # fmt: skip
        raise DomainError("forged_qr", "This member card's signature is not valid") from None


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _follow_merges(uow: UnitOfWork, member: Member) -> tuple[Member, str | None]:
    scanned = member.member_code
    for _ in range(_MAX_MERGE_HOPS):
        if not member.merged_into:
            break
        survivor = uow.members.get(member.merged_into)
        if survivor is None:
            break
        member = survivor
    return member, (scanned if scanned != member.member_code else None)


def balance_of(uow: UnitOfWork, code: str) -> int:
    return uow.ledger.balance(code)


def spend_of(uow: UnitOfWork, ctx: ServiceContext, code: str) -> int:
    return uow.members.spend_since(code, _spend_window_start(ctx))


def standing_of(uow: UnitOfWork, ctx: ServiceContext, code: str) -> tuple[int, int]:
    """(balance_of, spend_of) in one read: a sale needs both."""
    return uow.members.standing(code, _spend_window_start(ctx))


def _spend_window_start(ctx: ServiceContext) -> dt.date:
    """Spend on or after this day counts toward the tier."""
    return ctx.today() - dt.timedelta(days=ctx.rules.spend_window_days)


def view(uow: UnitOfWork, ctx: ServiceContext, member: Member, merged_from: str | None = None) -> MemberView:
    today = ctx.today()
    entries, pending = uow.ledger.entries_and_pending(member.member_code)
    wallet = ledger.wallet(entries)
    spend = spend_of(uow, ctx, member.member_code)
    progress = ctx.rules.ladder.progress(member.tier_code, spend)
    soon = today + dt.timedelta(days=30)
    return MemberView(
        member_code=member.member_code,
        name=member.name,
        masked_name=mask_name(member.name),
        phone=member.phone,
        masked_phone=mask_phone(member.phone),
        birthday=member.birthday,
        tier=progress.tier.code,
        tier_names=dict(progress.tier.names),
        balance=wallet.balance,
        confirmed=wallet.balance - pending,
        pending=pending,
        expiring_30d=wallet.expiring_by(soon),
        expiring_on=min((lot.expires_on for lot in wallet.lots), default=None),
        spend_cents=spend,
        next_tier=progress.next_tier.code if progress.next_tier else None,
        spend_to_next_cents=progress.spend_to_next_cents,
        birthday_month=promotions.is_birthday_month(member.birthday_month, today),
        consent_marketing=member.consent_marketing,
        reduced=member.reduced,
        qr_payload=qr.static_payload(member.member_code, ctx.signer),
        status=member.status,
        enrolled_at=member.enrolled_at,
        coupons=_coupons(uow, ctx, member.member_code),
        offers=_offers(ctx, member, today),
        merged_from=merged_from,
    )


def _coupons(uow: UnitOfWork, ctx: ServiceContext, code: str) -> list[CouponView]:
    out = []
    for text in uow.members.available_coupons(code):
        try:
            c = coupon_rules.parse(text, ctx.keyring)
        except DomainError:
            continue
        if c.valid_until is None or c.valid_until >= ctx.today():
            out.append(CouponView(c.coupon_id, text, c.kind, c.value, c.min_spend_cents, c.valid_until))
    return out


def _offers(ctx: ServiceContext, member: Member, today: dt.date) -> list[str]:
    applying = promotions.multiplier_promotions(ctx.rules.promotions, today, member.birthday_month)
    bonuses = [p for p in ctx.rules.promotions if p.kind in (promotions.SKU_BONUS, promotions.CATEGORY_BONUS)]
    return [p.id for p in applying + bonuses if p.active_on(today)]


def enroll(
    uow: UnitOfWork,
    ctx: ServiceContext,
    *,
    phone: str,
    name: str,
    birthday: str | None = None,
    consent_terms: bool,
    consent_marketing: bool = False,
    referrer: str | None = None,
    actor: str | None = None,
) -> MemberView:
    now = ctx.now()
    actor = checked_actor(actor)
    member = new_member(
        member_code=ids.member_code(),
        phone=phone,
        name=name,
        birthday=birthday,
        consent_terms=consent_terms,
        consent_marketing=consent_marketing,
        tier_code=ctx.rules.ladder.lowest.code,
        now=now,
        home_store=ctx.store_id,
        region=ctx.region,
    )
    phone_hash = ctx.phone_hash(member.phone)
    existing = uow.members.by_phone_hash(phone_hash)
    if existing is not None:
        raise DomainError("phone_taken", "This phone already belongs to a member", member_code=existing.member_code)
    if referrer:
        referring, _ = resolve(uow, ctx, referrer)
        member = Member(**{**member.__dict__, "referrer_code": referring.member_code})
    event_id = new_event_id()
    entries = []
    if ctx.rules.signup_bonus_points:
        day = now.date()
        entries.append(
            ledger.Entry(ids.till_entry_id(ctx.store_id, ctx.terminal_id, event_id, ledger.SIGNUP), member.member_code,
                         ledger.SIGNUP, ctx.rules.signup_bonus_points, day,
                         ledger.lot_expiry(day, ctx.rules.expiry_months))
        )  # fmt: skip
    uow.members.add(member, phone_hash)
    uow.consents.add(consent.at_enrollment(member.member_code, member.consent_marketing, ctx.rules, now,
                                           consent.STORE, _place(ctx), actor or "unknown"))  # fmt: skip
    uow.ledger.add(entries, ref="signup", event_id=event_id)
    payload = {"member": member.to_dict(), "ledger": [e.to_dict() for e in entries], "actor": actor}
    record(uow, ctx, events.MEMBER_ENROLLED, payload, event_id)
    result = view(uow, ctx, member)
    uow.commit()
    return result


def update_profile(uow: UnitOfWork, ctx: ServiceContext, query: str, changes: dict[str, Any], actor: str) -> MemberView:
    member, _ = resolve(uow, ctx, query)
    updated, cleaned = with_changes(member, changes, ctx.today(), ctx.region)
    phone_hash = None
    if "phone" in cleaned:
        phone_hash = ctx.phone_hash(updated.phone)
        other = uow.members.by_phone_hash(phone_hash)
        if other is not None and other.member_code != member.member_code:
            raise DomainError("phone_taken", "This phone already belongs to a member", member_code=other.member_code)
    actor = checked_actor(actor) or "unknown"
    before = {k: member.to_dict().get(k) for k in cleaned}
    after = cleaned
    if member.reduced:  # the audit trail keeps the minimum; the row holds the correction until HQ's copy
        before, after = mask_fields(before), mask_fields(cleaned)  # (reduced) replaces it at the next pull
    uow.members.save(updated, phone_hash)
    if "consent_marketing" in cleaned and cleaned["consent_marketing"] != member.consent_marketing:
        uow.consents.add([consent.change(member.member_code, consent.MARKETING, cleaned["consent_marketing"], ctx.rules,
                                         ctx.now(), consent.STORE, _place(ctx), actor)])  # fmt: skip
    audit(uow, ctx, actor, "member.update", member.member_code, {"before": before, "after": after})
    payload = {"member_code": member.member_code, "changes": cleaned, "actor": actor}
    record(uow, ctx, events.MEMBER_UPDATED, payload, new_event_id())
    result = view(uow, ctx, updated)
    uow.commit()
    return result


def _place(ctx: ServiceContext) -> str:
    return f"{ctx.store_id}/{ctx.terminal_id}"


def consent_history(uow: UnitOfWork, ctx: ServiceContext, query: str) -> list[dict[str, Any]]:
    member, _ = resolve(uow, ctx, query)
    return uow.consents.history(member.member_code)


def require_active(member: Member) -> None:
    if member.status != ACTIVE:
        raise DomainError("member_inactive", "This member cannot collect or spend points", status=member.status)
