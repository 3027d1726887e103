"""What a purchase does to a member beyond its ledger entries, wherever it was made."""

import datetime as dt

from loyalty_core import ledger
from loyalty_core.ledger import Entry
from loyalty_core.promotions import referral_points

from .members import OVERDRAFT, MemberState
from .work import Work


def record_purchase(
    work: Work, state: MemberState, day: dt.date, spend_cents: int, event_id: str, referral_included: bool
) -> None:
    """Spend, an immediate tier upgrade, and the referrer's bonus on a first purchase."""
    if spend_cents:
        work.add_spend(state, day, spend_cents, event_id)
    upgrade_tier(work, state)
    if state.first_sale_on is None:
        state.first_sale_on, state.dirty = day, True
        if not referral_included:
            grant_referral(work, state, day, event_id)


def upgrade_tier(work: Work, state: MemberState) -> None:
    tier = work.rules.ladder.after_purchase(state.member.tier_code, work.rolling_spend(state))
    if tier.code != state.member.tier_code:
        work.set_tier(state, tier.code)


def grant_referral(work: Work, referee: MemberState, day: dt.date, event_id: str) -> None:
    """+N to the referrer; the entry id is the referee's, so it can be granted once at most."""
    points = referral_points(work.rules.promotions, day)
    referrer = work.resolve(referee.member.referrer_code) if referee.member.referrer_code else None
    if not points or referrer is None or not referrer.active or referrer.code == referee.code:
        return
    expires = ledger.lot_expiry(day, work.rules.expiry_months)
    work.add_entry(Entry(f"referral:{referee.code}", referrer.code, ledger.REFERRAL, points, day, expires), event_id)


def flag_overdrafts(work: Work, entries: list[Entry]) -> None:
    """A redemption that left the balance below zero: accepted (the goods are gone), flagged for review."""
    for code in {e.member_code for e in entries if e.kind == ledger.REDEEM and e.points < 0}:
        state = work.members[code]
        if state.balance < 0:
            work.flag(state, OVERDRAFT)
