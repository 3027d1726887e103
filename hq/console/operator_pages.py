"""Operator management for administrators: list, add (role, store, password hashed with argon2), disable.

Each change is audited by hq.services.operators.accounts with the acting administrator's name. Everyone else is
refused with 403, whatever they send.
"""

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from hq.services import admin
from hq.services.operators import accounts
from hq.services.operators.roles import ADMIN, ROLES
from hq.storage import db

from .scope import require
from .web import PREFIX, Form, Page, PageError, domain, render

router = APIRouter()


def _admin(ctx) -> None:
    require(ctx.operator.policy.writes and ctx.operator.role == ADMIN)


def _text(form, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


@router.get("/operators")
def operators_page(ctx: Page):
    _admin(ctx)
    with db.read(ctx.engine) as conn:
        rows = accounts.listing(conn)
        store_ids = [s["store_id"] for s in admin.list_stores(conn)]
    done = ctx.request.query_params.get("done")
    message = ctx.t({"added": "ops.added", "disabled": "ops.disabled_done"}[done]) if done in ("added", "disabled") else None
    for r in rows:
        r["locked"] = r["locked_until"] is not None and dt.datetime.fromisoformat(r["locked_until"]) > ctx.now
    return render(ctx, "operators.html", rows=rows, roles=ROLES, stores=store_ids, message=message)


@router.post("/operators")
def add_operator(ctx: Form):
    _admin(ctx)
    form = ctx.request.state.form
    username, role, store = _text(form, "username"), _text(form, "role"), _text(form, "store_id") or None
    password = form.get("password") if isinstance(form.get("password"), str) else ""
    if password != form.get("password2"):
        raise PageError(400, "error.password_mismatch")
    with domain():
        db.write(ctx.engine, lambda conn: accounts.add(conn, username, role, password, ctx.now, store,
                                                       actor=ctx.operator.username))  # fmt: skip
    return RedirectResponse(f"{PREFIX}/operators?done=added", status_code=303)


@router.post("/operators/{username}/disable")
def disable_operator(ctx: Form, username: str):
    _admin(ctx)
    if username == ctx.operator.username:
        raise PageError(400, "error.disable_self")  # the last administrator could lock everyone out
    with domain():
        accounts.check_username(username)
        db.write(ctx.engine, lambda conn: accounts.disable(conn, username, ctx.now, actor=ctx.operator.username))
    return RedirectResponse(f"{PREFIX}/operators?done=disabled", status_code=303)
