"""What an operator changes from the console, each in one transaction with its audit entry and feed rows
(so the change reaches every till at its next pull)."""

import datetime as dt

from sqlalchemy.engine import Connection

from hq.storage import counters
from hq.storage import rules as published
from hq.storage.members import CAMPAIGN_COUPON, COUPON_REUSE, DUPLICATE_PHONE, OVERDRAFT
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.errors import DomainError
from loyalty_core.ids import uuid7
from loyalty_core.ledger import Entry

from . import audit
from .roles import Operator

REVIEW_FLAGS = (OVERDRAFT, COUPON_REUSE, CAMPAIGN_COUPON, DUPLICATE_PHONE)
MAX_REASON = 200


def check_reason(reason: object) -> str:
    text = " ".join(str(reason or "").split())
    if not text or len(text) > MAX_REASON or not text.isprintable():
        raise DomainError("invalid_reason", f"Give a reason of 1 to {MAX_REASON} characters")
    return text


def check_points(value: object, limit: int) -> int:
    try:
        points = int(str(value).strip(), 10)
    except ValueError:
        raise DomainError("invalid_points", "Points must be a whole number other than zero") from None
    if points == 0 or abs(points) > 10**9:
        raise DomainError("invalid_points", "Points must be a whole number other than zero")
    if abs(points) > limit:
        raise DomainError("over_limit", f"Beyond the role's limit of {limit} points", limit=limit)
    return points


def _member_for(work: UnitOfWork, operator: Operator, code: str):
    state = work.resolve(code)
    if state is None or not operator.sees_store(state.member.home_store):
        raise DomainError("unknown_member", f"No member {code!r}")
    return state


def adjust_points(conn: Connection, operator: Operator, code: str, points: int, reason: str,
                  now: dt.datetime, today: dt.date) -> dict:  # fmt: skip
    """`today`: HQ's business day in the chain's time zone, which the operator's daily cap is counted on."""
    work = UnitOfWork(conn, published.current(conn), now, today=today)
    state = _member_for(work, operator, code)
    _count_for_the_day(conn, operator, points, now, today)
    before = state.balance
    expires = ledger.lot_expiry(today, work.rules.expiry_months) if points > 0 else None
    entry = Entry(f"console:{uuid7()}", state.code, ledger.ADJUST, points, today, expires)
    work.add_entry(entry, f"console:{operator.username}:{entry.entry_id}")
    if state.balance < 0:
        work.flag(state, OVERDRAFT)  # a deduction below zero is reviewed like an offline overdraft
    work.flush()
    after = {"balance": state.balance, "points": points, "reason": reason, "entry_id": entry.entry_id}
    audit.record(conn, now, operator.username, "member.adjust", state.code, {"balance": before}, after)
    return after


def _count_for_the_day(conn: Connection, operator: Operator, points: int, now: dt.datetime, today: dt.date) -> None:
    """The role's daily cap (roles.Policy.max_adjust_day_points), per operator and HQ day; a refusal raises and so
    rolls the count back with everything else."""
    cap = operator.policy.max_adjust_day_points
    total = counters.add(conn, counters.CONSOLE_ADJUST_DAY, operator.username, today.isoformat(), now, abs(points))
    if total.amount > cap:
        left = max(cap - (total.amount - abs(points)), 0)
        raise DomainError("over_day_limit", f"Beyond the role's daily limit of {cap} points ({left} left today)",
                          limit=cap, left=left)  # fmt: skip


def clear_flag(conn: Connection, operator: Operator, code: str, flag: str, note: str, now: dt.datetime) -> dict:
    if flag not in REVIEW_FLAGS:
        raise DomainError("invalid_flag", "No such flag")
    work = UnitOfWork(conn, published.current(conn), now)
    state = _member_for(work, operator, code)
    before = state.sorted_flags()
    work.flag(state, flag, on=False)
    work.flush()
    audit.record(conn, now, operator.username, "review.clear_flag", state.code, {"flags": before},
                 {"flags": state.sorted_flags(), "note": note})  # fmt: skip
    return {"member_code": state.code, "flags": state.sorted_flags()}
