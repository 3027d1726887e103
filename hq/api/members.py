"""Online member look-up: a code (merged codes lead to the survivor) or a phone.

What comes back depends on who asks (hq/services/member_reads.py): the full profile only to a terminal of
the member's home store (audited), the reduced row of snapshot pages to anyone else; every token is
limited to `trust.member_reads_per_minute` look-ups per minute of HQ's clock."""

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy.engine import Engine

from hq.services import member_reads
from hq.services.auth import Principal
from hq.storage import db
from loyalty_core.phones import looks_like_phone

from . import deps
from .common import AUTHED, error_responses
from .errors import ApiError
from .models import MemberOut

router = APIRouter(tags=["members"])


@router.get("/members/{code}", response_model=MemberOut, responses=error_responses(400, 404, 429, *AUTHED))
def member(
    code: Annotated[str, Path(min_length=1, max_length=40)],
    principal: deps.Caller,
    cashier: deps.Cashier,
    engine: deps.Db,
    now: deps.Now,
) -> dict:
    if looks_like_phone(code):  # a phone in a URL lands in access logs and proxies
        raise ApiError(400, "phone_in_path", "Look members up by phone with POST /api/v1/members/lookup")
    return answer(engine, principal, cashier, code, now, f"No member {code!r}")


def answer(engine: Engine, principal: Principal, cashier: str | None, query: str, now: dt.datetime,
           not_found: str) -> dict:  # fmt: skip
    """One look-up in one transaction (the count, the audit entry and the read commit together)."""
    view = db.write(engine, lambda conn: member_reads.read(conn, principal, cashier, query, now))
    if isinstance(view, member_reads.Throttled):
        raise too_many(view)
    if view is None:
        raise ApiError(404, "unknown_member", not_found)
    return view


def too_many(throttled: member_reads.Throttled) -> ApiError:
    """Raised only after the transaction that counted (and recorded the alert) committed."""
    return ApiError(429, "too_many_lookups", f"This token made more than {throttled.limit} member look-ups this "
                    "minute; HQ has recorded it. Try again in a minute.", {"Retry-After": "60"})  # fmt: skip
