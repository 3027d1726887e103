"""Consent on record at HQ: from the tills' events, from the online channel and from HQ itself.

A till's `member.enrolled` records the terms (given) and marketing (given or declined); a
`member.updated` that changes `consent_marketing` records the change. The notice version is the
one published in the rule set the till was running (`rules_version` of the event), so no field
is added to the events. A change made online or at HQ updates the member, records the consent
and publishes the member to every till through the feed, like a till's edit does.
"""

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import rules as published
from hq.storage.schema import consents, rules
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import consent
from loyalty_core import events as ev_types
from loyalty_core.errors import DomainError
from loyalty_core.member import with_changes
from loyalty_core.rules import RuleSet

from . import audit_chain


def record_pushed(conn: Connection, batch: list[dict], results: list[dict], now: dt.datetime) -> None:
    """The consents carried by the applied events of a push (call it before UnitOfWork.flush: the feed is last)."""
    rows: list[dict[str, Any]] = []
    rule_sets: dict[object, RuleSet] = {}
    for event, result in zip(batch, results, strict=True):
        if result.get("status") != "applied":
            continue
        records = _from_event(event, lambda v: _rules_at(conn, v, rule_sets))
        rows += [_row(r, now, event["event_id"]) for r in records]
    if rows:
        conn.execute(consents.insert(), rows)


def _from_event(event: dict, rules_at) -> list[consent.Consent]:
    p = event.get("payload") or {}
    place = f"{event['store_id']}/{event['terminal_id']}"
    by = str(p.get("actor") or event["terminal_id"])
    if event["type"] == ev_types.MEMBER_ENROLLED and isinstance(p.get("member"), dict):
        m = p["member"]
        return consent.at_enrollment(str(m["member_code"]), bool(m.get("consent_marketing")),
                                     rules_at(event.get("rules_version")), event["occurred_at"], consent.STORE,
                                     place, by)  # fmt: skip
    changes = p.get("changes")
    if event["type"] == ev_types.MEMBER_UPDATED and isinstance(changes, dict) and "consent_marketing" in changes:
        return [consent.change(str(p["member_code"]), consent.MARKETING, bool(changes["consent_marketing"]),
                               rules_at(event.get("rules_version")), event["occurred_at"], consent.STORE, place,
                               by)]  # fmt: skip
    return []


def _rules_at(conn: Connection, version: object, cache: dict) -> RuleSet:
    """The rule set a till was running (its notices are what the member saw); the current one if unknown."""
    if version not in cache:
        doc = None
        if isinstance(version, int) and not isinstance(version, bool):
            doc = conn.execute(sa.select(rules.c.document).where(rules.c.version == version)).scalar()
        cache[version] = RuleSet.from_dict(json.loads(doc)) if doc else published.current(conn)
    return cache[version]


def _row(record: consent.Consent, now: dt.datetime, event_id: str | None) -> dict:
    return {**record.to_dict(), "event_id": event_id, "received_at": now}


def set_marketing(conn: Connection, member_code: str, granted: bool, channel: str, place: str, recorded_by: str,
                  now: dt.datetime) -> dict:  # fmt: skip
    """Marketing consent given or withdrawn online or at HQ: the member, the record, the feed."""
    work = UnitOfWork(conn, published.current(conn), now)
    state = work.resolve(member_code)
    if state is None:
        raise DomainError("unknown_member", f"No member {member_code!r}")
    if state.member.consent_marketing != granted:
        member, _ = with_changes(state.member, {"consent_marketing": granted}, work.today)
        work.update_member(state, member)
    record = consent.change(state.code, consent.MARKETING, granted, work.rules, now, channel, place, recorded_by)
    conn.execute(consents.insert(), [_row(record, now, None)])
    audit_chain.record(conn, now, recorded_by, "member.consent", state.code, None,
                       {"marketing": granted, "channel": channel, "place": place})  # fmt: skip
    work.flush()
    return {"member_code": state.code, "consent_marketing": granted, "recorded": record.to_dict()}


def history(conn: Connection, member_code: str) -> list[dict]:
    c = consents.c
    rows = conn.execute(
        sa.select(c.kind, c.granted, c.notice_version, c.at, c.channel, c.place, c.recorded_by, c.event_id)
        .where(c.member_code == member_code)
        .order_by(c.id)
    )
    return [{**r._asdict(), "granted": bool(r.granted)} for r in rows]
