"""Ledger entries: appended, never edited (except HQ's confirmation flag).

Plain SQL through the unit of work's handle (engine.statements), every statement: a sale reads and
appends here, and sqlite3 keeps each string prepared where SQLAlchemy would rebuild it per call.
"""

from typing import Any

from sqlalchemy import Connection

from loyalty_core.ledger import ADJUST, REDEEM, RETURN_REDEEM, Entry

from .engine import statements
from .rows import LEDGER_COLUMNS, entry_from_row, insert_sql, ledger_row

_INSERT_SQL = insert_sql("ledger", LEDGER_COLUMNS)
_ENTRIES_SQL = f"SELECT {', '.join(LEDGER_COLUMNS)} FROM ledger WHERE member_code = ? ORDER BY id"
_HISTORY_SQL = f"SELECT {', '.join(LEDGER_COLUMNS)} FROM ledger WHERE member_code = ? ORDER BY id DESC LIMIT ?"
_HAS_SQL = "SELECT 1 FROM ledger WHERE entry_id = ?"
_SUM = "SELECT coalesce(sum(points), 0) FROM ledger WHERE member_code = ?"
_BALANCE_SQL = _SUM
_PENDING_SQL = _SUM + " AND confirmed = 0"
_PENDING_REDEEMED_SQL = _PENDING_SQL + f" AND kind = '{REDEEM}'"
_DAY_SQL = "SELECT kind, points FROM ledger WHERE on_date = ? AND event_id IS NOT NULL"
_CONFIRM_SQL = "UPDATE ledger SET confirmed = 1 WHERE event_id = ?"
_MOVE_SQL = "UPDATE ledger SET member_code = ? WHERE member_code = ?"
_POINTS, _REF, _CONFIRMED = (LEDGER_COLUMNS.index(c) for c in ("points", "ref", "confirmed"))


class LedgerRepository:
    def __init__(self, conn: Connection) -> None:
        self.db = statements(conn)

    def add(self, entries: list[Entry], *, ref: str | None, event_id: str | None, confirmed: bool = False) -> None:
        if entries:
            self.db.executemany(_INSERT_SQL, [ledger_row(e, ref=ref, event_id=event_id, confirmed=confirmed)
                                              for e in entries])  # fmt: skip

    def has(self, entry_id: str) -> bool:
        return self.db.execute(_HAS_SQL, (entry_id,)).fetchone() is not None

    def entries(self, member_code: str) -> list[Entry]:
        return [entry_from_row(r) for r in self._rows(member_code)]

    def entries_and_pending(self, member_code: str) -> tuple[list[Entry], int]:
        """The member's entries, and the sum of those HQ has not confirmed yet: one query, not two."""
        rows = self._rows(member_code)
        return [entry_from_row(r) for r in rows], sum(r[_POINTS] for r in rows if not r[_CONFIRMED])

    def history(self, member_code: str, limit: int = 500) -> list[dict[str, Any]]:
        rows = self.db.execute(_HISTORY_SQL, (member_code, limit)).fetchall()
        return [{**entry_from_row(r).to_dict(), "ref": r[_REF], "confirmed": bool(r[_CONFIRMED])} for r in rows]

    def balance(self, member_code: str) -> int:
        return self._sum(_BALANCE_SQL, member_code)

    def pending_redeemed(self, member_code: str) -> int:
        """Points redeemed here that HQ has not confirmed yet."""
        return -self._sum(_PENDING_REDEEMED_SQL, member_code)

    def pending_points(self, member_code: str) -> int:
        return self._sum(_PENDING_SQL, member_code)

    def day_totals(self, iso_date: str) -> dict[str, int]:
        """Points this till issued and took on a day (entries HQ sent us excluded)."""
        rows = self.db.execute(_DAY_SQL, (iso_date,)).fetchall()
        return {
            "issued": sum(p for k, p in rows if p > 0 and k != RETURN_REDEEM),
            "redeemed": sum(-p for k, p in rows if k == REDEEM),
            "adjustments": sum(1 for k, _ in rows if k == ADJUST),
        }

    def confirm_event(self, event_id: str) -> None:
        self.db.execute(_CONFIRM_SQL, (event_id,))

    def move(self, from_code: str, into_code: str) -> None:
        """A merge at HQ: the ledger follows the surviving member."""
        self.db.execute(_MOVE_SQL, (into_code, from_code))

    def _rows(self, member_code: str) -> list[Any]:
        return self.db.execute(_ENTRIES_SQL, (member_code,)).fetchall()

    def _sum(self, sql: str, member_code: str) -> int:
        return int(self.db.execute(sql, (member_code,)).fetchone()[0])
