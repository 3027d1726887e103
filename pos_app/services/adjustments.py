"""Supervisor point adjustments: always with a reason, always audited."""

from loyalty_core import events, ids, ledger
from loyalty_core.errors import DomainError
from loyalty_core.validation import check_points

from .approvals import require_supervisor
from .context import ServiceContext
from .events import audit, new_event_id, record
from .members import resolve, view
from .uow import UnitOfWork
from .views import MemberView

REASONS = ("goodwill", "correction", "complaint", "migration", "fraud")
MAX_ADJUST = 1_000_000


def adjust(uow: UnitOfWork, ctx: ServiceContext, member_query: str, points: int, reason: str, supervisor_id: str) -> MemberView:
    check_points(points, allow_negative=True, limit=MAX_ADJUST)
    if reason not in REASONS:
        raise DomainError("invalid_reason", f"Reason must be one of {', '.join(REASONS)}", reasons=", ".join(REASONS))
    supervisor_id = require_supervisor(uow, supervisor_id)
    member, _ = resolve(uow, ctx, member_query)
    day = ctx.today()
    expires = ledger.lot_expiry(day, ctx.rules.expiry_months) if points > 0 else None
    event_id = new_event_id()
    entry_id = ids.till_entry_id(ctx.store_id, ctx.terminal_id, event_id, ledger.ADJUST)
    entry = ledger.Entry(entry_id, member.member_code, ledger.ADJUST, points, day, expires)
    uow.ledger.add([entry], ref=reason, event_id=event_id)
    audit(uow, ctx, supervisor_id, "points.adjust", member.member_code, {"points": points, "reason": reason})
    payload = {"member_code": member.member_code, "points": points, "reason": reason,
               "supervisor_id": supervisor_id, "ledger": [entry.to_dict()]}  # fmt: skip
    record(uow, ctx, events.POINTS_ADJUSTED, payload, event_id)
    result = view(uow, ctx, member)
    uow.commit()
    return result
