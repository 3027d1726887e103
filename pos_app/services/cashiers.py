"""Cashier logins: argon2-hashed PINs, lockouts that escalate after repeated wrong PINs.

Five wrong PINs lock the cashier for 5 minutes; the next five for 30; the next
five until a supervisor unlocks them. A good PIN starts the count over. An
unknown id and a wrong PIN get the same answer (and take the same time), so
the login cannot be used to find out which ids exist.
"""

import datetime as dt
import functools
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loyalty_core.errors import DomainError
from loyalty_core.validation import clean_code, clean_name

from .context import ServiceContext
from .events import audit
from .uow import UnitOfWork

MAX_ATTEMPTS = 5
LOCK_MINUTES = (5, 30)  # the first and second lockout; the third lasts until a supervisor unlocks
UNTIL_UNLOCKED = "9999-12-31T23:59:59+00:00"  # locked_until of a cashier only a supervisor can unlock
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
    uow: UnitOfWork, ctx: ServiceContext, cashier_id: str, name: str, pin: str, role: str = "cashier", actor: str = "setup"
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


def login(uow: UnitOfWork, ctx: ServiceContext, cashier_id: str, pin: str) -> Cashier:
    """Checks the PIN; every fifth wrong one in a row locks the cashier (5 min, 30 min, until unlocked)."""
    row = uow.admin.cashier(str(cashier_id).strip()[:40])
    if row is None or not row.active:
        _verify(_dummy_hash(), str(pin))  # as long as a real check: the answer time tells nothing either
        raise _bad_login()
    now = ctx.now()
    _refuse_if_locked(row.locked_until, now)
    if not _verify(row.pin_hash, str(pin)):
        failed = row.failed_attempts + 1
        lockouts = row.lockouts + (failed >= MAX_ATTEMPTS)
        locked = _locked_until(lockouts, now) if failed >= MAX_ATTEMPTS else None
        uow.admin.update_cashier(row.cashier_id, failed_attempts=0 if locked else failed, locked_until=locked,
                                 lockouts=lockouts)  # fmt: skip
        audit(uow, ctx, row.cashier_id, "cashier.bad_pin", row.cashier_id, {"locked": bool(locked)})
        after = uow.admin.cashier(row.cashier_id)  # read inside the unit of work: it is finished once committed
        uow.commit()
        if locked and after is not None:
            _refuse_if_locked(after.locked_until, now)
        raise _bad_login()
    uow.admin.update_cashier(row.cashier_id, failed_attempts=0, locked_until=None, lockouts=0)
    uow.commit()
    return Cashier(row.cashier_id, row.name, row.role)


def unlock(uow: UnitOfWork, ctx: ServiceContext, cashier_id: str, supervisor: "Cashier") -> Cashier:
    """A supervisor (whose PIN was just checked) lifts a cashier's lockout."""
    if not supervisor.is_supervisor:
        raise DomainError("not_supervisor", "Only a supervisor can approve this", cashier_id=supervisor.cashier_id)
    row = uow.admin.cashier(clean_code(cashier_id, "cashier"))
    if row is None:
        raise DomainError("unknown_cashier", "Unknown cashier ID")
    uow.admin.update_cashier(row.cashier_id, failed_attempts=0, locked_until=None, lockouts=0)
    audit(uow, ctx, supervisor.cashier_id, "cashier.unlock", row.cashier_id, {})
    uow.commit()
    return Cashier(row.cashier_id, row.name, row.role)


def _locked_until(lockouts: int, now: dt.datetime) -> str:
    if lockouts > len(LOCK_MINUTES):
        return UNTIL_UNLOCKED
    return (now + dt.timedelta(minutes=LOCK_MINUTES[lockouts - 1])).isoformat()


def _refuse_if_locked(locked_until: str | None, now: dt.datetime) -> None:
    if not locked_until:
        return
    if locked_until == UNTIL_UNLOCKED:
        raise DomainError("cashier_locked_out", "Locked after too many wrong PINs; a supervisor must unlock it")
    until = dt.datetime.fromisoformat(locked_until)
    if until > now:
        minutes = -(-int((until - now).total_seconds()) // 60)  # rounded up: never "0 minutes"
        raise DomainError("cashier_locked", "Too many wrong PINs; try again later", minutes=minutes)


@functools.cache
def _dummy_hash() -> str:
    """What an unknown id's PIN is checked against (made on first use, not at import)."""
    return _hasher.hash("not-a-pin")


def _bad_login() -> DomainError:
    return DomainError("bad_login", "Unknown cashier ID or wrong PIN")


def verify_supervisor(uow: UnitOfWork, ctx: ServiceContext, cashier_id: str, pin: str) -> Cashier:
    cashier = login(uow, ctx, cashier_id, pin)
    if not cashier.is_supervisor:
        raise DomainError("not_supervisor", "Only a supervisor can approve this", cashier_id=cashier.cashier_id)
    return cashier


def _verify(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False
