"""Refused console sign-ins counted per source in the database (SQLite and PostgreSQL), on HQ's clock."""

import datetime as dt

import sqlalchemy as sa

from hq.services.operators import accounts, throttle
from hq.storage import db
from hq.storage.schema import login_sources, operators

SOURCE = "198.51.100.9"
PASSWORD = "correct horse battery staple"
# Made once, written here, at argon2's lowest cost: this is about counting (the console tests check that every
# refusal costs one full-cost verification).
PASSWORD_HASH = "$argon2id$v=19$m=8,t=1,p=1$Tw4zTcDlTY0q9af5+nX+Eg$6ODVTfl3LF7eosZ0KiUf8Wnh5n/uMvOQhMtUBUFfvwA"


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


def test_login_refuses_alike_locks_the_account_and_counts_the_source(hq, monkeypatch):
    monkeypatch.setattr(accounts, "MAX_FAILURES", 2)
    monkeypatch.setattr(accounts, "_dummy_hash", lambda: PASSWORD_HASH)
    db.write(hq.engine, lambda conn: conn.execute(operators.insert().values(
        username="fin", password_hash=PASSWORD_HASH, role="finance", failed_logins=0, created_at=hq.clock())))

    def attempt(username: str, password: str, source: str = SOURCE):
        return db.write(hq.engine, lambda conn: accounts.login(conn, username, password, hq.clock(), source))

    assert attempt("nobody", PASSWORD) is None
    assert attempt("fin", "wrong") is None and attempt("fin", "wrong again") is None
    assert attempt("fin", PASSWORD) is None  # locked now
    assert row(hq).failures == 4 and hq.scalar("SELECT count(*) FROM audit_log WHERE action = 'login.failed'") == 2
    with db.read(hq.engine) as conn:
        locked_until = accounts.listing(conn)[0]["locked_until"]
    assert locked_until == (hq.clock().astimezone(dt.UTC) + accounts.LOCKOUT).isoformat()  # UTC on both databases
    hq.clock.advance(minutes=16)
    operator = attempt("fin", PASSWORD, "203.0.113.5")
    assert operator is not None and operator.username == "fin"
    with db.read(hq.engine) as conn:
        assert accounts.listing(conn)[0]["locked_until"] is None  # a success clears the lock
