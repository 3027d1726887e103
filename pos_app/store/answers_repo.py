"""What the till writes for HQ's answers beyond applied / rejected: corrected, held, server_error.

- corrected: HQ booked its own figures for the event. The row is done, and the
  event's local entries are replaced by HQ's (confirmed), so the displayed
  balance is HQ's; the sale's spend takes HQ's figure too.
- held: HQ holds the event for review (an adjustment over HQ's policy, a sale
  beyond its risk numbers). The row is done (never pushed again) with status `held`; its entries leave the ledger
  for `held_entries`, so they count in no balance until HQ approves (the
  approved entries then arrive through the feed like any other).
- server_error: an event whose batch kept getting a 5xx is dead-lettered like a
  rejection, so it cannot block the queue behind it.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from loyalty_core.ledger import Entry

from .outbox_repo import HELD, PENDING, REJECTED, SENT
from .rows import LEDGER_COLUMNS, ledger_row
from .schema import held_entries, ledger, outbox, spend

SERVER_ERROR = "server_error"


class AnswersRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- corrected -----------------------------------------------------------------------------

    def replace_entries(self, event_id: str, entries: list[Entry], ref: str | None) -> None:
        """The event's entries become HQ's, confirmed (still this till's: `event_id` is kept)."""
        self.conn.execute(delete(ledger).where(ledger.c.event_id == event_id))
        self.conn.execute(delete(ledger).where(ledger.c.entry_id.in_([e.entry_id for e in entries])))
        if entries:
            rows = [ledger_row(e, ref=ref, event_id=event_id, confirmed=True) for e in entries]
            self.conn.execute(insert(ledger), [dict(zip(LEDGER_COLUMNS, r, strict=True)) for r in rows])

    def set_spend(self, member_code: str, ref: str, cents: int) -> None:
        """The sale's qualifying spend as HQ booked it (the tier follows through the feed)."""
        self.conn.execute(update(spend).where(spend.c.member_code == member_code, spend.c.ref == ref)
                          .values(cents=cents))  # fmt: skip

    # -- held ----------------------------------------------------------------------------------

    def hold(self, event_id: str, review_id: str | None, at: str) -> None:
        self.conn.execute(
            update(outbox).where(outbox.c.event_id == event_id, outbox.c.status == PENDING)
            .values(status=HELD, review_id=review_id, sent_at=at, last_error=None, attempts=outbox.c.attempts + 1)
        )  # fmt: skip
        rows = self.conn.execute(select(ledger).where(ledger.c.event_id == event_id)).all()
        if rows:
            self.conn.execute(insert(held_entries), [
                {"entry_id": r.entry_id, "event_id": event_id, "review_id": review_id, "member_code": r.member_code,
                 "kind": r.kind, "points": r.points, "on_date": r.on_date, "expires_on": r.expires_on, "ref": r.ref}
                for r in rows
            ])  # fmt: skip
            self.conn.execute(delete(ledger).where(ledger.c.event_id == event_id))

    def held_for(self, member_code: str) -> list[dict]:
        """The member's entries awaiting HQ's approval, newest first."""
        rows = self.conn.execute(
            select(held_entries).where(held_entries.c.member_code == member_code).order_by(held_entries.c.on_date.desc())
        )
        return [
            {"entry_id": r.entry_id, "member_code": r.member_code, "kind": r.kind, "points": r.points,
             "on": r.on_date, "expires_on": r.expires_on, "ref": r.ref, "review_id": r.review_id,
             "status": "awaiting_hq_approval"}
            for r in rows
        ]  # fmt: skip

    def held_points(self, member_code: str) -> int:
        total = select(func.coalesce(func.sum(held_entries.c.points), 0)).where(held_entries.c.member_code == member_code)
        return int(self.conn.execute(total).scalar_one())

    def settle_held(self, event_ids: set[str], approved: bool, at: str) -> int:
        """HQ decided: the hold ends (approved entries come through the feed as ledger rows)."""
        if not event_ids:
            return 0
        ids = sorted(event_ids)
        gone = self.conn.execute(delete(held_entries).where(held_entries.c.event_id.in_(ids))).rowcount
        status, error = (SENT, None) if approved else (REJECTED, "held_rejected: HQ rejected it on review")
        self.conn.execute(update(outbox).where(outbox.c.event_id.in_(ids), outbox.c.status == HELD)
                          .values(status=status, last_error=error, sent_at=at))  # fmt: skip
        return gone

    def any_held(self) -> bool:
        return self.conn.execute(select(held_entries.c.entry_id).limit(1)).first() is not None

    def held_event_ids(self, event_ids: set[str]) -> set[str]:
        if not event_ids:
            return set()
        q = select(held_entries.c.event_id).where(held_entries.c.event_id.in_(sorted(event_ids))).distinct()
        return set(self.conn.execute(q).scalars())

    # -- 5xx -----------------------------------------------------------------------------------

    def note_server_error(self, event_ids: list[str]) -> int:
        """Counts one more 5xx for each; returns the highest count among them."""
        if event_ids:
            self.conn.execute(update(outbox).where(outbox.c.event_id.in_(event_ids))
                              .values(server_errors=outbox.c.server_errors + 1))  # fmt: skip
        return self.server_errors(event_ids)

    def server_errors(self, event_ids: list[str]) -> int:
        q = select(func.coalesce(func.max(outbox.c.server_errors), 0)).where(outbox.c.event_id.in_(event_ids))
        return int(self.conn.execute(q).scalar_one())
