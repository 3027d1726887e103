"""Confirmed sales and returns, kept as their receipts.

Plain SQL through the unit of work's handle (engine.statements), every statement: confirming a sale
writes here, and sqlite3 keeps each string prepared where SQLAlchemy would rebuild it per call.
"""

import json
from typing import Any, NamedTuple

from sqlalchemy import Connection

from .engine import statements
from .rows import body_text


class DaySale(NamedTuple):
    """What a day's report needs of a sale."""

    tier_code: str
    paid_cents: int
    discount_cents: int
    redeem_cents: int
    points_earned: int
    tender_method: str
    received_cents: int
    change_cents: int


_INSERT_SQL = (
    "INSERT INTO sales (sale_id, receipt_no, member_code, at, business_date, tier_code, paid_cents,"
    " discount_cents, redeem_cents, points_earned, points_redeemed, cashier_id, body,"
    " tender_method, received_cents, change_cents)"
    " VALUES (:sale_id, :receipt_no, :member_code, :at, :business_date, :tier_code, :paid_cents,"
    " :discount_cents, :redeem_cents, :points_earned, :points_redeemed, :cashier_id, :body,"
    " :tender_method, :received_cents, :change_cents)"
)
_BODY_BY_SALE_ID_SQL = "SELECT body FROM sales WHERE sale_id = ?"
_BODY_BY_RECEIPT_SQL = "SELECT body FROM sales WHERE receipt_no = ?"
_RETURNED_UNITS_SQL = "SELECT line_index, sum(qty) FROM return_lines WHERE receipt_no = ? GROUP BY line_index"
_INSERT_RETURN_SQL = (
    "INSERT INTO returns (return_id, return_no, receipt_no, member_code, at, business_date, refund_cents,"
    " supervisor_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_RETURN_LINE_SQL = "INSERT INTO return_lines (return_id, receipt_no, line_index, qty) VALUES (?, ?, ?, ?)"
_RETURN_BODY_SQL = "SELECT body FROM returns WHERE return_id = ?"
_SALES_ON_SQL = f"SELECT {', '.join(DaySale._fields)} FROM sales WHERE business_date = ?"
_REFUNDS_ON_SQL = "SELECT refund_cents FROM returns WHERE business_date = ?"


class SaleRepository:
    def __init__(self, conn: Connection) -> None:
        self.db = statements(conn)

    def add(self, receipt: dict[str, Any], business_date: str, tier_code: str) -> None:
        self.db.execute(
            _INSERT_SQL,
            {
                "sale_id": receipt["sale_id"],
                "receipt_no": receipt["receipt_no"],
                "member_code": receipt["member_code"],
                "at": receipt["at"],
                "business_date": business_date,
                "tier_code": tier_code,
                "paid_cents": receipt["paid_cents"],
                "discount_cents": receipt["discount_cents"],
                "redeem_cents": receipt["redeem_cents"],
                "points_earned": receipt["points_earned"],
                "points_redeemed": receipt["points_redeemed"],
                "cashier_id": receipt.get("cashier_id"),
                "body": body_text(receipt),
                "tender_method": receipt["tender"]["method"],
                "received_cents": receipt["tender"]["received_cents"],
                "change_cents": receipt["tender"]["change_cents"],
            },
        )

    def by_sale_id(self, sale_id: str) -> dict[str, Any] | None:
        return self._body(_BODY_BY_SALE_ID_SQL, sale_id)

    def by_receipt(self, receipt_no: str) -> dict[str, Any] | None:
        return self._body(_BODY_BY_RECEIPT_SQL, receipt_no)

    def returned_units(self, receipt_no: str) -> dict[int, int]:
        return {int(i): int(q) for i, q in self.db.execute(_RETURNED_UNITS_SQL, (receipt_no,))}

    def add_return(self, receipt: dict[str, Any], business_date: str, line_qty: dict[int, int]) -> None:
        self.db.execute(_INSERT_RETURN_SQL, (
            receipt["return_id"], receipt["return_no"], receipt["receipt_no"], receipt["member_code"], receipt["at"],
            business_date, receipt["refund_cents"], receipt.get("supervisor_id"), body_text(receipt),
        ))  # fmt: skip
        if line_qty and receipt["receipt_no"]:
            self.db.executemany(_INSERT_RETURN_LINE_SQL, [(receipt["return_id"], receipt["receipt_no"], i, q)
                                                          for i, q in line_qty.items()])  # fmt: skip

    def return_by_id(self, return_id: str) -> dict[str, Any] | None:
        return self._body(_RETURN_BODY_SQL, return_id)

    def sales_on(self, business_date: str) -> list[DaySale]:
        return [DaySale._make(r) for r in self.db.execute(_SALES_ON_SQL, (business_date,))]

    def refunds_on(self, business_date: str) -> list[int]:
        """The refund of every return that day, in cents."""
        return [cents for (cents,) in self.db.execute(_REFUNDS_ON_SQL, (business_date,))]

    def _body(self, sql: str, key: str) -> dict[str, Any] | None:
        row = self.db.execute(sql, (key,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None
