"""Stores, terminals, channels and store signing keys: what an HQ admin sets up."""

import binascii
import datetime as dt
import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from loyalty_core.errors import DomainError
from loyalty_core.signing import KeyRing, b64, unb64

from . import auth, feed
from .schema import channels, store_keys, stores, terminals

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")


def check_id(value: str, what: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise DomainError(f"invalid_{what}", f"Not a valid {what}: {str(value)[:40]!r} (letters, digits, _ and -)")
    return value


def add_store(conn: Connection, store_id: str, name: str, now: dt.datetime) -> dict:
    check_id(store_id, "store_id")
    name = " ".join(str(name).split())
    if not name or len(name) > 120:
        raise DomainError("invalid_name", "A store needs a name of at most 120 characters")
    if conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first():
        raise DomainError("store_exists", f"Store {store_id} already exists")
    conn.execute(stores.insert().values(store_id=store_id, name=name, created_at=now))
    return {"store_id": store_id, "name": name}


def _require_store(conn: Connection, store_id: str) -> None:
    if not conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first():
        raise DomainError("unknown_store", f"No store {store_id!r}; add it first")


def add_terminal(conn: Connection, store_id: str, terminal_id: str, now: dt.datetime, rotate: bool = False) -> dict:
    """A new token for a terminal; `rotate` replaces the token of an existing (or revoked) one."""
    check_id(terminal_id, "terminal_id")
    _require_store(conn, store_id)
    token, digest = auth.new_token(auth.TERMINAL_PREFIX)
    key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
    existing = conn.execute(sa.select(terminals.c.revoked_at).where(key)).first()
    if existing is None:
        conn.execute(terminals.insert().values(store_id=store_id, terminal_id=terminal_id, token_hash=digest,
                                               created_at=now))  # fmt: skip
    elif rotate:
        conn.execute(sa.update(terminals).where(key).values(token_hash=digest, revoked_at=None))
    else:
        raise DomainError("terminal_exists", f"Terminal {store_id}/{terminal_id} exists; use --rotate for a new token")
    return {"store_id": store_id, "terminal_id": terminal_id, "token": token}


def revoke_terminal(conn: Connection, store_id: str, terminal_id: str, now: dt.datetime) -> dict:
    key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
    if conn.execute(sa.update(terminals).where(key).values(revoked_at=now)).rowcount == 0:
        raise DomainError("unknown_terminal", f"No terminal {store_id}/{terminal_id}")
    return {"store_id": store_id, "terminal_id": terminal_id, "revoked": True}


def add_channel(conn: Connection, name: str, now: dt.datetime, rotate: bool = False) -> dict:
    check_id(name, "channel")
    token, digest = auth.new_token(auth.CHANNEL_PREFIX)
    existing = conn.execute(sa.select(channels.c.channel).where(channels.c.channel == name)).first()
    if existing is None:
        conn.execute(channels.insert().values(channel=name, token_hash=digest, created_at=now))
    elif rotate:
        conn.execute(sa.update(channels).where(channels.c.channel == name).values(token_hash=digest, revoked_at=None))
    else:
        raise DomainError("channel_exists", f"Channel {name} exists; use --rotate for a new token")
    return {"channel": name, "token": token}


def revoke_channel(conn: Connection, name: str, now: dt.datetime) -> dict:
    if conn.execute(sa.update(channels).where(channels.c.channel == name).values(revoked_at=now)).rowcount == 0:
        raise DomainError("unknown_channel", f"No channel {name}")
    return {"channel": name, "revoked": True}


def register_key(conn: Connection, store_id: str, key_id: str, public_key: str, now: dt.datetime) -> dict:
    """Registers a store's Ed25519 key; the same key again is fine, another key under the id is not."""
    check_id(key_id, "key_id")
    _require_store(conn, store_id)
    canonical = _canonical_key(public_key)
    row = conn.execute(sa.select(store_keys).where(store_keys.c.key_id == key_id)).first()
    if row is not None:
        if row.store_id != store_id or row.public_key != canonical:
            raise DomainError("key_conflict", f"Key id {key_id} is already registered with another key")
        return {"store_id": store_id, "key_id": key_id, "public_key": canonical, "status": "unchanged"}
    conn.execute(store_keys.insert().values(key_id=key_id, store_id=store_id, public_key=canonical, created_at=now))
    feed.append(conn, [(feed.STORE_KEY, None, feed.dumps({"key_id": key_id, "public_key": canonical,
                                                          "store_id": store_id}))], now)  # fmt: skip
    return {"store_id": store_id, "key_id": key_id, "public_key": canonical, "status": "registered"}


def _canonical_key(public_key: str) -> str:
    try:
        raw = unb64(str(public_key).strip())
        KeyRing().add("check", raw)  # refuses anything that is not an Ed25519 public key
    except (binascii.Error, ValueError, TypeError):
        raise DomainError(
            "invalid_public_key", "public_key must be a base64url Ed25519 public key (32 bytes)"
        ) from None
    return b64(raw)


def list_stores(conn: Connection) -> list[dict]:
    rows = conn.execute(sa.select(stores.c.store_id, stores.c.name).order_by(stores.c.store_id)).all()
    return [{"store_id": r.store_id, "name": r.name} for r in rows]
