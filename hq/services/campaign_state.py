"""Pausing, resuming and stopping a campaign: who may, which moves are allowed, and the audit entry.

A campaign issues its coupons when it is created (hq/services/campaigns.py); its state says whether it
may issue any more: only an `active` one does. `paused` holds issuing until it is resumed; `stopped` is
final. Coupons already issued stay valid either way (they are signed and on the tills; revoking them
would need every till to hear of it first), so stopping a campaign never takes a coupon from a member.
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services.operators import audit
from hq.services.operators.roles import Operator
from loyalty_core.errors import DomainError

from ..storage.campaigns import campaigns
from .campaigns import may_create

ACTIVE, PAUSED, STOPPED = "active", "paused", "stopped"
MOVES = {"pause": ((ACTIVE,), PAUSED), "resume": ((PAUSED,), ACTIVE), "stop": ((ACTIVE, PAUSED), STOPPED)}


def issues(state: str) -> bool:
    """Whether a campaign in this state may issue coupons."""
    return state == ACTIVE


def moves_from(state: str) -> list[str]:
    """The actions the campaign page offers for a campaign in this state."""
    return [action for action, (sources, _) in MOVES.items() if state in sources]


def change(conn: Connection, operator: Operator, campaign_id: int, action: str, now: dt.datetime) -> str:
    """Moves the campaign to its new state and audits it; returns the new state. Refuses a move the current
    state does not allow (a stopped campaign stays stopped), changing nothing."""
    if not may_create(operator):
        raise DomainError("forbidden", "Your role may not change campaigns")
    if action not in MOVES:
        raise DomainError("campaign_bad_action", "Pause, resume or stop")
    c = campaigns.c
    state = conn.execute(sa.select(c.state).where(c.id == campaign_id).with_for_update()).scalar()
    if state is None:
        raise DomainError("unknown_campaign", "No such campaign")
    sources, target = MOVES[action]
    if state not in sources:
        raise DomainError("campaign_state", f"The campaign is {state}: {action} is not possible", state=state)
    conn.execute(sa.update(campaigns).where(c.id == campaign_id, c.state == state).values(state=target))
    audit.record(conn, now, operator.username, f"campaign.{action}", f"campaign:{campaign_id}",
                 {"state": state}, {"state": target})  # fmt: skip
    return target
