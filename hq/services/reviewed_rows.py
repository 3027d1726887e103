"""Marking a queue row looked at: the one step the corrections and reconciliation queues share.

The row's table has `store_id`, `reviewed_by`, `reviewed_at` and `note`. Another store's row is
answered like a missing one, and a row is marked once (the second person is told, nothing changes).
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from hq.services.operators.roles import ADMIN, FINANCE, STORE_MANAGER, Operator
from loyalty_core.errors import DomainError

REVIEWERS = (ADMIN, FINANCE, STORE_MANAGER)


def mark(conn: Connection, table: sa.Table, row_id: int, operator: Operator, note: str, now: dt.datetime,
         *, what: str) -> Row:  # fmt: skip
    """Marks row `row_id` reviewed by `operator` with `note`; returns the row as it was. `what` names the
    error codes: unknown_<what>, <what>_reviewed."""
    if not operator.policy.writes or operator.role not in REVIEWERS:
        raise DomainError("forbidden", "Your role may not review this queue")
    c = table.c
    row = conn.execute(sa.select(table).where(c.id == row_id)).first()
    if row is None or not operator.sees_store(row.store_id):
        raise DomainError(f"unknown_{what}", "No such row")  # another store's looks like none
    if row.reviewed_at is not None:
        raise DomainError(f"{what}_reviewed", "This was already reviewed")
    conn.execute(sa.update(table).where(c.id == row_id, c.reviewed_at.is_(None))
                 .values(reviewed_by=operator.username, reviewed_at=now, note=note))  # fmt: skip
    return row
