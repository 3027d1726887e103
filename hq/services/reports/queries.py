"""Report entry points shared by the API, the CLI and the console: refresh the rollups, then read."""

import csv
import datetime as dt
import io

from sqlalchemy.engine import Engine

from hq.storage import db
from hq.storage import rules as published
from loyalty_core.errors import DomainError

from . import rfm as rfm_
from . import rollup
from .period import business_day, chain_zone, parse_day, period
from .summary import summary as _summary


def rollup_now(engine: Engine, now: dt.datetime) -> dict:
    return rollup.ensure_fresh(engine, now)


def summary(engine: Engine, now: dt.datetime, start: object, end: object, store: object = None) -> dict:
    p = period(start, end, store)
    rollup.ensure_fresh(engine, now)
    with db.read(engine) as conn:
        return _summary(conn, p, published.current(conn))


def today(engine: Engine, now: dt.datetime) -> dt.date:
    with db.read(engine) as conn:
        return business_day(now, chain_zone(published.current_document(conn)))


def rfm_at(engine: Engine, now: dt.datetime, at: object, store: str | None = None) -> tuple[dt.date, list]:
    day = today(engine, now) if at in (None, "") else parse_day(at, "at")
    rollup.ensure_fresh(engine, now)
    with db.read(engine) as conn:
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
    """CSV of flat dicts (one report row each), columns in the given order."""
    columns = columns or (tuple(rows[0]) if rows else ())
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return out.getvalue()
