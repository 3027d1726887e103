"""Sales and returns as HQ derives them: from the facts, with the shared loyalty core.

A till's sale says which lines it sold at which prices, the coupon amount,
the points tendered, the member and the date. HQ prices that again with
`loyalty_core.purchase` and the rules version the till used, with HQ's own
view of the member (tier, first purchase, referrer, rolling spend). Equal
figures are `applied`; different ones are booked as HQ computed them and
answered `corrected`. The one difference HQ accepts is an offline till's
older tier: the member's tier changed at HQ (by a sale elsewhere or the
yearly review) within the grace window, and the till priced with the tier
before it.

A return is booked only against a sale HQ has (by receipt number), never for
more units than that sale had, across every return chain-wide; what it takes
and gives back is `loyalty_core.returns`' share of HQ's own priced lines.
"""

import datetime as dt

from hq.services import campaign_redemptions, coupon_claims, held_sales, referrals, risk, velocity
from hq.storage.members import CAMPAIGN_COUPON, COUPON_REUSE, MemberState
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import coupons, ids, ledger, pricing
from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry
from loyalty_core.member import STOPPED
from loyalty_core.purchase import Purchase, Shopper, purchase
from loyalty_core.returns import ReturnedLine, return_line
from loyalty_core.rules import RuleSet

from . import day_caps, payload, trust
from .payload import Rejected

SALE_KINDS = {ledger.EARN, ledger.REDEEM, ledger.BONUS, ledger.REFERRAL}
RETURN_KINDS = {ledger.RETURN_EARN, ledger.RETURN_REDEEM}


# -- purchases, wherever they were made ----------------------------------------------------------


def referrer_of(work: UnitOfWork, state: MemberState) -> MemberState | None:
    """The referrer, if HQ knows them as an active member other than the shopper (the one rule)."""
    code = state.member.referrer_code
    referrer = work.resolve(code) if code else None
    if referrer is None or not referrer.active or referrer.code == state.code:
        return None
    return referrer


def shopper_of(work: UnitOfWork, state: MemberState, tier_code: str | None = None, balance: int | None = None) -> Shopper:
    m = state.member
    terms = pricing.MemberTerms(state.code, tier_code or m.tier_code, m.birthday,
                                state.balance if balance is None else balance)  # fmt: skip
    referrer = referrer_of(work, state)
    return Shopper(terms, work.rolling_spend(state), state.first_sale_on is None, referrer.code if referrer else None)


def book_purchase(work: UnitOfWork, state: MemberState, done: Purchase, entries: list[Entry], day: dt.date,
                  source: str) -> None:  # fmt: skip
    """The entries, the spend, an immediate tier upgrade and the first-purchase date."""
    for entry in entries:
        work.add_entry(entry, source)
    if done.spend_cents:  # the chain's sales figures count it even when the member stopped processing
        work.add_spend(state, day, done.spend_cents, source)
    if state.member.status != STOPPED:
        work.upgrade_tier(state)
    if state.first_sale_on is None:
        state.first_sale_on, state.dirty = day, True
    work.flag_overdrafts(entries)


# -- sale.confirmed ------------------------------------------------------------------------------


