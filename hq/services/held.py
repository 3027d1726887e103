"""Point adjustments booked within HQ's limits, held for an operator beyond them; and the held queue.

The queue (`held_adjustments`) also holds sales beyond the risk rules (kind `sale`, held by
hq.services.held_sales); approving one books its stored event exactly as the push would have,
rejecting it books nothing. Everything below holds for both kinds.

A `points.adjusted` event carries its supervisor and reason. Within the
published trust policy (`max_adjust_points` per adjustment and
`max_adjust_store_day_points` per store and day, |points| summed) it is
booked at once. The day cap is counted twice: by the business day the till
claims and by the day HQ receives the event (HQ's clock, the chain's time
zone, hq.storage.counters), so adjustments back-dated over many past days
cannot slip under it. Beyond that it is held: one `held_adjustments` row
that counts in no balance, answered `{"status": "held", "review_id": ID}`.

Use cases for the CLI (`pos-hq review ...`) and the operators' console, each
run inside one writing transaction (`db.write(engine, lambda conn: ...)`):

- `list_held(conn, status="held") -> list[dict]`: the adjustments waiting (or decided).
- `approve(conn, review_id, operator, now) -> dict`: books the entry (on the
  member it names today: a merged code leads to the survivor) and publishes it
  through the feed like any ledger change, plus a `review` feed row.
- `reject(conn, review_id, operator, reason, now) -> dict`: books nothing and
  publishes a `review` feed row so the till drops its pending entry.

Both refuse a decided adjustment (`already_decided`) and an unknown id
(`unknown_review`); who decided, when and why is stored on the row.
Who may approve is the console's rule (hq/services/operators/held_review.py): an operator whose role's
APPROVAL limit (`max_approve_points` in hq/services/operators/roles.py) covers |points|; finance's is
above the default hold threshold, so what a till holds, finance can approve (docs/CONSOLE.md).
A `review` feed row: `{"review_id", "event_id", "entry_id", "member_code",
"points", "status": "approved" | "rejected", "reason"}`.
"""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import held_reasons, held_sales, payload, sales, trust, velocity
from hq.services.day_caps import hq_day
from hq.storage import counters, feed
from hq.storage import rules as published
from hq.storage.schema import events, held_adjustments
from hq.storage.schema import ledger as ledger_table
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry

from .payload import Rejected

HELD, APPROVED, REJECTED = "held", "approved", "rejected"
REVIEW_FEED = feed.REVIEW


# -- the push side -------------------------------------------------------------------------------


def adjusted(work: UnitOfWork, event: dict) -> dict | None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    points = payload.whole(p, "points", low=-payload.MAX_POINTS, high=payload.MAX_POINTS)
    reason = payload.text(p, "reason")
    supervisor = payload.text(p, "supervisor_id", optional=True)
    if supervisor is None:
        raise Rejected("supervisor_required", "an adjustment needs supervisor_id")
    if points == 0:
        raise Rejected("invalid_payload", "an adjustment of 0 points changes nothing")
    till_entries = payload.entries(work, p.get("ledger"))
    trust.check_entries(till_entries, {ledger.ADJUST: {state.code}})
    if trust.figures(till_entries) != [(state.code, ledger.ADJUST, points)]:
        raise Rejected("invalid_payload", "payload.ledger must be one adjust entry of payload.points")
    _, day = trust.event_when(work, event)
    velocity.note(work, "adjust", event, member=state.code)  # booked or held: the cashier asked for it
    expires = ledger.lot_expiry(day, work.rules.expiry_months) if points > 0 else None
    entry = Entry(trust.entry_id(event, ledger.ADJUST), state.code, ledger.ADJUST, points, day, expires)
    why = _over_policy(work, event["store_id"], day, points) or _over_received_day(work, event["store_id"], points)
    if why is None:
        work.add_entry(entry, event["event_id"])
        work.adjusted[(event["store_id"], day)] += abs(points)
        return None
    review_id = work.conn.execute(held_adjustments.insert().values(
        event_id=event["event_id"], store_id=event["store_id"], terminal_id=event["terminal_id"],
        member_code=state.code, entry_id=entry.entry_id, points=points, on_date=day, reason=reason,
        supervisor_id=supervisor, why_held=why, status=HELD, held_at=work.now,
    )).inserted_primary_key  # fmt: skip
    assert review_id is not None  # an INSERT always has one
    return {"event_id": event["event_id"], "status": HELD, "review_id": int(review_id[0]), "message": why}


def _over_policy(work: UnitOfWork, store_id: str, day: dt.date, points: int) -> str | None:
    policy = work.rules.trust
    if abs(points) > policy.max_adjust_points:
        return held_reasons.sentence("over_adjust", points=abs(points), limit=policy.max_adjust_points)
    key = (store_id, day)
    if key not in work.adjusted:
        work.adjusted[key] = _store_day_total(work.conn, store_id, day)
    if work.adjusted[key] + abs(points) > policy.max_adjust_store_day_points:
        return held_reasons.sentence(
            "over_store_day", store=store_id, limit=policy.max_adjust_store_day_points, day=day
        )
    return None


