"""Two members with one phone become one: the one HQ accepted later merges into the earlier.

The order is HQ's receipt of the enrollments, never a till's `enrolled_at`
(a till's clock may be wrong, or forged): the member HQ already had survives.

History is never edited. The merged member's open lots move as pairs of
entries (merge_out on it, merge_in on the survivor) that keep each lot's
expiry date; a debt moves the same way. Its spend moves too, so the tier
counts everything the person bought.
"""

import datetime as dt
from dataclasses import replace

import sqlalchemy as sa

from hq.storage import feed
from hq.storage.members import OVERDRAFT, MemberState
from hq.storage.schema import members
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.ids import hq_entry_id
from loyalty_core.ledger import Entry, wallet
from loyalty_core.member import MERGED

MERGE_OUT = "merge_out"  # HQ only: what leaves the merged member (the domain has merge_in only)


def merge_into_earlier(work: UnitOfWork, newcomer: MemberState, earlier: MemberState, event_id: str) -> MemberState:
    merge(work, newcomer, earlier, event_id)
    return earlier


def merge(work: UnitOfWork, loser: MemberState, survivor: MemberState, event_id: str) -> None:
    _move_points(work, loser, survivor, event_id)
    for on, cents in work.spend_rows_of(loser.code):
        work.add_spend(survivor, on, cents, hq_entry_id("merge", loser.code))
    _combine(work, loser, survivor)
    work.update_member(loser, replace(loser.member, status=MERGED, merged_into=survivor.code))
    loser.flags.clear()
    _repoint_earlier_merges(work, loser, survivor)
    work.publish(feed.MERGE, {"from": loser.code, "into": survivor.code}, survivor.code)


def _move_points(work: UnitOfWork, loser: MemberState, survivor: MemberState, event_id: str) -> None:
    w = wallet(work.entries_of(loser.code))
    moves = [(str(i), lot.remaining, None if lot.expires_on == dt.date.max else lot.expires_on)
             for i, lot in enumerate(w.lots)]  # fmt: skip
    if w.debt:
        moves.append(("debt", -w.debt, None))
    prefix = hq_entry_id("merge", loser.code)
    for tag, points, expires in moves:
        work.add_entry(Entry(f"{prefix}:{tag}:out", loser.code, MERGE_OUT, -points, work.today, expires), event_id)
        work.add_entry(
            Entry(f"{prefix}:{tag}:in", survivor.code, ledger.MERGE_IN, points, work.today, expires), event_id
        )


def _combine(work: UnitOfWork, loser: MemberState, survivor: MemberState) -> None:
    """The survivor keeps the better tier, the first purchase date and a referrer if it had none."""
    ladder = work.rules.ladder
    member = survivor.member
    if ladder.rank(loser.member.tier_code) > ladder.rank(member.tier_code):
        work.set_tier(survivor, loser.member.tier_code)
    if member.referrer_code is None and loser.member.referrer_code not in (None, survivor.code):
        work.update_member(survivor, replace(survivor.member, referrer_code=loser.member.referrer_code))
    else:
        work.update_member(survivor, survivor.member)
    firsts = [d for d in (survivor.first_sale_on, loser.first_sale_on) if d]
    survivor.first_sale_on = min(firsts) if firsts else None
    survivor.flags |= loser.flags - {OVERDRAFT}
    if survivor.balance < 0 and OVERDRAFT in loser.flags:
        survivor.flags.add(OVERDRAFT)
    work.upgrade_tier(survivor)


def _repoint_earlier_merges(work: UnitOfWork, loser: MemberState, survivor: MemberState) -> None:
    """Codes merged into the loser earlier now lead straight to the survivor."""
    work.conn.execute(sa.update(members).where(members.c.merged_into == loser.code).values(merged_into=survivor.code))
    for state in work.members.values():
        if state.member.merged_into == loser.code and state is not loser:
            state.member, state.dirty = replace(state.member, merged_into=survivor.code), True
