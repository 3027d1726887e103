"""The tamper-evident audit log: every entry carries the hash of the one before it.

One log for the whole of HQ: operators' console actions (the console's `hq.services.operators.audit.record`
has the same signature and columns and is meant to call `record` here) and the privacy actions
(exports, erasures, stops, consent changes, retention runs). Entries are kept `audit_retention_years`
(5 by default, RuleSet.privacy) and pruned from the oldest; the hash of the last pruned entry is kept
as the chain's anchor, so removing entries from the start is as visible as editing one.

    chain_hash = sha256(prev_hash | id | at | username | action | target | before | after)

`verify` walks the chain in id order and reports the first entry whose link or hash does not hold.
On PostgreSQL writers take an advisory lock before reading the last hash, so two transactions can
never both link to the same entry; SQLite writers are serialized anyway.
"""

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import db
from hq.storage.schema import audit_anchors, audit_log

GENESIS = "0" * 64
_LOCK_KEY = 7_270_005


def _stamp(at) -> str:
    at = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    if at.tzinfo is None:  # SQLite hands back naive UTC
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def link(prev_hash: str, entry_id: int, at, username: str, action: str, target: str, before: str, after: str) -> str:
    parts = [prev_hash, str(entry_id), _stamp(at), username, action, target, before, after]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _last_hash(conn: Connection) -> tuple[int, str]:
    row = conn.execute(sa.select(audit_log.c.id, audit_log.c.chain_hash).order_by(audit_log.c.id.desc())).first()
    if row is not None:
        return int(row.id), row.chain_hash
    anchor = conn.execute(sa.select(audit_anchors.c.through_id, audit_anchors.c.last_hash)
                          .order_by(audit_anchors.c.through_id.desc())).first()  # fmt: skip
    return (int(anchor.through_id), anchor.last_hash) if anchor else (0, GENESIS)


def record(conn: Connection, now: dt.datetime, username: str, action: str, target: str,
           before: object = None, after: object = None) -> int:  # fmt: skip
    """Appends an entry in the caller's transaction; returns its id."""
    now = now.astimezone(dt.UTC)  # SQLite keeps a datetime's wall time only: store UTC, as verify reads it
    if db.is_postgres(conn):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    last_id, prev = _last_hash(conn)
    entry_id = last_id + 1
    target = str(target)[:120]
    before_text = json.dumps(before, ensure_ascii=False, default=str, sort_keys=True)
    after_text = json.dumps(after, ensure_ascii=False, default=str, sort_keys=True)
    conn.execute(audit_log.insert().values(
        id=entry_id, at=now, username=username[:40], action=action[:40], target=target, before=before_text,
        after=after_text, prev_hash=prev,
        chain_hash=link(prev, entry_id, now, username[:40], action[:40], target, before_text, after_text),
    ))  # fmt: skip
    return entry_id


def verify(conn: Connection) -> dict:
    """{"ok", "entries", "first_broken": id | None, "problem"}: walks the whole chain."""
    anchor = conn.execute(sa.select(audit_anchors.c.through_id, audit_anchors.c.last_hash)
                          .order_by(audit_anchors.c.through_id.desc())).first()  # fmt: skip
    prev = anchor.last_hash if anchor else GENESIS
    expected_id = (int(anchor.through_id) if anchor else 0) + 1
    count = 0
    for r in conn.execute(sa.select(audit_log).order_by(audit_log.c.id)).yield_per(1000):
        count += 1
        problem = None
        if r.id != expected_id:
            problem = f"entry {expected_id} is missing"
        elif r.prev_hash != prev:
            problem = "does not link to the entry before it"
        elif r.chain_hash != link(prev, r.id, r.at, r.username, r.action, r.target, r.before, r.after):
            problem = "its contents were changed"
        if problem:
            return {"ok": False, "entries": count, "first_broken": int(r.id) if r.id == expected_id else expected_id,
                    "problem": problem}  # fmt: skip
        prev, expected_id = r.chain_hash, r.id + 1
    return {"ok": True, "entries": count, "first_broken": None, "problem": None}


def prune(conn: Connection, older_than: dt.datetime) -> int:
    """Drops entries recorded before `older_than` (the retention period), keeping the anchor."""
    last = conn.execute(sa.select(audit_log.c.id, audit_log.c.chain_hash).where(audit_log.c.at < older_than)
                        .order_by(audit_log.c.id.desc())).first()  # fmt: skip
    if last is None:
        return 0
    deleted = conn.execute(sa.delete(audit_log).where(audit_log.c.id <= last.id)).rowcount
    conn.execute(audit_anchors.insert().values(through_id=last.id, last_hash=last.chain_hash, at=older_than))
    return deleted
