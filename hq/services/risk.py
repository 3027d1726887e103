"""Plausibility holds: a sale far outside the store's norms is held for an operator, not booked.

The norms are rules data (`"risk": {...}` in the published rules, `loyalty_core.rules.RiskPolicy`),
edited and published from the console's program page like every other rules number. HQ holds a sale
(`hq.services.held_sales`) when, as HQ priced it:

- its basket (before coupon and points) is over `max_sale_cents`, it sells more than `max_sale_units`
  units or has more than `max_sale_lines` lines, or it earns more than `max_sale_points` points;
- it redeems more points than the member's HQ balance plus the offline allowance
  (`offline_redeem_allowance_points`): an honest till, online or offline, never lets a member go that
  deep (within it, the redemption is booked and flagged `overdraft`, as before: the goods are gone);
- it is the member's redemption number `max_redeems_per_member_day` + 1 (or more) on its business day,
  chain-wide (booked sales only: a held one does not count);
- it redeems more than `redeem_identity_points` and the till neither scanned the member's card
  (`identified_by` "card") nor quotes a one-time code HQ verified for this member and till (`otp_id`,
  hq.services.redeem_codes): a typed phone is no proof (an event without `identified_by` is typed).

The thresholds are HQ's current rules (an operator who tightens them does so for every event from
then on), not the version the till priced with. Counting a day's redemptions is one query per push
and business day, for every member the push loaded, and only once a redemption needs it.
"""

import datetime as dt

import sqlalchemy as sa

from hq.services import held_reasons, redeem_codes
from hq.storage import bulk
from hq.storage.members import MemberState
from hq.storage.schema import ledger as ledger_table
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger, pricing
from loyalty_core.ledger import Entry


def why_hold(work: UnitOfWork, state: MemberState, cart: list[pricing.CartLine], entries: list[Entry],
             redeem: int, day: dt.date) -> str | None:  # fmt: skip
    """Why HQ holds this sale (a sentence for the operator's queue), or None to book it."""
    risk = work.rules.risk
    gross = sum(line.unit_price_cents * line.qty for line in cart)
    units = sum(line.qty for line in cart)
    earned = sum(e.points for e in entries if e.points > 0)
    if gross > risk.max_sale_cents:
        return held_reasons.sentence("over_basket", basket_cents=gross, limit_cents=risk.max_sale_cents)
    if units > risk.max_sale_units or len(cart) > risk.max_sale_lines:
        return held_reasons.sentence(
            "over_units", units=units, lines=len(cart), max_units=risk.max_sale_units, max_lines=risk.max_sale_lines
        )
    if earned > risk.max_sale_points:
        return held_reasons.sentence("over_earn", points=earned, limit=risk.max_sale_points)
    return _redeem_problem(work, state, redeem, day) if redeem else None


def _redeem_problem(work: UnitOfWork, state: MemberState, redeem: int, day: dt.date) -> str | None:
    allowance = work.rules.offline_redeem_allowance_points
    if redeem > state.balance + allowance:
        return held_reasons.sentence("over_balance", points=redeem, balance=state.balance, allowance=allowance)
    limit = work.rules.risk.max_redeems_per_member_day
    if redeems_on(work, state.code, day) >= limit:
        return held_reasons.sentence("redeems_per_day", number=limit + 1, day=day)
    return None


def why_hold_identity(work: UnitOfWork, event: dict, state: MemberState, redeem: int) -> str | None:
    """A redemption above the threshold needs a scanned card or a verified code; checked last, as a sale
    it passes uses the code."""
    limit = work.rules.risk.redeem_identity_points
    if redeem <= limit or event["payload"].get("identified_by") == "card":
        return None
    why = redeem_codes.problem(work.conn, event, state.code)
    return None if why is None else f"redeems {redeem} points (over {limit}) on a typed phone or code, {why}"


def count_redeem(work: UnitOfWork, state: MemberState, redeem: int, day: dt.date) -> None:
    """A booked sale with a redemption counts for the next one that day."""
    if redeem:
        key = (state.code, day)
        work.redeems[key] = redeems_on(work, state.code, day) + 1


def redeems_on(work: UnitOfWork, code: str, day: dt.date) -> int:
    if (code, day) not in work.redeems:
        _load_day(work, day, sorted({code, *work.members}))
    return work.redeems[(code, day)]


def _load_day(work: UnitOfWork, day: dt.date, codes: list[str]) -> None:
    """Redeeming sales booked on `day` for every member this push loaded (not yet counted), in one query."""
    wanted = [c for c in codes if (c, day) not in work.redeems]
    for code in wanted:
        work.redeems[(code, day)] = 0
    lt = ledger_table.c
    for cond in bulk.among(work.conn, lt.member_code, wanted) if wanted else ():
        query = (sa.select(lt.member_code, sa.func.count()).where(cond, lt.kind == ledger.REDEEM, lt.on_date == day)
                 .group_by(lt.member_code))  # fmt: skip
        for member_code, count in work.conn.execute(query):
            work.redeems[(member_code, day)] += int(count)
