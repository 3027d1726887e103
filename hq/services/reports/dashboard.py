"""The dashboard's extra figures: active members over 30/90 days, cohort retention, and till health."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import members, rejections, stores, terminals
from loyalty_core.member import MERGED

from . import buyer_days
from .summary import buyer_counts, enrolled_before

COHORT_MONTHS = 6


def active(conn: Connection, at: dt.date, days: int, store: str | None) -> int:
    return buyer_counts(conn, at - dt.timedelta(days=days - 1), at, store)[0]


def _months_back(at: dt.date, n: int) -> list[str]:
    y, m, out = at.year, at.month, []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def _offset(cohort: str, month: str) -> int:
    return (int(month[:4]) - int(cohort[:4])) * 12 + int(month[5:7]) - int(cohort[5:7])


def _next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def cohort_size(conn: Connection, cohort: str, at: dt.date, store: str | None) -> int:
    """Live members enrolled in the month `cohort` (YYYY-MM) up to `at`: an index range count."""
    m = members.c
    query = sa.select(sa.func.count()).where(
        m.status != MERGED, m.enrolled_at >= cohort, m.enrolled_at < _next_month(cohort),
        enrolled_before(at + dt.timedelta(days=1)))  # fmt: skip
    if store is not None:
        query = query.where(m.home_store == store)
    return int(conn.execute(query).scalar_one())


def cohorts(conn: Connection, at: dt.date, store: str | None, months: int = COHORT_MONTHS) -> list[dict]:
    """For each of the last `months` enrollment months: its size and, per calendar month since, the share (bp)
    who bought. Read from rollup_cohorts (hq.services.reports.buyer_days), a few rows per cohort."""
    wanted = _months_back(at, months)
    bought = buyer_days.cohort_buyers(conn, wanted, store)
    out = []
    for cohort in wanted:
        size = cohort_size(conn, cohort, at, store)
        counts = [bought.get((cohort, month), 0) for month in wanted[wanted.index(cohort):]]
        out.append({"cohort": cohort, "members": size,
                    "retention_bp": [n * 10_000 // size if size else 0 for n in counts]})  # fmt: skip
    return out


def store_health(conn: Connection, store: str | None) -> list[dict]:
    """One row per store: its terminals with last contact (HQ's time of their last push, kept on the terminal
    row by every push: reading it is one row per terminal, not a scan of the events) and rejections."""
    query = sa.select(stores.c.store_id, stores.c.name).order_by(stores.c.store_id)
    if store is not None:
        query = query.where(stores.c.store_id == store)
    rows = {r.store_id: {"store_id": r.store_id, "name": r.name, "terminals": []} for r in conn.execute(query)}
    if not rows:
        return []
    j, t = rejections.c, terminals.c
    rejected = {(r.store_id, r.terminal_id): int(r.n) for r in conn.execute(
        sa.select(j.store_id, j.terminal_id, sa.func.count().label("n"))
        .where(j.store_id.in_(list(rows))).group_by(j.store_id, j.terminal_id))}  # fmt: skip
    # hq-trust adds clock-skew counters to terminals; shown when the columns exist.
    skew_cols = [getattr(t, n) for n in ("clock_skew_events", "clock_skew_at") if n in t]
    for r in conn.execute(sa.select(t.store_id, t.terminal_id, t.created_at, t.revoked_at, t.last_contact_at, *skew_cols)
                          .where(t.store_id.in_(list(rows))).order_by(t.store_id, t.terminal_id)):  # fmt: skip
        key = (r.store_id, r.terminal_id)
        rows[r.store_id]["terminals"].append({
            "terminal_id": r.terminal_id, "created_at": r.created_at, "revoked": r.revoked_at is not None,
            "last_contact": r.last_contact_at, "rejected": rejected.get(key, 0),
            "clock_skew_events": int(r.clock_skew_events or 0) if skew_cols else None,
            "clock_skew_at": getattr(r, "clock_skew_at", None),
        })  # fmt: skip
    for row in rows.values():
        contacts = [x["last_contact"] for x in row["terminals"] if x["last_contact"] is not None]
        row["last_contact"] = max(contacts) if contacts else None
        row["rejected"] = sum(x["rejected"] for x in row["terminals"])
    return list(rows.values())
