"""Role checks shared by the pages and the reports API."""

from hq.services.operators.roles import Operator

from .web import PageError


def store_for(operator: Operator, asked: str | None) -> str | None:
    """The store a view is limited to. A store manager asking for another store is refused, not redirected."""
    asked = asked or None
    if operator.policy.one_store:
        if asked is not None and asked != operator.store_id:
            raise PageError(403, "error.other_store")
        return operator.store_id
    return asked


def require(ok: bool) -> None:
    if not ok:
        raise PageError(403, "error.forbidden")
