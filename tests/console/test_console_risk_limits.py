"""Risk limits in the console: adjustments have a daily cap per role (roles.Policy.max_adjust_day_points), counted
per operator on HQ's business day (a store manager can no longer book 1,000 points five times a day), and a
terminal stopped for too many member look-ups shows on the terminals review page."""

import re

import pytest

from tests.console.console_helpers import post


@pytest.fixture
def ann(chain):
    code = chain.member("S001", "Ann Chen")
    chain.buy("S001", code, 30_000)
    return code


def _adjust(client, code: str, points: int):
    return post(client, f"/console/members/{code}", f"/console/members/{code}/adjust",
                {"points": str(points), "reason": "goodwill"})  # fmt: skip


def test_a_store_manager_past_the_daily_cap_is_refused_translated_nothing_changes_and_hqs_next_day_opens_it(
    chain, ann, as_role
):
    manager, finance = as_role("mgr1"), as_role("fin")
    start = chain.balance(ann)
    assert "每次最多調整 ±1,000 點，每天合計最多 3,000 點" in manager.get(f"/console/members/{ann}").text
    assert [_adjust(manager, ann, p).status_code for p in (1_000, -1_000, 1_000)] == [303] * 3  # |points| count
    before = chain.counts()

    refused = _adjust(manager, ann, 1)
    english = post(manager, f"/console/members/{ann}?lang=en", f"/console/members/{ann}/adjust?lang=en",
                   {"points": "1", "reason": "goodwill"})  # fmt: skip

    assert (refused.status_code, english.status_code) == (400, 400)
    assert "超過您角色的每日調整上限（3000 點；今天還可調整 0 點）" in refused.text
    assert "Beyond your role&#39;s daily adjustment limit (3000 points; 0 left today)." in english.text
    assert chain.counts() == before and chain.balance(ann) == start + 1_000
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'member.adjust' AND username = 'mgr1'") == 3
    assert _adjust(finance, ann, 5_000).status_code == 303  # another operator's day is their own
    chain.clock.advance(days=1)
    assert _adjust(manager, ann, 1_000).status_code == 303


def test_a_terminal_stopped_for_too_many_member_lookups_is_flagged_on_the_terminals_page(chain, ann, as_role):
    headers = {"Authorization": f"Bearer {chain.tokens['S001']}"}
    answers = [chain.client.get(f"/api/v1/members/{ann}", headers=headers).status_code for _ in range(32)]
    assert answers == [200] * 30 + [429] * 2

    page = as_role("admin").get("/console/review/terminals?lang=en").text

    row = re.search(r'<tr data-terminal="S001/T01">.*?</tr>', page, re.S).group(0)
    assert re.search(r'class="n lookups-stopped">1<', row)  # one minute stopped, however many refusals
    assert "Look-ups stopped (minutes)" in page
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'risk.member_reads_throttled'") == 1
