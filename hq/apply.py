"""Applying pushed till events to the authoritative ledger, each event id at most once.

One push is one transaction: the batch is read into a `Work` set with a few
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

from loyalty_core import events as ev_types
from loyalty_core import ledger
from loyalty_core.errors import DomainError
from loyalty_core.member import with_changes
from loyalty_core.validation import normalize_phone

from . import bulk, consents, db, feed, payload
from . import rules as published
from .loyalty import flag_overdrafts, record_purchase
from .members import COUPON_REUSE, DUPLICATE_PHONE
from .merge import merge_duplicates
from .payload import Rejected
from .schema import events as events_table
from .work import Work

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
    work = Work(conn, published.current(conn), now)
    stored = _stored_hashes(conn, [e["event_id"] for e in batch])
    _preload(work, batch)
    results = [_apply_one(work, e, body, h, stored) for e, body, h in zip(batch, bodies, hashes, strict=True)]
    consents.record_pushed(conn, batch, results, now)  # consent on record (hq/consents.py)
    work.flush()
    return results


def _stored_hashes(conn: Connection, ids: list[str]) -> dict[str, str]:
    found = {}
    table = events_table.c
    for cond in bulk.among(conn, table.event_id, sorted(set(ids))) if ids else ():
        found.update(conn.execute(sa.select(table.event_id, table.body_hash).where(cond)).all())
    return found


def _preload(work: Work, batch: list[dict]) -> None:
    """Reads (and locks) everything the batch refers to with a handful of queries."""
    codes, phones, entry_ids, coupon_ids = set(), set(), set(), set()
    for e in batch:
        p = e["payload"]
        codes.add(_as_text(p.get("member_code")))
        member = p.get("member")
        if isinstance(member, dict):
            codes.add(_as_text(member.get("member_code")))
            phones.add(_phone(member.get("phone")))
        entries = p.get("ledger")
        for item in entries if isinstance(entries, list) else ():
            if isinstance(item, dict):
                codes.add(_as_text(item.get("member_code")))
                entry_ids.add(_as_text(item.get("entry_id")))
        coupon_ids.add(_as_text(p.get("coupon_id")))
    work.load(codes - {None}, phones - {None})
    work.load(s.member.referrer_code for s in list(work.members.values()) if s.member.referrer_code)
    work.preload_entries(entry_ids - {None})
    work.preload_coupon_uses(coupon_ids - {None})
    work.preload_spend(list(work.members))


def _as_text(value: object) -> str | None:
    return value if payload.is_plain(value) else None


def _phone(value: object) -> str | None:
    try:
        return normalize_phone(value) if isinstance(value, str) else None
    except DomainError:
        return None


def _apply_one(work: Work, event: dict, body: str, body_hash: str, stored: dict[str, str]) -> dict:
    event_id = event["event_id"]
    if event_id in stored:
        if stored[event_id] == body_hash:
            return {"event_id": event_id, "status": DUPLICATE}
        return _reject(work, event, Rejected("changed_body", "This event id was applied before with a different body"))
    try:
        HANDLERS[event["type"]](work, event)
    except Rejected as exc:
        return _reject(work, event, exc)
    stored[event_id] = body_hash
    work.event_rows.append({
        "event_id": event_id, "body_hash": body_hash, "store_id": event["store_id"],
        "terminal_id": event["terminal_id"], "seq": event["seq"], "type": event["type"],
        "occurred_at": event["occurred_at"], "received_at": work.now, "body": body,
    })  # fmt: skip
    return {"event_id": event_id, "status": APPLIED}


def _reject(work: Work, event: dict, exc: Rejected) -> dict:
    work.rejection_rows.append({
        "event_id": event["event_id"], "store_id": event["store_id"], "terminal_id": event["terminal_id"],
        "reason": exc.reason, "message": exc.message, "at": work.now,
    })  # fmt: skip
    return {"event_id": event["event_id"], "status": REJECTED, "reason": exc.reason, "message": exc.message}


# -- one handler per event type; each checks everything before it changes anything ------------


def _enrolled(work: Work, event: dict) -> None:
    p = event["payload"]
    state = payload.new_member(work, p.get("member"), event["store_id"])
    if work.get(state.code) is not None:
        raise Rejected("member_exists", f"Member {state.code} is already enrolled")
    entries = payload.entries(work, p.get("ledger"), pending=state)
    work.add_member(state)
    for entry in entries:
        work.add_entry(entry, event["event_id"])
    twin = work.active_with_phone(state.member.phone, exclude=state.code)
    if twin is not None:
        merge_duplicates(work, state, twin, event["event_id"])


def _updated(work: Work, event: dict) -> None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    if state.member.status == "closed":  # erased (hq/rights.py): a late edit must not bring the data back
        raise Rejected("member_closed", "This membership was closed at the member's request")
    changes = p.get("changes")
    if not isinstance(changes, dict) or not changes:
        raise Rejected("invalid_payload", "payload.changes must be a non-empty object")
    try:
        member, cleaned = with_changes(state.member, changes, work.today)
    except DomainError as exc:
        raise Rejected("invalid_payload", f"payload.changes: {exc.message}") from None
    work.update_member(state, member)
    if "phone" in cleaned and work.active_with_phone(member.phone, exclude=state.code):
        work.flag(state, DUPLICATE_PHONE)


def _sale(work: Work, event: dict) -> None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    spend = payload.whole(p, "spend_cents", default=0, low=0)
    coupon_id = payload.text(p, "coupon_id", optional=True)
    entries = payload.entries(work, p.get("ledger"))
    day = payload.business_day(work, event["occurred_at"])
    event_id = event["event_id"]
    for entry in entries:
        work.add_entry(entry, event_id)
    referral_included = any(e.kind == ledger.REFERRAL for e in entries)
    record_purchase(work, state, day, spend, event_id, referral_included)
    if coupon_id and not work.use_coupon(coupon_id, event_id, event["store_id"], state.code):
        work.flag(state, COUPON_REUSE)  # accepted: the goods are gone; a supervisor reviews it
    flag_overdrafts(work, entries)


def _returned(work: Work, event: dict) -> None:
    p = event["payload"]
    state = payload.member_state(work, payload.text(p, "member_code"))
    spend = payload.whole(p, "spend_cents", default=0, high=0)
    entries = payload.entries(work, p.get("ledger"))
    day = payload.business_day(work, event["occurred_at"])
    for entry in entries:
        work.add_entry(entry, event["event_id"])
    if spend:
        work.add_spend(state, day, spend, event["event_id"])


def _adjusted(work: Work, event: dict) -> None:
    p = event["payload"]
    payload.member_state(work, payload.text(p, "member_code"))
    for entry in payload.entries(work, p.get("ledger")):
        work.add_entry(entry, event["event_id"])


def _coupon_issued(work: Work, event: dict) -> None:
    p = event["payload"]
    coupon_id, code = payload.text(p, "coupon_id"), payload.text(p, "code", max_len=600)
    owner = payload.text(p, "member_code", optional=True)
    if owner is not None:
        owner = payload.member_state(work, owner).code
    row = {"coupon_id": coupon_id, "code": code, "member_code": owner,
           "issued_by": event["store_id"], "event_id": event["event_id"]}  # fmt: skip
    work.add_coupon(row)
    work.publish(feed.COUPON, {"coupon_id": coupon_id, "code": code, "member_code": owner}, owner)


HANDLERS: dict[str, Callable[[Work, dict], None]] = {
    ev_types.MEMBER_ENROLLED: _enrolled,
    ev_types.MEMBER_UPDATED: _updated,
    ev_types.SALE_CONFIRMED: _sale,
    ev_types.SALE_RETURNED: _returned,
    ev_types.POINTS_ADJUSTED: _adjusted,
    ev_types.COUPON_ISSUED: _coupon_issued,
}
