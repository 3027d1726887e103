"""Failed console sign-ins counted per source (the client's address), on HQ's clock, in the database.

The per-account lock (accounts.py) stops anyone guessing one operator's password, but on its own it lets a
stranger who keeps typing wrong passwords keep that operator locked out. So failures are also counted per source:
SOURCE_MAX_FAILURES refused attempts within SOURCE_WINDOW and that source is refused for SOURCE_BLOCK, with the
same answer as a wrong password, before its attempts reach any account. From one source an attacker can then lock
an account for at most two lockouts in a row (2 x 15 minutes) before the source is blocked for an hour: never for
good. Refusals while blocked are not counted, so a block ends on time even for a source that keeps trying.

The counts live in the database so that every HQ worker sees the same ones; the clock is the app's (tests pin it).
Behind a reverse proxy the source is only the client's if the server trusts the proxy's forwarded address
(uvicorn --proxy-headers --forwarded-allow-ips); otherwise every operator shares the proxy's (docs/CONSOLE.md).
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import db
from hq.storage.schema import login_sources

from . import audit

SOURCE_MAX_FAILURES = 10
SOURCE_WINDOW = dt.timedelta(hours=1)
SOURCE_BLOCK = dt.timedelta(hours=1)
MAX_SOURCE = 64  # an IPv6 address with a zone fits
ACTOR = "console"  # the audit entry's actor when nobody is signed in


def source_of(host: str | None) -> str:
    return (host or "unknown")[:MAX_SOURCE]


def blocked(conn: Connection, source: str, now: dt.datetime) -> bool:
    until = conn.execute(sa.select(login_sources.c.blocked_until).where(login_sources.c.source == source)).scalar()
    return until is not None and _aware(until) > now


def record_failure(conn: Connection, source: str, now: dt.datetime) -> None:
    """Counts one refused sign-in from `source`; the one that reaches the limit starts a block (audited)."""
    now = now.astimezone(dt.UTC)
    t = login_sources
    _prune(conn, now)
    stale = t.c.window_start <= now - SOURCE_WINDOW  # an old count starts again at this failure
    stmt = db.dialect_insert(conn, t).values(source=source, window_start=now, failures=1)
    # One statement, so two workers counting the same source at once both count.
    conn.execute(stmt.on_conflict_do_update(index_elements=["source"], set_={
        "failures": sa.case((stale, 1), else_=t.c.failures + 1),
        "window_start": sa.case((stale, now), else_=t.c.window_start),
    }))  # fmt: skip
    failures = conn.execute(sa.select(t.c.failures).where(t.c.source == source)).scalar_one()
    if failures >= SOURCE_MAX_FAILURES:
        until = now + SOURCE_BLOCK
        conn.execute(sa.update(t).where(t.c.source == source).values(failures=0, window_start=now,
                                                                     blocked_until=until))  # fmt: skip
        audit.record(conn, now, ACTOR, "login.source_blocked", source, None,
                     {"failures": failures, "until": until.isoformat()})  # fmt: skip


def _prune(conn: Connection, now: dt.datetime) -> None:
    """Sources whose count and block are both over are forgotten (the table stays one window's worth)."""
    t = login_sources
    conn.execute(sa.delete(t).where(t.c.window_start <= now - SOURCE_WINDOW,
                                    sa.or_(t.c.blocked_until.is_(None), t.c.blocked_until <= now)))  # fmt: skip


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC
