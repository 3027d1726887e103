"""A member as HQ holds it: the till's profile plus the authoritative totals."""

import datetime as dt
from dataclasses import dataclass, field

from loyalty_core.member import ACTIVE, Member
from loyalty_core.reconcile import bucket_of

OVERDRAFT = "overdraft"  # a redemption took the balance below zero
COUPON_REUSE = "coupon_reuse"  # used a coupon another sale had already used
CAMPAIGN_COUPON = "campaign_coupon"  # used a campaign coupon out of its window, not theirs, or over the limit
DUPLICATE_PHONE = "duplicate_phone"  # a profile edit gave them another member's phone


@dataclass
class MemberState:
    member: Member
    balance: int = 0
    flags: set[str] = field(default_factory=set)
    first_sale_on: dt.date | None = None
    reviewed_year: int | None = None
    prev_tier: str | None = None  # the tier before the last change, and when it changed
    tier_changed_at: dt.datetime | None = None
    spend: int | None = None  # rolling qualifying spend; None until loaded
    new: bool = False  # not in the database yet
    dirty: bool = False

    @property
    def code(self) -> str:
        return self.member.member_code

    @property
    def active(self) -> bool:
        return self.member.status == ACTIVE

    def sorted_flags(self) -> list[str]:
        return sorted(self.flags)


def from_row(row) -> MemberState:
    member = Member(
        member_code=row.member_code,
        phone=row.phone,
        name=row.name,
        birthday=row.birthday,
        consent_terms=bool(row.consent_terms),
        consent_marketing=bool(row.consent_marketing),
        tier_code=row.tier,
        enrolled_at=dt.datetime.fromisoformat(row.enrolled_at),
        home_store=row.home_store,
        referrer_code=row.referrer_code,
        status=row.status,
        merged_into=row.merged_into,
    )
    flags = set(row.flags.split(",")) if row.flags else set()
    changed = row.tier_changed_at
    if changed is not None and changed.tzinfo is None:  # SQLite hands back naive UTC
        changed = changed.replace(tzinfo=dt.UTC)
    return MemberState(member, int(row.balance), flags, row.first_sale_on, row.reviewed_year, row.prev_tier, changed)


def changing_columns(state: MemberState) -> dict:
    """Everything a change can touch (the bulk UPDATE writes them all, keyed by member_code)."""
    m = state.member
    return {
        "member_code": m.member_code,
        "phone": m.phone,
        "name": m.name,
        "birthday": m.birthday,
        "consent_marketing": m.consent_marketing,
        "tier": m.tier_code,
        "referrer_code": m.referrer_code,
        "status": m.status,
        "merged_into": m.merged_into,
        "balance": state.balance,
        "flags": ",".join(state.sorted_flags()),
        "first_sale_on": state.first_sale_on,
        "reviewed_year": state.reviewed_year,
        "prev_tier": state.prev_tier,
        "tier_changed_at": state.tier_changed_at,
    }


def insert_row(state: MemberState, now: dt.datetime) -> dict:
    m = state.member
    row = changing_columns(state)
    row.update(
        consent_terms=m.consent_terms,
        enrolled_at=m.enrolled_at.isoformat(),
        home_store=m.home_store,
        bucket=bucket_of(m.member_code),
        created_at=now,
    )
    return row
