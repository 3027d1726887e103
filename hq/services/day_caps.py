"""Caps counted on the day HQ receives an event (HQ's clock, the chain's time zone), which a till cannot back-date.

- Adjustments per store: hq.services.held holds what would pass `trust.max_adjust_store_day_points`.
- Refunds without a receipt per store: each one beyond `trust.max_unreceipted_store_day_cents` is still applied
  (the till has paid the money out, and the return only takes points back), and it is flagged for review: an audit
  entry `risk.unreceipted_over_cap` naming the event, the terminal, the supervisor and the day's total.
"""

import datetime as dt

from sqlalchemy.engine import Connection

from hq.services import audit_chain
from hq.services.reports.period import business_day, chain_zone
from hq.storage import counters
from hq.storage import rules as published
from hq.storage.unit_of_work import UnitOfWork

UNRECEIPTED_OVER_CAP = "risk.unreceipted_over_cap"


def hq_day(conn: Connection, now: dt.datetime) -> dt.date:
    """HQ's business day now, in the chain's time zone (`time_zone` in the published rules)."""
    return business_day(now, chain_zone(published.current_document(conn)))


def count_unreceipted(work: UnitOfWork, event: dict, refund_cents: int) -> None:
    cap = work.rules.trust.max_unreceipted_store_day_cents
    store = event["store_id"]
    day = hq_day(work.conn, work.now).isoformat()
    total = counters.add(work.conn, counters.UNRECEIPTED_STORE_DAY, store, day, work.now, refund_cents).amount
    if total > cap:
        detail = {"event_id": event["event_id"], "terminal": event["terminal_id"], "refund_cents": refund_cents,
                  "day_total_cents": total, "cap_cents": cap, "hq_day": day,
                  "supervisor_id": event["payload"].get("supervisor_id")}  # fmt: skip
        audit_chain.record(work.conn, work.now, f"terminal:{store}/{event['terminal_id']}", UNRECEIPTED_OVER_CAP,
                           f"store:{store}", None, detail)  # fmt: skip
