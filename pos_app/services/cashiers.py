"""Cashier logins: argon2-hashed PINs, lockout after repeated wrong PINs."""

import datetime as dt
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loyalty_core.errors import DomainError
from loyalty_core.validation import clean_code, clean_name

from .context import ServiceContext
from .events import audit

MAX_ATTEMPTS = 5
LOCK_MINUTES = 5
ROLES = ("cashier", "supervisor")
_PIN = re.compile(r"^[0-9]{4,8}$")
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


@dataclass(frozen=True)
class Cashier:
    cashier_id: str
    name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role == "supervisor"


def add(
    uow, ctx: ServiceContext, cashier_id: str, name: str, pin: str, role: str = "cashier", actor: str = "setup"
) -> Cashier:
    cashier_id = clean_code(cashier_id, "cashier")
    if role not in ROLES:
        raise DomainError("invalid_role", f"Role must be one of {', '.join(ROLES)}")
    if not _PIN.fullmatch(str(pin)):
        raise DomainError("invalid_pin", "A PIN is 4 to 8 digits")
    if uow.admin.cashier(cashier_id) is not None:
        raise DomainError("cashier_exists", "That cashier ID is taken", cashier_id=cashier_id)
    uow.admin.add_cashier(cashier_id, clean_name(name), role, _hasher.hash(str(pin)))
    audit(uow, ctx, actor, "cashier.add", cashier_id, {"role": role})
    uow.commit()
    return Cashier(cashier_id, name, role)


def login(uow, ctx: ServiceContext, cashier_id: str, pin: str) -> Cashier:
    """Checks the PIN; the 5th wrong one locks the cashier for 5 minutes."""
    row = uow.admin.cashier(str(cashier_id).strip()[:40])
    if row is None or not row.active:
        raise DomainError("unknown_cashier", "Unknown cashier")
    now = ctx.now()
    if row.locked_until and dt.datetime.fromisoformat(row.locked_until) > now:
        left = dt.datetime.fromisoformat(row.locked_until) - now
        raise DomainError(
            "cashier_locked", "Too many wrong PINs; try again later", minutes=int(left.total_seconds() // 60) + 1
        )
    if not _verify(row.pin_hash, str(pin)):
        failed = row.failed_attempts + 1
        locked = (now + dt.timedelta(minutes=LOCK_MINUTES)).isoformat() if failed >= MAX_ATTEMPTS else None
        uow.admin.update_cashier(row.cashier_id, failed_attempts=0 if locked else failed, locked_until=locked)
        audit(uow, ctx, row.cashier_id, "cashier.bad_pin", row.cashier_id, {"locked": bool(locked)})
        uow.commit()
        if locked:
            raise DomainError("cashier_locked", "Too many wrong PINs; try again later", minutes=LOCK_MINUTES)
        raise DomainError("bad_pin", "Wrong PIN", left=MAX_ATTEMPTS - failed)
    uow.admin.update_cashier(row.cashier_id, failed_attempts=0, locked_until=None)
    uow.commit()
    return Cashier(row.cashier_id, row.name, row.role)


def verify_supervisor(uow, ctx: ServiceContext, cashier_id: str, pin: str) -> Cashier:
    cashier = login(uow, ctx, cashier_id, pin)
    if not cashier.is_supervisor:
        raise DomainError("not_supervisor", "Only a supervisor can approve this", cashier_id=cashier.cashier_id)
    return cashier


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
