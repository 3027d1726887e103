"""Tender: how a sale was paid, checked by the core, kept with the sale, and migrated for old sales."""

import json
import sqlite3

import pytest

from loyalty_core import tender
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine
from pos_app.store import migrate
from pos_app.store.engine import make_engine

TEA = CartLine("TEA-500", "drinks", 15000, 1)


def test_cash_gives_change_and_card_or_other_are_the_amount_due():
    assert tender.settle("cash", 15000, 20000) == tender.Tender("cash", 20000, 5000)
    assert tender.settle("cash", 15000) == tender.Tender("cash", 15000, 0)  # nothing typed: exact cash
    assert tender.settle("card", 15000, 99999) == tender.Tender("card", 15000, 0)  # a card is never "more"
    assert tender.settle("other", 0) == tender.Tender("other", 0, 0)


@pytest.mark.parametrize(("method", "received", "code"), [
    ("cash", 14999, "not_enough_cash"), ("cash", -1, "invalid_amount"), ("cash", 10**12, "invalid_amount"),
    ("cash", 150.0, "invalid_amount"), ("cash", True, "invalid_amount"), ("bitcoin", None, "invalid_tender"),
    ("' OR 1=1 --", None, "invalid_tender"), (None, None, "invalid_tender"),
])  # fmt: skip
def test_impossible_tenders_are_refused(method, received, code):
    with pytest.raises(DomainError) as refused:
        tender.settle(method, 15000, received)
    assert refused.value.code == code


def test_a_refused_tender_saves_nothing(app, pos, make_member):
    member = make_member()
    with app.uow(read_only=True) as uow:
        before = uow.outbox.counts()["pending"]
    with pytest.raises(DomainError) as refused:
        pos.confirm_sale(member.member_code, [TEA], tender_method="cash", received_cents=100)
    assert refused.value.code == "not_enough_cash"
    with app.uow(read_only=True) as uow:
        assert uow.outbox.counts()["pending"] == before
        assert uow.sales.sales_on(app.ctx.today().isoformat()) == []


def test_the_tender_is_in_the_sale_row_its_event_and_the_day_summary(app, pos, make_member):
    member = make_member()
    cash = pos.confirm_sale(member.member_code, [TEA], tender_method="cash", received_cents=20000)
    pos.confirm_sale(member.member_code, [TEA], tender_method="other")
    assert cash.tender == {"method": "cash", "received_cents": 20000, "change_cents": 5000}
    events = [e for e in pos.pending_events() if e["type"] == "sale.confirmed"]
    assert [e["payload"]["tender"]["method"] for e in events] == ["cash", "other"]
    day = pos.day_summary()
    assert day.by_tender == {
        "cash": {"sales": 1, "paid_cents": 15000, "received_cents": 20000, "change_cents": 5000},
        "other": {"sales": 1, "paid_cents": 15000, "received_cents": 15000, "change_cents": 0},
    }
    assert day.expected_cash_cents == 15000


def test_sales_from_before_migration_0006_count_as_exact_cash(tmp_path):
    db = tmp_path / "old.sqlite3"
    engine = make_engine(db)
    migrate.upgrade(engine, "0004")
    body = {"receipt_no": "R-S001-T01-000001", "paid_cents": 12345}
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO sales (sale_id, receipt_no, member_code, at, business_date, tier_code, paid_cents,"
            " discount_cents, redeem_cents, points_earned, points_redeemed, body) VALUES"
            " ('s1', 'R-S001-T01-000001', 'M1', '2026-11-24T10:00:00+08:00', '2026-11-24', 'basic', 12345, 0, 0, 12, 0,"
            " ?)", (json.dumps(body),))  # fmt: skip
    migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT tender_method, received_cents, change_cents FROM sales").fetchone()
    assert row == ("cash", 12345, 0)
