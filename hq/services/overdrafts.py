"""The overdraft queue: members whose balance went below zero (e.g. offline redemptions at two stores).

- `waiting(conn, operator, store)`: overdrawn active members the operator may see.
- `write_off(...)`: books a compensating `adjust` entry of exactly the deficit (balance back to 0),
  audited; the entry is a ledger feed row, so every till's copy of the balance matches HQ's at its
  next pull. Refuses a member who is not overdrawn (`not_overdrawn`): a second click books nothing.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services.operators import audit
from hq.services.operators.roles import Operator
from hq.storage import rules as published
from hq.storage.members import OVERDRAFT
from hq.storage.schema import members
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.errors import DomainError
from loyalty_core.ids import uuid7
from loyalty_core.ledger import Entry

LIMIT = 200


def waiting(conn: Connection, operator: Operator, store: str | None) -> list[dict]:
    m = members.c
    query = (
        sa.select(m.member_code, m.home_store, m.balance, m.flags)
        .where(m.status == "active", m.balance < 0)
        .order_by(m.balance, m.member_code)
        .limit(LIMIT)
    )
    if store is not None:
        query = query.where(m.home_store == store)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    return [r for r in rows if operator.sees_store(r["home_store"])]


def write_off(conn: Connection, operator: Operator, code: str, note: str, now: dt.datetime,
              today: dt.date) -> dict:  # fmt: skip
    work = UnitOfWork(conn, published.current(conn), now, today=today)
    state = work.resolve(code)
    if state is None or not operator.sees_store(state.member.home_store):
        raise DomainError("unknown_member", f"No member {code!r}")
    if state.balance >= 0:
        raise DomainError("not_overdrawn", "This member's balance is not below zero")
    before = state.balance
    # A positive adjust that never expires: it only fills the hole, it is not points to spend.
    entry = Entry(f"console:writeoff:{uuid7()}", state.code, ledger.ADJUST, -before, today, None)
    work.add_entry(entry, f"console:{operator.username}:{entry.entry_id}")
    work.flag(state, OVERDRAFT, on=False)
    work.flush()
    after = {"balance": state.balance, "points": -before, "note": note, "entry_id": entry.entry_id}
    audit.record(conn, now, operator.username, "overdraft.write_off", state.code, {"balance": before}, after)
    return after
