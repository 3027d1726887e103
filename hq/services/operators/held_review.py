"""Held adjustments, decided from the console: hq-trust's use cases (hq.services.held) plus our audit entry, in one
transaction. hq.services.held arrives with the hq-trust branch; until it is merged, `available()` is False and the
console shows only the flags HQ raises today."""

import datetime as dt
import importlib
import importlib.util

from sqlalchemy.engine import Connection

from loyalty_core.errors import DomainError

from . import audit
from .roles import ADMIN, FINANCE, STORE_MANAGER, Operator

DECIDERS = (ADMIN, FINANCE, STORE_MANAGER)


def available() -> bool:
    return importlib.util.find_spec("hq.services.held") is not None


def _held():
    return importlib.import_module("hq.services.held")


def waiting(conn: Connection, operator: Operator) -> list[dict]:
    return [r for r in _held().list_held(conn) if operator.sees_store(r["store_id"])]


def decide(conn: Connection, operator: Operator, review_id: object, approve: bool, reason: str,
           now: dt.datetime) -> dict:  # fmt: skip
    if operator.role not in DECIDERS or not operator.policy.writes:
        raise DomainError("forbidden", "This role may not decide held adjustments")
    try:
        rid = int(str(review_id), 10)
    except ValueError:
        raise DomainError("unknown_review", "No such held adjustment") from None
    held = _held()
    rows = [r for r in held.list_held(conn, status=None) if r["review_id"] == rid]
    if not rows or not operator.sees_store(rows[0]["store_id"]):
        raise DomainError("unknown_review", "No such held adjustment")
    if approve and not operator.may_approve(rows[0]["points"]):
        # The APPROVAL limit, not the role's own-adjustment limit: a hold is above the latter by design.
        raise DomainError("over_approve_limit", "Beyond the role's approval limit",
                          limit=operator.policy.max_approve_points or 0)  # fmt: skip
    before = {"status": rows[0]["status"], "points": rows[0]["points"], "member_code": rows[0]["member_code"]}
    if approve:
        after = held.approve(conn, rid, operator.username, now)
    else:
        after = held.reject(conn, rid, operator.username, reason, now)
    audit.record(conn, now, operator.username, "held.approve" if approve else "held.reject", f"held:{rid}", before,
                 {"status": after["status"], "reason": reason})  # fmt: skip
    return after
