"""The audit log: who did what, when, and the before -> after of it. Written in the action's transaction."""

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import audit_log, events, held_adjustments, members

from .. import audit_chain, csv_export
from . import audit_summary

COLUMNS = ("id", "at", "username", "action", "target", "summary", "before", "after")


def record(conn: Connection, now: dt.datetime, username: str, action: str, target: str,
           before: object = None, after: object = None) -> None:  # fmt: skip
    """One entry, appended to the tamper-evident chain (hq/services/audit_chain.py) in the caller's transaction."""
    audit_chain.record(conn, now, username, action, target, before, after)


PAGE_SIZE = 100
CSV_LIMIT = 100_000  # a year of a busy chain's console; narrow the filters for more


@dataclass(frozen=True)
class Filters:
    """Who, what, when (UTC instants: [start, end)) and which store; None: any."""

    username: str | None = None
    action: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    store: str | None = None


def entries(conn: Connection, limit: int = 200, username: str | None = None) -> list[dict]:
    return page(conn, Filters(username=username), size=limit)["rows"]


def page(conn: Connection, filters: Filters, before: int | None = None, after: int | None = None,
         size: int = PAGE_SIZE) -> dict:  # fmt: skip
    """{"rows" (newest first), "older": id | None, "newer": id | None}: keyset on the chain's id, no OFFSET.
    `before`: the entries older than that id; `after`: the ones newer than it."""
    a = audit_log.c
    query = sa.select(audit_log).where(*_conditions(filters))
    if after is not None:
        query = query.where(a.id > after).order_by(a.id)
    else:
        query = query.where(a.id < before) if before is not None else query
        query = query.order_by(a.id.desc())
    found = list(conn.execute(query.limit(size + 1)).all())
    more = len(found) > size
    found = found[:size]
    if after is not None:
        found.reverse()
    rows = [_row(r) for r in found]
    newer = rows[0]["id"] if rows and (more if after is not None else before is not None) else None
    older = rows[-1]["id"] if rows and (after is not None or more) else None
    return {"rows": rows, "older": older, "newer": newer}


def every(conn: Connection, filters: Filters, limit: int = CSV_LIMIT) -> list[dict]:
    query = sa.select(audit_log).where(*_conditions(filters)).order_by(audit_log.c.id.desc()).limit(limit)
    return [_row(r) for r in conn.execute(query)]


# The actions HQ writes (grep `audit.record` / `audit_chain.record`), offered by the page's action filter; a
# DISTINCT over millions of logins on every page view would cost more than the page. Any action may be typed.
KNOWN_ACTIONS = (
    "campaign.create", "campaign.pause", "campaign.resume", "campaign.stop", "channel.revoke", "channel.token",
    "correction.acknowledge", "held.approve", "held.reject",
    "login", "login.failed", "member.adjust", "member.consent", "member.erase", "member.export",
    "member.profile_read", "member.stop", "overdraft.annotate", "overdraft.recover", "overdraft.write_off",
    "program.discard", "program.draft", "program.publish", "program.rollback", "program.simulate",
    "reconcile.acknowledge", "retention.run", "review.clear_flag", "segment.export", "store.add",
    "terminal.revoke", "terminal.token", "user.add", "user.disable", "user.token",
)  # fmt: skip


def _conditions(f: Filters) -> list:
    a = audit_log.c
    out = []
    if f.username:
        out.append(a.username == f.username)
    if f.action:
        out.append(a.action == f.action)
    if f.start is not None:
        out.append(a.at >= f.start)
    if f.end is not None:
        out.append(a.at < f.end)
    if f.store:
        out.append(_about_store(f.store))
    return out


def _about_store(store: str):
    """Entries about the store itself, its terminals, its members, its held adjustments and its events."""
    a, m, h, e = audit_log.c, members.c, held_adjustments.c, events.c
    like = store.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    held_targets = sa.select(sa.literal("held:") + sa.cast(h.review_id, sa.String)).where(h.store_id == store)
    return sa.or_(
        a.target == store,
        a.target.like(f"{like}/%", escape="\\"),
        a.target.like(f"terminal:{like}/%", escape="\\"),
        sa.exists().where(m.member_code == a.target, m.home_store == store),
        a.target.in_(held_targets),
        sa.and_(a.target.like("event:%"),
                sa.exists().where(e.event_id == sa.func.substr(a.target, 7), e.store_id == store)),
    )


def _row(r) -> dict:
    at = r.at if isinstance(r.at, dt.datetime) else dt.datetime.fromisoformat(str(r.at))
    before, after = json.loads(r.before), json.loads(r.after)
    return {"id": int(r.id), "at": at.isoformat(), "username": r.username, "action": r.action, "target": r.target,
            "before": before, "after": after, "summary": audit_summary.summarize(r.action, before, after)}  # fmt: skip


def to_csv(rows: list[dict]) -> str:
    """Usernames and targets are text from outside (a member code, a source address): made safe by csv_export."""
    return csv_export.to_csv(COLUMNS, ([r["id"], r["at"], r["username"], r["action"], r["target"],
                                        audit_summary.as_text(r["summary"]),
                                        json.dumps(r["before"], ensure_ascii=False),
                                        json.dumps(r["after"], ensure_ascii=False)] for r in rows))  # fmt: skip
