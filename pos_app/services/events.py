"""Writing an event to the outbox inside the caller's unit of work."""

from typing import Any

from loyalty_core.ids import uuid7

from .context import ServiceContext
from .uow import UnitOfWork


def new_event_id() -> str:
    return uuid7()


def record(uow: UnitOfWork, ctx: ServiceContext, event_type: str, payload: dict[str, Any], event_id: str) -> dict[str, Any]:
    event = {
        "event_id": event_id,
        "type": event_type,
        "store_id": ctx.store_id,
        "terminal_id": ctx.terminal_id,
        "seq": uow.outbox.next_seq(),
        "occurred_at": ctx.now().isoformat(),
        "rules_version": ctx.rules.version,
        "payload": payload,
    }
    uow.outbox.add(event)
    return event


def audit(uow: UnitOfWork, ctx: ServiceContext, actor: str, action: str, subject: str | None, details: dict[str, Any]) -> None:
    uow.admin.audit(ctx.now().isoformat(), actor, action, subject, details)
