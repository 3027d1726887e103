"""Ledger entries: appended, never edited (except HQ's confirmation flag)."""


from sqlalchemy import Connection, bindparam, func, select, update

from loyalty_core.ledger import Entry

from .engine import statements
from .rows import LEDGER_COLUMNS, entry_from_row, insert_sql, ledger_row
from .schema import ledger

# Built once (see members_repo): the statements a look-up or a sale runs.
_ENTRIES = select(ledger).where(ledger.c.member_code == bindparam("code")).order_by(ledger.c.id)
_BALANCE = select(func.coalesce(func.sum(ledger.c.points), 0)).where(ledger.c.member_code == bindparam("code"))
_PENDING_REDEEMED = select(func.coalesce(func.sum(ledger.c.points), 0)).where(
    ledger.c.member_code == bindparam("code"), ledger.c.confirmed == 0, ledger.c.kind == "redeem"
)
_PENDING = select(func.coalesce(func.sum(ledger.c.points), 0)).where(
    ledger.c.member_code == bindparam("code"), ledger.c.confirmed == 0
)

# Confirming a sale: plain SQL on the DB-API connection (engine.statements): same transaction, less overhead.
_INSERT_SQL = insert_sql("ledger", LEDGER_COLUMNS)


class LedgerRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    def add(self, entries: list[Entry], *, ref: str | None, event_id: str | None, confirmed: bool = False) -> None:
        if not entries:
            return
        self.db.executemany(_INSERT_SQL, [ledger_row(e, ref=ref, event_id=event_id, confirmed=confirmed) for e in entries])

    def has(self, entry_id: str) -> bool:
        return self.conn.execute(select(ledger.c.id).where(ledger.c.entry_id == entry_id)).first() is not None

    def entries(self, member_code: str) -> list[Entry]:
        return [entry_from_row(r) for r in self.conn.execute(_ENTRIES, {"code": member_code})]

    def entries_and_pending(self, member_code: str) -> tuple[list[Entry], int]:
        """The member's entries, and the sum of those HQ has not confirmed yet: one query, not two."""
        rows = self.conn.execute(_ENTRIES, {"code": member_code}).all()
        return [entry_from_row(r) for r in rows], sum(r.points for r in rows if not r.confirmed)

    def history(self, member_code: str, limit: int = 500) -> list[dict]:
        rows = self.conn.execute(
            select(ledger).where(ledger.c.member_code == member_code).order_by(ledger.c.id.desc()).limit(limit)
        )
        return [{**entry_from_row(r).to_dict(), "ref": r.ref, "confirmed": bool(r.confirmed)} for r in rows]

    def balance(self, member_code: str) -> int:
        return int(self.conn.execute(_BALANCE, {"code": member_code}).scalar_one())

    def pending_redeemed(self, member_code: str) -> int:
        """Points redeemed here that HQ has not confirmed yet."""
        return -int(self.conn.execute(_PENDING_REDEEMED, {"code": member_code}).scalar_one())

    def pending_points(self, member_code: str) -> int:
        return int(self.conn.execute(_PENDING, {"code": member_code}).scalar_one())

    def day_totals(self, iso_date: str) -> dict[str, int]:
        """Points this till issued and took on a day (entries HQ sent us excluded)."""
        rows = self.conn.execute(
            select(ledger.c.kind, ledger.c.points).where(ledger.c.on_date == iso_date, ledger.c.event_id.is_not(None))
        ).all()
        return {
            "issued": sum(p for k, p in rows if p > 0 and k != "return_redeem"),
            "redeemed": sum(-p for k, p in rows if k == "redeem"),
            "adjustments": sum(1 for k, _ in rows if k == "adjust"),
        }

    def confirm_event(self, event_id: str) -> None:
        self.conn.execute(update(ledger).where(ledger.c.event_id == event_id).values(confirmed=1))

    def move(self, from_code: str, into_code: str) -> None:
        """A merge at HQ: the ledger follows the surviving member."""
        self.conn.execute(update(ledger).where(ledger.c.member_code == from_code).values(member_code=into_code))
