"""Confirmed sales and returns, kept as their receipts."""

import json

from sqlalchemy import Connection, func, insert, select

from .engine import statements
from .schema import return_lines, returns, sales

# Confirming a sale: plain SQL on the DB-API connection (engine.statements): same transaction, less overhead.
_INSERT_SQL = (
    "INSERT INTO sales (sale_id, receipt_no, member_code, at, business_date, tier_code, paid_cents,"
    " discount_cents, redeem_cents, points_earned, points_redeemed, cashier_id, body,"
    " tender_method, received_cents, change_cents)"
    " VALUES (:sale_id, :receipt_no, :member_code, :at, :business_date, :tier_code, :paid_cents,"
    " :discount_cents, :redeem_cents, :points_earned, :points_redeemed, :cashier_id, :body,"
    " :tender_method, :received_cents, :change_cents)"
)
_BODY_BY_SALE_ID_SQL = "SELECT body FROM sales WHERE sale_id = ?"


class SaleRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.db = statements(conn)

    def add(self, receipt: dict, business_date: str, tier_code: str) -> None:
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
                "body": json.dumps(receipt, ensure_ascii=False),
                "tender_method": receipt["tender"]["method"],
                "received_cents": receipt["tender"]["received_cents"],
                "change_cents": receipt["tender"]["change_cents"],
            },
        )

    def by_sale_id(self, sale_id: str) -> dict | None:
        row = self.db.execute(_BODY_BY_SALE_ID_SQL, (sale_id,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def by_receipt(self, receipt_no: str) -> dict | None:
        body = self.conn.execute(select(sales.c.body).where(sales.c.receipt_no == receipt_no)).scalar()
        return json.loads(body) if body else None

    def returned_units(self, receipt_no: str) -> dict[int, int]:
        rows = self.conn.execute(
            select(return_lines.c.line_index, func.sum(return_lines.c.qty))
            .where(return_lines.c.receipt_no == receipt_no)
            .group_by(return_lines.c.line_index)
        )
        return {int(i): int(q) for i, q in rows}

    def add_return(self, receipt: dict, business_date: str, line_qty: dict[int, int]) -> None:
        self.conn.execute(
            insert(returns).values(
                return_id=receipt["return_id"],
                return_no=receipt["return_no"],
                receipt_no=receipt["receipt_no"],
                member_code=receipt["member_code"],
                at=receipt["at"],
                business_date=business_date,
                refund_cents=receipt["refund_cents"],
                supervisor_id=receipt.get("supervisor_id"),
                body=json.dumps(receipt, ensure_ascii=False),
            )
        )
        if line_qty and receipt["receipt_no"]:
            self.conn.execute(
                insert(return_lines),
                [
                    {"return_id": receipt["return_id"], "receipt_no": receipt["receipt_no"], "line_index": i, "qty": q}
                    for i, q in line_qty.items()
                ],
            )

    def return_by_id(self, return_id: str) -> dict | None:
        body = self.conn.execute(select(returns.c.body).where(returns.c.return_id == return_id)).scalar()
        return json.loads(body) if body else None

    def sales_on(self, business_date: str) -> list:
        return list(self.conn.execute(select(sales).where(sales.c.business_date == business_date)))

    def returns_on(self, business_date: str) -> list:
        return list(self.conn.execute(select(returns).where(returns.c.business_date == business_date)))