def confirmed(work: UnitOfWork, event: dict) -> dict | None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    if not (state.active or state.member.status == STOPPED):  # stopped: sold before the till heard of it
        raise Rejected("invalid_payload", f"member {state.code} is not active")
    at, day = trust.event_when(work, event)
    rules = trust.rules_for(work, event, at)
    receipt_no = _receipt_no(p, event)
    cart = _cart(p.get("lines"))
    redeem = payload.whole(p, "points_redeemed", default=0, low=0, high=payload.MAX_POINTS)
    coupon_id = payload.text(p, "coupon_id", optional=True)
    claimed = payload.whole(p, "coupon_cents", default=0, low=0)
    face = coupon_claims.face_for(work, coupon_id, claimed, rules)
    referrer = referrer_of(work, state)
    till_entries = payload.entries(work, p.get("ledger"))
    own = {state.code}
    trust.check_entries(till_entries, {ledger.EARN: own, ledger.REDEEM: own, ledger.BONUS: own,
                                       ledger.REFERRAL: {referrer.code} if referrer else set()})  # fmt: skip
    till = {"points_earned": payload.whole(p, "points_earned", default=0, low=0),
            "spend_cents": payload.whole(p, "spend_cents", default=0, low=0)}  # fmt: skip

    def price(coupon_cents: int) -> tuple[Purchase, list[Entry]]:
        return _priced(work, event, state, rules, cart, day, redeem, _coupon(coupon_id, coupon_cents),
                       p.get("tier_code"), till, trust.figures(till_entries), at)  # fmt: skip

    done, entries = price(claimed if face is None else min(claimed, face.cap(_gross(cart))))
    amount = done.quote.subtotal_cents - done.quote.discount_cents  # the coupon's base, whatever it took
    if face is not None and done.quote.coupon_cents > face.cap(amount):  # a percent coupon: of the member price
        done, entries = price(face.cap(amount))
    entries, bonus = referrals.split(entries)  # booked once the sale clears the return window (referrals.py)
    why = (coupon_claims.mismatch(work, face, claimed, amount, state)
           or risk.why_hold(work, state, cart, entries, redeem, day)
           or risk.why_hold_identity(work, event, state, redeem))  # fmt: skip
    if why is not None and not work.reviewed:
        return held_sales.hold(work, event, state, entries, receipt_no, day, why)
    _book_sale(work, event, state, done, entries, receipt_no, coupon_id, redeem, day)
    if bonus is not None:
        referrals.defer(work, state, bonus, receipt_no, (event["event_id"], event["store_id"]), day)
    velocity.note(work, "sale", event, receipt_no=receipt_no, at=at)
    hq = {"points_earned": done.points_earned, "spend_cents": done.spend_cents}
    if hq == till and trust.figures(entries) == trust.figures(till_entries):
        return None
    return trust.corrected(event, entries, till, hq)


def _gross(cart: list[pricing.CartLine]) -> int:
    return sum(line.unit_price_cents * line.qty for line in cart)


def _book_sale(work: UnitOfWork, event: dict, state: MemberState, done: Purchase, entries: list[Entry],
               receipt_no: str, coupon_id: str | None, redeem: int, day: dt.date) -> None:  # fmt: skip
    book_purchase(work, state, done, entries, day, event["event_id"])
    risk.count_redeem(work, state, redeem, day)
    if work.sale(receipt_no) is None:  # a till that reused a number (reinstalled): returns go to the first
        work.add_sale(receipt_no, event["event_id"], state.code, day, [line.to_dict() for line in done.quote.lines])
    if coupon_id and campaign_redemptions.problem(work.conn, work.coupon_use_rows, coupon_id, state.code, day):
        work.flag(state, CAMPAIGN_COUPON)  # held for review: expired, someone else's, or over the limit
    if coupon_id and not work.use_coupon(coupon_id, event["event_id"], event["store_id"], state.code):
        work.flag(state, COUPON_REUSE)  # accepted: the goods are gone; a supervisor reviews it


def _priced(work: UnitOfWork, event: dict, state: MemberState, rules: RuleSet, cart, day, redeem, coupon,
            till_tier: object, till: dict, till_figures: list, at: dt.datetime) -> tuple[Purchase, list[Entry]]:  # fmt: skip
    """HQ's purchase: with HQ's tier, or with the till's older one where being offline explains it."""
    tiers = [state.member.tier_code]
    if isinstance(till_tier, str) and _offline_tier(work, state, till_tier, at, rules):
        tiers.append(till_tier)
    first = None
    for tier in tiers:
        try:  # balance: a redemption beyond it is accepted and flagged `overdraft` (the goods are gone)
            done = purchase(rules, shopper_of(work, state, tier, balance=max(redeem, state.balance)), cart, day,
                            redeem, coupon)  # fmt: skip
        except DomainError as exc:
            raise Rejected(exc.code, f"the sale as sent breaks the rules: {exc.message}") from None
        if state.member.status == STOPPED:
            done = done.without_earning()
        entries = done.entries(lambda kind: trust.entry_id(event, kind), day, rules.expiry_months)
        hq = {"points_earned": done.points_earned, "spend_cents": done.spend_cents}
        if hq == till and trust.figures(entries) == till_figures:
            return done, entries
        first = first or (done, entries)
    assert first is not None  # tiers holds at least the member's own
    return first


