"""Refused console sign-ins counted per source in the database (SQLite and PostgreSQL), on HQ's clock."""

import datetime as dt

import sqlalchemy as sa

from hq.services.operators import throttle
from hq.storage import db
from hq.storage.schema import login_sources

SOURCE = "198.51.100.9"


def fail(hq, times: int, source: str = SOURCE) -> None:
    for _ in range(times):
        db.write(hq.engine, lambda conn: throttle.record_failure(conn, source, hq.clock()))


def blocked(hq, source: str = SOURCE) -> bool:
    with db.read(hq.engine) as conn:
        return throttle.blocked(conn, source, hq.clock())


def row(hq, source: str = SOURCE):
    with db.read(hq.engine) as conn:
        return conn.execute(sa.select(login_sources).where(login_sources.c.source == source)).first()


def test_a_source_is_blocked_at_the_limit_for_the_block_time_and_only_that_source(hq):
    fail(hq, throttle.SOURCE_MAX_FAILURES - 1)
    assert not blocked(hq) and row(hq).failures == throttle.SOURCE_MAX_FAILURES - 1
    fail(hq, 1)
    assert blocked(hq) and not blocked(hq, "198.51.100.10")
    assert hq.scalar("SELECT count(*) FROM audit_log WHERE action = 'login.source_blocked' AND target = :s",
                     s=SOURCE) == 1  # fmt: skip
    hq.clock.advance(minutes=59)
    assert blocked(hq)
    hq.clock.advance(minutes=2)
    assert not blocked(hq)


def test_failures_older_than_the_window_start_the_count_again_and_old_rows_are_forgotten(hq):
    fail(hq, throttle.SOURCE_MAX_FAILURES - 1)
    hq.clock.advance(seconds=throttle.SOURCE_WINDOW.total_seconds() + 1)
    fail(hq, 1)
    assert row(hq).failures == 1 and not blocked(hq)
    hq.clock.advance(seconds=throttle.SOURCE_WINDOW.total_seconds() + 1)
    fail(hq, 1, "203.0.113.1")  # any failure prunes what is over
    assert row(hq) is None and hq.scalar("SELECT count(*) FROM login_sources") == 1


def test_the_count_is_on_hqs_clock_in_utc(hq):
    fail(hq, throttle.SOURCE_MAX_FAILURES)
    until = row(hq).blocked_until
    until = until if until.tzinfo else until.replace(tzinfo=dt.UTC)
    assert until == hq.clock().astimezone(dt.UTC) + throttle.SOURCE_BLOCK
