"""The held-adjustment queue: built on hq-trust's hq.services.held (skipped until that branch is merged)."""

import pytest

from tests.console.console_helpers import csrf_of

pytest.importorskip("hq.services.held", reason="hq.services.held (held adjustments) comes with the hq-trust branch")


@pytest.fixture
def held(chain):
    """A till adjustment of 20,000 points: over the trust policy's 10,000, so HQ holds it."""
    code = chain.member("S001", "Ann Chen")
    event = chain.tills["S001"].adjust(code, 20_000)
    assert chain.push("S001", event) == ["held"]
    review_id = chain.scalar("SELECT review_id FROM held_adjustments WHERE event_id = :e", e=event["event_id"])
    return {"code": code, "review_id": review_id, "event_id": event["event_id"]}


def decide(client, review_id, **fields):
    page = client.get("/console/review")
    assert page.status_code == 200
    return client.post(f"/console/review/held/{review_id}", data={"csrf": csrf_of(page.text), **fields},
                       follow_redirects=False)


def pulled(chain, store="S001") -> list[dict]:
    response = chain.client.get("/api/v1/sync/pull?since=0&limit=1000",
                                headers={"Authorization": f"Bearer {chain.tokens[store]}"})
    assert response.status_code == 200
    return response.json()["changes"]


def test_an_admin_approves_a_held_adjustment_and_the_tills_get_it_at_their_next_pull(chain, held, as_role):
    client = as_role("admin")
    assert f'data-review="{held["review_id"]}"' in client.get("/console/review").text
    before = chain.balance(held["code"])
    assert decide(client, held["review_id"], decision="approve").status_code == 303
    assert chain.balance(held["code"]) == before + 20_000
    assert chain.scalar("SELECT status FROM held_adjustments WHERE review_id = :r", r=held["review_id"]) == "approved"
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'held.approve'") == 1
    mine = [c for c in pulled(chain, "S002") if c["data"].get("member_code") == held["code"]]
    assert [c["data"]["status"] for c in mine if c["kind"] == "review"] == ["approved"]
    assert [c["data"]["points"] for c in mine if c["kind"] == "ledger" and c["data"]["kind"] == "adjust"] == [20_000]
    assert decide(client, held["review_id"], decision="approve").status_code == 400  # already decided


def test_a_rejection_needs_a_reason_books_nothing_and_is_audited(chain, held, as_role):
    client = as_role("admin")
    before = chain.balance(held["code"])
    assert decide(client, held["review_id"], decision="reject", reason="").status_code == 400
    assert decide(client, held["review_id"], decision="reject", reason="no receipt").status_code == 303
    assert chain.balance(held["code"]) == before
    assert chain.scalar("SELECT decision_reason FROM held_adjustments WHERE review_id = :r",
                        r=held["review_id"]) == "no receipt"
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'held.reject'") == 1


@pytest.mark.parametrize("role, status", [("aud", 403), ("mkt", 403), ("mgr1", 400)])
def test_roles_that_may_not_approve_this_adjustment_are_refused_and_nothing_changes(chain, held, as_role, role,
                                                                                   status):
    """An auditor only reads; marketing decides nothing; a store manager approves no held adjustment (a hold is a
    check on the store: finance or an admin decides)."""
    before = chain.balance(held["code"])
    assert decide(as_role(role), held["review_id"], decision="approve").status_code == status
    assert chain.balance(held["code"]) == before
    assert chain.scalar("SELECT status FROM held_adjustments WHERE review_id = :r", r=held["review_id"]) == "held"


def test_a_store_manager_sees_no_other_stores_held_adjustments(chain, as_role):
    code = chain.member("S002", "Cleo Lin")
    assert chain.push("S002", chain.tills["S002"].adjust(code, 20_000)) == ["held"]
    review_id = chain.scalar("SELECT max(review_id) FROM held_adjustments")
    client = as_role("mgr1")
    assert f'data-review="{review_id}"' not in client.get("/console/review").text
    assert decide(client, review_id, decision="reject", reason="not mine").status_code == 404
    assert chain.scalar("SELECT status FROM held_adjustments WHERE review_id = :r", r=review_id) == "held"


@pytest.mark.parametrize("review_id", ["abc", "-1", "99999", "1 OR 1=1"])
def test_a_bad_review_id_is_answered_and_changes_nothing(chain, held, as_role, review_id):
    response = decide(as_role("admin"), review_id, decision="approve")
    assert response.status_code in (400, 404)
    assert chain.scalar("SELECT status FROM held_adjustments WHERE review_id = :r", r=held["review_id"]) == "held"
