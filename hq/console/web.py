"""What every console page needs: templates, the operator's session and language, CSRF, HTML errors."""

import datetime as dt
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from hq.services.operators import sessions
from hq.services.operators.roles import Operator
from hq.services.reports.period import chain_zone
from hq.storage import db
from hq.storage import rules as published
from loyalty_core.errors import DomainError

from . import codes, i18n
from .fmt import Formatter

HERE = Path(__file__).parent
SESSION_COOKIE = "hq_session"
LOGIN_CSRF_COOKIE = "hq_login_csrf"
PREFIX = "/console"
# No inline scripts or styles anywhere: a name like <script> can only ever be text.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}

templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
codes.install(templates)


class PageError(Exception):
    """Shown as a translated HTML page; nothing was changed."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.values = status, key, values


class LoginRequired(Exception):
    def __init__(self, expired: bool) -> None:
        super().__init__("login required")
        self.expired = expired


@dataclass
class Ctx:
    request: Request
    lang: str
    now: dt.datetime  # UTC
    fmt: Formatter
    operator: Operator | None = None
    csrf: str = ""
    extra_cookies: dict = field(default_factory=dict)
    tier_names: dict = field(default_factory=dict)  # the published program's tier code -> {language: name}

    def t(self, key: str, **values: object) -> str:
        return i18n.translate(self.lang, key, **values)

    def tn(self, key: str, n: int, **values: object) -> str:
        """`key` in the plural form n takes in the operator's language ({n} is n)."""
        return i18n.translate_plural(self.lang, key, n, **values)

    def label(self, kind: str, code: object) -> str:
        """A stored code in words (the `code` filter's Python side)."""
        return codes.label(self.lang, kind, code, self.tier_names)

    @property
    def engine(self):
        return self.request.app.state.engine


def utc_now(request: Request) -> dt.datetime:
    return request.app.state.clock().astimezone(dt.UTC)


class SignedIn(Ctx):
    """The context of a page behind the login: operator_ctx has set its operator."""

    operator: Operator


C = TypeVar("C", bound=Ctx)


def base_ctx(request: Request) -> Ctx:
    return _ctx(request, Ctx)


def _ctx(request: Request, kind: type[C]) -> C:
    lang = i18n.pick(request)
    with db.read(request.app.state.engine) as conn:
        document = published.current_document(conn)
    ctx = kind(request, lang, utc_now(request), Formatter(lang, str(document.get("currency") or "TWD"),
                                                           chain_zone(document)))  # fmt: skip
    ctx.tier_names = _tier_names(document)
    return ctx


def _tier_names(document: dict) -> dict[str, dict]:
    tiers = document.get("tiers")
    if not isinstance(tiers, list):
        return {}
    named = (t for t in tiers if isinstance(t, dict) and "code" in t)
    return {str(t["code"]): t["names"] if isinstance(t.get("names"), dict) else {} for t in named}


def operator_ctx(request: Request) -> SignedIn:
    ctx = _ctx(request, SignedIn)
    cookie = request.cookies.get(SESSION_COOKIE)
    live = db.write(ctx.engine, lambda conn: sessions.resume(conn, cookie, ctx.now)) if cookie else None
    if live is None:
        raise LoginRequired(expired=bool(cookie))
    ctx.operator, ctx.csrf = live
    return ctx


async def form_ctx(request: Request) -> SignedIn:
    """An operator's POST: the session, then the form's CSRF token, before anything else happens."""
    ctx = operator_ctx(request)
    form = await request.form()
    if not sessions.csrf_ok(ctx.csrf, form.get("csrf")):
        raise PageError(403, "error.csrf")
    request.state.form = form
    return ctx


Page = Annotated[SignedIn, Depends(operator_ctx)]
Form = Annotated[SignedIn, Depends(form_ctx)]
Public = Annotated[Ctx, Depends(base_ctx)]


def render(ctx: Ctx, template: str, status: int = 200, **values: object) -> HTMLResponse:
    html = templates.get_template(template).render(
        ctx=ctx, t=ctx.t, tn=ctx.tn, f=ctx.fmt, op=ctx.operator, lang=ctx.lang, languages=i18n.LANGUAGE_NAMES,
        prefix=PREFIX, path=ctx.request.url.path, query=dict(ctx.request.query_params), **values,
    )  # fmt: skip
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    remember_language(ctx, response)
    return response


def remember_language(ctx: Ctx, response: Response) -> None:
    if ctx.request.query_params.get("lang") in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, ctx.lang, max_age=365 * 86400, samesite="lax", httponly=True,
                            secure=is_tls(ctx.request), path="/")  # fmt: skip


def is_tls(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session_cookie(request: Request, response: Response, cookie: str) -> None:
    response.set_cookie(SESSION_COOKIE, cookie, httponly=True, samesite="strict", secure=is_tls(request), path="/",
                        max_age=int(sessions.LIFETIME.total_seconds()))  # fmt: skip


def new_login_csrf() -> str:
    return secrets.token_urlsafe(32)


def domain(key_prefix: str = "error."):
    """Turns a DomainError from the core into a translated PageError (400, or 404 for unknown things)."""

    class _Guard:
        def __enter__(self):
            return self

        def __exit__(self, kind, exc, tb):
            if isinstance(exc, DomainError):
                key = key_prefix + exc.code
                status = 404 if exc.code.startswith("unknown_") else 403 if exc.code == "forbidden" else 400
                raise PageError(status, key if i18n.has(key) else "error.generic", **exc.params) from None
            return False

    return _Guard()


def install(app: FastAPI) -> None:
    async def page_error(request: Request, exc: PageError) -> HTMLResponse:
        ctx = base_ctx(request)
        try:
            live = operator_ctx(request)
            ctx.operator, ctx.csrf = live.operator, live.csrf
        except LoginRequired:
            pass
        return render(ctx, "error.html", status=exc.status, error_message=ctx.t(exc.key, **exc.values))

    async def login_required(request: Request, exc: LoginRequired) -> Response:
        target = f"{PREFIX}/login" + ("?expired=1" if exc.expired else "")
        response = RedirectResponse(target, status_code=303)
        if exc.expired:
            response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # Starlette types a handler as taking any Exception, though it calls each only with its own class.
    app.add_exception_handler(PageError, page_error)  # type: ignore[arg-type]
    app.add_exception_handler(LoginRequired, login_required)  # type: ignore[arg-type]
