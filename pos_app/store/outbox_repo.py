"""The transactional outbox: events wait here until HQ has answered."""

import json

from sqlalchemy import Connection, func, insert, select, update

from .schema import outbox

PENDING = "pending"
SENT = "sent"
REJECTED = "rejected"

# Built once (see members_repo): the statements every change runs.
_LAST_SEQ = select(func.coalesce(func.max(outbox.c.seq), 0))
_INSERT = insert(outbox)


class OutboxRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def next_seq(self) -> int:
        return int(self.conn.execute(_LAST_SEQ).scalar_one()) + 1

    def add(self, event: dict) -> None:
        self.conn.execute(
            _INSERT,
            {
                "seq": event["seq"],
                "event_id": event["event_id"],
                "type": event["type"],
                "body": json.dumps(event, ensure_ascii=False, sort_keys=True),
                "created_at": event["occurred_at"],
                "status": PENDING,
                "attempts": 0,
            },
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
