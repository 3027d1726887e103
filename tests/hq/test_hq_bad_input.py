"""Bad requests get a clear 4xx JSON answer and change nothing; nothing answers 500."""

import json

import pytest

from tests.hq.hq_helpers import auth
from tests.support.events import Till

PUSH = "/api/v1/sync/push"


def _unchanged(hq, before):
    assert hq.counts() == before


def test_garbled_json_is_a_400_and_changes_nothing(hq):
    token, before = hq.terminal(), hq.counts()
    for body in (b'{"events": [', b"\xff\xfe\x00", b"", b"nul"):
        response = hq.client.post(PUSH, content=body, headers={**auth(token), "Content-Type": "application/json"})
        assert response.status_code in (400, 422), body
        assert response.json()["error"] in ("invalid_json", "invalid_request")
    _unchanged(hq, before)


def test_wrong_types_in_the_envelope_are_a_422_naming_the_field_and_change_nothing(hq):
    till, token = Till(), hq.terminal()
    before = hq.counts()
    good = till.enroll()
    for broken in ({**good, "seq": "7"}, {**good, "payload": []}, {**good, "occurred_at": "yesterday"},
                   {k: v for k, v in good.items() if k != "event_id"}, {**good, "extra": 1}):  # fmt: skip
        response = hq.client.post(PUSH, json={"events": [good, broken]}, headers=auth(token))
        assert response.status_code == 422
        body = response.json()
        assert body["error"] == "invalid_request" and body["message"].startswith("body.events.1")
    for not_a_batch in ([], {"events": {}}, {"events": None}, "events"):
        assert hq.client.post(PUSH, json=not_a_batch, headers=auth(token)).status_code == 422
    _unchanged(hq, before)


def test_unknown_event_types_refuse_the_whole_batch(hq):
    till, before = Till(), hq.counts()
    response = hq.push([till.enroll(), till.event("member.deleted", {})])
    assert response.status_code == 422 and "type" in response.json()["message"]
    _unchanged(hq, before)


def test_more_than_500_events_is_refused_whole(hq):
    till, before = Till(), hq.counts()
    response = hq.push([till.enroll() for _ in range(501)])
    assert response.status_code == 422
    assert "500" in response.json()["message"]
    _unchanged(hq, before)


def test_a_body_over_the_size_limit_is_refused_with_413(hq):
    token, before = hq.terminal(), hq.counts()
    huge = json.dumps({"events": [], "pad": "x" * (5 * 1024 * 1024)}).encode()
    response = hq.client.post(PUSH, content=huge, headers={**auth(token), "Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["error"] == "too_large"

    def chunked():  # no Content-Length: the limit is enforced while reading
        for _ in range(6):
            yield b" " * (1024 * 1024)

    response = hq.client.post(PUSH, content=chunked(), headers={**auth(token), "Content-Type": "application/json"})
    assert response.status_code == 413
    _unchanged(hq, before)


def test_bogus_cursors_are_refused_with_a_clear_message(hq):
    token = hq.terminal()
    for query, status in (("since=-1", 422), ("since=abc", 422), ("since=999999", 400), ("limit=0", 422),
                          ("limit=100000", 422), ("since=1e3", 422)):  # fmt: skip
        response = hq.client.get(f"/api/v1/sync/pull?{query}", headers=auth(token))
        assert response.status_code == status, query
        assert response.json()["message"]
    assert hq.client.get("/api/v1/sync/pull?since=999999", headers=auth(token)).json()["error"] == "cursor_ahead"


def test_unknown_routes_and_methods_answer_json(hq):
    assert hq.client.get("/api/v1/nope").json()["error"] == "not_found"
    response = hq.client.delete(PUSH)
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"


def test_injection_strings_are_just_data(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll]) == ["applied"]
    for query in ("' OR 1=1 --", "M'; DROP TABLE members; --", "%", "_"):
        response = hq.client.get(f"/api/v1/members/{query}", headers=auth(hq.terminal()))
        assert response.status_code == 404
    assert hq.member(code)["member_code"] == code


def test_an_unexpected_error_is_a_logged_json_500_and_a_lost_database_a_503(tmp_path):
    from fastapi.testclient import TestClient

    from hq.app import create_app

    app = create_app(f"sqlite:///{tmp_path}/missing/dir/hq.sqlite3", run_migrations=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom")
        assert (response.status_code, response.json()["error"]) == (500, "internal")
        down = client.get("/api/v1/health")
        assert (down.status_code, down.json()["error"]) == (503, "unavailable")


@pytest.mark.parametrize("path", ["/api/v1/sync/pull?since=0.0", "/api/v1/sync/pull?since=1e3",
                                  "/api/v1/sync/pull?limit=%207", "/api/v1/sync/snapshot?limit=2.0",
                                  "/api/v1/reconcile/bucket/1.0", "/api/v1/sync/pull?since=%EF%BC%91"])  # fmt: skip
def test_an_integer_in_the_query_or_path_that_is_not_plain_digits_is_a_422(hq, path):
    response = hq.client.get(path, headers=auth(hq.terminal()))
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_request"
