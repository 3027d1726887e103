"""Review of what HQ flagged, stores / terminals / channels, and the audit log."""

import datetime as dt
from urllib.parse import quote, urlencode

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from hq.services import admin, flag_review
from hq.services.operators import actions, audit, held_review
from hq.services.payload import is_plain
from hq.services.reports import dashboard, period
from hq.storage import db
from hq.storage import rules as published
from loyalty_core.errors import DomainError
from loyalty_core.personal_data import mask_phone

from .report_pages import csv_response
from .scope import require, store_for
from .web import PREFIX, Form, Page, PageError, domain, render

router = APIRouter()
REVIEW_LIMIT = 200


# -- review -------------------------------------------------------------------------------------


@router.get("/review")
def review_page(ctx: Page):
    store = store_for(ctx.operator, None)
    with db.read(ctx.engine) as conn:
        flagged = flag_review.flagged_members(conn, store, REVIEW_LIMIT)
        conflicts = flag_review.reused_coupons(conn, store, REVIEW_LIMIT)
        held = held_review.waiting(conn, ctx.operator) if held_review.available() else None
    for rows in flagged.values():
        for r in rows:
            r["phone"] = r["phone"] if ctx.operator.policy.full_phone else mask_phone(r["phone"])
    done = ctx.request.query_params.get("done")
    message = ctx.t(f"review.{done}") if done in ("cleared", "approved", "rejected") else None
    return render(ctx, "review.html", flagged=flagged, conflicts=conflicts, message=message, held=held,
                  can_write=ctx.operator.policy.writes,
                  can_decide=ctx.operator.policy.writes and ctx.operator.role in held_review.DECIDERS)  # fmt: skip


@router.post("/review/held/{review_id}")
def decide_held(ctx: Form, review_id: str):
    """Approve (books the entry and publishes it to the tills) or reject (with a reason), audited."""
    require(held_review.available() and ctx.operator.policy.writes and ctx.operator.role in held_review.DECIDERS)
    form = ctx.request.state.form
    decision = form.get("decision")
    if decision not in ("approve", "reject"):
        raise PageError(400, "error.generic")
    with domain():
        reason = actions.check_reason(form.get("reason")) if decision == "reject" else ""
        db.write(ctx.engine, lambda conn: held_review.decide(conn, ctx.operator, review_id, decision == "approve",
                                                             reason, ctx.now))  # fmt: skip
    return RedirectResponse(f"{PREFIX}/review?done={decision}d", status_code=303)


@router.post("/review/{code}/clear")
def clear_flag(ctx: Form, code: str):
    require(ctx.operator.policy.writes and ctx.operator.role in ("admin", "finance", "store_manager"))
    form = ctx.request.state.form
    with domain():
        note = actions.check_reason(form.get("note"))
        db.write(ctx.engine, lambda conn: actions.clear_flag(conn, ctx.operator, code, str(form.get("flag")),
                                                             note, ctx.now))  # fmt: skip
    return RedirectResponse(f"{PREFIX}/review?done=cleared", status_code=303)


# -- stores, terminals, channels ------------------------------------------------------------------


@router.get("/stores")
def stores_page(ctx: Page, token: dict | None = None):
    store = store_for(ctx.operator, None)
    with db.read(ctx.engine) as conn:
        health = dashboard.store_health(conn, store)
        chans = admin.list_channels(conn) if ctx.operator.policy.manages_stores else []
    return render(ctx, "stores.html", health=health, channels=chans, token=token,
                  can_manage=ctx.operator.policy.manages_stores)  # fmt: skip


def _manage(ctx: Form) -> dict:
    require(ctx.operator.policy.manages_stores)
    return ctx.request.state.form


