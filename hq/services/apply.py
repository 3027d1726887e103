"""Applying pushed till events to the authoritative ledger, each event id at most once.

One push is one transaction: the batch is read into a `UnitOfWork` set with a few
bulk queries, every event is applied in order in memory, and the result is
written with one statement per table. A retry after a lost answer finds the
stored ids and answers `duplicate`; the same id with another body answers
`rejected` / `changed_body` and changes nothing.
"""

import datetime as dt
import hashlib
import json
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.services import consents, corrections, coupon_claims, held, payload, sales, strict, trust, velocity
from hq.storage import bulk, db, feed
from hq.storage import rules as published
from hq.storage.members import DUPLICATE_PHONE
from hq.storage.schema import events as events_table
from hq.storage.schema import held_adjustments, terminals
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import events as ev_types
from loyalty_core import ledger, phones
from loyalty_core.errors import DomainError
from loyalty_core.ids import referral_entry_id
from loyalty_core.member import with_changes

from .merge import merge_into_earlier
from .payload import Rejected

APPLIED, DUPLICATE, REJECTED = "applied", "duplicate", "rejected"
MAX_BATCH = 500


def canonical(event: dict) -> str:
    """The body HQ hashes, exactly as docs/SYNC_PROTOCOL.md defines it."""
    return json.dumps(event, sort_keys=True, separators=(",", ":"))


def push(engine: Engine, batch: list[dict], now: dt.datetime) -> list[dict]:
    """Applies a batch (already checked to belong to the pushing terminal); per-event results in order."""
    bodies = [canonical(e) for e in batch]
    hashes = [hashlib.sha256(b.encode()).hexdigest() for b in bodies]
    return db.write(engine, lambda conn: _push(conn, batch, bodies, hashes, now))


def _push(conn: Connection, batch: list[dict], bodies: list[str], hashes: list[str], now: dt.datetime) -> list[dict]:
    work = UnitOfWork(conn, published.current(conn), now)
    work.fresh_events = True
    if batch:
        _know_terminal(work, batch[0]["store_id"], batch[0]["terminal_id"])
    stored = _stored_hashes(conn, [e["event_id"] for e in batch])
    _preload(work, batch)
    results = [_apply_one(work, e, body, h, stored) for e, body, h in zip(batch, bodies, hashes, strict=True)]
    _answer_held_again(conn, results)
    consents.record_pushed(conn, batch, results, now)  # consent on record (hq/services/consents.py)
    corrections.record_pushed(conn, batch, results, now)  # HQ's figures over the till's, for review
    velocity.settle(work)  # fraud-farming counts and flags, once per push (hq/services/velocity.py)
    work.flush()
    return results


def _know_terminal(work: UnitOfWork, store_id: str, terminal_id: str) -> None:
    """Events before the terminal was provisioned are impossible (see hq.services.trust.event_when)."""
    key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
    created = work.conn.execute(sa.select(terminals.c.created_at).where(key)).scalar()
    work.terminal = (store_id, terminal_id)
    if created is not None:
        work.terminal_created_at = created if created.tzinfo else created.replace(tzinfo=dt.UTC)


