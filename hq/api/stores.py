"""A terminal registers its QR/coupon signing key once, when it is provisioned."""

from fastapi import APIRouter

from hq.services import admin
from hq.storage import db

from . import deps
from .common import AUTHED, error_responses
from .models import KeyIn, KeyOut

router = APIRouter(tags=["stores"])


@router.post("/stores/me/keys", response_model=KeyOut, responses=error_responses(400, 409, 413, *AUTHED))
def register_key(
    body: KeyIn,
    principal: deps.Terminal,
    engine: deps.Db,
    now: deps.Now,
) -> dict:
    return db.write(
        engine,
        lambda conn: admin.register_key(
            conn, principal.store, body.key_id, body.public_key, now, terminal_id=principal.terminal_id
        ),
    )
