"""Liveness for monitors and for a till deciding whether it is online."""

from fastapi import APIRouter

from hq.storage import db, feed
from hq.storage import rules as published

from . import deps
from .common import error_responses
from .models import HealthOut

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthOut, responses=error_responses(503))
def health(engine: deps.Db) -> dict:
    with db.read(engine) as conn:
        _, last = feed.head(conn)
        version = published.current(conn).version
    return {"status": "ok", "database": engine.dialect.name, "feed_seq": last, "rules_version": version}