def _text(form, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@router.post("/stores")
def add_store(ctx: Form):
    form = _manage(ctx)
    store_id, name = _text(form, "store_id"), _text(form, "name")
    if not is_plain(name, 120):
        raise PageError(400, "error.invalid_name")  # PostgreSQL cannot store a NUL; no name needs one

    def work(conn):
        out = admin.add_store(conn, store_id, name, ctx.now)
        audit.record(conn, ctx.now, ctx.operator.username, "store.add", store_id, None, out)

    with domain():
        db.write(ctx.engine, work)
    return RedirectResponse(f"{PREFIX}/stores", status_code=303)


@router.post("/stores/{store_id}/terminals")
def add_terminal(ctx: Form, store_id: str):
    """Adds a terminal or gives an existing one a new token; the token is shown on this page once."""
    form = _manage(ctx)
    terminal_id = _text(form, "terminal_id")

    def work(conn):
        out = admin.add_terminal(conn, store_id, terminal_id, ctx.now, rotate=True)
        audit.record(conn, ctx.now, ctx.operator.username, "terminal.token", f"{store_id}/{terminal_id}", None,
                     {"store_id": store_id, "terminal_id": terminal_id})  # fmt: skip
        return out

    with domain():
        out = db.write(ctx.engine, work)
    return stores_page(ctx, token={"what": f"{store_id}/{terminal_id}", "token": out["token"]})


@router.post("/stores/{store_id}/terminals/{terminal_id}/revoke")
def revoke_terminal(ctx: Form, store_id: str, terminal_id: str):
    _manage(ctx)

    def work(conn):
        out = admin.revoke_terminal(conn, store_id, terminal_id, ctx.now)
        audit.record(conn, ctx.now, ctx.operator.username, "terminal.revoke", f"{store_id}/{terminal_id}",
                     {"revoked": False}, {"revoked": True})  # fmt: skip
        return out

    with domain():
        db.write(ctx.engine, work)
    return RedirectResponse(f"{PREFIX}/stores", status_code=303)


@router.post("/channels")
def add_channel(ctx: Form):
    form = _manage(ctx)
    name = _text(form, "channel")

    def work(conn):
        out = admin.add_channel(conn, name, ctx.now, rotate=True)
        audit.record(conn, ctx.now, ctx.operator.username, "channel.token", name, None, {"channel": name})
        return out

    with domain():
        out = db.write(ctx.engine, work)
    return stores_page(ctx, token={"what": name, "token": out["token"]})


@router.post("/channels/{name}/revoke")
def revoke_channel(ctx: Form, name: str):
    _manage(ctx)

    def work(conn):
        out = admin.revoke_channel(conn, name, ctx.now)
        audit.record(conn, ctx.now, ctx.operator.username, "channel.revoke", name, {"revoked": False},
                     {"revoked": True})  # fmt: skip
        return out

    with domain():
        db.write(ctx.engine, work)
    return RedirectResponse(f"{PREFIX}/stores#{quote(name)}", status_code=303)


# -- audit --------------------------------------------------------------------------------------


def _audit_filters(ctx) -> audit.Filters:
    """The page's and the CSV's filters: who, what, from / to (business days in the chain's time zone), store."""
    require(ctx.operator.policy.reads_audit)
    q = ctx.request.query_params
    texts = {name: (q.get(name) or "").strip() or None for name in ("user", "action", "store")}
    if any(v is not None and not is_plain(v, 40) for v in texts.values()):
        raise PageError(400, "error.invalid_filter")
    with db.read(ctx.engine) as conn:
        zone = period.chain_zone(published.current_document(conn))
    try:
        start = _day_start(q.get("from"), zone, 0)
        end = _day_start(q.get("to"), zone, 1)
    except DomainError:
        raise PageError(400, "error.invalid_filter") from None
    return audit.Filters(texts["user"], texts["action"], start, end, texts["store"])


def _day_start(text: str | None, zone, days_after: int) -> dt.datetime | None:
    if not text:
        return None
    day = period.parse_day(text, "date") + dt.timedelta(days=days_after)
    return dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)


def _entry_id(text: str | None) -> int | None:
    if text is None or text == "":
        return None
    if not text.isdigit() or len(text) > 18:
        raise PageError(400, "error.invalid_cursor")
    return int(text)


@router.get("/audit")
def audit_page(ctx: Page):
    filters = _audit_filters(ctx)
    q = ctx.request.query_params
    before, after = _entry_id(q.get("before")), _entry_id(q.get("after"))
    with db.read(ctx.engine) as conn:
        found = audit.page(conn, filters, before=before, after=after)
    kept = {k: v for k, v in q.items() if k in ("user", "action", "from", "to", "store") and v}
    return render(ctx, "audit.html", rows=found["rows"], older=found["older"], newer=found["newer"],
                  actions=audit.KNOWN_ACTIONS, filters=kept, filter_query=urlencode(kept))  # fmt: skip


@router.get("/audit.csv")
def audit_csv(ctx: Page):
    filters = _audit_filters(ctx)
    with db.read(ctx.engine) as conn:
        rows = audit.every(conn, filters)
    return csv_response(audit.to_csv(rows), "audit.csv")
