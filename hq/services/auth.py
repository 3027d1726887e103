"""Bearer tokens for terminals and online channels.

A token is shown once when it is made; HQ keeps only its SHA-256, so a copy
of the database cannot be used to push as a store. The prefix says which
table to look in: `hqt_` terminals, `hqc_` channels.
"""

import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import channels, terminals

TERMINAL_PREFIX = "hqt_"
CHANNEL_PREFIX = "hqc_"
MAX_TOKEN = 200


@dataclass(frozen=True)
class Principal:
    kind: str  # "terminal" or "channel"
    store_id: str | None = None
    terminal_id: str | None = None
    channel: str | None = None

    @property
    def is_terminal(self) -> bool:
        return self.kind == "terminal"

    @property
    def store(self) -> str:
        """A terminal's store: api.deps.terminal lets only terminals through, and each has one."""
        return _required(self.store_id, "store")

    @property
    def channel_name(self) -> str:
        """An online channel's name: api.deps.channel lets only channels through, and each has one."""
        return _required(self.channel, "channel")


def _required(value: str | None, what: str) -> str:
    if value is None:
        raise PermissionError(f"this caller has no {what}")
    return value


def new_token(prefix: str) -> tuple[str, str]:
    """(token to hand out, hash to store)."""
    token = prefix + secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def authenticate(conn: Connection, token: str) -> Principal | None:
    if not token or len(token) > MAX_TOKEN:
        return None
    digest = token_hash(token)
    if token.startswith(TERMINAL_PREFIX):
        row = conn.execute(
            sa.select(terminals.c.store_id, terminals.c.terminal_id).where(
                terminals.c.token_hash == digest, terminals.c.revoked_at.is_(None)
            )
        ).first()
        return Principal("terminal", store_id=row.store_id, terminal_id=row.terminal_id) if row else None
    if token.startswith(CHANNEL_PREFIX):
        row = conn.execute(
            sa.select(channels.c.channel).where(channels.c.token_hash == digest, channels.c.revoked_at.is_(None))
        ).first()
        return Principal("channel", channel=row.channel) if row else None
    return None