def _offline_tier(work: UnitOfWork, state: MemberState, till_tier: object, at: dt.datetime, rules: RuleSet) -> bool:
    """The till priced with the tier the member had before HQ's last change, and that change is recent."""
    if not isinstance(till_tier, str) or till_tier == state.member.tier_code or till_tier != state.prev_tier:
        return False
    changed = state.tier_changed_at
    return changed is not None and at <= changed + dt.timedelta(days=rules.trust.rules_grace_days)


def _receipt_no(p: dict, event: dict) -> str:
    """A receipt number of the pushing terminal's own (so no till can take another's number)."""
    receipt_no = payload.text(p, "receipt_no")
    if not ids.is_receipt_no(receipt_no, event["store_id"], event["terminal_id"]):
        raise Rejected("invalid_payload", "payload.receipt_no is not one of this terminal's receipt numbers "
                                          "(R-<store>-<terminal>-<6 to 12 digits>)")  # fmt: skip
    return receipt_no


def _cart(raw: object) -> list[pricing.CartLine]:
    if not isinstance(raw, list) or not raw or len(raw) > pricing.MAX_LINES:
        raise Rejected("invalid_payload", f"payload.lines must list 1 to {pricing.MAX_LINES} sold lines")
    cart = []
    for line in raw:
        if not isinstance(line, dict):
            raise Rejected("invalid_payload", "a sale line must be an object")
        sku, category = payload.text(line, "sku"), payload.text(line, "category")
        price = payload.whole(line, "unit_price_cents", low=0)
        qty = payload.whole(line, "qty", low=1, high=100_000)
        cart.append(pricing.CartLine(sku, category, price, qty))
    return cart


def _coupon(coupon_id: str | None, cents: int) -> coupons.Coupon | None:
    """A coupon only lowers what is paid (and so earned): the amount HQ allows (hq.services.coupon_claims)."""
    if not cents:
        return None
    return coupons.Coupon(coupon_id or "till", coupons.AMOUNT, cents)


# -- sale.returned -------------------------------------------------------------------------------


def returned(work: UnitOfWork, event: dict) -> dict | None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    at, day = trust.event_when(work, event)
    receipt_no = payload.text(p, "receipt_no", optional=True) or None
    if receipt_no is not None and not ids.is_receipt_no(receipt_no):  # any store's: a return goes anywhere
        raise Rejected("invalid_payload", "payload.receipt_no is not a receipt number (R-<store>-<terminal>-<digits>)")
    till_entries = payload.entries(work, p.get("ledger"))
    trust.check_entries(till_entries, {k: {state.code} for k in RETURN_KINDS})
    till = {"points_earned": sum(e.points for e in till_entries),
            "spend_cents": payload.whole(p, "spend_cents", default=0, high=0)}  # fmt: skip
    if receipt_no is None:
        entries, spend = _without_receipt(work, event, state, day)
        day_caps.count_unreceipted(work, event, -spend)
    else:
        entries, spend = _against_sale(work, event, state, receipt_no, day)
    velocity.note(work, "return", event, receipt_no=receipt_no, at=at, member=state.code)
    for entry in entries:
        work.add_entry(entry, event["event_id"])
    if spend:
        work.add_spend(state, day, spend, event["event_id"])
    hq = {"points_earned": sum(e.points for e in entries), "spend_cents": spend}
    if hq == till and trust.figures(entries) == trust.figures(till_entries):
        return None
    return trust.corrected(event, entries, till, hq)


