"""POST /reconcile/report as an attacker or a broken till would send it: a clear 4xx and nothing stored."""

import pytest
import sqlalchemy as sa

from tests.hq.hq_helpers import auth

URL = "/api/v1/reconcile/report"


def report(**changes) -> dict:
    body = {"run_id": 7, "started_at": "2026-11-24T03:00:00+00:00", "finished_at": "2026-11-24T03:00:09+00:00",
            "status": "differences", "members": 1200, "buckets_differing": 1, "differences": 1, "fixed": 1,
            "members_differing": [{"member_code": "M0000000001", "till_balance": 180, "hq_balance": 100,
                                   "correction_points": -80, "fixed": True}]}  # fmt: skip
    return {**body, **changes}


def stored(hq) -> list[tuple]:
    with hq.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT store_id, terminal_id, run_id, differences FROM reconcile_reports ORDER BY id"))]  # fmt: skip


def test_a_terminals_report_is_stored_under_its_own_store_and_a_resent_one_is_the_same_row(hq):
    token = hq.terminal("S002", "T03")
    first = hq.client.post(URL, json=report(), headers=auth(token))
    again = hq.client.post(URL, json=report(), headers=auth(token))

    assert first.status_code == again.status_code == 200
    assert (first.json()["duplicate"], again.json()) == (False, {**first.json(), "duplicate": True})
    assert stored(hq) == [("S002", "T03", 7, 1)]


def test_the_same_run_number_from_another_terminal_is_its_own_report(hq):
    hq.client.post(URL, json=report(), headers=auth(hq.terminal("S001", "T01")))
    hq.client.post(URL, json=report(), headers=auth(hq.terminal("S001", "T02")))
    assert [r[:3] for r in stored(hq)] == [("S001", "T01", 7), ("S001", "T02", 7)]


@pytest.mark.parametrize("body", [
    report(store_id="S999"),  # another store's id: the store comes from the token, a field for it is refused
    report(run_id="7"), report(run_id=0), report(run_id=2**60),
    report(status="fine"), report(members=-1), report(differences=2**40),
    report(fixed=2, differences=1),  # more fixed than found
    report(differences=0),  # members listed beyond what it says it found
    report(started_at="yesterday"), report(started_at="2026-11-24T03:00:00"),  # no offset: ambiguous
    report(members_differing=[{"member_code": "M1"}]),
    report(members_differing=[{"member_code": "'; DROP TABLE members;--", "till_balance": 1, "hq_balance": 1,
                               "fixed": True}]),  # fmt: skip
    report(members_differing=[{"member_code": "M1", "till_balance": 10**20, "hq_balance": 1, "fixed": True}]),
    report(differences=500, members_differing=[{"member_code": f"M{i}", "till_balance": 1, "hq_balance": 0,
                                                "fixed": True} for i in range(201)]),  # fmt: skip
    report(error="x" * 201),
    [], "report", None,
])  # fmt: skip
def test_a_malformed_or_forged_report_is_422_and_stores_nothing(hq, body):
    response = hq.client.post(URL, json=body, headers=auth(hq.terminal()))
    assert response.status_code == 422, response.text
    assert stored(hq) == []


def test_a_garbled_body_is_4xx_and_stores_nothing(hq):
    response = hq.client.post(URL, content=b'{"run_id": 7, "sta', headers={**auth(hq.terminal()),
                                                                         "Content-Type": "application/json"})  # fmt: skip
    assert 400 <= response.status_code < 500
    assert stored(hq) == []


def test_only_a_terminal_may_report(hq):
    assert hq.client.post(URL, json=report()).status_code == 401
    assert hq.client.post(URL, json=report(), headers=auth("hqt_forged")).status_code == 401
    assert hq.client.post(URL, json=report(), headers=auth(hq.channel())).status_code == 403
    assert stored(hq) == []


def test_a_huge_body_is_413_and_stores_nothing(hq):
    huge = report(error="x" * 100, members_differing=[{"member_code": "M1", "till_balance": 1, "hq_balance": 0,
                                                       "fixed": True, "pad": "y" * 10_000_000}])  # fmt: skip
    response = hq.client.post(URL, json=huge, headers=auth(hq.terminal()))
    assert response.status_code == 413
    assert stored(hq) == []
