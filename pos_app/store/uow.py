"""The unit of work: one SQLite transaction that rolls back unless committed."""

from sqlalchemy import Engine

from .admin_repo import AdminRepository
from .ledger_repo import LedgerRepository
from .members_repo import MemberRepository
from .outbox_repo import OutboxRepository
from .sales_repo import SaleRepository
from .sync_repo import SyncRepository


class SqlUnitOfWork:
    """`with uow:` opens a transaction; leaving without `commit()` rolls it back."""

    def __init__(self, engine: Engine, *, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only

    def __enter__(self) -> "SqlUnitOfWork":
        self._conn = self._engine.connect()
        self._conn.info["read_only"] = self._read_only
        self._tx = self._conn.begin()
        self.members = MemberRepository(self._conn)
        self.ledger = LedgerRepository(self._conn)
        self.sales = SaleRepository(self._conn)
        self.outbox = OutboxRepository(self._conn)
        self.admin = AdminRepository(self._conn)
        self.sync = SyncRepository(self._conn)
        return self

    def commit(self) -> None:
        self._tx.commit()

    def __exit__(self, *exc) -> None:
        try:
            if self._tx.is_active:
                self._tx.rollback()
        finally:
            self._conn.close()
