"""The online shop's orders and returns, idempotent by the shop's own ids."""

from fastapi import APIRouter

from hq.services import online

from . import deps
from .common import AUTHED, error_responses
from .models import OrderIn, OrderOut, ReturnIn, ReturnOut

router = APIRouter(tags=["online"])


@router.post("/online/orders", response_model=OrderOut, responses=error_responses(400, 404, 409, 413, *AUTHED))
def order(
    body: OrderIn,
    principal: deps.Channel,
    engine: deps.Db,
    now: deps.Now,
) -> dict:
    outcome = online.place_order(engine, principal.channel_name, body.model_dump(exclude_unset=True), now)
    return {"status": outcome.status, **outcome.result}


@router.post("/online/returns", response_model=ReturnOut, responses=error_responses(400, 404, 409, 413, *AUTHED))
def return_items(
    body: ReturnIn,
    principal: deps.Channel,
    engine: deps.Db,
    now: deps.Now,
) -> dict:
    outcome = online.return_items(engine, principal.channel_name, body.model_dump(exclude_unset=True), now)
    return {"status": outcome.status, **outcome.result}
