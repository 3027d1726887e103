"""The dashboard's extra figures: active members over 30/90 days, cohort retention, and till health."""

import datetime as dt
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import events, members, rejections, rollup_buyers, stores, terminals
from loyalty_core.member import MERGED

from .summary import buyer_counts, enrolled_before

COHORT_MONTHS = 6


def active(conn: Connection, at: dt.date, days: int, store: str | None) -> int:
    return buyer_counts(conn, at - dt.timedelta(days=days - 1), at, store)[0]


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def _months_back(at: dt.date, n: int) -> list[str]:
    y, m, out = at.year, at.month, []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def _offset(cohort: str, month: str) -> int:
    return (int(month[:4]) - int(cohort[:4])) * 12 + int(month[5:7]) - int(cohort[5:7])


def cohorts(conn: Connection, at: dt.date, store: str | None, months: int = COHORT_MONTHS) -> list[dict]:
    """For each of the last `months` enrollment months: its size and, per month since, the share (bp) who bought."""
    wanted = _months_back(at, months)
    month_of = sa.func.substr(members.c.enrolled_at, 1, 7)
    query = sa.select(members.c.member_code, month_of).where(
        members.c.status != MERGED, members.c.enrolled_at >= wanted[0], enrolled_before(at + dt.timedelta(days=1))
    )
    if store is not None:
        query = query.where(members.c.home_store == store)
    cohort_of = dict(conn.execute(query).all())
    first_day = dt.date(int(wanted[0][:4]), int(wanted[0][5:]), 1)
    b = rollup_buyers.c
    bought: dict[str, set[str]] = defaultdict(set)  # member -> months with a purchase
    for code, day in conn.execute(
        sa.select(b.member_code, b.day).where(b.day.between(first_day, at), b.purchases > 0).distinct()
    ):
        if code in cohort_of:
            bought[code].add(_month(day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))))
    out = []
    for cohort in wanted:
        codes = [c for c, m in cohort_of.items() if m == cohort]
        span = _offset(cohort, wanted[-1]) + 1
        counts = [0] * span
        for code in codes:
            for month in bought.get(code, ()):
                k = _offset(cohort, month)
                if 0 <= k < span:
                    counts[k] += 1
        out.append({"cohort": cohort, "members": len(codes),
                    "retention_bp": [n * 10_000 // len(codes) if codes else 0 for n in counts]})  # fmt: skip
    return out


def store_health(conn: Connection, store: str | None) -> list[dict]:
    """One row per store: its terminals with last contact (HQ's receipt of their events) and rejections."""
    query = sa.select(stores.c.store_id, stores.c.name).order_by(stores.c.store_id)
    if store is not None:
        query = query.where(stores.c.store_id == store)
    rows = {r.store_id: {"store_id": r.store_id, "name": r.name, "terminals": []} for r in conn.execute(query)}
    if not rows:
        return []
    e, j, t = events.c, rejections.c, terminals.c
    last = {(r.store_id, r.terminal_id): r.at for r in conn.execute(
        sa.select(e.store_id, e.terminal_id, sa.func.max(e.received_at).label("at"))
        .where(e.store_id.in_(list(rows))).group_by(e.store_id, e.terminal_id))}  # fmt: skip
    rejected = {(r.store_id, r.terminal_id): int(r.n) for r in conn.execute(
        sa.select(j.store_id, j.terminal_id, sa.func.count().label("n"))
        .where(j.store_id.in_(list(rows))).group_by(j.store_id, j.terminal_id))}  # fmt: skip
    # hq-trust adds clock-skew counters to terminals; shown when the columns exist.
    skew_cols = [getattr(t, n) for n in ("clock_skew_events", "clock_skew_at") if n in t]
    for r in conn.execute(sa.select(t.store_id, t.terminal_id, t.created_at, t.revoked_at, *skew_cols)
                          .where(t.store_id.in_(list(rows))).order_by(t.store_id, t.terminal_id)):  # fmt: skip
        key = (r.store_id, r.terminal_id)
        rows[r.store_id]["terminals"].append({
            "terminal_id": r.terminal_id, "created_at": r.created_at, "revoked": r.revoked_at is not None,
            "last_contact": last.get(key), "rejected": rejected.get(key, 0),
            "clock_skew_events": int(r.clock_skew_events or 0) if skew_cols else None,
            "clock_skew_at": getattr(r, "clock_skew_at", None),
        })  # fmt: skip
    for row in rows.values():
        contacts = [x["last_contact"] for x in row["terminals"] if x["last_contact"] is not None]
        row["last_contact"] = max(contacts) if contacts else None
        row["rejected"] = sum(x["rejected"] for x in row["terminals"])
    return list(rows.values())
