"""Push, pull and snapshot: what a till needs to stay in sync."""

from typing import Annotated

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from hq.services import apply, snapshot
from hq.storage import db, feed

from . import deps
from .common import AUTHED, WholeNumber, error_responses
from .errors import ApiError
from .models import MAX_SAFE_INT, PullOut, PushIn, PushOut, SnapshotOut

router = APIRouter(tags=["sync"])


@router.post(
    "/sync/push",
    response_model=PushOut,
    responses=error_responses(400, 413, *AUTHED),
    summary="Apply a batch of till events (each event id at most once)",
)
def push(
    body: PushIn,
    principal: deps.Terminal,
    engine: deps.Db,
    now: deps.Now,
) -> JSONResponse:
    for i, event in enumerate(body.events):
        if (event.store_id, event.terminal_id) != (principal.store_id, principal.terminal_id):
            raise ApiError(
                403, "foreign_event",
                f"events[{i}] belongs to {event.store_id}/{event.terminal_id}, not to this terminal; nothing was applied",
            )  # fmt: skip
    results = apply.push(engine, [e.as_sent() for e in body.events], now)
    return JSONResponse({"results": results})


@router.get(
    "/sync/pull",
    response_model=PullOut,
    responses=error_responses(400, *AUTHED),
    summary="Changes after a cursor, in HQ's order",
)
def pull(
    _: deps.Terminal,  # the feed carries every member's changes: a channel sees only those it looks up
    engine: deps.Db,
    since: Annotated[int, Query(ge=0, le=MAX_SAFE_INT), WholeNumber] = 0,
    limit: Annotated[int, Query(ge=1, le=feed.MAX_PAGE), WholeNumber] = 500,
) -> JSONResponse:
    with db.read(engine) as conn:
        return JSONResponse(feed.page(conn, since, limit))


@router.get(
    "/sync/snapshot",
    response_model=SnapshotOut,
    responses=error_responses(*AUTHED),
    summary="Members with balances, lots and ledgers, a page at a time",
)
def get_snapshot(
    _: deps.Terminal,
    engine: deps.Db,
    now: deps.Now,
    after: Annotated[str, Query(max_length=40, pattern=r"^[A-Za-z0-9_\-]*$")] = "",
    limit: Annotated[int, Query(ge=1, le=snapshot.MAX_PAGE), WholeNumber] = 100,
) -> Response:
    with db.read(engine) as conn:
        page = snapshot.page(conn, after, limit, now.astimezone().date())
    # A million-member bootstrap is ~1 GB of these pages: orjson encodes them several times faster.
    return Response(orjson.dumps(page), media_type="application/json")
