"""Approving held adjustments: a role's APPROVAL limit decides, not its own-adjustment limit (docs/CONSOLE.md)."""

import pytest

from hq.services.operators.roles import FINANCE, POLICIES, STORE_MANAGER, Operator
from loyalty_core.rules import TrustPolicy
from tests.console.console_helpers import csrf_of

pytest.importorskip("hq.services.held", reason="hq.services.held (held adjustments) comes with the hq-trust branch")


def hold(chain, points: int) -> dict:
    code = chain.member("S001", "Ann Chen")
    event = chain.tills["S001"].adjust(code, points)
    assert chain.push("S001", event) == ["held"]
    review_id = chain.scalar("SELECT review_id FROM held_adjustments WHERE event_id = :e", e=event["event_id"])
    return {"code": code, "review_id": review_id}


def approve(client, review_id):
    page = client.get("/console/review")
    assert page.status_code == 200
    return client.post(f"/console/review/held/{review_id}", data={"csrf": csrf_of(page.text), "decision": "approve"},
                       follow_redirects=False)


def status_of(chain, review_id) -> str:
    return chain.scalar("SELECT status FROM held_adjustments WHERE review_id = :r", r=review_id)


def test_what_a_till_holds_over_the_default_threshold_finance_may_approve():
    """The policy is coherent: finance's approval limit is above the hold threshold, its own limit is not."""
    threshold = TrustPolicy().max_adjust_points
    assert POLICIES[FINANCE].max_approve_points > threshold >= POLICIES[FINANCE].max_adjust_points
    assert Operator("fin", FINANCE).may_approve(threshold + 1)
    assert not Operator("mgr", STORE_MANAGER, "S001").may_approve(1)


def test_finance_approves_what_a_till_held_up_to_its_approval_limit_and_an_admin_approves_beyond(chain, as_role):
    within, beyond = hold(chain, 20_000), hold(chain, 150_000)
    fin = as_role("fin")
    page = fin.get("/console/review").text
    assert page.count("over-approve-limit") == 1  # no Approve button on the 150,000, a hint instead
    before = chain.balance(within["code"])
    assert approve(fin, within["review_id"]).status_code == 303
    assert chain.balance(within["code"]) == before + 20_000
    assert status_of(chain, within["review_id"]) == "approved"
    assert chain.scalar("SELECT decided_by FROM held_adjustments WHERE review_id = :r", r=within["review_id"]) == "fin"

    before = chain.balance(beyond["code"])
    refused = approve(fin, beyond["review_id"])
    assert refused.status_code == 400
    assert "核准上限（100000 點）" in refused.text
    assert chain.balance(beyond["code"]) == before and status_of(chain, beyond["review_id"]) == "held"
    assert approve(as_role("admin"), beyond["review_id"]).status_code == 303
    assert chain.balance(beyond["code"]) == before + 150_000
