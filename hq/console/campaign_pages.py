"""Campaign pages: the list, the new-campaign form (CSRF, every field checked), tracking with the members
left out, and pausing, resuming and stopping a campaign (CSRF forms, audited, the creators' roles only)."""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from hq.services.operators.roles import STORE_MANAGER
from hq.services.reports import rfm
from hq.storage import db
from loyalty_core.errors import DomainError

from ..services import campaign_state, campaigns
from . import i18n
from .scope import require
from .web import PREFIX, Ctx, Form, Page, PageError, SignedIn, domain, render

router = APIRouter()
FIELDS = ("name", "kind", "value", "min_spend_cents", "valid_from", "valid_until", "per_member_limit",
          "budget_cents", "budget_count", "audience", "codes_text")  # fmt: skip


def _may_view(ctx: SignedIn) -> None:
    require(ctx.operator.role != STORE_MANAGER)  # campaigns are chain-wide; a store manager sees one store


@router.get("/campaigns")
def list_page(ctx: Page):
    _may_view(ctx)
    with db.read(ctx.engine) as conn:
        rows = campaigns.listing(conn)
    return render(ctx, "campaigns.html", rows=rows, can_create=campaigns.may_create(ctx.operator))


def _form_page(ctx: Ctx, values: dict, error: str | None = None, status: int = 200):
    return render(ctx, "campaign_new.html", status=status, values=values, error=error, segments=rfm.SEGMENTS)


@router.get("/campaigns/new")
def new_page(ctx: Page):
    require(campaigns.may_create(ctx.operator))
    today = ctx.now.date().isoformat()
    return _form_page(ctx, {"kind": "amount", "valid_from": today, "valid_until": today, "per_member_limit": "1",
                            "min_spend_cents": "0", "audience": "list"})  # fmt: skip


async def _csv_text(form) -> str | None:
    upload = form.get("codes_file")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(campaigns.MAX_CSV_BYTES + 1)
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DomainError("campaign_bad_code", "The list is not UTF-8 text", row=1) from None
    text = form.get("codes_text")
    return text if isinstance(text, str) and text.strip() else None


@router.post("/campaigns")
async def create(ctx: Form):
    require(campaigns.may_create(ctx.operator))
    form = ctx.request.state.form
    values = {k: form.get(k) for k in FIELDS if isinstance(form.get(k), str)}
    try:
        draft = campaigns.parse(values, await _csv_text(form), ctx.now.date())
        result = await run_in_threadpool(
            db.write, ctx.engine, lambda conn: campaigns.create(conn, ctx.operator, draft, ctx.now))
    except DomainError as exc:  # the form again, with what was typed and why it was refused; nothing stored
        key = f"error.{exc.code}"
        message = ctx.t(key if i18n.has(key) else "error.generic", **exc.params)
        return _form_page(ctx, values, message, status=400)
    return RedirectResponse(f"{PREFIX}/campaigns/{result['id']}?issued={result['issued']}"
                            f"&left_out={result['left_out']}", status_code=303)  # fmt: skip


def _campaign_id(text: str) -> int:
    if not text.isdigit() or len(text) > 18:
        raise PageError(404, "error.unknown_campaign")
    return int(text)


@router.get("/campaigns/{campaign_id}")
def detail_page(ctx: Page, campaign_id: str):
    _may_view(ctx)
    number = _campaign_id(campaign_id)
    with domain(), db.read(ctx.engine) as conn:
        tracked = campaigns.tracking(conn, number)
    q = ctx.request.query_params
    done = None
    if q.get("issued", "").isdigit() and q.get("left_out", "").isdigit():
        done = ctx.t("campaign.created", issued=int(q["issued"]), left_out=int(q["left_out"]))
    elif q.get("done") in campaign_state.MOVES:
        done = ctx.t(f"campaign.done_{q['done']}")
    state = tracked["campaign"]["state"]
    moves = campaign_state.moves_from(state) if campaigns.may_create(ctx.operator) else []
    return render(ctx, "campaign.html", tr=tracked, c=tracked["campaign"], done=done, moves=moves,
                  left=tracked["left_out"])  # fmt: skip


@router.post("/campaigns/{campaign_id}/{action}")
def change_state(ctx: Form, campaign_id: str, action: str):
    """pause | resume | stop: refused with a translated reason when the campaign's state does not allow it."""
    require(campaigns.may_create(ctx.operator))
    if action not in campaign_state.MOVES:
        raise PageError(404, "error.generic")
    number = _campaign_id(campaign_id)
    with domain():
        db.write(ctx.engine, lambda conn: campaign_state.change(conn, ctx.operator, number, action, ctx.now))
    return RedirectResponse(f"{PREFIX}/campaigns/{number}?done={action}", status_code=303)
