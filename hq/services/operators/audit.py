"""The audit log: who did what, when, and the before -> after of it. Written in the action's transaction."""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import audit_log

from .. import audit_chain, csv_export

COLUMNS = ("id", "at", "username", "action", "target", "before", "after")


def record(conn: Connection, now: dt.datetime, username: str, action: str, target: str,
           before: object = None, after: object = None) -> None:  # fmt: skip
    """One entry, appended to the tamper-evident chain (hq/services/audit_chain.py) in the caller's transaction."""
    audit_chain.record(conn, now, username, action, target, before, after)


def entries(conn: Connection, limit: int = 200, username: str | None = None) -> list[dict]:
    query = sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if username:
        query = query.where(audit_log.c.username == username)
    return [_row(r) for r in conn.execute(query)]


def _row(r) -> dict:
    at = r.at if isinstance(r.at, dt.datetime) else dt.datetime.fromisoformat(str(r.at))
    return {"id": r.id, "at": at.isoformat(), "username": r.username, "action": r.action, "target": r.target,
            "before": json.loads(r.before), "after": json.loads(r.after)}  # fmt: skip


def to_csv(rows: list[dict]) -> str:
    """Usernames and targets are text from outside (a member code, a source address): made safe by csv_export."""
    return csv_export.to_csv(COLUMNS, ([r["id"], r["at"], r["username"], r["action"], r["target"],
                                        json.dumps(r["before"], ensure_ascii=False),
                                        json.dumps(r["after"], ensure_ascii=False)] for r in rows))  # fmt: skip
