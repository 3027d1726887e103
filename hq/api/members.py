"""Online member look-up: a code (merged codes lead to the survivor) or a phone."""

from typing import Annotated

from fastapi import APIRouter, Path

from hq.services import lookup
from hq.storage import db
from loyalty_core.phones import looks_like_phone

from . import deps
from .common import AUTHED, error_responses
from .errors import ApiError
from .models import MemberOut

router = APIRouter(tags=["members"])


@router.get("/members/{code}", response_model=MemberOut, responses=error_responses(400, 404, *AUTHED))
def member(
    code: Annotated[str, Path(min_length=1, max_length=40)],
    _: deps.Caller,
    engine: deps.Db,
    now: deps.Now,
) -> dict:
    if looks_like_phone(code):  # a phone in a URL lands in access logs and proxies
        raise ApiError(400, "phone_in_path", "Look members up by phone with POST /api/v1/members/lookup")
    with db.read(engine) as conn:
        view = lookup.show(conn, code, now.astimezone().date())
    if view is None:
        raise ApiError(404, "unknown_member", f"No member {code!r}")
    return view
