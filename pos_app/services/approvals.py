"""Who may approve an override. Every id that ends up in a record is checked first."""

from loyalty_core.errors import DomainError
from loyalty_core.validation import clean_code


def checked_actor(actor: str | None, what: str = "actor") -> str | None:
    """Cashier, supervisor or tool ids are short codes, never free text."""
    return None if actor is None else clean_code(actor, what)


def require_supervisor(uow, supervisor_id: str | None) -> str:
    """Where cashiers are set up, the approver must be an active supervisor."""
    if not supervisor_id:
        raise DomainError("supervisor_required", "This needs a supervisor's approval")
    supervisor_id = clean_code(supervisor_id, "supervisor")
    if uow.admin.cashier_count() == 0:  # a till run only from the CLI has no logins
        return supervisor_id
    row = uow.admin.cashier(supervisor_id)
    if row is None or row.role != "supervisor" or not row.active:
        raise DomainError("not_supervisor", "Only a supervisor can approve this", cashier_id=supervisor_id)
    return supervisor_id
