"""A member look-up (`GET /members/{code}`, `POST /members/lookup`): personal data by need, audited, throttled.

- A terminal of the member's home store gets the full profile (its till enrolled them and keeps it), and
  each such read is an audit entry `member.read` (which terminal, which cashier, whom).
- Any other terminal gets the member reduced exactly as snapshot pages and the feed carry it
  (loyalty_core.personal_data.till_member: masked name and phone, birth month, tier, consents) with the
  same balance, lots and flags: what the counter needs to serve a member of another store.
- An online channel gets the reduced row without the birth month or the phone hash: it prices nothing
  by birthday (HQ prices its orders) and has no look-up key. No channel enrolls members, so none is
  ever shown a full profile.
- Every look-up, found or not, counts against the token's `trust.member_reads_per_minute` on HQ's clock
  (hq.storage.counters, shared by every worker). Over it the look-up is refused (`Throttled`) and the
  first refusal of the minute is an audit entry `risk.member_reads_throttled`; a terminal is also flagged
  (`terminals.lookups_stopped[_at]`, on the console's terminals review page).

The profile edit form's audited full read is `POST /members/profile` (hq/api/profiles.py): it answers as before
and counts against the same limit.
"""

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services import audit_chain, lookup
from hq.services.auth import Principal
from hq.storage import counters, privacy
from hq.storage import rules as published
from hq.storage.schema import terminals

FULL_READ = "member.read"
THROTTLED = "risk.member_reads_throttled"


@dataclass(frozen=True)
class Throttled:
    """The answer when the token is over its per-minute limit (nothing was read)."""

    limit: int


def who(principal: Principal) -> str:
    """The audit log's name for a token: `terminal:S001/T01` or `channel:shop`."""
    if principal.is_terminal:
        return f"terminal:{principal.store_id}/{principal.terminal_id}"
    return f"channel:{principal.channel}"


def read(conn: Connection, principal: Principal, cashier: str | None, query: str,
         now: dt.datetime) -> dict | Throttled | None:  # fmt: skip
    """The look-up's answer for this caller; None when no member matches. Run in a writing transaction
    that commits even on `Throttled` (the count and the alert must stay)."""
    throttled = count(conn, principal, cashier, now)
    if throttled is not None:
        return throttled
    view = lookup.show(conn, query, now.astimezone().date())
    if view is None:
        return None
    if principal.is_terminal and view["member"]["home_store"] == principal.store_id:
        audit_chain.record(conn, now, who(principal), FULL_READ, view["member_code"], None,
                           {"cashier": cashier, "for": "look-up"})  # fmt: skip
        return view
    return _reduced(conn, view, for_channel=not principal.is_terminal)


def count(conn: Connection, principal: Principal, cashier: str | None, now: dt.datetime) -> Throttled | None:
    """Counts one member read against the token's limit per minute (also the profile edit form's full read, so
    a stolen token cannot harvest through it instead); `Throttled` past the limit."""
    limit = published.current(conn).trust.member_reads_per_minute
    minute = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")
    hits = counters.add(conn, counters.MEMBER_READS, who(principal), minute, now).hits
    if hits <= limit:
        return None
    if hits == limit + 1:  # one alert per token and minute, not one per refused call
        _alert(conn, principal, now, {"limit": limit, "minute": minute, "cashier": cashier})
    return Throttled(limit)


def _alert(conn: Connection, principal: Principal, now: dt.datetime, detail: dict) -> None:
    """The audit entry, and for a terminal the flag the console's terminals page shows."""
    audit_chain.record(conn, now, who(principal), THROTTLED, who(principal), None, detail)
    if principal.is_terminal:
        t = terminals.c
        conn.execute(sa.update(terminals)
                     .where(t.store_id == principal.store_id, t.terminal_id == principal.terminal_id)
                     .values(lookups_stopped_at=now, lookups_stopped=t.lookups_stopped + 1))  # fmt: skip


def _reduced(conn: Connection, view: dict, *, for_channel: bool) -> dict:
    reduced = privacy.reduce_view(view, privacy.lookup_key(conn)[1])
    if for_channel:
        reduced["member"] = {**reduced["member"], "birth_month": None, "phone_hash": None}
    return reduced
