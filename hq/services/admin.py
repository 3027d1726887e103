"""Stores, terminals, channels and store signing keys: what an HQ admin sets up."""

import binascii
import datetime as dt
import json
import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import auth
from hq.storage import feed
from hq.storage.schema import channels, events, members, store_keys, stores, terminals
from loyalty_core import phones
from loyalty_core.errors import DomainError
from loyalty_core.signing import KeyRing, b64, unb64

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")


def check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise DomainError(f"invalid_{what}", f"Not a valid {what}: {str(value)[:40]!r} (letters, digits, _ and -)")
    return value


def add_store(conn: Connection, store_id: str, name: str, now: dt.datetime, country: str = phones.DEFAULT_REGION) -> dict:
    check_id(store_id, "store_id")
    country = phones.check_region(country)
    name = " ".join(str(name).split())
    if not name or len(name) > 120:
        raise DomainError("invalid_name", "A store needs a name of at most 120 characters")
    if conn.execute(sa.select(stores.c.store_id).where(stores.c.store_id == store_id)).first():
        raise DomainError("store_exists", f"Store {store_id} already exists")
    conn.execute(stores.insert().values(store_id=store_id, name=name, created_at=now, country=country))
    return {"store_id": store_id, "name": name, "country": country}


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
    """The token stops working and the terminal's signing key is revoked chain-wide (tills learn it at
    their next pull); the members it enrolled hold cards signed by that key, which need reissuing."""
    key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
    if conn.execute(sa.update(terminals).where(key).values(revoked_at=now)).rowcount == 0:
        raise DomainError("unknown_terminal", f"No terminal {store_id}/{terminal_id}")
    revoked = _revoke_keys(conn, store_id, terminal_id, now)
    return {"store_id": store_id, "terminal_id": terminal_id, "revoked": True, "revoked_keys": revoked,
            "members_to_reissue": cards_to_reissue(conn, store_id, terminal_id)}  # fmt: skip


def rotate_key(conn: Connection, store_id: str, terminal_id: str, now: dt.datetime) -> dict:
    """An operator's decision: the terminal's key is revoked and it may register one new key."""
    key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
    if conn.execute(sa.select(terminals.c.terminal_id).where(key)).first() is None:
        raise DomainError("unknown_terminal", f"No terminal {store_id}/{terminal_id}")
    revoked = _revoke_keys(conn, store_id, terminal_id, now)
    return {"store_id": store_id, "terminal_id": terminal_id, "revoked_keys": revoked,
            "may_register": True, "members_to_reissue": cards_to_reissue(conn, store_id, terminal_id)}  # fmt: skip


def _revoke_keys(conn: Connection, store_id: str, terminal_id: str, now: dt.datetime) -> list[str]:
    active = (store_keys.c.store_id == store_id) & (store_keys.c.terminal_id == terminal_id) & (
        store_keys.c.revoked_at.is_(None))  # fmt: skip
    rows = conn.execute(sa.select(store_keys.c.key_id, store_keys.c.public_key).where(active)).all()
    if not rows:
        return []
    conn.execute(sa.update(store_keys).where(active).values(revoked_at=now))
    feed.append(conn, [(feed.STORE_KEY, None, feed.dumps(key_row(r.key_id, store_id, r.public_key, now)))
                       for r in rows], now)  # fmt: skip
    return [r.key_id for r in rows]


def key_row(key_id: str, store_id: str, public_key: str, revoked_at: dt.datetime | None) -> dict:
    """A key as the feed and the snapshot show it (SQLite hands the time back without its zone: UTC)."""
    if revoked_at is not None and revoked_at.tzinfo is None:
        revoked_at = revoked_at.replace(tzinfo=dt.UTC)
    return {"key_id": key_id, "store_id": store_id, "public_key": public_key,
            "revoked_at": revoked_at.isoformat() if revoked_at else None, "source": "store"}  # fmt: skip


