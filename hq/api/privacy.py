"""The look-up key a till hashes phones with, and look-ups by phone in a body (never in a URL)."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from hq.services import consents
from hq.storage import db, privacy
from loyalty_core import consent, signing
from loyalty_core.errors import DomainError

from . import deps, members
from .common import AUTHED, error_responses
from .errors import ApiError
from .models import MemberOut

router = APIRouter(tags=["privacy"])


class LookupKeyOut(BaseModel):
    key_id: str
    key: str  # base64url, 32 raw bytes


class LookupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    query: Annotated[StrictStr, Field(min_length=1, max_length=40)]


@router.get("/sync/lookup-key", response_model=LookupKeyOut, responses=error_responses(*AUTHED))
def lookup_key(_: deps.Terminal, engine: deps.Db) -> dict:
    """Given to a till at provisioning; it keeps the key in an owner-only file, never in its database."""
    with db.read(engine) as conn:
        key_id, key = privacy.lookup_key(conn)
    return {"key_id": key_id, "key": signing.b64(key)}


@router.post("/members/lookup", response_model=MemberOut, responses=error_responses(400, 404, 413, 429, *AUTHED))
def member_lookup(
    body: LookupIn, principal: deps.Caller, cashier: deps.Cashier, engine: deps.Db, now: deps.Now
) -> dict:
    """A member code or a phone, in the body: a phone in a URL ends up in access logs and proxies. Answers as
    `GET /members/{code}` does (full only for the member's home store, throttled per token)."""
    return members.answer(engine, principal, cashier, body.query, now, "No member matches that")


class ConsentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_code: Annotated[StrictStr, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9]+$")]
    marketing: StrictBool
    recorded_by: Annotated[StrictStr, Field(min_length=1, max_length=40)] = "member"


class ConsentOut(BaseModel):
    member_code: str
    consent_marketing: bool
    recorded: dict


@router.post("/online/consent", response_model=ConsentOut, responses=error_responses(400, 404, 413, *AUTHED))
def online_consent(body: ConsentIn, principal: deps.Channel, engine: deps.Db, now: deps.Now) -> dict:
    """The member gives or withdraws marketing consent online; every till hears it through the feed."""
    try:
        return db.write(engine, lambda conn: consents.set_marketing(
            conn, body.member_code, body.marketing, consent.ONLINE, principal.channel_name, body.recorded_by, now))  # fmt: skip
    except DomainError as exc:
        raise ApiError(404, exc.code, exc.message) from None
