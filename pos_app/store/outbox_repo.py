"""The transactional outbox: events wait here until HQ has answered."""

import json

from sqlalchemy import Connection, func, select, update

from .engine import statements
from .schema import outbox

PENDING = "pending"
SENT = "sent"
REJECTED = "rejected"
HELD = "held"  # HQ has it and holds it for review: awaiting HQ approval
# A rejection whose reason starts so is parked, not final: HQ said "push it again later" (the
# member's enrollment may still come).
PARKED_REASON = "unknown_member"

# Every change writes one event; confirming a sale is the hottest one. Plain SQL on the DB-API
# connection (engine.statements): same transaction, less overhead.
_LAST_SEQ_SQL = "SELECT coalesce(max(seq), 0) FROM outbox"
_INSERT_SQL = (
    "INSERT INTO outbox (seq, event_id, type, body, created_at, status, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)"
)


class OutboxRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    def next_seq(self) -> int:
        return int(self.db.execute(_LAST_SEQ_SQL).fetchone()[0]) + 1

    def add(self, event: dict) -> None:
        body = json.dumps(event, ensure_ascii=False, sort_keys=True)
        self.db.execute(
            _INSERT_SQL, (event["seq"], event["event_id"], event["type"], body, event["occurred_at"], PENDING)
        )

    def pending(self, limit: int = 500) -> list[dict]:
        rows = self.conn.execute(
            select(outbox.c.body).where(outbox.c.status == PENDING).order_by(outbox.c.seq).limit(limit)
        )
        return [json.loads(b) for b in rows.scalars()]

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute(select(outbox.c.status, func.count()).group_by(outbox.c.status))
        found = {status: n for status, n in rows}
        return {s: found.get(s, 0) for s in (PENDING, SENT, REJECTED)}

    def oldest_pending_at(self) -> str | None:
        return self.conn.execute(
            select(outbox.c.created_at).where(outbox.c.status == PENDING).order_by(outbox.c.seq).limit(1)
        ).scalar()

    def mark(self, event_id: str, status: str, *, at: str, error: str | None = None) -> None:
        self.conn.execute(
            update(outbox)
            .where(outbox.c.event_id == event_id, outbox.c.status == PENDING)
            .values(status=status, sent_at=at, last_error=error, attempts=outbox.c.attempts + 1)
        )

    def note_failure(self, event_ids: list[str], error: str) -> None:
        self.conn.execute(
            update(outbox)
            .where(outbox.c.event_id.in_(event_ids))
            .values(attempts=outbox.c.attempts + 1, last_error=error[:500])
        )

    def rejected(self, limit: int = 200) -> list[dict]:
        rows = self.conn.execute(
            select(outbox).where(outbox.c.status == REJECTED).order_by(outbox.c.seq.desc()).limit(limit)
        )
        return [
            {"seq": r.seq, "event_id": r.event_id, "type": r.type, "reason": r.last_error, "at": r.sent_at,
             "event": json.loads(r.body)}
            for r in rows
        ]  # fmt: skip

    def held_count(self) -> int:
        return int(self.conn.execute(select(func.count()).where(outbox.c.status == HELD)).scalar_one())

    def held(self, limit: int = 200) -> list[dict]:
        rows = self.conn.execute(select(outbox).where(outbox.c.status == HELD).order_by(outbox.c.seq).limit(limit))
        return [
            {"seq": r.seq, "event_id": r.event_id, "type": r.type, "status": "awaiting_hq_approval",
             "review_id": r.review_id, "at": r.sent_at, "event": json.loads(r.body)}
            for r in rows
        ]  # fmt: skip
