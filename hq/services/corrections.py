"""The corrections queue: tills whose figures HQ did not believe (hq/storage/corrections.py).

- `record_pushed`: one row per event of a push that HQ answered `corrected`, with the till's points and
  spend next to HQ's (called by `apply._push` in the push's transaction, before the feed is written).
- `waiting`: the rows an operator may see, newest first, open ones (nobody looked yet) or all.
- `acknowledge`: a person marks a row looked at, with a note; audited. HQ's figures were booked and
  reached the tills when the event was applied: acknowledging changes no balance.
"""

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import reviewed_rows
from hq.services.operators import audit
from hq.services.operators.roles import Operator
from hq.storage.corrections import corrections

CORRECTED = "corrected"
LIMIT = 200
REVIEWERS = reviewed_rows.REVIEWERS


def record_pushed(conn: Connection, batch: list[dict], results: list[dict], now: dt.datetime) -> None:
    rows = [_row(event, result, now) for event, result in zip(batch, results, strict=True)
            if result.get("status") == CORRECTED]  # fmt: skip
    if rows:
        conn.execute(corrections.insert(), rows)


def _row(event: dict, result: dict, now: dt.datetime) -> dict[str, Any]:
    till, hq = result.get("till") or {}, result.get("hq") or {}
    code = (event.get("payload") or {}).get("member_code")
    if code is None and isinstance((event.get("payload") or {}).get("member"), dict):
        code = event["payload"]["member"].get("member_code")  # an enrollment
    return {"event_id": event["event_id"], "type": event["type"], "store_id": event["store_id"],
            "terminal_id": event["terminal_id"], "member_code": str(code) if code else None,
            "till_points": int(till.get("points_earned") or 0), "hq_points": int(hq.get("points_earned") or 0),
            "till_spend_cents": int(till.get("spend_cents") or 0), "hq_spend_cents": int(hq.get("spend_cents") or 0),
            "at": now}  # fmt: skip


def waiting(conn: Connection, operator: Operator, store: str | None, include_done: bool = False) -> list[dict]:
    c = corrections.c
    query = sa.select(corrections).order_by(c.id.desc()).limit(LIMIT)
    if store is not None:
        query = query.where(c.store_id == store)
    if not include_done:
        query = query.where(c.reviewed_at.is_(None))
    rows = [dict(r._mapping) for r in conn.execute(query)]
    return [r for r in rows if operator.sees_store(r["store_id"])]


def acknowledge(conn: Connection, operator: Operator, correction_id: int, note: str, now: dt.datetime) -> None:
    row = reviewed_rows.mark(conn, corrections, correction_id, operator, note, now, what="correction")
    audit.record(conn, now, operator.username, "correction.acknowledge", f"event:{row.event_id}",
                 {"reviewed": False}, {"reviewed": True, "note": note, "store_id": row.store_id,
                                       "till_points": row.till_points, "hq_points": row.hq_points})  # fmt: skip
