"""The online shop: orders and returns priced by the domain, idempotent by the shop's ids."""

from tests.hq.hq_helpers import auth
from tests.support.events import Till

ORDERS, RETURNS = "/api/v1/online/orders", "/api/v1/online/returns"


def _member(hq):
    till = Till()
    enroll = till.enroll()  # HQ books the rules' sign-up bonus: 100
    assert hq.statuses([enroll]) == ["applied"]
    return enroll["payload"]["member"]["member_code"]


def _order(code, order_id="O-1", redeem=0, qty=2):
    lines = [{"sku": "TEA-500", "category": "drinks", "unit_price_cents": 15_000, "qty": qty},
             {"sku": "CUP-01", "category": "homeware", "unit_price_cents": 9_990, "qty": 1}]  # fmt: skip
    return {"order_id": order_id, "member_code": code, "lines": lines, "redeem_points": redeem}


def test_an_online_order_earns_points_priced_by_the_published_rules(hq):
    code = _member(hq)
    response = hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel()))
    assert response.status_code == 200, response.text
    body = response.json()
    # 2026-11-24 is a Tuesday: 399.90 paid -> 399 points, plus 50 per Oolong tea.
    assert (body["status"], body["paid_cents"], body["points_earned"]) == ("applied", 39_990, 399 + 100)
    view = hq.member(code)
    assert (view["balance"], view["spend_cents"]) == (100 + 499, 39_990)
    ledger_rows = [c["data"] for c in hq.pull_all() if c["kind"] == "ledger"]
    assert ledger_rows[-1]["entry_id"] == "hq:online:shop:O-1:earn"  # HQ's namespace: no till can book it


def test_an_online_order_is_idempotent_by_the_shops_order_id(hq):
    code = _member(hq)
    first = hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel())).json()
    again = hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel())).json()
    assert again["status"] == "duplicate" and {**again, "status": "applied"} == first
    changed = hq.client.post(ORDERS, json=_order(code, qty=3), headers=auth(hq.channel()))
    assert changed.status_code == 409 and changed.json()["error"] == "changed_body"
    assert hq.member(code)["balance"] == 100 + 499
    other_shop = hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel("app")))
    assert other_shop.json()["status"] == "applied"  # order ids are per channel


def test_an_online_order_redeems_points_within_the_rules(hq):
    code = _member(hq)
    ok = hq.client.post(ORDERS, json=_order(code, redeem=100), headers=auth(hq.channel())).json()
    assert (ok["points_redeemed"], ok["redeem_cents"], ok["paid_cents"]) == (100, 100, 39_890)
    too_many = hq.client.post(ORDERS, json=_order(code, "O-2", redeem=10_000), headers=auth(hq.channel()))
    assert too_many.status_code == 422 and too_many.json()["error"] in ("insufficient_points", "redeem_over_cap")


def test_an_online_order_for_an_unknown_member_is_a_404(hq):
    response = hq.client.post(ORDERS, json=_order("M2222222222"), headers=auth(hq.channel()))
    assert response.status_code == 404 and response.json()["error"] == "unknown_member"


def test_an_online_return_takes_back_points_in_proportion_and_is_idempotent(hq):
    code = _member(hq)
    hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel()))
    back = {"return_id": "RT-1", "order_id": "O-1", "lines": [{"line": 0, "qty": 1}]}
    body = hq.client.post(RETURNS, json=back, headers=auth(hq.channel())).json()
    assert body["status"] == "applied" and body["refund_cents"] == 15_000
    assert hq.client.post(RETURNS, json=back, headers=auth(hq.channel())).json()["status"] == "duplicate"
    too_many = {"return_id": "RT-2", "order_id": "O-1", "lines": [{"line": 0, "qty": 2}]}
    refused = hq.client.post(RETURNS, json=too_many, headers=auth(hq.channel()))
    assert refused.status_code == 422 and refused.json()["error"] == "return_too_many"
    assert hq.member(code)["balance"] == 100 + 499 - body["points_taken_back"]


def test_a_channel_cannot_return_another_channels_order(hq):
    code = _member(hq)
    hq.client.post(ORDERS, json=_order(code), headers=auth(hq.channel("shop")))
    back = {"return_id": "RT-1", "order_id": "O-1", "lines": [{"line": 0, "qty": 1}]}
    response = hq.client.post(RETURNS, json=back, headers=auth(hq.channel("app")))
    assert response.status_code == 404 and response.json()["error"] == "unknown_order"


def test_the_longest_channel_and_order_ids_fit_the_ledger(hq):
    code = _member(hq)
    channel, order_id = "c" * 40, "o" * 64
    response = hq.client.post(ORDERS, json=_order(code, order_id=order_id), headers=auth(hq.channel(channel)))
    assert response.status_code == 200, response.text
    assert hq.scalar("SELECT max(length(entry_id)) FROM ledger") == len(f"hq:online:{channel}:{order_id}:earn")
