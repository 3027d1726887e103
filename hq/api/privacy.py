"""The look-up key a till hashes phones with, and look-ups by phone in a body (never in a URL)."""

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from loyalty_core import signing

from .. import db, lookup, privacy
from . import deps
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


@router.post("/members/lookup", response_model=MemberOut, responses=error_responses(400, 404, 413, *AUTHED))
def member_lookup(body: LookupIn, _: deps.Caller, engine: deps.Db, now: deps.Now) -> dict:
    """A member code or a phone, in the body: a phone in a URL ends up in access logs and proxies."""
    with db.read(engine) as conn:
        view = lookup.show(conn, body.query, now.astimezone().date())
    if view is None:
        raise ApiError(404, "unknown_member", "No member matches that")
    return view
