"""One-time codes for a redemption above the threshold (hq/services/redeem_codes.py): a terminal asks HQ to
text a code to the member, then has the code the cashier typed verified. Terminals only; a refusal that
counted (a code sent too often, a wrong code) is answered after its count committed."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from hq.services import audit_chain, redeem_codes
from hq.storage import db

from . import deps
from .common import AUTHED, error_responses
from .errors import ApiError

router = APIRouter(tags=["members"])


class SendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_code: Annotated[StrictStr, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9]+$")]


class SendOut(BaseModel):
    otp_id: str
    expires_at: str  # ISO 8601, HQ's clock
    to: str  # the member's phone, masked


class VerifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    otp_id: Annotated[StrictStr, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")]
    code: Annotated[StrictStr, Field(min_length=6, max_length=6, pattern=r"^[0-9]{6}$")]


class VerifyOut(BaseModel):
    otp_id: str
    member_code: str
    verified: bool


@router.post("/members/redeem-code", response_model=SendOut,
             responses=error_responses(400, 404, 409, 413, 429, *AUTHED))  # fmt: skip
def send(body: SendIn, principal: deps.Terminal, cashier: deps.Cashier, engine: deps.Db, now: deps.Now) -> dict:
    store_id, terminal_id = str(principal.store_id), str(principal.terminal_id)

    def work(conn) -> redeem_codes.Sent | redeem_codes.Refused:
        try:
            sent = redeem_codes.send(conn, store_id, terminal_id, body.member_code, now)
        except redeem_codes.Refused as refused:
            return refused  # returned, not raised: the send counter's hit commits
        audit_chain.record(conn, now, f"terminal:{store_id}/{terminal_id}", "member.redeem_code_sent",
                           body.member_code, None, {"cashier": cashier})  # fmt: skip
        return sent

    answer = db.write(engine, work)
    if isinstance(answer, redeem_codes.Refused):
        raise ApiError(answer.status, answer.code, answer.message)
    return {"otp_id": answer.otp_id, "expires_at": answer.expires_at.isoformat(), "to": answer.to_masked}


@router.post("/members/redeem-code/verify", response_model=VerifyOut,
             responses=error_responses(400, 404, 410, 413, 429, *AUTHED))  # fmt: skip
def verify(body: VerifyIn, principal: deps.Terminal, engine: deps.Db, now: deps.Now) -> dict:
    store_id, terminal_id = str(principal.store_id), str(principal.terminal_id)

    def work(conn) -> str | redeem_codes.Refused:
        try:
            return redeem_codes.verify(conn, terminal_id, store_id, body.otp_id, body.code, now)
        except redeem_codes.Refused as refused:
            return refused  # a wrong code's attempt commits

    answer = db.write(engine, work)
    if isinstance(answer, redeem_codes.Refused):
        raise ApiError(answer.status, answer.code, answer.message)
    return {"otp_id": body.otp_id, "member_code": answer, "verified": True}
