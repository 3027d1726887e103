"""The unit of work: one SQLite transaction that rolls back unless committed.

After `commit()` (or a rollback) the unit of work is finished: any further statement, through
SQLAlchemy or through the repositories' plain-SQL handle, raises `UnitOfWorkFinished` instead of
quietly starting a transaction of its own.
"""

from sqlalchemy import Engine

from sqlite_setup import driver_connection

from .admin_repo import AdminRepository
from .answers_repo import AnswersRepository
from .consents_repo import ConsentRepository
from .engine import FINISHED
from .ledger_repo import LedgerRepository
from .members_repo import MemberRepository
from .outbox_repo import OutboxRepository
from .sales_repo import SaleRepository
from .sync_repo import SyncRepository

DEFAULT_CACHE_KB = 2_000  # SQLite's default page cache
BULK_CACHE_KB = 64 * 1024


class SqlUnitOfWork:
    """`with uow:` opens a transaction; leaving without `commit()` rolls it back."""

    def __init__(self, engine: Engine, *, read_only: bool = False, durable: bool = True) -> None:
        self._engine = engine
        self._read_only = read_only
        # durable=False, the bulk mode of a bootstrap's snapshot pages: the commit may be lost on power loss
        # (never corrupted: WAL), for data that can be fetched again, and a page cache big enough for the
        # indexes of a million rows. Never for anything a cashier confirmed.
        self._durable = durable

    def __enter__(self) -> "SqlUnitOfWork":
        self._conn = self._engine.connect()
        self._conn.info["read_only"] = self._read_only
        self._conn.info[FINISHED] = False
        if not self._durable:
            self._set_pragmas(synchronous="NORMAL", cache_size=-BULK_CACHE_KB)
        self._tx = self._conn.begin()
        self.members = MemberRepository(self._conn)
        self.ledger = LedgerRepository(self._conn)
        self.sales = SaleRepository(self._conn)
        self.outbox = OutboxRepository(self._conn)
        self.admin = AdminRepository(self._conn)
        self.sync = SyncRepository(self._conn)
        self.answers = AnswersRepository(self._conn)
        self.consents = ConsentRepository(self._conn)
        return self

    def commit(self) -> None:
        self._tx.commit()
        self._conn.info[FINISHED] = True

    def rollback(self) -> None:
        self._tx.rollback()
        self._conn.info[FINISHED] = True

    def __exit__(self, *exc) -> None:
        try:
            if self._conn.in_transaction():
                self._conn.rollback()
            if not self._durable:  # the pooled connection goes back as every other use expects it
                self._set_pragmas(synchronous="FULL", cache_size=-DEFAULT_CACHE_KB)
        finally:
            self._conn.info[FINISHED] = False  # the pooled connection is fit for its next user
            self._conn.close()

    def _set_pragmas(self, **values: str | int) -> None:
        # On the driver's connection, outside any transaction: through SQLAlchemy the PRAGMA would open
        # the transaction first, and SQLite refuses to change the safety level inside one.
        raw = driver_connection(self._conn)
        for name, value in values.items():
            raw.execute(f"PRAGMA {name}={value}")
