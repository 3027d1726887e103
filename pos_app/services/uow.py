"""The unit of work as the use cases see it: a `UnitOfWork` protocol and the factory that opens one.

The use cases depend on this, not on SQLite: `pos_app.store.uow.SqlUnitOfWork` is the till's
implementation (pos_app.bootstrap has mypy check it against the protocol below). The repositories
are the store's classes: they are the till's only storage, and naming them keeps every use case's
calls checked by mypy.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

if TYPE_CHECKING:
    from pos_app.store.admin_repo import AdminRepository
    from pos_app.store.answers_repo import AnswersRepository
    from pos_app.store.consents_repo import ConsentRepository
    from pos_app.store.ledger_repo import LedgerRepository
    from pos_app.store.members_repo import MemberRepository
    from pos_app.store.outbox_repo import OutboxRepository
    from pos_app.store.sales_repo import SaleRepository
    from pos_app.store.sync_repo import SyncRepository


class UnitOfWork(Protocol):
    """One transaction: `with uow:` opens it, `commit()` keeps it, leaving without commit rolls it back.
    After commit or rollback every statement raises (pos_app.store.engine.UnitOfWorkFinished)."""

    members: MemberRepository
    ledger: LedgerRepository
    sales: SaleRepository
    outbox: OutboxRepository
    admin: AdminRepository
    sync: SyncRepository
    answers: AnswersRepository
    consents: ConsentRepository

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class UowFactory(Protocol):
    """Opens a unit of work: read_only begins a plain BEGIN (no write lock); durable=False is the bulk
    mode of a bootstrap's snapshot pages (see SqlUnitOfWork)."""

    def __call__(self, read_only: bool = False, durable: bool = True) -> UnitOfWork: ...
