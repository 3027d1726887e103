"""Signing in and out. The login form has its own CSRF token (a cookie and a hidden field that must match)."""

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from hq.services.operators import accounts, sessions, throttle
from hq.storage import db

from .web import LOGIN_CSRF_COOKIE, PREFIX, SESSION_COOKIE, Form, PageError, Public, is_tls, new_login_csrf, render
from .web import set_session_cookie as _set_session

router = APIRouter()


def _login_page(ctx, status: int = 200, message_key: str | None = None, username: str = ""):
    token = new_login_csrf()
    response = render(ctx, "login.html", status=status, csrf=token, username=username,
                      message=ctx.t(message_key) if message_key else None)  # fmt: skip
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=is_tls(ctx.request),
                        path=PREFIX)  # fmt: skip
    return response


@router.get("/login")
def login_form(ctx: Public, request: Request):
    return _login_page(ctx, message_key="login.expired" if request.query_params.get("expired") else None)


@router.post("/login")
async def login(ctx: Public, request: Request):
    form = await request.form()
    expected = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    if not expected or not sessions.csrf_ok(expected, form.get("csrf")):
        raise PageError(403, "error.csrf")
    username, password = form.get("username"), form.get("password")
    username = username.strip() if isinstance(username, str) else ""

    source = throttle.source_of(request.client.host if request.client else None)

    def work(conn):
        operator = accounts.login(conn, username, password, ctx.now, source)
        return operator, sessions.start(conn, operator.username, ctx.now)[0] if operator else None

    operator, cookie = db.write(ctx.engine, work)
    if operator is None:  # one answer for every refusal (accounts.login): the page tells a stranger nothing
        return _login_page(ctx, status=401, message_key="login.refused", username=username[:40])
    response = RedirectResponse(f"{PREFIX}/", status_code=303)
    _set_session(request, response, cookie)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=PREFIX)
    return response


@router.post("/logout")
def logout(ctx: Form, request: Request):
    db.write(ctx.engine, lambda conn: sessions.end(conn, request.cookies.get(SESSION_COOKIE)))
    response = RedirectResponse(f"{PREFIX}/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
