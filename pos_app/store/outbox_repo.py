"""The transactional outbox: events wait here until HQ has answered.

Plain SQL through the unit of work's handle (engine.statements), every statement: every change
writes one event here, and confirming a sale is the hottest one.
"""

import json
from typing import Any

from sqlalchemy import Connection

from .engine import statements
from .rows import body_text

PENDING = "pending"
SENT = "sent"
REJECTED = "rejected"
HELD = "held"  # HQ has it and holds it for review: awaiting HQ approval
# A rejection whose reason starts so is parked, not final: HQ said "push it again later" (the
# member's enrollment may still come).
PARKED_REASONS = ("unknown_member", "sale_held")  # (a return whose sale HQ holds for review)

_LAST_SEQ_SQL = "SELECT coalesce(max(seq), 0) FROM outbox"
_INSERT_SQL = (
    "INSERT INTO outbox (seq, event_id, type, body, created_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)"
)
_BODIES_SQL = "SELECT body FROM outbox WHERE status = ? ORDER BY seq LIMIT ?"
_COUNTS_SQL = "SELECT status, count(*) FROM outbox GROUP BY status"
_OLDEST_SQL = "SELECT created_at FROM outbox WHERE status = ? ORDER BY seq LIMIT 1"
_MARK_SQL = (
    "UPDATE outbox SET status = ?, sent_at = ?, last_error = ?, attempts = attempts + 1 WHERE event_id = ? AND status = ?"
)
_FAILURE_SQL = "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE event_id = ?"
_COUNT_SQL = "SELECT count(*) FROM outbox WHERE status = ?"
_LISTED = "SELECT seq, event_id, type, last_error, sent_at, review_id, body FROM outbox WHERE status = ?"
_REJECTED_SQL = _LISTED + " ORDER BY seq DESC LIMIT ?"
_HELD_SQL = _LISTED + " ORDER BY seq LIMIT ?"


class OutboxRepository:
    def __init__(self, conn: Connection) -> None:
        self.db = statements(conn)

    def next_seq(self) -> int:
        return int(self.db.execute(_LAST_SEQ_SQL).fetchone()[0]) + 1

    def add(self, event: dict[str, Any]) -> None:
        body = body_text(event)
        self.db.execute(
            _INSERT_SQL, (event["seq"], event["event_id"], event["type"], body, event["occurred_at"], PENDING)
        )

    def pending(self, limit: int = 500) -> list[dict[str, Any]]:
        return [json.loads(b) for (b,) in self.db.execute(_BODIES_SQL, (PENDING, limit))]

    def counts(self) -> dict[str, int]:
        found = dict(self.db.execute(_COUNTS_SQL).fetchall())
        return {s: found.get(s, 0) for s in (PENDING, SENT, REJECTED)}

    def oldest_pending_at(self) -> str | None:
        row = self.db.execute(_OLDEST_SQL, (PENDING,)).fetchone()
        return row[0] if row else None

    def mark(self, event_id: str, status: str, *, at: str, error: str | None = None) -> None:
        self.db.execute(_MARK_SQL, (status, at, error, event_id, PENDING))

    def note_failure(self, event_ids: list[str], error: str) -> None:
        self.db.executemany(_FAILURE_SQL, [(error[:500], e) for e in event_ids])

    def rejected(self, limit: int = 200) -> list[dict[str, Any]]:
        return [
            {"seq": seq, "event_id": event_id, "type": kind, "reason": error, "at": at, "event": json.loads(body)}
            for seq, event_id, kind, error, at, _review, body in self.db.execute(_REJECTED_SQL, (REJECTED, limit))
        ]

    def held_count(self) -> int:
        return int(self.db.execute(_COUNT_SQL, (HELD,)).fetchone()[0])

    def held(self, limit: int = 200) -> list[dict[str, Any]]:
        return [
            {"seq": seq, "event_id": event_id, "type": kind, "status": "awaiting_hq_approval", "review_id": review_id,
             "at": at, "event": json.loads(body)}
            for seq, event_id, kind, _error, at, review_id, body in self.db.execute(_HELD_SQL, (HELD, limit))
        ]  # fmt: skip
