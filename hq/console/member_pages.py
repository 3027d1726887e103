"""Member search, the member 360 page, and adjustments within the operator role's limit."""

from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from hq.services.operators import actions
from hq.services.reports import member360, member_ledger, queries
from hq.storage import db
from loyalty_core.personal_data import mask_phone

from ..services import tier_history
from .scope import require
from .web import PREFIX, Form, Page, PageError, domain, render

router = APIRouter()


def _visible_phone(ctx, phone: str) -> str:
    return phone if ctx.operator.policy.full_phone else mask_phone(phone)


@router.get("/members")
def search_page(ctx: Page):
    return render(ctx, "members.html", q="", rows=None)


@router.post("/members")
def search(ctx: Form):
    """A POST, so what was searched for (a name, a phone) never sits in a URL, an access log or a proxy's log;
    the results come back on this page, and their links carry only member codes."""
    q = ctx.request.state.form.get("q")
    q = q if isinstance(q, str) else ""
    store = ctx.operator.store_id if ctx.operator.policy.one_store else None
    with domain(), db.read(ctx.engine) as conn:
        rows = member360.search(conn, q, store)
    for r in rows:
        r["phone"] = _visible_phone(ctx, r["phone"])
    return render(ctx, "members.html", q=q, rows=rows)


def _load(ctx, code: str, cursor: member_ledger.Cursor | None = None) -> dict:
    if not isinstance(code, str) or len(code) > 40:
        raise PageError(404, "error.unknown_member")
    today = queries.today(ctx.engine, ctx.now)
    # Every query of the page is bounded (a page of the ledger, not all of it), and the transaction ends
    # before the page is rendered: a slow client never keeps it open.
    with db.read(ctx.engine) as conn:
        view = member360.profile(conn, code, today, cursor)
    # Another store's member is answered exactly like a missing one: a store manager learns nothing.
    if view is None or not ctx.operator.sees_store(view["member"].home_store):
        raise PageError(404, "error.unknown_member")
    return view


@router.get("/members/{code}")
def member_page(ctx: Page, code: str):
    with domain():
        cursor = member_ledger.decode(ctx.request.query_params.get("page"))
    view = _load(ctx, code, cursor)
    for entry in view["ledger"]:
        entry["reason_label"] = _reason_label(ctx, entry.get("reason_code"), entry.get("reason"))
    with db.read(ctx.engine) as conn:
        view["tiers"] = tier_history.history(conn, view["state"].code)
    done = ctx.request.query_params.get("adjusted")
    message = ctx.t("member.adjusted", points=ctx.fmt.num(int(done))) if done and done.lstrip("-").isdigit() else None
    return render(ctx, "member.html", v=view, m=view["member"], phone=_visible_phone(ctx, view["member"].phone),
                  can_adjust=ctx.operator.policy.writes and ctx.operator.policy.max_adjust_points > 0,
                  message=message, page_size=member_ledger.PAGE_SIZE)  # fmt: skip


def _reason_label(ctx, code: str | None, words: str | None) -> str | None:
    """A till's reason code in the operator's language ("goodwill" -> 善意補償), then the operator's own words."""
    label = None
    if code is not None:
        label = ctx.label("adjust_reason", code)
    if words:
        label = f"{label}: {words}" if label else words
    return label


@router.post("/members/{code}/adjust")
def adjust(ctx: Form, code: str):
    policy = ctx.operator.policy
    require(policy.writes and policy.max_adjust_points > 0)
    form = ctx.request.state.form
    view = _load(ctx, code)
    with domain():
        points = actions.check_points(form.get("points"), policy.max_adjust_points)
        reason = actions.check_reason(form.get("reason"))
    today = queries.today(ctx.engine, ctx.now)
    survivor = view["state"].code
    with domain():
        db.write(ctx.engine, lambda conn: actions.adjust_points(conn, ctx.operator, survivor, points, reason,
                                                                ctx.now, today))  # fmt: skip
    return RedirectResponse(f"{PREFIX}/members/{quote(survivor)}?adjusted={points}", status_code=303)
