"""What HQ believes about a pushed event before it recomputes it.

- The rules version: one HQ published, still in force on the event's date or
  within the grace window after its successor came out (a till offline then
  legitimately kept the old one); otherwise `unknown_rules_version` /
  `stale_rules_version`.
- The date: the till's, unless it is further ahead of HQ's clock than the
  policy's `clock_skew_hours` or before the terminal was provisioned; then
  HQ's own time, and the terminal is flagged `clock_skew`.
- The entries: each must be a kind the event type allows and belong to the
  event's member (or its referrer, for a referral); otherwise the event is
  rejected and nothing is booked. Their ids are never HQ's: see `entry_id`.
- The answer: `corrected` with HQ's entries and both figures when the till's
  differ from HQ's.
"""

import datetime as dt
import functools
import json

import sqlalchemy as sa

from hq.storage.schema import rules as rules_table
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ids
from loyalty_core.ledger import Entry
from loyalty_core.rules import RuleSet

from .payload import Rejected, parse_instant

CORRECTED = "corrected"


def entry_id(event: dict, kind: str) -> str:
    """The stored id of an event's entry: derived from the pushing terminal and the event id, so a
    till can never name (and so pre-book) an id HQ or another terminal will use."""
    return ids.till_entry_id(event["store_id"], event["terminal_id"], event["event_id"], kind)


# -- rules versions ----------------------------------------------------------------------------


def rules_for(work: UnitOfWork, event: dict, at: dt.datetime) -> RuleSet:
    versions = _versions(work)
    wanted = event.get("rules_version")
    newest = max(versions)
    if wanted is None:  # an old till that does not say: the rules in force now
        return versions[newest][0]
    if wanted not in versions:
        raise Rejected("unknown_rules_version", f"HQ never published rules version {wanted}")
    later = [v for v in versions if v > wanted]
    if later:
        successor_at = versions[min(later)][1]
        grace = dt.timedelta(days=versions[newest][0].trust.rules_grace_days)
        if at > successor_at + grace:
            raise Rejected("stale_rules_version", f"Rules version {wanted} was replaced by {min(later)} before this event")
    return versions[wanted][0]


def _versions(work: UnitOfWork) -> dict[int, tuple[RuleSet, dt.datetime]]:
    if work.rule_versions is None:
        rows = work.conn.execute(sa.select(rules_table.c.version, rules_table.c.document, rules_table.c.published_at))
        work.rule_versions = {r.version: (_parse(r.document), _aware(r.published_at)) for r in rows}
    return work.rule_versions


@functools.lru_cache(maxsize=32)
def _parse(document: str) -> RuleSet:
    return RuleSet.from_dict(json.loads(document))


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


# -- the event's time --------------------------------------------------------------------------


def event_when(work: UnitOfWork, event: dict) -> tuple[dt.datetime, dt.date]:
    """(instant, business day): the till's, unless impossible; then HQ's, and the terminal is flagged.

    The business day is the date on the till's own clock face (its offset), never after HQ's today.
    A sale or return says its own time (`payload.at`, the receipt's: a sale keyed in later); else the
    envelope's `occurred_at`.
    """
    own = event["payload"].get("at")
    try:
        at = parse_instant(own) if isinstance(own, str) and 10 <= len(own) <= 40 else None
    except ValueError:
        at = None
    at = at or parse_instant(event["occurred_at"])
    ahead = dt.timedelta(hours=work.rules.trust.clock_skew_hours)
    provisioned = work.terminal_created_at
    instant = _aware(at)
    if instant > work.now + ahead or (provisioned is not None and instant < provisioned):
        work.clock_skew_events += 1
        return work.now, work.today
    return instant, min(at.date(), work.today)


# -- entries -----------------------------------------------------------------------------------


def check_entries(entries: list[Entry], allowed: dict[str, set[str]]) -> None:
    """`allowed`: kind -> the member codes an entry of that kind may name."""
    for e in entries:
        if e.kind not in allowed:
            raise Rejected("invalid_payload", f"a {e.kind} entry is not allowed in this event")
        if e.member_code not in allowed[e.kind]:
            raise Rejected("invalid_payload", f"a {e.kind} entry names member {e.member_code}, who is not in this sale")


def figures(entries: list[Entry]) -> list[tuple[str, str, int]]:
    """What two sets of entries are compared by: who, what kind, how many points."""
    return sorted((e.member_code, e.kind, e.points) for e in entries)


def corrected(event: dict, booked: list[Entry], till: dict, hq: dict) -> dict:
    return {"event_id": event["event_id"], "status": CORRECTED,
            "entries": [e.to_dict() for e in booked], "till": till, "hq": hq}  # fmt: skip