def _over_received_day(work: UnitOfWork, store_id: str, points: int) -> str | None:
    """Counts the adjustment on the day HQ receives it; over the cap it is taken back out and held."""
    cap = work.rules.trust.max_adjust_store_day_points
    received = hq_day(work.conn, work.now).isoformat()
    total = counters.add(work.conn, counters.ADJUST_STORE_DAY, store_id, received, work.now, abs(points)).amount
    if total <= cap:
        return None
    counters.take_back(work.conn, counters.ADJUST_STORE_DAY, store_id, received, abs(points))
    return held_reasons.sentence("over_store_received_day", store=store_id, limit=cap, day=received)


def _store_day_total(conn: Connection, store_id: str, day: dt.date) -> int:
    query = (
        sa.select(sa.func.coalesce(sa.func.sum(sa.func.abs(ledger_table.c.points)), 0))
        .select_from(ledger_table.join(events, events.c.event_id == ledger_table.c.event_id))
        .where(ledger_table.c.kind == ledger.ADJUST, ledger_table.c.on_date == day, events.c.store_id == store_id)
    )
    return int(conn.execute(query).scalar_one())


# -- the operator side ---------------------------------------------------------------------------


def list_held(conn: Connection, status: str | None = HELD) -> list[dict]:
    query = sa.select(held_adjustments).order_by(held_adjustments.c.review_id)
    if status:
        query = query.where(held_adjustments.c.status == status)
    return [_row(r) for r in conn.execute(query)]


def approve(conn: Connection, review_id: int, operator: str, now: dt.datetime) -> dict:
    row = _undecided(conn, review_id)
    work = UnitOfWork(conn, published.current(conn), now)
    state = work.resolve(row.member_code)
    if state is None:
        raise DomainError("unknown_member", f"Member {row.member_code} is gone")
    if row.kind == held_sales.SALE:
        _book_sale(work, row)
    else:
        _book_adjustment(work, row, state.code)
    _publish(work, row, state.code, APPROVED, None)
    work.flush()
    return _decide(conn, row, APPROVED, operator, None, now) | {"balance_after": state.balance}


def _book_sale(work: UnitOfWork, row) -> None:
    """The held sale's own event, booked exactly as its push would have (risk holds off: an operator said yes)."""
    body = work.conn.execute(sa.select(events.c.body).where(events.c.event_id == row.event_id)).scalar_one()
    work.reviewed = True
    try:
        sales.confirmed(work, json.loads(body))
    except Rejected as exc:  # e.g. the member was closed meanwhile: the operator rejects it instead
        raise DomainError(exc.reason, f"This held sale cannot be booked: {exc.message}") from None


def _book_adjustment(work: UnitOfWork, row, member_code: str) -> None:
    expires = ledger.lot_expiry(row.on_date, work.rules.expiry_months) if row.points > 0 else None
    entry = Entry(row.entry_id, member_code, ledger.ADJUST, int(row.points), row.on_date, expires)
    work.add_entry(entry, row.event_id)


def reject(conn: Connection, review_id: int, operator: str, reason: str, now: dt.datetime) -> dict:
    if not payload.is_plain(reason, 300):
        raise DomainError("invalid_reason", "A rejection needs a reason (printable, at most 300 characters)")
    row = _undecided(conn, review_id)
    work = UnitOfWork(conn, published.current(conn), now)
    _publish(work, row, row.member_code, REJECTED, reason)
    work.flush()
    return _decide(conn, row, REJECTED, operator, reason, now)


def _undecided(conn: Connection, review_id: int):
    query = sa.select(held_adjustments).where(held_adjustments.c.review_id == review_id).with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise DomainError("unknown_review", f"No held adjustment {review_id}")
    if row.status != HELD:
        raise DomainError("already_decided", f"Held adjustment {review_id} was already {row.status}")
    return row


def _publish(work: UnitOfWork, row, member_code: str, status: str, reason: str | None) -> None:
    data = {"review_id": int(row.review_id), "event_id": row.event_id, "entry_id": row.entry_id,
            "member_code": member_code, "points": int(row.points), "status": status, "reason": reason}  # fmt: skip
    work.publish(REVIEW_FEED, data, member_code)


def _decide(conn: Connection, row, status: str, operator: str, reason: str | None, now: dt.datetime) -> dict:
    conn.execute(
        sa.update(held_adjustments)
        .where(held_adjustments.c.review_id == row.review_id)
        .values(status=status, decided_at=now, decided_by=operator, decision_reason=reason)
    )
    decided = conn.execute(sa.select(held_adjustments).where(held_adjustments.c.review_id == row.review_id)).first()
    return _row(decided)


def _row(r) -> dict:
    def stamp(at):
        return at.isoformat() if at is not None else None

    return {
        "review_id": int(r.review_id), "event_id": r.event_id, "store_id": r.store_id, "terminal_id": r.terminal_id,
        "member_code": r.member_code, "points": int(r.points), "on": r.on_date.isoformat(), "reason": r.reason,
        "supervisor_id": r.supervisor_id, "why_held": r.why_held, "status": r.status, "held_at": stamp(r.held_at),
        "decided_at": stamp(r.decided_at), "decided_by": r.decided_by, "decision_reason": r.decision_reason,
        "kind": r.kind,
    }  # fmt: skip
