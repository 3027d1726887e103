"""The yearly tier review: up to what was earned, down by at most one tier.

Each member records the review year that last saw them, so running the
review twice for one year changes nothing the second time (and a crashed run
can simply be started again).
"""

import datetime as dt
import functools
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.storage import db
from hq.storage import rules as published
from hq.storage.bulk import chunks
from hq.storage.schema import members
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core.member import ACTIVE

MEMBERS_PER_TRANSACTION = 500


def review(engine: Engine, at: dt.date, now: dt.datetime) -> dict:
    with db.read(engine) as conn:
        query = (
            sa.select(members.c.member_code)
            .where(members.c.status == ACTIVE)
            .where(sa.or_(members.c.reviewed_year.is_(None), members.c.reviewed_year < at.year))
            .order_by(members.c.member_code)
        )
        codes = list(conn.execute(query).scalars())
    totals = {"year": at.year, "at": at.isoformat(), "reviewed": 0, "up": 0, "down": 0}
    for part in chunks(codes, MEMBERS_PER_TRANSACTION):
        done = db.write(engine, functools.partial(_review, codes=part, at=at, now=now))
        for key in ("reviewed", "up", "down"):
            totals[key] += done[key]
    return totals


def _review(conn: Connection, codes: Sequence[str], at: dt.date, now: dt.datetime) -> dict:
    work = UnitOfWork(conn, published.current(conn), now, today=at)
    work.load(codes)
    work.preload_spend(codes)
    ladder = work.rules.ladder
    done = {"reviewed": 0, "up": 0, "down": 0}
    for code in codes:
        state = work.members.get(code)
        if state is None or not state.active or (state.reviewed_year or 0) >= at.year:
            continue  # merged or reviewed meanwhile
        before = ladder.rank(state.member.tier_code)
        tier = ladder.at_review(state.member.tier_code, work.rolling_spend(state))
        if tier.code != state.member.tier_code:
            work.set_tier(state, tier.code)
            done["up" if ladder.rank(tier.code) > before else "down"] += 1
        state.reviewed_year, state.dirty = at.year, True
        done["reviewed"] += 1
    work.flush()
    return done