def _against_sale(work: UnitOfWork, event: dict, state: MemberState, receipt_no: str, day: dt.date):
    sale = work.sale(receipt_no)
    if sale is None and held_sales.is_held(work.conn, receipt_no):
        # parked at the till and pushed again later: it applies once the sale is approved
        raise Rejected("sale_held", f"HQ holds the sale {receipt_no} for review")
    if sale is None:
        raise Rejected("unknown_receipt", f"HQ has no sale {receipt_no}")
    buyer = work.resolve(sale["member_code"])
    if buyer is None or buyer.code != state.code:
        raise Rejected("invalid_payload", "the return names another member than the sale")
    returned = dict(sale["returned"])
    back: list[ReturnedLine] = []
    try:
        for index, qty in _units(event["payload"], sale["lines"]).items():
            line = pricing.PricedLine.from_dict(sale["lines"][index])
            back.append(return_line(line, returned.get(str(index), 0), qty))
            returned[str(index)] = returned.get(str(index), 0) + qty
    except DomainError as exc:
        raise Rejected(exc.code, exc.message) from None
    rules = work.rules
    taken = sum(r.points_taken_back for r in back)
    given = sum(r.points_given_back for r in back)
    entries = []
    if taken:
        entries.append(Entry(trust.entry_id(event, ledger.RETURN_EARN), state.code, ledger.RETURN_EARN, -taken, day))
    if given:  # redeemed points come back with the expiry they would have had
        expires = ledger.lot_expiry(sale["on_date"], rules.expiry_months)
        entries.append(Entry(trust.entry_id(event, ledger.RETURN_REDEEM), state.code, ledger.RETURN_REDEEM, given,
                             day, expires))  # fmt: skip
    work.set_returned(receipt_no, returned)
    return entries, -sum(r.spend_cents for r in back)


def _units(p: dict, lines: list[dict]) -> dict[int, int]:
    """{sale line index: units}: the till's `line_qty`, else its returned lines matched by SKU in order."""
    raw = p.get("line_qty")
    wanted: dict[int, int] = {}
    if isinstance(raw, dict) and raw:
        for key in raw:
            if not (isinstance(key, str) and key.isdigit() and int(key) < len(lines)):
                raise Rejected("return_unknown_line", f"the sale has no line {str(key)[:10]}")
            wanted[int(key)] = payload.whole(raw, key, low=1, high=100_000)
        return wanted
    items = p.get("lines")
    if not isinstance(items, list) or not items:
        raise Rejected("invalid_payload", "payload.lines must list the returned lines")
    for item in items:
        if not isinstance(item, dict):
            raise Rejected("invalid_payload", "a returned line must be an object")
        sku, qty = payload.text(item, "sku"), payload.whole(item, "qty", low=1, high=100_000)
        matches = [i for i, line in enumerate(lines) if line["sku"] == sku]
        if not matches:
            raise Rejected("return_unknown_line", f"{sku} is not on this receipt")
        wanted[matches[0]] = wanted.get(matches[0], 0) + qty  # more than that line had is refused by return_line
    return wanted


def _without_receipt(work: UnitOfWork, event: dict, state: MemberState, day: dt.date):
    """A supervisor's return without the receipt: capped by HQ's policy, points at the member's rate."""
    p = event["payload"]
    if payload.text(p, "supervisor_id", optional=True) is None:
        raise Rejected("supervisor_required", "a return without a receipt needs supervisor_id")
    rules = work.rules
    cap = rules.trust.max_unreceipted_return_cents
    refund = payload.whole(p, "refund_cents", low=1, high=cap)
    tier = rules.ladder.get(state.member.tier_code)
    taken = refund * tier.earn_permille // (rules.cents_per_point * 1000)
    entry_id = trust.entry_id(event, ledger.RETURN_EARN)
    return ([Entry(entry_id, state.code, ledger.RETURN_EARN, -taken, day)] if taken else []), -refund
