"""A member who asked to stop processing earns nothing anywhere, even where a till has not heard of it.

Tills refuse such a member at once after their next pull (tests/sync/test_privacy.py); these tests
cover what HQ does on its own: a sale an offline till made before the stop reached it, and the
online shop, which never asks a till.
"""

import json

import requests

from hq.cli import main as hq_main
from loyalty_core.pricing import CartLine
from tests.sync.sync_harness import OnlineShop, local_balances, outbox_counts, settle

TEA = [CartLine("TEA-500", "grocery", 12000, 2)]
SOFA = [CartLine("SOFA-3", "furniture", 600000, 1)]  # past the next tier's threshold in one sale
WEB_TEA = [{"sku": "TEA-500", "category": "grocery", "unit_price_cents": 12000, "qty": 2}]


def a_member_with_points(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    b = till_factory(hq, "S002", "T01", clock=clock)
    member = a.pos.enroll(phone="0912000111", name="林雅婷", consent_terms=True, consent_marketing=True, actor="1001")
    a.pos.confirm_sale(member.member_code, TEA)
    settle([a, b], hq)
    return hq, a, b, member.member_code


def stop_processing(hq, code: str, capsys) -> None:
    assert hq_main(["--db", hq.db_url, "member", "stop", code, "--reason", "member asked by letter"]) == 0
    capsys.readouterr()


def test_a_sale_an_offline_till_made_after_the_stop_is_kept_but_earns_nothing(hq_factory, till_factory, clock, capsys):
    hq, a, b, code = a_member_with_points(hq_factory, till_factory, clock)
    stop_processing(hq, code, capsys)
    before, tier = hq.balances()[code], hq.member(code).tier

    sale = b.pos.confirm_sale(code, SOFA)  # store B has not pulled since: it still earns at the counter
    assert sale.points_earned > 0
    settle([a, b], hq)

    assert hq.balances()[code] == before
    assert hq.scalar("SELECT count(*) FROM sales WHERE receipt_no = :r", r=sale.receipt_no) == 1
    assert outbox_counts(b).get("rejected", 0) == 0
    assert local_balances(b)[code] == before  # HQ's correction reached the till that sold
    assert hq.member(code).tier == tier  # enough spend for the next tier, but no processing


def test_the_online_shop_sells_to_a_stopped_member_without_points_and_refuses_spending_them(
    hq_factory, till_factory, clock, capsys
):
    hq, a, b, code = a_member_with_points(hq_factory, till_factory, clock)
    shop = OnlineShop(hq, hq.add_channel("web"))
    stop_processing(hq, code, capsys)
    before = hq.balances()[code]

    order = shop.order(code, WEB_TEA)
    assert (order["points_earned"], order["balance_after"]) == (0, before)

    refused = requests.post(f"{hq.url}/api/v1/online/orders", json={
        "order_id": "W-spend-1", "member_code": code, "lines": WEB_TEA, "redeem_points": 10,
    }, headers=shop.session.headers, timeout=10)  # fmt: skip
    assert (refused.status_code, refused.json()["error"]) == (422, "member_inactive")
    assert hq.balances()[code] == before
    assert hq.scalar("SELECT count(*) FROM online_orders WHERE order_id = 'W-spend-1'") == 0


def test_the_online_shop_refuses_a_closed_membership(hq_factory, till_factory, clock, capsys):
    hq, a, b, code = a_member_with_points(hq_factory, till_factory, clock)
    assert hq_main(["--db", hq.db_url, "member", "erase", code, "--reason", "member asked"]) == 0
    json.loads(capsys.readouterr().out)
    shop = OnlineShop(hq, hq.add_channel("web"))

    refused = requests.post(f"{hq.url}/api/v1/online/orders", json={
        "order_id": "W-closed-1", "member_code": code, "lines": WEB_TEA,
    }, headers=shop.session.headers, timeout=10)  # fmt: skip
    assert (refused.status_code, refused.json()["error"]) == (422, "member_closed")
    assert hq.scalar("SELECT count(*) FROM online_orders") == 0
