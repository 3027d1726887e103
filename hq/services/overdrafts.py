"""The overdraft queue: members whose balance went below zero (e.g. offline redemptions at two stores).

- `waiting(conn, operator, store)`: overdrawn active members the operator may see, each with the last note.
- `annotate(...)`: a note on the case ("called her, she will come back"), audited; changes no balance.
- `recover(...)`: the member made the deficit good (paid for the points at the counter, brought the goods
  back): a compensating entry of exactly the deficit, with the money collected recorded for finance.
- `write_off(...)`: the chain absorbs the deficit: the same compensating entry, booked as a loss.
Recover and write off are audited and written to `overdraft_notes`; their entry is a ledger feed row, so
every till's copy of the balance matches HQ's at its next pull. Both refuse a member who is not overdrawn
(`not_overdrawn`): a second click books nothing. `history(...)` lists the cases closed lately.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services.operators import audit
from hq.services.operators.roles import Operator
from hq.storage import rules as published
from hq.storage.members import OVERDRAFT
from hq.storage.review_queues import overdraft_notes
from hq.storage.schema import members
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.errors import DomainError
from loyalty_core.ids import uuid7
from loyalty_core.ledger import Entry
from loyalty_core.money import check_amount

LIMIT = 200
NOTE, RECOVER, WRITE_OFF = "note", "recover", "write_off"


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
    rows = [dict(r._mapping) for r in conn.execute(query) if operator.sees_store(r.home_store)]
    last = _last_notes(conn, [r["member_code"] for r in rows])
    return [{**r, "last_note": last.get(r["member_code"])} for r in rows]


def history(conn: Connection, operator: Operator, store: str | None, limit: int = 50) -> list[dict]:
    """Recoveries and write-offs, newest first (a store manager's own store's members only)."""
    n, m = overdraft_notes.c, members.c
    query = (sa.select(n.member_code, n.action, n.note, n.points, n.collected_cents, n.by, n.at, m.home_store)
             .join(members, m.member_code == n.member_code).where(n.action != NOTE)
             .order_by(n.id.desc()).limit(limit))  # fmt: skip
    if store is not None:
        query = query.where(m.home_store == store)
    return [dict(r._mapping) for r in conn.execute(query) if operator.sees_store(r.home_store)]


def annotate(conn: Connection, operator: Operator, code: str, note: str, now: dt.datetime) -> None:
    m = members.c
    row = conn.execute(sa.select(m.member_code, m.home_store, m.balance).where(m.member_code == code)).first()
    if row is None or not operator.sees_store(row.home_store):
        raise DomainError("unknown_member", f"No member {code!r}")
    if row.balance >= 0:
        raise DomainError("not_overdrawn", "This member's balance is not below zero")
    _note(conn, operator, code, NOTE, note, 0, None, now)
    audit.record(conn, now, operator.username, "overdraft.annotate", code, None, {"note": note})


def recover(conn: Connection, operator: Operator, code: str, note: str, collected_cents: int, now: dt.datetime,
            today: dt.date) -> dict:  # fmt: skip
    check_amount(collected_cents, allow_zero=True)  # zero: the goods came back, no money changed hands
    return _compensate(conn, operator, code, note, now, today, RECOVER, collected_cents)


def write_off(conn: Connection, operator: Operator, code: str, note: str, now: dt.datetime,
              today: dt.date) -> dict:  # fmt: skip
    return _compensate(conn, operator, code, note, now, today, WRITE_OFF, None)


def _compensate(conn: Connection, operator: Operator, code: str, note: str, now: dt.datetime, today: dt.date,
                action: str, collected_cents: int | None) -> dict:  # fmt: skip
    work = UnitOfWork(conn, published.current(conn), now, today=today)
    state = work.resolve(code)
    if state is None or not operator.sees_store(state.member.home_store):
        raise DomainError("unknown_member", f"No member {code!r}")
    if state.balance >= 0:
        raise DomainError("not_overdrawn", "This member's balance is not below zero")
    before = state.balance
    # A positive adjust that never expires: it only fills the hole, it is not points to spend.
    prefix = "writeoff" if action == WRITE_OFF else action
    entry = Entry(f"console:{prefix}:{uuid7()}", state.code, ledger.ADJUST, -before, today, None)
    work.add_entry(entry, f"console:{operator.username}:{entry.entry_id}")
    work.flag(state, OVERDRAFT, on=False)
    work.flush()
    after = {"balance": state.balance, "points": -before, "note": note, "entry_id": entry.entry_id}
    if collected_cents is not None:
        after["collected_cents"] = collected_cents
    _note(conn, operator, state.code, action, note, -before, collected_cents, now)
    audit.record(conn, now, operator.username, f"overdraft.{action}", state.code, {"balance": before}, after)
    return after


def _note(conn: Connection, operator: Operator, code: str, action: str, note: str, points: int,
          collected_cents: int | None, now: dt.datetime) -> None:  # fmt: skip
    conn.execute(overdraft_notes.insert().values(member_code=code, action=action, note=note, points=points,
                                                 collected_cents=collected_cents, by=operator.username, at=now))  # fmt: skip


def _last_notes(conn: Connection, codes: list[str]) -> dict[str, dict]:
    if not codes:
        return {}
    n = overdraft_notes.c
    latest = sa.select(sa.func.max(n.id)).where(n.member_code.in_(codes)).group_by(n.member_code).scalar_subquery()
    rows = conn.execute(sa.select(n.member_code, n.action, n.note, n.by, n.at).where(n.id.in_(latest)))
    return {r.member_code: dict(r._mapping) for r in rows}
