"""/console/program over HTTP, on SQLite and PostgreSQL: draft, diff, simulate, publish, roll back; roles,
CSRF and bad input (nothing changes, never a 5xx)."""

import datetime as dt
import json

import pytest

from tests.console.console_helpers import csrf_of
from tests.console.program_helpers import (  # noqa: F401  (db_file and program_pg are fixtures used by name)
    act,
    audit_actions,
    db_file,
    default_program,
    in_force_version,
    program_pg,
    save_draft,
    with_basic_earn,
)
from tests.support.clock import TUESDAY

INJECTION = '<script>alert(1)</script>"; DROP TABLE rules; --'


def program_state(chain) -> dict:
    return {"rules": chain.scalar("SELECT count(*) FROM rules"), "feed": chain.scalar("SELECT count(*) FROM feed"),
            "drafts": chain.scalar("SELECT count(*) FROM program_drafts"),
            "draft_text": chain.scalar("SELECT max(document) FROM program_drafts WHERE status = 'draft'")}  # fmt: skip


def test_marketing_drafts_sees_the_diff_simulates_and_publishes_a_new_version(chain, as_role, clock):
    code = chain.member("S001", "Ann Chen")
    chain.buy("S001", code, 10_000)  # 100 points in force; 150 at x1.5, +10 for the category bonus
    chain.buy("S001", code, 25_000)  # 250 in force; 375 + 10
    client = as_role("mkt")

    assert save_draft(client, with_basic_earn(1500, category_bonus=10)).status_code == 303
    page = client.get("/console/program").text
    assert 'id="changes"' in page and "1000" in page and "1500" in page and "general-bonus" in page

    simulated = act(client, "simulate")
    assert simulated.status_code == 200
    assert 'data-extra-points="195"' in simulated.text and 'data-cost-cents="195"' in simulated.text

    assert act(client, "publish").status_code == 303
    assert in_force_version(chain) == 2
    assert chain.scalar("SELECT count(*) FROM feed WHERE kind = 'rules'") >= 1
    assert audit_actions(chain)[-3:] == ["program.draft", "program.simulate", "program.publish"]
    assert chain.scalar("SELECT status FROM program_drafts") == "published"


def test_the_simulation_counts_only_the_last_30_days(chain, as_role, clock):
    code = chain.member("S001")
    chain.buy("S001", code, 40_000)  # on TUESDAY: out of the window 31 days later
    clock.set(TUESDAY + dt.timedelta(days=31))
    chain.buy("S001", code, 10_000)
    client = as_role("admin")
    assert save_draft(client, with_basic_earn(2000)).status_code == 303
    simulated = act(client, "simulate").text
    assert 'data-extra-points="100"' in simulated and 'data-cost-cents="100"' in simulated


def test_a_rollback_publishes_the_previous_content_as_a_higher_version(chain, as_role):
    client = as_role("admin")
    assert save_draft(client, with_basic_earn(3000)).status_code == 303
    assert act(client, "publish").status_code == 303
    assert act(client, "rollback").status_code == 303
    assert in_force_version(chain) == 3
    doc = json.loads(chain.scalar("SELECT document FROM rules WHERE version = 3"))
    assert doc["tiers"][0]["earn_permille"] == 1000
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'program.rollback'") == 1
    page = client.get("/console/program").text
    assert 'data-version="3"' in page and 'data-version="2"' in page


def test_every_operator_may_look_but_only_admin_and_marketing_change_the_program(chain, as_role):
    for role in ("fin", "mgr1", "aud"):
        client = as_role(role)
        assert client.get("/console/program").status_code == 200
        assert client.get("/console/program/draft").status_code == 403
        before = program_state(chain)
        page = client.get("/console/program").text
        for action in ("simulate", "publish", "rollback", "discard"):
            response = client.post(f"/console/program/{action}", data={"csrf": csrf_of(page)})
            assert response.status_code == 403, (role, action)
        response = client.post("/console/program/draft", data={"csrf": csrf_of(page),
                                                               "document": json.dumps(default_program())})  # fmt: skip
        assert response.status_code == 403
        assert program_state(chain) == before


