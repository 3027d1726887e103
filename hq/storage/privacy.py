"""What HQ sends tills about members: the reduced rows of loyalty_core.personal_data.

HQ holds the full profiles; every member row that leaves for a till (snapshot pages and
`member` feed changes) is reduced on the way out with the chain's look-up key, so no till
outside the enrolling one ever receives a phone number, a name or a birth date.
"""

import datetime as dt
import secrets

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from loyalty_core import signing
from loyalty_core.personal_data import new_key, till_member

from .schema import lookup_keys


def seed_key(conn: Connection, now: dt.datetime) -> None:
    """A fresh HQ makes its look-up key once (migrate.seed)."""
    if conn.execute(sa.select(lookup_keys.c.key_id).limit(1)).first() is None:
        conn.execute(
            lookup_keys.insert().values(key_id=f"lk-{secrets.token_hex(4)}", secret=signing.b64(new_key()),
                                        created_at=now)
        )  # fmt: skip


def lookup_key(conn: Connection) -> tuple[str, bytes]:
    row = conn.execute(sa.select(lookup_keys.c.key_id, lookup_keys.c.secret).order_by(lookup_keys.c.created_at)).first()
    if row is None:
        raise LookupError("HQ has no look-up key (run the migrations)")
    return row.key_id, signing.unb64(row.secret)


def reduce_view(view: dict, key: bytes) -> dict:
    """A snapshot or look-up view whose "member" is the till's reduced row."""
    return {**view, "member": till_member(view["member"], key)}


def reduce_changes(changes: list[dict], key: bytes) -> list[dict]:
    """Feed changes with every `member` row reduced."""
    return [{**c, "data": till_member(c["data"], key)} if c["kind"] == "member" else c for c in changes]
