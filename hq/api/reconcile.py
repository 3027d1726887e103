"""Nightly reconciliation: digests per bucket, then the members of a differing bucket."""

from typing import Annotated

from fastapi import APIRouter, Path

from hq.services import reconcile
from hq.storage import db
from loyalty_core.reconcile import BUCKETS

from . import deps
from .common import AUTHED, error_responses
from .models import BucketOut, BucketsOut

router = APIRouter(tags=["reconcile"])


@router.get("/reconcile/buckets", response_model=BucketsOut, responses=error_responses(*AUTHED))
def buckets(_: deps.Terminal, engine: deps.Db) -> dict:
    with db.read(engine) as conn:
        return {"buckets": {str(n): digest for n, digest in sorted(reconcile.digests(conn).items())}}


@router.get("/reconcile/bucket/{n}", response_model=BucketOut, responses=error_responses(*AUTHED))
def bucket(
    n: Annotated[int, Path(ge=0, lt=BUCKETS)],
    _: deps.Terminal,
    engine: deps.Db,
) -> dict:
    with db.read(engine) as conn:
        return {"bucket": n, "members": reconcile.bucket(conn, n)}
