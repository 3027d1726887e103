"""The console's risk queue: what the velocity rules flagged (hq.services.velocity), to dismiss or confirm.

- `waiting(conn, operator, store)`: open flags the operator may see (a store manager: their store's), newest
  first, each with its evidence and, for a referral farm, the referrer's pending bonuses.
- `decide(...)`: dismiss (a false alarm) or confirm, with a note; audited (`risk.dismiss` / `risk.confirm`).
  Confirming a `referral_farm` flag cancels every pending referral bonus of the referrer: those bonuses are
  not in any ledger yet, so no till sees a change (tills never had them; HQ answered `corrected`). Other
  decisions change no member and so nothing a till sees. A flag is decided once (`risk_already_decided`).
"""

import datetime as dt
import json

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.services.operators import audit
from hq.services.operators.roles import Operator
from hq.storage.schema import risk_flags
from loyalty_core.errors import DomainError

from . import referrals, velocity

LIMIT = 200
OPEN, DISMISSED, CONFIRMED = "open", "dismissed", "confirmed"
DECIDERS = ("admin", "finance", "store_manager")


def waiting(conn: Connection, operator: Operator, store: str | None, limit: int = LIMIT) -> list[dict]:
    f = risk_flags.c
    query = sa.select(risk_flags).where(f.status == OPEN).order_by(f.id.desc()).limit(limit)
    if store is not None:
        query = query.where(f.store_id == store)
    rows = [_shown(r._mapping) for r in conn.execute(query) if operator.sees_store(r.store_id)]
    for row in rows:
        if row["kind"] == velocity.REFERRAL_FARM and row["member_code"]:
            row["pending"] = referrals.pending_of(conn, row["member_code"])
    return rows


def _shown(row) -> dict:
    shown = dict(row)
    try:
        shown["evidence"] = json.loads(row["evidence"])
    except ValueError:
        shown["evidence"] = {}
    return shown


def decide(conn: Connection, operator: Operator, flag_id: str, confirm: bool, note: str, now: dt.datetime) -> dict:
    row = _open_flag(conn, operator, flag_id)
    status = CONFIRMED if confirm else DISMISSED
    conn.execute(sa.update(risk_flags).where(risk_flags.c.id == row.id)
                 .values(status=status, decided_by=operator.username, decided_at=now, note=note))  # fmt: skip
    cancelled = 0
    if confirm and row.kind == velocity.REFERRAL_FARM and row.member_code:
        cancelled = referrals.cancel_for_referrer(conn, row.member_code, now)
    after = {"status": status, "note": note, "referrals_cancelled": cancelled}
    audit.record(conn, now, operator.username, f"risk.{'confirm' if confirm else 'dismiss'}", f"risk_flag:{row.id}",
                 {"kind": row.kind, "store": row.store_id, "member": row.member_code, "status": OPEN}, after)  # fmt: skip
    return {"id": int(row.id), **after}


def _open_flag(conn: Connection, operator: Operator, flag_id: str):
    if not (flag_id.isdigit() and len(flag_id) <= 18):
        raise DomainError("unknown_risk_flag", "No such risk flag")
    row = conn.execute(sa.select(risk_flags).where(risk_flags.c.id == int(flag_id)).with_for_update()).first()
    if row is None or not operator.sees_store(row.store_id):  # another store's: as if it did not exist
        raise DomainError("unknown_risk_flag", "No such risk flag")
    if row.status != OPEN:
        raise DomainError("risk_already_decided", "This flag was decided already")
    return row
