"""`pos-hq retention run`: deletion when the purpose ends, on HQ's clock.

A member with no activity (no sale, return, adjustment or enrollment of theirs: HQ's own expiry
and merge entries do not count) for `retention_years` (RuleSet.privacy, 3 by default) is erased
like an erasure request (hq/services/rights.py), with the reason "retention". Audit entries older than
`audit_retention_years` (5) are pruned, keeping the chain's anchor (hq/services/audit_chain.py).
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage import rules as published
from hq.storage.schema import ledger, members, spend
from loyalty_core import ledger as ledger_kinds

from . import audit_chain, rights

_NOT_ACTIVITY = (ledger_kinds.EXPIRE, "merge_in", "merge_out")
BATCH = 500


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def inactive_members(conn: Connection, cutoff: dt.date, limit: int) -> list[str]:
    recent_entry = sa.select(ledger.c.id).where(
        ledger.c.member_code == members.c.member_code, ledger.c.on_date >= cutoff,
        ledger.c.kind.not_in(_NOT_ACTIVITY),
    )  # fmt: skip
    recent_spend = sa.select(spend.c.id).where(spend.c.member_code == members.c.member_code, spend.c.on_date >= cutoff)
    query = (
        sa.select(members.c.member_code)
        .where(members.c.status.in_(("active", rights.STOPPED)), members.c.enrolled_at < cutoff.isoformat())
        .where(~sa.exists(recent_entry), ~sa.exists(recent_spend))
        .order_by(members.c.member_code)
        .limit(limit)
    )
    return list(conn.execute(query).scalars())


def run(conn: Connection, now: dt.datetime, operator: str = "retention") -> dict:
    privacy = published.current(conn).privacy
    today = now.astimezone().date()
    cutoff = years_before(today, privacy.retention_years)
    codes = inactive_members(conn, cutoff, BATCH)
    erased = rights.erase_many(conn, codes, "retention", now) if codes else []
    audit_cutoff = dt.datetime.combine(years_before(today, privacy.audit_retention_years), dt.time(), now.tzinfo)
    pruned = audit_chain.prune(conn, audit_cutoff)
    result = {"cutoff": cutoff.isoformat(), "erased": erased, "more": len(codes) == BATCH,
              "audit_pruned": pruned, "audit_kept_from": audit_cutoff.isoformat()}  # fmt: skip
    audit_chain.record(conn, now, operator, "retention.run", "members", None,
                       {"cutoff": result["cutoff"], "erased": len(erased), "audit_pruned": pruned})  # fmt: skip
    return result
