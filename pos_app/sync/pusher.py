"""Pushing the outbox to HQ: in seq order, in batches, marked only on HQ's answer.

For each batch HQ answers per event:

- applied / duplicate: the row is marked sent and the event's ledger entries
  confirmed, in one local transaction. A retry after a lost answer gets
  `duplicate` (HQ keeps every event id forever), so nothing is applied twice.
- rejected: a business answer. The row is parked as `rejected` with HQ's
  reason (the dead-letter list a supervisor sees) and the queue moves on.
  HQ asks for two reasons to be pushed again later: `unknown_member` (HQ has
  not seen that member's enrollment yet) and `sale_held` (a return of a sale
  HQ holds for an operator): such rows are tried again every
  `parked_interval` seconds, outside the queue, until HQ takes them.

- corrected: HQ booked its own figures (`entries`, `hq`): the row is done and
  the event's local entries are replaced by HQ's, so the balance shown is HQ's.
- held (`review_id`): HQ holds the event for review (an adjustment over its
  policy, a sale beyond its risk numbers or claiming more of a coupon than
  HQ issued). The row is done, shown as "awaiting HQ approval", and its points
  count in no balance until HQ's decision arrives through the feed.

If HQ refuses a whole batch as malformed (400/422), the batch is split in
halves until the one event HQ cannot read is found; that event alone is
dead-lettered and the rest go through. A batch HQ keeps answering with a 5xx
(other than 502/503/504, which say HQ is down, not that an event is bad) is
split the same way once one of its events has had `POISON_TRIES` of them: the
one event HQ fails on is parked as `server_error` (the supervisor's dead-letter
list) and the events behind it go through. Any other failure leaves every row
pending (with the error noted) for the engine to retry later.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry

from ..services.uow import UnitOfWork
from ..store.answers_repo import SERVER_ERROR
from ..store.outbox_repo import PENDING
from .hq_client import AuthError, HqClient, PermanentError, Stopped, TransientError

log = logging.getLogger(__name__)

# HQ stored the event: as sent, or `corrected` (HQ booked its own figures, which reach this till through
# the feed under the same entry ids) or `held` (an adjustment or a sale waiting for an HQ operator).
APPLIED_STATUSES = ("applied", "duplicate", "corrected", "held")

MAX_BATCH = 500
PARKED_INTERVAL = 600.0  # seconds between two tries of the events HQ parked (unknown_member, sale_held)
_UNREADABLE = (413, 422)  # HQ refused the batch as invalid: find the one event it cannot take
POISON_TRIES = 5  # 5xx answers to an event's batch before the event is isolated and parked
_OUTAGE = (502, 503, 504)  # HQ (or its gateway) is down: no event is to blame, all wait


@dataclass
class PushSummary:
    batches: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    rejected_ids: list[str] = field(default_factory=list)
    unparked: int = 0  # parked events HQ took on a later try
    corrected: int = 0  # HQ booked its own figures instead of ours
    held: int = 0  # HQ holds them for review

    @property
    def sent(self) -> int:
        return self.applied + self.duplicate

    @property
    def answered(self) -> int:
        return self.sent + self.held + self.rejected

    def to_dict(self) -> dict:
        return {"batches": self.batches, "applied": self.applied, "duplicate": self.duplicate,
                "rejected": self.rejected, "unparked": self.unparked, "corrected": self.corrected,
                "held": self.held}  # fmt: skip


class Pusher:
    def __init__(self, uow_factory: Callable, client: HqClient, *, batch_size: int = MAX_BATCH,
                 now: Callable[[], str], before_commit: Callable[[str, int], None] | None = None) -> None:  # fmt: skip
        self._uow = uow_factory
        self._before_commit = before_commit  # tests: ("push", events answered) just before COMMIT
        self.halt = threading.Event()  # set by the engine's stop(): no new batch is started
        self.on_progress: Callable[[], None] | None = None  # after each batch HQ answered
        self.parked_interval = PARKED_INTERVAL
        self._parked_at: float | None = time.monotonic()  # the first try comes one interval after start
        self.client = client
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self._now = now

    def pending_count(self) -> int:
        with self._uow(read_only=True) as uow:
            return uow.outbox.counts()[PENDING]

    def push_all(self, max_batches: int | None = None) -> PushSummary:
        """Pushes until the outbox is empty (or `max_batches`); raises on a failure that stops the queue."""
        summary = PushSummary()
        while max_batches is None or summary.batches < max_batches:
            if self.halt.is_set():
                raise Stopped()
            with self._uow(read_only=True) as uow:
                events = uow.outbox.pending(self.batch_size)
            if not events:
                break
            before = summary.answered
            self._push(events, summary)
            if summary.answered == before:  # HQ answered, but about none of them
                raise TransientError("no_progress", "HQ's answer did not cover any event of the batch")
        if max_batches is None:
            self._retry_parked(summary)
        return summary

    def _retry_parked(self, summary: PushSummary) -> None:
        """Events HQ parked go again now and then: their member may have arrived, or the held sale been decided."""
        now = time.monotonic()
        if self._parked_at is not None and now - self._parked_at < self.parked_interval:
            return
        self._parked_at = now
        with self._uow(read_only=True) as uow:
            events = uow.sync.parked(self.batch_size)
        if not events:
            return
        results = self.client.push(events)  # failures: as for any batch (the engine retries later)
        by_id = {r.get("event_id"): r for r in results if isinstance(r, dict)}
        taken, still = [], []
        for event in events:
            answer = by_id.get(event["event_id"]) or {}
            if answer.get("status") in APPLIED_STATUSES:
                taken.append(event["event_id"])
            elif answer.get("status") == "rejected":
                reason = str(answer.get("reason") or "rejected")
                message = answer.get("message")
                still.append((event["event_id"], f"{reason}: {message}" if message else reason))
        with self._uow() as uow:
            uow.sync.unpark(taken, self._now())
            uow.sync.note_parked_again(still)
            uow.commit()
        summary.unparked += len(taken)

    def _push(self, events: list[dict], summary: PushSummary) -> None:
        summary.batches += 1
        try:
            results = self.client.push(events)
        except AuthError:
            raise
        except PermanentError as exc:
            if exc.status not in _UNREADABLE:
                self._note_failure(events, exc)
                raise
            if len(events) == 1:  # the one event HQ cannot read: dead-letter it, move on
                self._dead_letter(events[0], f"{exc.code}: {exc.message}", summary)
                return
            half = len(events) // 2
            log.warning("HQ refused a batch of %d (%s); splitting it", len(events), exc.code)
            self._push(events[:half], summary)
            self._push(events[half:], summary)
            return
        except TransientError as exc:
            self._note_failure(events, exc)
            if not self._is_poisoned(events, exc):
                raise
            if len(events) == 1:  # HQ fails on this one event every time: park it, move on
                self._dead_letter(events[0], f"{SERVER_ERROR}: {exc.code}: {exc.message}", summary)
                return
            half = len(events) // 2
            log.warning("HQ keeps failing a batch of %d (%s); splitting it", len(events), exc.code)
            self._push(events[:half], summary)
            self._push(events[half:], summary)
            return
        self._record(events, results, summary)

    def _is_poisoned(self, events: list[dict], exc: TransientError) -> bool:
        """A 5xx HQ keeps giving for this batch, not an outage: some event in it may be what fails."""
        if exc.status is None or exc.status < 500 or exc.status in _OUTAGE or isinstance(exc, Stopped):
            return False
        with self._uow() as uow:
            worst = uow.answers.note_server_error([e["event_id"] for e in events])
            uow.commit()
        return worst >= POISON_TRIES

    def _record(self, events: list[dict], results: list[dict], summary: PushSummary) -> None:
        by_id = {r.get("event_id"): r for r in results if isinstance(r, dict)}
        sent, rejected, corrected, held = [], [], [], []
        for event in events:
            answer = by_id.get(event["event_id"]) or {}
            status = answer.get("status")
            if status in ("applied", "duplicate"):  # corrected and held (stored too) have their own branches
                sent.append(event["event_id"])
                summary.applied += status == "applied"
                summary.duplicate += status == "duplicate"
            elif status == "corrected":  # HQ has it, with its own figures
                sent.append(event["event_id"])
                corrected.append((event, answer))
                summary.applied += 1
                summary.corrected += 1
            elif status == "held":  # HQ has it and counts it nowhere until an operator decides
                held.append((event["event_id"], _text(answer.get("review_id"))))
                summary.held += 1
            elif status == "rejected":
                reason = str(answer.get("reason") or "rejected")
                message = answer.get("message")
                rejected.append((event["event_id"], f"{reason}: {message}" if message else reason))
                summary.rejected_ids.append(event["event_id"])
        summary.rejected += len(rejected)
        with self._uow() as uow:
            at = self._now()
            uow.sync.mark_sent(sent, at)
            for event, answer in corrected:
                _take_correction(uow, event, answer)
            for event_id, review_id in held:
                uow.answers.hold(event_id, review_id, at)
            uow.sync.mark_rejected(rejected, at)
            if self._before_commit:
                self._before_commit("push", summary.sent + summary.rejected)
            uow.commit()
        if self.on_progress:
            self.on_progress()

    def _dead_letter(self, event: dict, reason: str, summary: PushSummary) -> None:
        with self._uow() as uow:
            uow.sync.mark_rejected([(event["event_id"], reason)], self._now())
            uow.commit()
        summary.rejected += 1
        summary.rejected_ids.append(event["event_id"])

    def _note_failure(self, events: list[dict], exc: Exception) -> None:
        try:
            with self._uow() as uow:
                uow.outbox.note_failure([e["event_id"] for e in events], str(exc))
                uow.commit()
        except Exception:  # noting is best effort; the rows stay pending either way
            log.exception("could not note a push failure")


def _text(value: object, max_len: int = 80) -> str | None:
    return str(value)[:max_len] if isinstance(value, str | int) and not isinstance(value, bool) else None


def _take_correction(uow: UnitOfWork, event: dict, answer: dict) -> None:
    """HQ's booked entries replace the event's own; an answer we cannot read keeps ours (the nightly
    reconciliation then brings HQ's balance)."""
    try:
        entries = [Entry.from_dict(d) for d in answer.get("entries") or ()]
        if not all(isinstance(e.points, int) and not isinstance(e.points, bool) for e in entries):
            raise TypeError("points")
    except (AttributeError, KeyError, TypeError, ValueError, DomainError):
        log.warning("HQ corrected event %s with entries we cannot read; keeping ours", event.get("event_id"))
        return
    p = event.get("payload") or {}
    ref = p.get("receipt_no") or p.get("return_no") or p.get("reason")
    uow.answers.replace_entries(event["event_id"], entries, ref)
    figures = answer.get("hq")
    cents = figures.get("spend_cents") if isinstance(figures, dict) else None
    if isinstance(cents, int) and not isinstance(cents, bool) and p.get("member_code") and ref:
        uow.answers.set_spend(p["member_code"], ref, cents)