def cards_to_reissue(conn: Connection, store_id: str, terminal_id: str) -> list[str]:
    """Members whose card this terminal signed: those it enrolled (as they are now: merged ones by
    their survivor), in code order."""
    enrolled = sa.select(events.c.body).where(
        events.c.store_id == store_id, events.c.terminal_id == terminal_id, events.c.type == "member.enrolled"
    )
    codes = set()
    for body in conn.execute(enrolled).scalars():
        member = json.loads(body).get("payload", {}).get("member") or {}
        if isinstance(member.get("member_code"), str):
            codes.add(member["member_code"])
    if not codes:
        return []
    rows = conn.execute(sa.select(members.c.member_code, members.c.merged_into, members.c.status)
                        .where(members.c.member_code.in_(sorted(codes)))).all()  # fmt: skip
    return sorted({r.merged_into or r.member_code for r in rows})


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


def register_key(conn: Connection, store_id: str, key_id: str, public_key: str, now: dt.datetime,
                 terminal_id: str | None = None) -> dict:  # fmt: skip
    """Registers an Ed25519 key. A terminal registers one key, once: the same key again (a retry after a
    lost answer) is `unchanged`; any other key while it holds one is `key_already_registered` (rotating
    is an operator's `pos-hq terminal rotate-key`). An operator (no terminal) may add store keys."""
    check_id(key_id, "key_id")
    _require_store(conn, store_id)
    canonical = _canonical_key(public_key)
    row = conn.execute(sa.select(store_keys).where(store_keys.c.key_id == key_id)).first()
    if row is not None:
        same = (row.store_id, row.terminal_id, row.public_key) == (store_id, terminal_id, canonical)
        if not same or row.revoked_at is not None:
            raise DomainError("key_conflict", f"Key id {key_id} is already registered with another key")
        return {"store_id": store_id, "key_id": key_id, "public_key": canonical, "status": "unchanged"}
    if terminal_id is not None and _active_key(conn, store_id, terminal_id) is not None:
        raise DomainError("key_already_registered",
                          "This terminal registered its signing key already; an HQ operator rotates it")  # fmt: skip
    conn.execute(store_keys.insert().values(key_id=key_id, store_id=store_id, public_key=canonical, created_at=now,
                                            terminal_id=terminal_id))  # fmt: skip
    feed.append(conn, [(feed.STORE_KEY, None, feed.dumps(key_row(key_id, store_id, canonical, None)))], now)
    return {"store_id": store_id, "key_id": key_id, "public_key": canonical, "status": "registered"}


def _active_key(conn: Connection, store_id: str, terminal_id: str) -> str | None:
    return conn.execute(sa.select(store_keys.c.key_id).where(
        store_keys.c.store_id == store_id, store_keys.c.terminal_id == terminal_id, store_keys.c.revoked_at.is_(None)
    ).limit(1)).scalar()  # fmt: skip


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


def list_channels(conn: Connection) -> list[dict]:
    query = sa.select(channels.c.channel, channels.c.created_at, channels.c.revoked_at).order_by(channels.c.channel)
    return [dict(r._mapping) for r in conn.execute(query)]


def list_terminals(conn: Connection) -> list[dict]:
    """Every terminal with its last contact and whether HQ saw its clock off (see hq.services.trust)."""
    def stamp(at):
        return at.isoformat() if at is not None else None

    rows = conn.execute(sa.select(terminals).order_by(terminals.c.store_id, terminals.c.terminal_id))
    return [
        {"store_id": r.store_id, "terminal_id": r.terminal_id, "created_at": stamp(r.created_at),
         "revoked_at": stamp(r.revoked_at), "last_contact_at": stamp(r.last_contact_at),
         "clock_skew": r.clock_skew_at is not None, "clock_skew_at": stamp(r.clock_skew_at),
         "clock_skew_events": int(r.clock_skew_events or 0)}
        for r in rows
    ]  # fmt: skip
