"""Who may call what: bearer tokens, hashed at rest, scoped to a store terminal or a channel."""


from hq.services import admin
from hq.storage import db
from tests.hq.hq_helpers import auth
from tests.support.events import Till


def test_missing_or_wrong_tokens_get_401_json(hq):
    for headers in ({}, auth("hqt_nope"), auth("hqc_nope"), auth("garbage"), {"Authorization": "Basic abc"}):
        response = hq.client.post("/api/v1/sync/push", json={"events": []}, headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["error"] == "unauthorized"
        assert response.headers["www-authenticate"] == "Bearer"


def test_a_revoked_terminal_token_is_refused(hq):
    token = hq.terminal()
    assert hq.push([], token=token).status_code == 200
    db.write(hq.engine, lambda conn: admin.revoke_terminal(conn, "S001", "T01", hq.clock()))
    assert hq.push([], token=token).status_code == 401


def test_a_terminal_cannot_push_events_for_another_store_or_terminal(hq):
    mine, other_store, other_till = Till("S001", "T01"), Till("S002", "T01"), Till("S001", "T02")
    hq.terminal("S002", "T01")
    for foreign in (other_store, other_till):
        response = hq.push([mine.enroll(), foreign.enroll()], token=hq.terminal("S001", "T01"))
        assert response.status_code == 403
        assert response.json()["error"] == "foreign_event"
    assert hq.scalar("SELECT count(*) FROM members") == 0


def test_a_channel_cannot_push_and_a_terminal_cannot_place_online_orders(hq):
    assert hq.push([], token=hq.channel()).status_code == 403
    order = {"order_id": "O-1", "member_code": "M2222222222", "lines": [
        {"sku": "TEA-500", "category": "drinks", "unit_price_cents": 15000, "qty": 1}]}  # fmt: skip
    response = hq.client.post("/api/v1/online/orders", json=order, headers=auth(hq.terminal()))
    assert response.status_code == 403 and response.json()["error"] == "forbidden"


def test_tokens_are_stored_only_as_hashes(hq):
    terminal, channel = hq.terminal(), hq.channel()
    stored = [hq.scalar("SELECT token_hash FROM terminals"), hq.scalar("SELECT token_hash FROM channels")]
    assert terminal not in stored and channel not in stored
    assert all(len(h) == 64 for h in stored)


def test_a_channel_reads_the_members_it_looks_up_but_never_the_feed_snapshot_or_buckets(hq):
    till = Till()
    event = till.enroll()
    assert hq.statuses([event], till) == ["applied"]
    code, phone = event["payload"]["member"]["member_code"], event["payload"]["member"]["phone"]
    channel = hq.channel()

    assert hq.member(code, token=channel)["member_code"] == code
    assert hq.member_by_phone(phone, token=channel)["member_code"] == code
    for path in ("/api/v1/sync/pull", "/api/v1/sync/pull?since=0&limit=1000", "/api/v1/sync/snapshot",
                 "/api/v1/sync/snapshot?limit=2000", "/api/v1/reconcile/buckets", "/api/v1/reconcile/bucket/0"):  # fmt: skip
        response = hq.client.get(path, headers=auth(channel))
        assert response.status_code == 403, path
        body = response.json()
        assert body["error"] == "forbidden"
        assert code not in response.text and phone not in response.text
        assert not {"changes", "members", "buckets"} & set(body)
    assert hq.pull_all(token=hq.terminal())  # a terminal still pulls


def test_a_channel_cannot_return_another_channels_order(hq):
    till = Till()
    event = till.enroll()
    assert hq.statuses([event], till) == ["applied"]
    code = event["payload"]["member"]["member_code"]
    order = {"order_id": "O-1", "member_code": code, "lines": [
        {"sku": "TEA-500", "category": "drinks", "unit_price_cents": 15000, "qty": 1}]}  # fmt: skip
    placed = hq.client.post("/api/v1/online/orders", json=order, headers=auth(hq.channel("shop")))
    assert placed.status_code == 200, placed.text
    balance = hq.member(code)["balance"]

    body = {"return_id": "RT-1", "order_id": "O-1", "lines": [{"line": 0, "qty": 1}]}
    response = hq.client.post("/api/v1/online/returns", json=body, headers=auth(hq.channel("other")))

    assert response.status_code == 404 and response.json()["error"] == "unknown_order"
    assert hq.member(code)["balance"] == balance
    assert hq.scalar("SELECT count(*) FROM online_returns") == 0