def _stored_hashes(conn: Connection, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    table = events_table.c
    for cond in bulk.among(conn, table.event_id, sorted(set(ids))) if ids else ():
        found.update(conn.execute(sa.select(table.event_id, table.body_hash).where(cond)).all())
    return found


def _preload(work: UnitOfWork, batch: list[dict]) -> None:
    """Reads (and locks) everything the batch refers to with a handful of queries."""
    codes, phone_set, coupon_ids, receipts = set(), set(), set(), set()
    for e in batch:
        p = e["payload"]
        codes.add(_as_text(p.get("member_code")))
        member = p.get("member")
        if isinstance(member, dict):
            codes.add(_as_text(member.get("member_code")))
            phone_set.add(_phone(member.get("phone"), work.region_of(e["store_id"])))
        entries = p.get("ledger")
        for item in entries if isinstance(entries, list) else ():
            if isinstance(item, dict):
                codes.add(_as_text(item.get("member_code")))
        coupon_ids.add(_as_text(p.get("coupon_id")))
        if e["type"] in (ev_types.SALE_RETURNED, ev_types.SALE_CONFIRMED):  # returns check them, sales add them
            receipts.add(_as_text(p.get("receipt_no")))
    known = _known(codes)
    work.load(known, _known(phone_set))
    work.load(s.member.referrer_code for s in list(work.members.values()) if s.member.referrer_code)
    work.preload_coupon_uses(_known(coupon_ids))
    coupon_claims.preload(work, _known(coupon_ids))
    work.preload_sales(_known(receipts))
    work.preload_entries(referral_entry_id(c) for c in known)  # a first purchase's referral bonus
    work.preload_spend(list(work.members))


def _answer_held_again(conn: Connection, results: list[dict]) -> None:
    """A retry of an event HQ holds is answered as the first push was (`held`, its review id), so a till
    that lost that answer holds it too; once decided, `duplicate` (the decision reaches it by the feed).
    One query, and only when the batch has duplicates."""
    again: dict[str, list[dict]] = {}
    for r in results:
        if r["status"] == DUPLICATE:
            again.setdefault(r["event_id"], []).append(r)  # the same event twice in one batch: both answers
    if not again:
        return
    h = held_adjustments.c
    for cond in bulk.among(conn, h.event_id, sorted(again)):
        for row in conn.execute(sa.select(h.event_id, h.review_id, h.why_held).where(cond, h.status == held.HELD)):
            for answer in again[row.event_id]:
                answer.update(status=held.HELD, review_id=int(row.review_id), message=row.why_held)


def _known(values: set[str | None]) -> set[str]:
    return {v for v in values if v is not None}


def _as_text(value: object) -> str | None:
    return value if payload.is_plain(value) else None


def _phone(value: object, region: str) -> str | None:
    try:
        return phones.normalize(value, region) if isinstance(value, str) else None
    except DomainError:
        return None


def _apply_one(work: UnitOfWork, event: dict, body: str, body_hash: str, stored: dict[str, str]) -> dict:
    event_id = event["event_id"]
    if event_id in stored:
        if stored[event_id] == body_hash:
            return {"event_id": event_id, "status": DUPLICATE}
        return _reject(work, event, Rejected("changed_body", "This event id was applied before with a different body"))
    try:
        strict.check_event(event)
        answer = HANDLERS[event["type"]](work, event)
    except Rejected as exc:
        return _reject(work, event, exc)
    stored[event_id] = body_hash
    work.event_rows.append({
        "event_id": event_id, "body_hash": body_hash, "store_id": event["store_id"],
        "terminal_id": event["terminal_id"], "seq": event["seq"], "type": event["type"],
        "occurred_at": event["occurred_at"], "received_at": work.now, "body": body,
    })  # fmt: skip
    return answer or {"event_id": event_id, "status": APPLIED}


def _reject(work: UnitOfWork, event: dict, exc: Rejected) -> dict:
    work.rejection_rows.append({
        "event_id": event["event_id"], "store_id": event["store_id"], "terminal_id": event["terminal_id"],
        "reason": exc.reason, "message": exc.message, "at": work.now,
    })  # fmt: skip
    return {"event_id": event["event_id"], "status": REJECTED, "reason": exc.reason, "message": exc.message}


# -- one handler per event type; each checks everything before it changes anything ------------


def _enrolled(work: UnitOfWork, event: dict) -> dict | None:
    """HQ's base tier and the rules' own sign-up bonus, whatever the till wrote; entries for no one else."""
    p = event["payload"]
    state = payload.new_member(work, p.get("member"), event["store_id"])
    if work.get(state.code) is not None:
        raise Rejected("member_exists", f"Member {state.code} is already enrolled")
    at, day = trust.event_when(work, event)
    rules = trust.rules_for(work, event, at)
    till_entries = payload.entries(work, p.get("ledger"), pending=state)
    trust.check_entries(till_entries, {ledger.SIGNUP: {state.code}})
    entries = []
    if rules.signup_bonus_points:
        entries.append(ledger.Entry(trust.entry_id(event, ledger.SIGNUP), state.code, ledger.SIGNUP,
                                    rules.signup_bonus_points, day, ledger.lot_expiry(day, rules.expiry_months)))  # fmt: skip
    work.add_member(state)
    velocity.note(work, "enrolled", event, member=state.code)
    for entry in entries:
        work.add_entry(entry, event["event_id"])
    twin = work.active_with_phone(state.member.phone, exclude=state.code)
    if twin is not None:  # the member HQ accepted first survives, whatever enrolled_at says
        merge_into_earlier(work, state, twin, event["event_id"])
    if trust.figures(entries) == trust.figures(till_entries):
        return None
    points = {"points_earned": sum(e.points for e in entries), "spend_cents": 0}
    return trust.corrected(event, entries, {"points_earned": sum(e.points for e in till_entries), "spend_cents": 0},
                           points)


def _updated(work: UnitOfWork, event: dict) -> None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    if state.member.status == "closed":  # erased (hq/services/rights.py): a late edit must not bring the data back
        raise Rejected("member_closed", "This membership was closed at the member's request")
    changes = p.get("changes")
    if not isinstance(changes, dict) or not changes:
        raise Rejected("invalid_payload", "payload.changes must be a non-empty object")
    try:
        member, cleaned = with_changes(state.member, changes, work.today, work.region_of(event["store_id"]))
    except DomainError as exc:
        raise Rejected("invalid_payload", f"payload.changes: {exc.message}") from None
    work.update_member(state, member)
    if "phone" in cleaned and work.active_with_phone(member.phone, exclude=state.code):
        work.flag(state, DUPLICATE_PHONE)


def _coupon_issued(work: UnitOfWork, event: dict) -> None:
    p = event["payload"]
    coupon_id, code = payload.text(p, "coupon_id"), payload.text(p, "code", max_len=600)
    owner = payload.text(p, "member_code", optional=True)
    if owner is not None:
        owner = payload.member_state(work, owner).code
    row = {"coupon_id": coupon_id, "code": code, "member_code": owner,
           "issued_by": event["store_id"], "event_id": event["event_id"]}  # fmt: skip
    work.add_coupon(row)
    work.publish(feed.COUPON, {"coupon_id": coupon_id, "code": code, "member_code": owner}, owner)


# Each returns None (applied as sent) or its own answer (`corrected`, `held`).
HANDLERS: dict[str, Callable[[UnitOfWork, dict], dict | None]] = {
    ev_types.MEMBER_ENROLLED: _enrolled,
    ev_types.MEMBER_UPDATED: _updated,
    ev_types.SALE_CONFIRMED: sales.confirmed,
    ev_types.SALE_RETURNED: sales.returned,
    ev_types.POINTS_ADJUSTED: held.adjusted,
    ev_types.COUPON_ISSUED: _coupon_issued,
}
