"""Report entry points shared by the API, the CLI and the console: refresh the rollups, then read."""

import datetime as dt

from sqlalchemy.engine import Engine

from hq.services import csv_export
from hq.storage import db
from hq.storage import rules as published
from loyalty_core.errors import DomainError

from . import dashboard as dash
from . import rfm as rfm_
from . import rollup
from .period import business_day, chain_zone, parse_day, period
from .summary import summary as _summary

REPORT_WORK_MEM = "64MB"  # per report transaction: a month of buyers grouped by member fits in memory


def rollup_now(engine: Engine, now: dt.datetime) -> dict:
    return rollup.ensure_fresh(engine, now)


def summary(engine: Engine, now: dt.datetime, start: object, end: object, store: object = None) -> dict:
    p = period(start, end, store)
    rollup.ensure_fresh(engine, now)
    with db.read(engine, REPORT_WORK_MEM) as conn:
        return _summary(conn, p, published.current(conn))


def dashboard(engine: Engine, now: dt.datetime, start: object, end: object, store: object = None) -> dict:
    """Everything the console's dashboard shows: the summary, active members over 30 and 90 days, the cohort
    chart's rows and the stores' till health."""
    figures = summary(engine, now, start, end, store)
    p = period(start, end, store)
    with db.read(engine, REPORT_WORK_MEM) as conn:
        # a 30-day range ending at `to` already counted its buyers: the summary's members_active
        last30 = figures["members_active"] if p.end - p.start == dt.timedelta(days=29) else None
        return {"summary": figures, "period": p,
                "active30": dash.active(conn, p.end, 30, p.store) if last30 is None else last30,
                "active90": dash.active(conn, p.end, 90, p.store),
                "cohorts": dash.cohorts(conn, p.end, p.store), "health": dash.store_health(conn, p.store)}  # fmt: skip


def today(engine: Engine, now: dt.datetime) -> dt.date:
    with db.read(engine) as conn:
        return business_day(now, chain_zone(published.current_document(conn)))


def rfm_at(engine: Engine, now: dt.datetime, at: object, store: str | None = None) -> tuple[dt.date, list]:
    day = today(engine, now) if at in (None, "") else parse_day(at, "at")
    rollup.ensure_fresh(engine, now)
    with db.read(engine, REPORT_WORK_MEM) as conn:
        return day, rfm_.score(conn, day, store)


def rfm(engine: Engine, now: dt.datetime, at: object = None, store: str | None = None) -> dict:
    day, scored = rfm_at(engine, now, at, store)
    return {"at": day.isoformat(), "window_days": rfm_.WINDOW_DAYS, "members_scored": len(scored),
            "segments": rfm_.segments(scored)}  # fmt: skip


def check_segment(segment: object) -> str:
    if segment not in rfm_.SEGMENTS:
        raise DomainError("invalid_segment", f"segment must be one of {', '.join(rfm_.SEGMENTS)}")
    return segment


def to_csv(rows: list[dict], columns: tuple[str, ...] | None = None) -> str:
    """CSV of flat dicts (one report row each), columns in the given order; cells made safe by csv_export."""
    columns = columns or (tuple(rows[0]) if rows else ())
    return csv_export.to_csv(columns, ([r.get(c) for c in columns] for r in rows))
