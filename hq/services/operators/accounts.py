"""Operator accounts: argon2id passwords, lockout after repeated failures, disabling, BI report tokens."""

import datetime as dt
import functools
import re

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.engine import Connection

from hq.storage.schema import operators, stores
from loyalty_core.errors import DomainError

from .. import admin, auth
from . import audit, throttle
from .roles import ROLES, STORE_MANAGER, Operator

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD, MAX_PASSWORD = 10, 200
REPORT_PREFIX = "hqr_"
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.\-]{1,39}$")
_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against whenever there is no real hash to check (no such user, locked, disabled, blocked source),
    so every refusal costs one verification like a wrong password. Made on first use: importing costs nothing."""
    return _hasher.hash("not a password of anyone")


def check_username(value: object) -> str:
    if not isinstance(value, str) or not _USERNAME.match(value):
        raise DomainError("invalid_username", "A username is 2-40 lower-case letters, digits, '.', '_' or '-'")
    return value


def hash_password(password: str) -> str:
    """argon2id at the library's recommended strength; the hash carries its own parameters and salt."""
    return _hasher.hash(password)


def add(conn: Connection, username: str, role: str, password: str, now: dt.datetime,
        store_id: str | None = None, actor: str = "cli") -> dict:  # fmt: skip
    _check_new(conn, username, role, store_id)
    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise DomainError("weak_password", f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    return _insert(conn, username, role, hash_password(password), now, store_id, actor)


def add_hashed(conn: Connection, username: str, role: str, password_hash: str, now: dt.datetime,
               store_id: str | None = None, actor: str = "cli") -> dict:  # fmt: skip
    """An operator whose password was hashed already (by `hash_password`: imported accounts, test fixtures)."""
    _check_new(conn, username, role, store_id)
    return _insert(conn, username, role, password_hash, now, store_id, actor)


def _insert(conn: Connection, username: str, role: str, password_hash: str, now: dt.datetime,
            store_id: str | None, actor: str) -> dict:  # fmt: skip
    conn.execute(operators.insert().values(
        username=username, password_hash=password_hash, role=role, store_id=store_id,
        failed_logins=0, created_at=now.astimezone(dt.UTC),
    ))  # fmt: skip
    out = {"username": username, "role": role, "store_id": store_id}
    audit.record(conn, now, actor, "user.add", username, None, out)
    return out


def _check_new(conn: Connection, username: str, role: str, store_id: str | None) -> None:
    check_username(username)
    if role not in ROLES:
        raise DomainError("invalid_role", f"Role must be one of {', '.join(ROLES)}")
    if (role == STORE_MANAGER) != (store_id is not None):
        raise DomainError("invalid_store", "A store manager needs --store, and only a store manager has one")
    if store_id is not None:
        admin.check_id(store_id, "store_id")
        if conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first() is None:
            raise DomainError("unknown_store", f"No store {store_id!r}; add it first")
    if _row(conn, username) is not None:
        raise DomainError("user_exists", f"Operator {username} already exists")


def listing(conn: Connection) -> list[dict]:
    rows = conn.execute(sa.select(operators).order_by(operators.c.username)).all()
    # The login page never says an account is locked (a stranger could ask): an admin sees it here.
    return [{"username": r.username, "role": r.role, "store_id": r.store_id, "disabled": r.disabled_at is not None,
             "locked_until": _aware(r.locked_until).astimezone(dt.UTC).isoformat() if r.locked_until else None,
             "has_report_token": r.report_token_hash is not None} for r in rows]  # fmt: skip


def disable(conn: Connection, username: str, now: dt.datetime, actor: str = "cli") -> dict:
    row = _existing(conn, username)
    conn.execute(sa.update(operators).where(operators.c.username == username).values(
        disabled_at=now.astimezone(dt.UTC)))
    from .sessions import end_all  # late: sessions imports accounts

    end_all(conn, username)
    audit.record(conn, now, actor, "user.disable", username, {"disabled": row.disabled_at is not None},
                 {"disabled": True})  # fmt: skip
    return {"username": username, "disabled": True}


def issue_report_token(conn: Connection, username: str, now: dt.datetime, actor: str = "cli") -> dict:
    """A new bearer token for BI tools (replaces the old one); only its hash is kept."""
    row = _existing(conn, username)
    if row.disabled_at is not None:
        raise DomainError("user_disabled", f"Operator {username} is disabled")
    token, digest = auth.new_token(REPORT_PREFIX)
    conn.execute(sa.update(operators).where(operators.c.username == username).values(report_token_hash=digest))
    audit.record(conn, now, actor, "user.token", username, {"had_token": row.report_token_hash is not None},
                 {"had_token": True})  # fmt: skip
    return {"username": username, "token": token}


def by_report_token(conn: Connection, token: str) -> Operator | None:
    if not token.startswith(REPORT_PREFIX) or len(token) > auth.MAX_TOKEN:
        return None
    row = conn.execute(sa.select(operators).where(operators.c.report_token_hash == auth.token_hash(token))).first()
    return _operator(row) if row is not None and row.disabled_at is None else None


def login(conn: Connection, username: str, password: str, now: dt.datetime, source: str) -> Operator | None:
    """The operator, or None whatever the reason: no such user, a wrong password, a locked or disabled account, or
    a source that failed too often (throttle.py). One answer and one password verification for all of them, so a
    stranger learns neither which usernames exist nor which are locked. MAX_FAILURES wrong passwords in a row lock
    the account for LOCKOUT; every attempt on an account is audited, as is a source's block."""
    if throttle.blocked(conn, source, now):
        _verify(_dummy_hash(), password)
        return None
    row = _row(conn, username) if isinstance(username, str) and _USERNAME.match(username) else None
    operator = _attempt(conn, row, password, now)
    if operator is None:
        throttle.record_failure(conn, source, now)
    return operator


def _attempt(conn: Connection, row, password: object, now: dt.datetime) -> Operator | None:
    if row is None or row.disabled_at is not None or (row.locked_until is not None and _aware(row.locked_until) > now):
        _verify(_dummy_hash(), password)
        return None
    key = operators.c.username == row.username
    if not _verify(row.password_hash, password):
        failures = row.failed_logins + 1
        locked = now.astimezone(dt.UTC) + LOCKOUT if failures >= MAX_FAILURES else None
        conn.execute(sa.update(operators).where(key).values(failed_logins=0 if locked else failures,
                                                            locked_until=locked))  # fmt: skip
        audit.record(conn, now, row.username, "login.failed", row.username, None, {"locked": locked is not None})
        return None
    conn.execute(sa.update(operators).where(key).values(failed_logins=0, locked_until=None))
    audit.record(conn, now, row.username, "login", row.username)
    return _operator(row)


def get(conn: Connection, username: str) -> Operator | None:
    row = _row(conn, username)
    return _operator(row) if row is not None and row.disabled_at is None else None


def _verify(hashed: str, password: object) -> bool:
    if not isinstance(password, str) or len(password) > MAX_PASSWORD:
        return False
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC


def _row(conn: Connection, username: str):
    return conn.execute(sa.select(operators).where(operators.c.username == username)).first()


def _existing(conn: Connection, username: str):
    row = _row(conn, username)
    if row is None:
        raise DomainError("unknown_user", f"No operator {username!r}")
    return row


def _operator(row) -> Operator:
    return Operator(row.username, row.role, row.store_id)
