"""Console sessions: a random cookie (only its hash is stored), a CSRF token, and an idle timeout
measured on the app's clock."""

import datetime as dt
import hmac
import secrets

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import operator_sessions

from ..auth import token_hash
from . import accounts
from .roles import Operator

IDLE = dt.timedelta(minutes=30)
LIFETIME = dt.timedelta(hours=12)
MAX_COOKIE = 100


def start(conn: Connection, username: str, now: dt.datetime) -> tuple[str, str]:
    """(cookie value, CSRF token) for a fresh session."""
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = now.astimezone(dt.UTC)  # SQLite keeps only a datetime's wall time
    conn.execute(operator_sessions.insert().values(token_hash=token_hash(cookie), username=username, csrf=csrf,
                                                   created_at=now, last_seen_at=now))  # fmt: skip
    return cookie, csrf


def resume(conn: Connection, cookie: str | None, now: dt.datetime) -> tuple[Operator, str] | None:
    """(operator, CSRF token) for a live session, which this call keeps alive; None if expired or unknown."""
    if not cookie or len(cookie) > MAX_COOKIE:
        return None
    key = operator_sessions.c.token_hash == token_hash(cookie)
    row = conn.execute(sa.select(operator_sessions).where(key)).first()
    if row is None:
        return None
    if now - _aware(row.last_seen_at) > IDLE or now - _aware(row.created_at) > LIFETIME:
        conn.execute(sa.delete(operator_sessions).where(key))
        return None
    operator = accounts.get(conn, row.username)
    if operator is None:
        return None
    conn.execute(sa.update(operator_sessions).where(key).values(last_seen_at=now.astimezone(dt.UTC)))
    return operator, row.csrf


def end(conn: Connection, cookie: str | None) -> None:
    if cookie and len(cookie) <= MAX_COOKIE:
        conn.execute(sa.delete(operator_sessions).where(operator_sessions.c.token_hash == token_hash(cookie)))


def end_all(conn: Connection, username: str) -> None:
    conn.execute(sa.delete(operator_sessions).where(operator_sessions.c.username == username))


def csrf_ok(expected: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected.encode(), given.encode())


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
