"""The chain summary: the same figures for the API, the CLI and the dashboard.

Money and points come from the daily rollups (hq.services.reports.rollup), so a 30-day range
reads 30 x stores rows, never the ledger. Member counts come from `members`.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import members, rollup_buyers, rollup_daily
from loyalty_core.member import MERGED
from loyalty_core.rules import RuleSet

from . import buyer_days
from .period import Period

BP = 10_000
FIELDS = ("from", "to", "store", "members_total", "members_new", "members_active", "sales_count", "sales_cents",
          "points_issued", "points_redeemed", "points_expired", "points_outstanding", "liability_cents",
          "redemption_rate_bp", "repurchase_rate_bp", "buyers", "repeat_buyers")  # fmt: skip


def enrolled_day():
    """The enrollment's business day as the till wrote it (ISO text: its first ten characters)."""
    return sa.func.substr(members.c.enrolled_at, 1, 10)


def enrolled_before(day: dt.date):
    """Enrolled on a business day before `day`: ISO text compares like its date, and the index
    ix_members_enrolled_at serves it."""
    return members.c.enrolled_at < day.isoformat()


def summary(conn: Connection, p: Period, rules: RuleSet) -> dict:
    flows = flows_in(conn, p)
    outstanding = outstanding_at(conn, p.end, p.store)
    buyers, repeat = buyer_counts(conn, p.start, p.end, p.store)
    redeem = rules.redeem
    return {
        "from": p.start.isoformat(), "to": p.end.isoformat(), "store": p.store,
        "members_total": members_total(conn, p.end, p.store),
        "members_new": members_new(conn, p.start, p.end, p.store),
        "members_active": buyers,
        **flows,
        "points_outstanding": outstanding,
        # integer math: outstanding points at the program's redemption value, rounded down
        "liability_cents": outstanding * redeem.cents_per_step // redeem.points_per_step if outstanding > 0 else 0,
        "redemption_rate_bp": flows["points_redeemed"] * BP // flows["points_issued"] if flows["points_issued"] else 0,
        "repurchase_rate_bp": repeat * BP // buyers if buyers else 0,
        "buyers": buyers, "repeat_buyers": repeat,
    }  # fmt: skip


def _store_filter(column, store: str | None):
    return sa.true() if store is None else column == store


def flows_in(conn: Connection, p: Period) -> dict:
    c = rollup_daily.c
    names = ("sales_count", "sales_cents", "points_issued", "points_redeemed", "points_expired")
    row = conn.execute(
        sa.select(*[sa.func.coalesce(sa.func.sum(getattr(c, n)), 0) for n in names])
        .where(c.day.between(p.start, p.end), _store_filter(c.store_id, p.store))
    ).one()  # fmt: skip
    return {n: int(v) for n, v in zip(names, row, strict=True)}


def outstanding_at(conn: Connection, at: dt.date, store: str | None) -> int:
    c = rollup_daily.c
    query = sa.select(sa.func.coalesce(sa.func.sum(c.points_net), 0)).where(c.day <= at, _store_filter(c.store_id, store))
    return int(conn.execute(query).scalar_one())


def buyer_counts(conn: Connection, start: dt.date, end: dt.date, store: str | None) -> tuple[int, int]:
    """(members who bought in the period, those of them who bought at least twice)."""
    if store is None:
        return buyer_days.counts(conn, start, end)  # the linked days: no grouping of a month's buyers
    c = rollup_buyers.c
    per_member = (
        sa.select(c.member_code, sa.func.sum(c.purchases).label("n"))
        .where(c.day.between(start, end), _store_filter(c.store_id, store))
        .group_by(c.member_code)
        .subquery()
    )
    query = sa.select(
        sa.func.count().filter(per_member.c.n >= 1), sa.func.count().filter(per_member.c.n >= 2)
    ).select_from(per_member)
    buyers, repeat = conn.execute(query).one()
    return int(buyers or 0), int(repeat or 0)


def members_total(conn: Connection, at: dt.date, store: str | None) -> int:
    query = sa.select(sa.func.count()).where(
        members.c.status != MERGED, enrolled_before(at + dt.timedelta(days=1)), _store_filter(members.c.home_store, store)
    )
    return int(conn.execute(query).scalar_one())


def members_new(conn: Connection, start: dt.date, end: dt.date, store: str | None) -> int:
    query = sa.select(sa.func.count()).where(
        members.c.status != MERGED,
        members.c.enrolled_at >= start.isoformat(),
        enrolled_before(end + dt.timedelta(days=1)),
        _store_filter(members.c.home_store, store),
    )
    return int(conn.execute(query).scalar_one())
