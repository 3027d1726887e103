"""Every error is JSON `{"error": CODE, "message": ...}`; nothing escapes as an HTML 500."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hq.api.access_log import redact
from hq.storage.feed import CursorError
from loyalty_core.errors import DomainError

log = logging.getLogger(__name__)

# Domain codes that mean something other than "your request is invalid".
_DOMAIN_STATUS = {
    "unknown_member": 404,
    "unknown_order": 404,
    "unknown_store": 404,
    "changed_body": 409,
    "key_conflict": 409,
    "key_already_registered": 409,
    "no_rules": 503,
}
# FastAPI raises a bare 400 only when it cannot decode the body (e.g. invalid UTF-8).
_HTTP_CODES = {400: "invalid_json", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large"}  # fmt: skip
_MAX_DETAILS = 20


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error(status: int, code: str, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    # Starlette types a handler as taking any Exception, though it calls each only with its own class.
    app.add_exception_handler(ApiError, _api_error)  # type: ignore[arg-type]
    app.add_exception_handler(DomainError, _domain_error)  # type: ignore[arg-type]
    app.add_exception_handler(CursorError, _cursor_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(OperationalError, _database_down)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
    return error(exc.status, exc.code, exc.message, exc.headers)


async def _domain_error(_: Request, exc: DomainError) -> JSONResponse:
    return error(_DOMAIN_STATUS.get(exc.code, 422), exc.code, exc.message)


async def _cursor_error(_: Request, exc: CursorError) -> JSONResponse:
    return error(400, exc.code, exc.message)


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    problems = list(exc.errors())
    if any(p.get("type") == "json_invalid" for p in problems):
        return error(400, "invalid_json", "The request body is not valid JSON")
    details = [{"loc": [str(x) for x in p.get("loc", ())], "msg": str(p.get("msg", ""))} for p in problems]
    first = details[0] if details else {"loc": [], "msg": "invalid"}
    message = f"{'.'.join(first['loc'])}: {first['msg']}" + (
        f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    )
    return error(422, "invalid_request", message, details=details[:_MAX_DETAILS])


async def _http_error(_: Request, exc: HTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
    return error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))


async def _database_down(request: Request, exc: OperationalError) -> JSONResponse:
    """Nothing was applied; a till keeps its outbox and retries with backoff."""
    log.warning("database unavailable on %s %s: %s", request.method, redact(request.url.path), exc.orig)
    return error(503, "unavailable", "HQ cannot reach its database; nothing was applied, try again later")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """The last resort: log it, answer JSON. Tests assert this never runs."""
    log.exception("unhandled error on %s %s", request.method, redact(request.url.path))
    return error(500, "internal", "HQ hit an unexpected error; nothing was applied")


class BodyTooLarge(HTTPException):
    """An HTTPException so FastAPI's body parsing passes it through instead of making it a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes")


class BodyLimit:
    """Refuses bodies over `max_bytes`, by Content-Length or while streaming a chunked one."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            response = error(413, "too_large", f"The request body is larger than {self.max_bytes} bytes")
            return await response(scope, receive, send)
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, limited, send)