def test_a_form_without_the_right_csrf_token_is_refused_and_changes_nothing(chain, as_role):
    client = as_role("admin")
    assert save_draft(client, with_basic_earn(1200)).status_code == 303
    before = program_state(chain)
    for token in (None, "", "forged"):
        data = {"document": json.dumps(default_program())} | ({"csrf": token} if token is not None else {})
        assert client.post("/console/program/draft", data=data).status_code == 403
        for action in ("publish", "rollback", "simulate", "discard"):
            assert client.post(f"/console/program/{action}", data=data).status_code == 403
    assert program_state(chain) == before


def _bad_drafts() -> dict:
    negative = default_program()
    negative["promotions"][0]["multiplier_permille"] = -2000
    overlap = default_program()
    overlap["tiers"][1]["threshold_cents"] = overlap["tiers"][2]["threshold_cents"]
    injected = default_program()
    injected["promotions"][0]["id"] = INJECTION
    named = default_program()
    named["tiers"][0]["names"]["en"] = INJECTION  # allowed: shown as text
    nul = default_program()
    nul["tiers"][0]["names"]["en"] = "a\x00b"
    extra = default_program()
    extra["promotions"][0]["evil"] = "\x00"
    no_zero = default_program()
    no_zero["tiers"][0]["threshold_cents"] = 1
    return {
        "garbled": ('{"tiers": [', "JSON"),
        "not an object": ("[1, 2]", "tiers list"),
        "negative multiplier": (json.dumps(negative), "never negative"),
        "overlapping tiers": (json.dumps(overlap), "overlap"),
        "injection id": (json.dumps(injected), "no valid id"),
        "no tier at 0": (json.dumps(no_zero), "start at 0"),
        "empty": ("", "empty"),
        "raw nul": ('{"tiers": "\x00"}', "JSON"),
        "escaped nul": (json.dumps(nul), "names map"),
        "unknown field": (json.dumps(extra), "unknown fields"),
        "too long": ('{"tiers": []}' + " " * 100_001, "too long"),
        "deep": ("[" * 50_000, "tiers list"),
        "huge number": ('{"tiers": [{"code": "a", "threshold_cents": 1e999}], "promotions": []}', "threshold"),
    }


@pytest.mark.parametrize("name", list(_bad_drafts()))
def test_a_bad_draft_is_shown_again_with_a_translated_message_and_nothing_is_saved(chain, as_role, name):
    text, expected = _bad_drafts()[name]
    client = as_role("mkt")
    before = program_state(chain)
    response = save_draft(client, text)
    assert response.status_code == 400, response.text
    assert expected in client.post("/console/program/draft?lang=en", data={
        "csrf": csrf_of(response.text), "document": text}).text  # fmt: skip
    assert "<script>alert(1)</script>" not in response.text
    assert program_state(chain) == before
    zh = client.post("/console/program/draft?lang=zh_TW", data={"csrf": csrf_of(response.text), "document": text})
    assert zh.status_code == 400 and "草稿未儲存" in zh.text


def test_names_with_markup_are_published_and_shown_as_text(chain, as_role):
    draft = default_program()
    draft["tiers"][0]["names"]["en"] = "<script>alert(1)</script>"
    client = as_role("admin")
    assert save_draft(client, draft).status_code == 303
    page = client.get("/console/program?lang=en").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_simulate_publish_and_rollback_with_nothing_to_work_on_are_answered_not_crashed(chain, as_role):
    client = as_role("admin")
    before = program_state(chain)
    for action in ("simulate", "publish", "discard", "rollback"):
        response = act(client, action)
        assert response.status_code in (400, 404), (action, response.status_code)
    assert program_state(chain) == before
