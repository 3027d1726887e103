"""The reconciliation queue: what each till found when it compared its balances with HQ's at night.

A till fixes every difference itself (HQ wins) and then sends HQ a report of the run. HQ keeps one
row per run (`record`: a resent report changes nothing), so a person can see which stores drift,
by how much and whether the till could fix it, and mark a run looked at (`acknowledge`, audited).
The till's figures are its own word: the page shows HQ's balance of today next to them.

- `record(conn, store, terminal, report, now)` -> (report id, duplicate?)
- `waiting(conn, operator, store, include_done)`: runs with differences or failures, newest first.
- `last_runs(conn, operator, store)`: each terminal's latest run, so a till that stopped reconciling shows.
- `detail(conn, operator, report_id)`: one run with its members and HQ's balances now.
"""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from hq.services import reviewed_rows
from hq.services.operators import audit
from hq.services.operators.roles import Operator
from hq.storage.review_queues import reconcile_reports
from hq.storage.schema import members
from loyalty_core.errors import DomainError

LIMIT = 200
REVIEWERS = reviewed_rows.REVIEWERS
NEEDS_A_LOOK = ("differences", "failed")


def record(conn: Connection, store: str, terminal: str, report: dict, now: dt.datetime) -> tuple[int, bool]:
    r = reconcile_reports.c
    mine = sa.and_(r.store_id == store, r.terminal_id == terminal, r.run_id == report["run_id"])
    known = conn.execute(sa.select(r.id).where(mine)).scalar()
    if known is not None:
        return int(known), True
    values = {k: report[k] for k in ("run_id", "started_at", "finished_at", "status", "members",
                                     "buckets_differing", "differences", "fixed", "error")}  # fmt: skip
    insert = reconcile_reports.insert().values(store_id=store, terminal_id=terminal, received_at=now,
                                               detail=json.dumps(report["members_differing"]), **values)  # fmt: skip
    try:
        with conn.begin_nested():  # the same report resent at the same moment: the other one won
            row_id = conn.execute(insert).inserted_primary_key
    except IntegrityError:
        return int(conn.execute(sa.select(r.id).where(mine)).scalar_one()), True
    assert row_id is not None
    return int(row_id[0]), False


def waiting(conn: Connection, operator: Operator, store: str | None, include_done: bool = False) -> list[dict]:
    r = reconcile_reports.c
    query = sa.select(*_LIST_COLUMNS).where(r.status.in_(NEEDS_A_LOOK)).order_by(r.id.desc()).limit(LIMIT)
    if not include_done:
        query = query.where(r.reviewed_at.is_(None))
    return _visible(conn, operator, store, query)


def last_runs(conn: Connection, operator: Operator, store: str | None) -> list[dict]:
    r = reconcile_reports.c
    latest = sa.select(sa.func.max(r.id)).group_by(r.store_id, r.terminal_id).scalar_subquery()
    query = sa.select(*_LIST_COLUMNS).where(r.id.in_(latest)).order_by(r.store_id, r.terminal_id).limit(LIMIT)
    return _visible(conn, operator, store, query)


def detail(conn: Connection, operator: Operator, report_id: int) -> dict:
    row = conn.execute(sa.select(reconcile_reports).where(reconcile_reports.c.id == report_id)).first()
    if row is None or not operator.sees_store(row.store_id):
        raise DomainError("unknown_report", "No such reconciliation report")  # another store's looks like none
    out = dict(row._mapping)
    differing = json.loads(out.pop("detail"))
    codes = [d["member_code"] for d in differing]
    now = dict(conn.execute(sa.select(members.c.member_code, members.c.balance)
                            .where(members.c.member_code.in_(codes))).all()) if codes else {}  # fmt: skip
    out["members_differing"] = [{**d, "hq_balance_now": now.get(d["member_code"])} for d in differing]
    return out


def acknowledge(conn: Connection, operator: Operator, report_id: int, note: str, now: dt.datetime) -> None:
    row = reviewed_rows.mark(conn, reconcile_reports, report_id, operator, note, now, what="report")
    audit.record(conn, now, operator.username, "reconcile.acknowledge", f"terminal:{row.store_id}/{row.terminal_id}",
                 {"reviewed": False}, {"reviewed": True, "note": note, "run_id": row.run_id,
                                       "differences": row.differences, "fixed": row.fixed})  # fmt: skip


_r = reconcile_reports.c
_LIST_COLUMNS = (_r.id, _r.store_id, _r.terminal_id, _r.run_id, _r.started_at, _r.finished_at, _r.status, _r.members,
                 _r.buckets_differing, _r.differences, _r.fixed, _r.error, _r.received_at, _r.reviewed_by,
                 _r.reviewed_at, _r.note)  # fmt: skip


def _visible(conn: Connection, operator: Operator, store: str | None, query: sa.Select) -> list[dict]:
    if store is not None:
        query = query.where(reconcile_reports.c.store_id == store)
    rows = [dict(x._mapping) for x in conn.execute(query)]
    return [x for x in rows if operator.sees_store(x["store_id"])]
