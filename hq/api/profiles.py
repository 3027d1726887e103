"""A member's full profile for a till that edits it: tills keep only the minimum (docs/PRIVACY.md), so
the form is filled from HQ on demand. Terminals only; every read is in the audit log (who, whom, the cashier),
and counts against the token's member look-ups per minute (hq/services/member_reads.py)."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from hq.services import audit_chain, lookup, member_reads
from hq.storage import db
from loyalty_core.member import CLOSED

from . import deps, members
from .common import AUTHED, error_responses
from .errors import ApiError

router = APIRouter(tags=["privacy"])


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_code: Annotated[StrictStr, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9]+$")]


class ProfileOut(BaseModel):
    member_code: str
    name: str
    phone: str  # E.164
    birthday: str | None  # YYYY-MM-DD


@router.post("/members/profile", response_model=ProfileOut,
             responses=error_responses(400, 404, 410, 413, 429, *AUTHED))  # fmt: skip
def profile(body: ProfileIn, principal: deps.Terminal, cashier: deps.Cashier, engine: deps.Db, now: deps.Now) -> dict:
    def read(conn) -> dict | member_reads.Throttled:
        throttled = member_reads.count(conn, principal, cashier, now)  # the look-ups' limit: no way around it
        if throttled is not None:
            return throttled
        found = lookup.find(conn, body.member_code)
        if found is None:
            raise ApiError(404, "unknown_member", "No member with that code")
        member = found[0].member
        if member.status == CLOSED:
            raise ApiError(410, "member_closed", "This membership was closed at the member's request")
        who = f"terminal:{principal.store_id}/{principal.terminal_id}"
        audit_chain.record(conn, now, who, "member.profile_read", member.member_code, None,
                           {"for": "profile edit", "cashier": cashier})  # fmt: skip
        return {"member_code": member.member_code, "name": member.name, "phone": member.phone,
                "birthday": member.birthday.isoformat() if member.birthday else None}  # fmt: skip

    answer = db.write(engine, read)
    if isinstance(answer, member_reads.Throttled):
        raise members.too_many(answer)
    return answer
