"""Nightly reconciliation: digests per bucket, then the members of a differing bucket; and the till's report."""

from typing import Annotated

from fastapi import APIRouter, Path

from hq.services import reconcile, reconcile_reports
from hq.storage import db
from loyalty_core.reconcile import BUCKETS

from . import deps
from .common import AUTHED, WholeNumber, error_responses
from .errors import ApiError
from .models import BucketOut, BucketsOut, ReconcileReportIn, ReconcileReportOut

router = APIRouter(tags=["reconcile"])


@router.get("/reconcile/buckets", response_model=BucketsOut, responses=error_responses(*AUTHED))
def buckets(_: deps.Terminal, engine: deps.Db) -> dict:
    with db.read(engine) as conn:
        return {"buckets": {str(n): digest for n, digest in sorted(reconcile.digests(conn).items())}}


@router.get("/reconcile/bucket/{n}", response_model=BucketOut, responses=error_responses(*AUTHED))
def bucket(
    n: Annotated[int, Path(ge=0, lt=BUCKETS), WholeNumber],
    _: deps.Terminal,
    engine: deps.Db,
) -> dict:
    with db.read(engine) as conn:
        return {"bucket": n, "members": reconcile.bucket(conn, n)}


@router.post("/reconcile/report", response_model=ReconcileReportOut, responses=error_responses(400, 413, *AUTHED))
def report(body: ReconcileReportIn, caller: deps.Terminal, engine: deps.Db, now: deps.Now) -> dict:
    """What the till found and fixed tonight, for the console's reconciliation queue (sent again until answered)."""
    if not body.consistent():
        raise ApiError(422, "inconsistent_report", "More fixed or listed members than differences")
    store, terminal = caller.store, caller.terminal_id
    assert terminal is not None  # deps.Terminal lets only terminals through
    report_id, duplicate = db.write(engine, lambda conn: reconcile_reports.record(conn, store, terminal,
                                                                                  body.instants(), now))  # fmt: skip
    return {"report_id": report_id, "duplicate": duplicate}
