"""The one object the UI and the CLI talk to: each call is one unit of work.

Calls are synchronous and may touch the disk: the UI runs them on its
database worker thread, never on the GUI thread.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine, Quote

from . import adjustments, checkout, identity, members, reports, returns
from . import cashiers as cashier_cases
from .cashiers import Cashier
from .checkout import ClampedQuote, SaleRequest
from .context import ServiceContext
from .uow import UnitOfWork, UowFactory
from .views import CodeSent, DaySummary, MemberView, Profile, Receipt, ReturnReceipt, SaleRecord


class RedeemCodes(Protocol):
    def send(self, member_code: str) -> CodeSent: ...
    def verify(self, otp_id: str, code: str) -> str: ...


class PosService:
    def __init__(self, uow_factory: UowFactory, ctx: ServiceContext) -> None:
        self._uow = uow_factory
        self.ctx = ctx
        self.profiles: Callable[[str], Profile] | None = None  # HQ's copy of a profile (pos_app.sync.profiles)
        self.redeem_codes: RedeemCodes | None = None  # HQ's one-time codes (pos_app.sync.redeem_codes)

    def _read(self) -> UnitOfWork:
        return self._uow(read_only=True)

    # members ------------------------------------------------------------
    def enroll(self, **fields: Any) -> MemberView:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return members.enroll(uow, ctx, **fields)

    def find_member(self, query: str) -> MemberView:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._read() as uow:
            member, merged_from = members.resolve(uow, ctx, query)
            return members.view(uow, ctx, member, merged_from)

    def member_by_phone(self, phone: str) -> MemberView | None:
        try:
            return self.find_member(phone)
        except DomainError as exc:
            if exc.code == "member_not_found":
                return None
            raise

    def search_members(self, name_prefix: str, limit: int = 20) -> list[MemberView]:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        prefix = " ".join(str(name_prefix).split())[:60]
        if not prefix:
            return []
        with self._read() as uow:
            return [members.view(uow, ctx, m) for m in uow.members.by_name_prefix(prefix, min(limit, 50))]

    def ledger(self, query: str) -> list[dict[str, Any]]:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._read() as uow:
            member, _ = members.resolve(uow, ctx, query)
            # Entries HQ holds for review first: they count in no balance until HQ approves them.
            return uow.answers.held_for(member.member_code) + uow.ledger.history(member.member_code)

    def update_member(self, query: str, changes: dict[str, Any], actor: str) -> MemberView:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return members.update_profile(uow, ctx, query, changes, actor)

    def profile_for_edit(self, query: str) -> Profile:
        """The name, phone and birthday a profile edit starts from: this till's own copy when it holds
        the full profile, else HQ's (online, on the caller's worker thread; not stored here)."""
        ctx = self.ctx.snapshot()
        with self._read() as uow:
            member, _ = members.resolve(uow, ctx, query)
        if not member.reduced:
            return Profile(member.name, member.phone, member.birthday)
        if self.profiles is None:
            raise DomainError("profile_needs_hq", "Editing this member's name, phone or birthday needs HQ")
        return self.profiles(member.member_code)

    def consents(self, query: str) -> list[dict[str, Any]]:
        """Every consent given or withdrawn at this till for the member, oldest first."""
        with self._read() as uow:
            return members.consent_history(uow, self.ctx, query)

    def card_payload(self, query: str) -> str:
        return self.find_member(query).qr_payload

    # one-time codes: a typed phone redeeming above the threshold (services/identity.py); online only,
    # on the caller's worker thread
    def send_redeem_code(self, member_code: str) -> CodeSent:
        return self._codes().send(member_code)

    def verify_redeem_code(self, member_code: str, otp_id: str, code: str) -> str:
        """The `otp_id` a sale quotes, once HQ verified `code` for this member."""
        text = str(code).strip()
        if not (len(text) == identity.OTP_DIGITS and text.isascii() and text.isdigit()):
            raise DomainError("wrong_code", "A one-time code is 6 digits")
        if self._codes().verify(otp_id, text) != member_code:
            raise DomainError("wrong_code", "That code was sent for another member")
        return otp_id

    def _codes(self) -> "RedeemCodes":
        if self.redeem_codes is None or self.ctx.is_offline():
            raise DomainError("code_needs_hq", "A one-time code needs HQ: scan the member's card instead")
        return self.redeem_codes

    # sales: one request object (checkout.SaleRequest) carries every parameter of a sale ---------
    def quote(self, req: SaleRequest) -> Quote:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._read() as uow:
            return checkout.quote_sale(uow, ctx, req)

    def quote_clamped(self, req: SaleRequest) -> ClampedQuote:
        """The till's quote: points typed beyond what the sale takes are brought into range, with why."""
        ctx = self.ctx.snapshot()
        with self._read() as uow:
            return checkout.quote_clamped(uow, ctx, req)

    def confirm(self, req: SaleRequest) -> Receipt:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return checkout.confirm_sale(uow, ctx, req)

    # The CLI's, the demo's and the tests' shorthand: SaleRequest's fields, in its order.
    def quote_sale(self, member_query: str, lines: list[CartLine], *args: Any, **kwargs: Any) -> Quote:
        return self.quote(SaleRequest(member_query, lines, *args, **kwargs))

    def quote_sale_clamped(self, member_query: str, lines: list[CartLine], *args: Any, **kwargs: Any) -> ClampedQuote:
        return self.quote_clamped(SaleRequest(member_query, lines, *args, **kwargs))

    def confirm_sale(self, member_query: str, lines: list[CartLine], *args: Any, **kwargs: Any) -> Receipt:
        return self.confirm(SaleRequest(member_query, lines, *args, **kwargs))

    # returns ------------------------------------------------------------
    def find_sale(self, receipt_no: str) -> SaleRecord:
        with self._read() as uow:
            return returns.find_sale(uow, receipt_no)

    def quote_return(self, receipt_no: str, lines: dict[int, int] | None = None) -> ReturnReceipt:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._read() as uow:
            return returns.quote_return(uow, ctx, receipt_no, lines)

    def return_sale(self, receipt_no: str, lines: dict[int, int] | None = None, supervisor_id: str | None = None,
                    at: dt.datetime | None = None, return_id: str | None = None) -> ReturnReceipt:  # fmt: skip
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return returns.return_sale(uow, ctx, receipt_no, lines, supervisor_id, at, return_id)

    def return_skus(self, receipt_no: str, wanted: dict[str, int], dry_run: bool = False) -> ReturnReceipt:
        """The CLI's 'SKU:QTY' form."""
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            lines = returns.lines_by_sku(returns.find_sale(uow, receipt_no), wanted)
            if dry_run:
                return returns.quote_return(uow, ctx, receipt_no, lines)
            return returns.return_sale(uow, ctx, receipt_no, lines)

    def return_without_receipt(self, member_query: str, amount_cents: int, category: str,
                               supervisor_id: str) -> ReturnReceipt:  # fmt: skip
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return returns.return_without_receipt(uow, ctx, member_query, amount_cents, category, supervisor_id)

    # overrides and reports ---------------------------------------------
    def adjust(self, member_query: str, points: int, reason: str, supervisor_id: str) -> MemberView:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._uow() as uow:
            return adjustments.adjust(uow, ctx, member_query, points, reason, supervisor_id)

    def day_summary(self, day: dt.date | None = None) -> DaySummary:
        ctx = self.ctx.snapshot()  # one rule set for the whole unit of work
        with self._read() as uow:
            return reports.day_summary(uow, ctx, day)

    def audit_trail(self, limit: int = 200) -> list[dict[str, Any]]:
        with self._read() as uow:
            return uow.admin.audit_trail(limit)

    # outbox -------------------------------------------------------------
    def pending_events(self, limit: int = 500) -> list[dict[str, Any]]:
        with self._read() as uow:
            return uow.outbox.pending(limit)

    def outbox_status(self) -> dict[str, Any]:
        with self._read() as uow:
            counts = uow.outbox.counts()
            return {"pending": counts["pending"], "sent": counts["sent"], "rejected": counts["rejected"],
                    "awaiting_hq_approval": uow.outbox.held_count(),
                    "oldest_pending_at": uow.outbox.oldest_pending_at()}  # fmt: skip

    def held_events(self) -> list[dict[str, Any]]:
        """Events HQ holds for review (e.g. an adjustment over HQ's policy): awaiting HQ approval."""
        with self._read() as uow:
            return uow.outbox.held()

    def rejected_events(self) -> list[dict[str, Any]]:
        with self._read() as uow:
            return uow.outbox.rejected()


