"""Holding a sale for an operator: the push side of a held sale (the decision is hq.services.held's).

A held sale is one `held_adjustments` row of kind `sale`: the member, HQ's net points as it priced
them (for the operator's eye), the receipt number, why it is held. Nothing else is written: no ledger
entry, no spend, no tier change, no sale row for returns, no coupon use. Its event id is stored like
any other (so a retry is answered from the row, see `hq.services.apply`), and the event's body in
`events` is what an approval books, exactly as the push would have.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.members import MemberState
from hq.storage.schema import held_adjustments
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.ledger import Entry

from . import trust

HELD, SALE = "held", "sale"


def is_held(conn: Connection, receipt_no: str) -> bool:
    """A sale HQ holds for an operator under this receipt number (a return of it waits for the decision)."""
    h = held_adjustments.c
    query = sa.select(h.review_id).where(h.kind == SALE, h.status == HELD, h.reason == receipt_no[:80]).limit(1)
    return conn.execute(query).first() is not None


def hold(work: UnitOfWork, event: dict, state: MemberState, entries: list[Entry], receipt_no: str,
         day: dt.date, why: str) -> dict:  # fmt: skip
    entry_id = entries[0].entry_id if entries else trust.entry_id(event, ledger.EARN)
    review_id = work.conn.execute(held_adjustments.insert().values(
        event_id=event["event_id"], store_id=event["store_id"], terminal_id=event["terminal_id"],
        member_code=state.code, entry_id=entry_id, points=sum(e.points for e in entries), on_date=day,
        reason=receipt_no[:80], supervisor_id="", why_held=why[:200], status=HELD, held_at=work.now, kind=SALE,
    )).inserted_primary_key  # fmt: skip
    assert review_id is not None  # an INSERT always has one
    return {"event_id": event["event_id"], "status": HELD, "review_id": int(review_id[0]), "message": why[:200]}
