"""OpenAPI error responses shared by the routers."""

from pydantic import BeforeValidator

from .models import ErrorOut

_DESCRIPTIONS = {
    400: "malformed request (bad JSON, bad cursor)",
    401: "missing, unknown or revoked token",
    403: "the token may not do this",
    404: "not found",
    409: "conflicts with what HQ already holds",
    410: "the membership was closed at the member's request",
    413: "request body or batch too large",
    422: "invalid request or refused by the loyalty rules",
    429: "too many requests for this token; try again in a minute",
    503: "the database is unreachable; try again later",
}


def error_responses(*statuses: int) -> dict:
    return {s: {"model": ErrorOut, "description": _DESCRIPTIONS[s]} for s in statuses}


AUTHED = (401, 403, 422, 503)


def _whole_number(value: object) -> object:
    """A query or path integer as the schema says it: digits only ("0.0", "1e3", " 7" are refused, not read as 0,
    1000, 7 the way lax parsing would)."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("a whole number in digits")
    return value


WholeNumber = BeforeValidator(_whole_number)
