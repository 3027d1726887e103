"""Where a page of ledger entries came from: the store, and for an adjustment its reason and who stood behind it.

HQ stores an adjustment's reason and people in three places, by how it was booked:
- a till's adjustment within the trust policy: its `points.adjusted` event (`events.body`: payload.reason, a reason
  code such as "goodwill", and payload.supervisor_id, the supervisor who keyed it in at the till);
- a till's adjustment HQ held: `held_adjustments` (reason, supervisor_id, and decided_by, the operator who approved);
- an operator's adjustment from the console (member page, overdraft recovered / written off): its event id is
  "console:<username>:<entry_id>", and the reason (or note) is in that action's audit entry, whose target is the
  member (index ix_audit_log_target, migration 0014_e).
Only the page's own entries are looked up: a few primary-key reads, never the member's whole history.
"""

import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import audit_log, events, held_adjustments
from loyalty_core.ledger import ADJUST

CONSOLE_ACTIONS = {"member.adjust": None, "overdraft.recover": "recover", "overdraft.write_off": "write_off"}


def annotate(conn: Connection, code: str, rows: list[dict]) -> None:
    """Adds "store_id" to each row and, to adjustments, "reason", "reason_code", "supervisor", "approved_by",
    "operator" (None where HQ does not know)."""
    till_events = {r["event_id"] for r in rows if not r["event_id"].startswith("console:")}
    found = _events(conn, till_events)
    adjusts = [r for r in rows if r["kind"] == ADJUST]
    held = _held(conn, [r["entry_id"] for r in adjusts])
    console: dict[str, tuple[str | None, str | None]] = _console_reasons(conn, code) if any(r["event_id"].startswith("console:") for r in adjusts) else {}
    for r in rows:
        store, body = found.get(r["event_id"], (None, None))
        r["store_id"] = store
        if r["kind"] == ADJUST:
            r.update(_adjust_detail(r, body, held.get(r["entry_id"]), console.get(r["entry_id"])))


def _adjust_detail(row: dict, body: str | None, held, console: tuple[str | None, str | None] | None) -> dict:
    detail: dict[str, str | None] = {"reason": None, "reason_code": None, "supervisor": None, "approved_by": None, "operator": None}
    if row["event_id"].startswith("console:"):
        detail["operator"] = row["event_id"].split(":", 2)[1]
        if console is not None:
            detail["reason_code"], detail["reason"] = console
    elif held is not None:
        detail.update(reason_code=held.reason, supervisor=held.supervisor_id, approved_by=held.decided_by)
    elif body is not None:
        payload = _payload(body)
        detail.update(reason_code=_text(payload.get("reason")), supervisor=_text(payload.get("supervisor_id")))
    return detail


def _events(conn: Connection, event_ids: set[str]) -> dict[str, tuple[str, str | None]]:
    if not event_ids:
        return {}
    e = events.c
    # The body only of adjustments: a sale's body is the largest thing on the page and not shown.
    body = sa.case((e.type == "points.adjusted", e.body), else_=sa.null())
    query = sa.select(e.event_id, e.store_id, body.label("body")).where(e.event_id.in_(sorted(event_ids)))
    return {r.event_id: (r.store_id, r.body) for r in conn.execute(query)}


def _held(conn: Connection, entry_ids: list[str]) -> dict:
    if not entry_ids:
        return {}
    h = held_adjustments.c
    query = sa.select(h.entry_id, h.reason, h.supervisor_id, h.decided_by).where(h.entry_id.in_(entry_ids))
    return {r.entry_id: r for r in conn.execute(query)}


def _console_reasons(conn: Connection, code: str) -> dict[str, tuple[str | None, str | None]]:
    """entry_id -> (reason code or None, the operator's words) from the member's console adjustments' audit."""
    a = audit_log.c
    query = sa.select(a.action, a.after).where(a.target == code, a.action.in_(list(CONSOLE_ACTIONS)))
    out = {}
    for r in conn.execute(query):
        after = _payload(r.after)
        if isinstance(after.get("entry_id"), str):
            out[after["entry_id"]] = (CONSOLE_ACTIONS[r.action], _text(after.get("reason") or after.get("note")))
    return out


def _payload(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if isinstance(value, dict) and isinstance(value.get("payload"), dict):
        return value["payload"]
    return value if isinstance(value, dict) else {}


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
