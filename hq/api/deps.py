"""What routes need from the app: the engine, the clock and who is calling."""

import datetime as dt
import re
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

from hq.services.auth import Principal, authenticate
from hq.storage import db

from .errors import ApiError

bearer = HTTPBearer(auto_error=False, description="a terminal token (hqt_...) or a channel token (hqc_...)")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def engine(request: Request) -> Engine:
    return request.app.state.engine


def now(request: Request) -> dt.datetime:
    return request.app.state.clock()


def caller(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Principal:
    if creds is None:
        raise ApiError(401, "unauthorized", "A bearer token is required", _CHALLENGE)
    with db.read(engine(request)) as conn:
        principal = authenticate(conn, creds.credentials)
    if principal is None:
        raise ApiError(401, "unauthorized", "Unknown or revoked token", _CHALLENGE)
    return principal


def terminal(principal: Annotated[Principal, Depends(caller)]) -> Principal:
    if not principal.is_terminal:
        raise ApiError(403, "forbidden", "Only a store terminal may call this")
    return principal


def channel(principal: Annotated[Principal, Depends(caller)]) -> Principal:
    if principal.kind != "channel":
        raise ApiError(403, "forbidden", "Only an online channel may call this")
    return principal


_CASHIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")


def cashier(
    x_cashier_id: Annotated[
        str | None, Header(description="the cashier signed in at the till (for the audit log)")
    ] = None,
) -> str | None:
    """The cashier a terminal says is serving: recorded with each full member read, so it must be an id, not text."""
    if x_cashier_id is None:
        return None
    if not _CASHIER.fullmatch(x_cashier_id):
        raise ApiError(400, "invalid_cashier", "X-Cashier-Id must be 1 to 40 letters, digits, '_', '.' or '-'")
    return x_cashier_id


# Annotated aliases keep route signatures short (and calls out of argument defaults).
Db = Annotated[Engine, Depends(engine)]
Now = Annotated[dt.datetime, Depends(now)]
Caller = Annotated[Principal, Depends(caller)]
Terminal = Annotated[Principal, Depends(terminal)]
Channel = Annotated[Principal, Depends(channel)]
Cashier = Annotated[str | None, Depends(cashier)]
