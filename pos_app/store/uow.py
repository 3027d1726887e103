"""The unit of work: one SQLite transaction that rolls back unless committed."""

from sqlalchemy import Engine

from .admin_repo import AdminRepository
from .consents_repo import ConsentRepository
from .ledger_repo import LedgerRepository
from .members_repo import MemberRepository
from .outbox_repo import OutboxRepository
from .sales_repo import SaleRepository
from .sync_repo import SyncRepository


class SqlUnitOfWork:
    """`with uow:` opens a transaction; leaving without `commit()` rolls it back."""

    def __init__(self, engine: Engine, *, read_only: bool = False, durable: bool = True) -> None:
        self._engine = engine
        self._read_only = read_only
        # durable=False: the commit may be lost on power loss (never corrupted: WAL), for data that can be
        # fetched again, i.e. a bootstrap's snapshot pages. Never for anything a cashier confirmed.
        self._durable = durable

    def __enter__(self) -> "SqlUnitOfWork":
        self._conn = self._engine.connect()
        self._conn.info["read_only"] = self._read_only
        if not self._durable:
            self._set_synchronous("NORMAL")
        self._tx = self._conn.begin()
        self.members = MemberRepository(self._conn)
        self.ledger = LedgerRepository(self._conn)
        self.sales = SaleRepository(self._conn)
        self.outbox = OutboxRepository(self._conn)
        self.admin = AdminRepository(self._conn)
        self.sync = SyncRepository(self._conn)
        self.consents = ConsentRepository(self._conn)
        return self

    def commit(self) -> None:
        self._tx.commit()

    def __exit__(self, *exc) -> None:
        try:
            if self._conn.in_transaction():  # ours, or one a statement after commit() began
                self._conn.rollback()
            if not self._durable:
                self._set_synchronous("FULL")  # the pooled connection goes back as every other use expects it
        finally:
            self._conn.close()

    def _set_synchronous(self, level: str) -> None:
        # On the driver's connection: through SQLAlchemy the PRAGMA would open the transaction first,
        # and SQLite refuses to change the safety level inside one.
        self._conn.connection.driver_connection.execute(f"PRAGMA synchronous={level}")