class CashierService:
    def __init__(self, uow_factory: UowFactory, ctx: ServiceContext) -> None:
        self._uow = uow_factory
        self.ctx = ctx
        self.profiles: Callable[[str], Profile] | None = None  # HQ's copy of a profile (pos_app.sync.profiles)
        self.redeem_codes: RedeemCodes | None = None  # HQ's one-time codes (pos_app.sync.redeem_codes)

    def add(self, cashier_id: str, name: str, pin: str, role: str = "cashier", actor: str = "setup") -> Cashier:
        with self._uow() as uow:
            return cashier_cases.add(uow, self.ctx, cashier_id, name, pin, role, actor)

    def login(self, cashier_id: str, pin: str) -> Cashier:
        with self._uow() as uow:
            return cashier_cases.login(uow, self.ctx, cashier_id, pin)

    def verify_supervisor(self, cashier_id: str, pin: str) -> Cashier:
        with self._uow() as uow:
            return cashier_cases.verify_supervisor(uow, self.ctx, cashier_id, pin)

    def unlock(self, cashier_id: str, supervisor_id: str, supervisor_pin: str) -> Cashier:
        """A supervisor's PIN lifts a cashier's lockout (the third one lasts until this)."""
        supervisor = self.verify_supervisor(supervisor_id, supervisor_pin)
        with self._uow() as uow:
            return cashier_cases.unlock(uow, self.ctx, cashier_id, supervisor)

    def count(self) -> int:
        with self._uow(read_only=True) as uow:
            return uow.admin.cashier_count()
