"""HQ-side expiry: only HQ expires points, on HQ's clock, as explicit ledger entries.

Idempotent by construction: an `expire` entry consumes exactly the lot it
names (see `ledger.wallet`), so a second run finds nothing due and writes
nothing. The entry id also carries the length of the member's ledger, so two runs
racing on the same state produce the same id and only one is booked.
"""

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.storage import db
from hq.storage import rules as published
from hq.storage.bulk import chunks
from hq.storage.schema import ledger
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger as rules_ledger
from loyalty_core.ids import hq_entry_id
from loyalty_core.ledger import Entry, wallet

MEMBERS_PER_TRANSACTION = 200


def expire(engine: Engine, at: dt.date, now: dt.datetime) -> dict:
    with db.read(engine) as conn:
        codes = _candidates(conn, at)
    totals = {"at": at.isoformat(), "members": 0, "entries": 0, "points": 0}
    for part in chunks(codes, MEMBERS_PER_TRANSACTION):
        done = db.write(engine, functools.partial(_expire_members, codes=part, at=at, now=now))
        for key in ("members", "entries", "points"):
            totals[key] += done[key]
    return totals


def _candidates(conn: Connection, at: dt.date) -> list[str]:
    """Members holding at least one earning whose lot ended before `at` (maybe already expired)."""
    query = (
        sa.select(ledger.c.member_code)
        .where(ledger.c.points > 0, ledger.c.expires_on < at)
        .group_by(ledger.c.member_code)
        .order_by(ledger.c.member_code)
    )
    return list(conn.execute(query).scalars())


def _expire_members(conn: Connection, codes: Sequence[str], at: dt.date, now: dt.datetime) -> dict:
    work = UnitOfWork(conn, published.current(conn), now, today=at)
    work.load(codes)
    done = {"members": 0, "entries": 0, "points": 0}
    for code in codes:
        state = work.members.get(code)
        if state is None or not state.active:
            continue  # a merged member's lots already moved to the survivor
        entries = work.entries_of(code)
        due: dict[dt.date, int] = defaultdict(int)
        for lot in wallet(entries).due_to_expire(at):
            due[lot.expires_on] += lot.remaining
        mark = f"{len(entries)}"
        for expires_on, points in sorted(due.items()):
            entry_id = hq_entry_id("expire", code, expires_on.isoformat(), mark)
            entry = Entry(entry_id, code, rules_ledger.EXPIRE, -points, at, expires_on)
            if work.add_entry(entry, f"expire:{at.isoformat()}"):
                done["entries"] += 1
                done["points"] += points
        done["members"] += bool(due)
    work.flush()
    return done
