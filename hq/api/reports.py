"""The reports API: the same figures as the dashboard and `pos-hq report`, for an operator's session
or a BI report token (`hqr_...`)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials

from hq.services.operators import accounts, sessions
from hq.services.operators.roles import Operator
from hq.services.reports import queries
from hq.services.reports.summary import FIELDS
from hq.storage import db

from . import deps
from .errors import ApiError

router = APIRouter(tags=["reports"])
SESSION_COOKIE = "hq_session"  # the console's (hq.console.web); a GET report needs no CSRF token


def reporter(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(deps.bearer)]) -> Operator:
    engine = deps.engine(request)
    now = deps.now(request)
    if creds is not None:
        with db.read(engine) as conn:
            operator = accounts.by_report_token(conn, creds.credentials)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        live = db.write(engine, lambda conn: sessions.resume(conn, cookie, now)) if cookie else None
        operator = live[0] if live else None
    if operator is None:
        raise ApiError(401, "unauthorized", "An operator session or a report token is required",
                       {"WWW-Authenticate": "Bearer"})  # fmt: skip
    return operator


def _store(operator: Operator, asked: str | None) -> str | None:
    if operator.policy.one_store:
        if asked and asked != operator.store_id:
            raise ApiError(403, "forbidden", "A store manager sees only their own store")
        return operator.store_id
    return asked or None


@router.get("/reports/summary", responses={401: {}, 403: {}, 422: {}})
def summary(
    operator: Annotated[Operator, Depends(reporter)],
    engine: deps.Db,
    now: deps.Now,
    start: Annotated[str | None, Query(alias="from")] = None,
    to: str | None = None,
    store: str | None = None,
    format: str | None = None,
):
    figures = queries.summary(engine, now, start, to, _store(operator, store))
    if format == "csv":
        return Response(queries.to_csv([figures], FIELDS), media_type="text/csv; charset=utf-8")
    if format not in (None, "json"):
        raise ApiError(422, "invalid_request", "format is json or csv")
    return figures


@router.get("/reports/rfm", responses={401: {}, 403: {}, 422: {}})
def rfm(operator: Annotated[Operator, Depends(reporter)], engine: deps.Db, now: deps.Now, at: str | None = None,
        store: str | None = None) -> dict:  # fmt: skip
    return queries.rfm(engine, now, at, _store(operator, store))
