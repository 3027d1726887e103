"""Who may approve an override. Every id that ends up in a record is checked first."""

from loyalty_core.errors import DomainError
from loyalty_core.validation import clean_code

from .uow import UnitOfWork


def checked_actor(actor: str | None, what: str = "actor") -> str | None:
    """Cashier, supervisor or tool ids are short codes, never free text."""
    return None if actor is None else clean_code(actor, what)


def require_supervisor(uow: UnitOfWork, supervisor_id: str | None) -> str:
    """The approver must be an active supervisor of this till; a till without one refuses."""
    if not supervisor_id:
        raise DomainError("supervisor_required", "This needs a supervisor's approval")
    supervisor_id = clean_code(supervisor_id, "supervisor")
    if uow.admin.cashier_count() == 0:
        raise DomainError("no_supervisor", "This till has no supervisor yet: add one first (pos-app cashier add)")
    row = uow.admin.cashier(supervisor_id)
    if row is None or row.role != "supervisor" or not row.active:
        raise DomainError("not_supervisor", "Only a supervisor can approve this", cashier_id=supervisor_id)
    return supervisor_id
