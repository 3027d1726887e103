"""Roles on every endpoint, audited actions, bad input that changes nothing, and escaping."""

import csv
import io

import pytest

from tests.console.console_helpers import csrf_of, post

XSS = "<script>alert(1)</script>"

READ_PAGES = ["/console/", "/console/members", "/console/rfm", "/console/rfm/important_value",
              "/console/rfm/important_value.csv", "/console/review", "/console/stores", "/console/summary.csv",
              "/console/review/overdrafts", "/console/review/corrections", "/console/review/reconciliation",
              "/console/review/terminals"]


@pytest.fixture
def people(chain):
    """At S001: Ann (marketing consent) and a member named like a script; at S002: Cleo.
    HQ refuses such a name from a till, so it is written straight into the table, as an old import could have."""
    ann = chain.member("S001", "Ann Chen", marketing=True, phone="0912345678")
    xss = chain.member("S001", "Placeholder", marketing=True)
    chain.execute("UPDATE members SET name = :n WHERE member_code = :c", n=XSS, c=xss)
    cleo = chain.member("S002", "Cleo Lin", marketing=False)
    chain.buy("S001", ann, 30_000)
    chain.buy("S001", xss, 5_000)
    chain.buy("S002", cleo, 12_000)
    return {"ann": ann, "xss": xss, "cleo": cleo}


def search(client, q: str):
    """The member search is a POST (no name or phone in a URL)."""
    return post(client, "/console/members", "/console/members", {"q": q})


def writes(people) -> list[tuple[str, str, dict]]:
    """(page holding the form, action, fields) for every write the console has."""
    ann = people["ann"]
    return [
        (f"/console/members/{ann}", f"/console/members/{ann}/adjust", {"points": "10", "reason": "goodwill"}),
        ("/console/review", f"/console/review/{ann}/clear", {"flag": "overdraft", "note": "checked"}),
        ("/console/stores", "/console/stores", {"store_id": "S009", "name": "New"}),
        ("/console/stores", "/console/stores/S001/terminals", {"terminal_id": "T09"}),
        ("/console/stores", "/console/stores/S001/terminals/T01/revoke", {}),
        ("/console/stores", "/console/channels", {"channel": "shop"}),
        ("/console/review/overdrafts", f"/console/review/overdrafts/{ann}/annotate", {"note": "called"}),
        ("/console/review/overdrafts", f"/console/review/overdrafts/{ann}/recover", {"note": "paid", "collected": "1"}),
        ("/console/review/reconciliation", "/console/review/reconciliation/1/acknowledge", {"note": "seen"}),
    ]


def test_an_auditor_reads_every_page_and_is_refused_every_write(chain, people, as_role):
    client = as_role("aud")
    for path in READ_PAGES + ["/console/audit", "/console/audit.csv", f"/console/members/{people['ann']}"]:
        assert client.get(path).status_code == 200, path
    before = chain.counts()
    for page, action, data in writes(people):
        response = post(client, page, action, data)
        assert response.status_code == 403, action
        assert "您的角色無權執行此操作" in response.text
    assert chain.counts() == before
    assert chain.balance(people["ann"]) == 100 + 300


def test_a_store_manager_sees_their_store_and_never_another_stores_member(chain, people, as_role):
    client = as_role("mgr1")
    assert client.get(f"/console/members/{people['ann']}").status_code == 200
    other = client.get(f"/console/members/{people['cleo']}")
    assert other.status_code == 404 and "Cleo" not in other.text
    assert people["cleo"] not in search(client, "Lin").text
    assert client.get("/console/?store=S002").status_code == 403
    assert client.get("/console/rfm?store=S002").status_code == 403
    dashboard = client.get("/console/")
    assert 'data-store="S001"' in dashboard.text and 'data-store="S002"' not in dashboard.text
    assert 'id="sales_count" data-value="2"' in dashboard.text  # S001's two sales, not S002's
    before = chain.balance(people["cleo"])
    page = client.get(f"/console/members/{people['ann']}")
    response = client.post(f"/console/members/{people['cleo']}/adjust",
                           data={"csrf": csrf_of(page.text), "points": "5", "reason": "x"})
    assert response.status_code == 404 and chain.balance(people["cleo"]) == before
    assert client.get("/console/audit").status_code == 403


def test_an_adjustment_within_the_roles_limit_is_booked_audited_and_published_to_the_tills(chain, people, as_role):
    client = as_role("fin")
    ann = people["ann"]
    feed_before = chain.scalar("SELECT count(*) FROM feed WHERE kind = 'ledger' AND member_code = :c", c=ann)
    response = post(client, f"/console/members/{ann}", f"/console/members/{ann}/adjust",
                    {"points": "-250", "reason": "Damaged goods refund"})
    assert response.status_code == 303
    assert chain.balance(ann) == 400 - 250
    assert chain.scalar("SELECT count(*) FROM feed WHERE kind = 'ledger' AND member_code = :c", c=ann) == feed_before + 1
    row = chain.scalar("SELECT before || ' -> ' || after FROM audit_log WHERE action = 'member.adjust'")
    assert '"balance": 400' in row and '"balance": 150' in row and "Damaged goods refund" in row
    page = client.get(response.headers["location"])
    assert 'id="balance" data-value="150"' in page.text


@pytest.mark.parametrize("role, points, status", [("fin", "10001", 400), ("mgr1", "1001", 400), ("mkt", "1", 403)])
def test_an_adjustment_beyond_the_roles_limit_is_refused_and_changes_nothing(chain, people, as_role, role, points,
                                                                              status):
    client = as_role(role)
    ann = people["ann"]
    before = chain.counts()
    response = post(client, f"/console/members/{ann}", f"/console/members/{ann}/adjust",
                    {"points": points, "reason": "too much"})
    assert response.status_code == status
    assert chain.counts() == before and chain.balance(ann) == 400


@pytest.mark.parametrize("points, reason", [("abc", "r"), ("0", "r"), ("1e3", "r"), ("", "r"), ("12.5", "r"),
                                            ("5", ""), ("5", "x" * 201), ("9" * 40, "r")])
def test_bad_adjustment_input_gets_a_translated_message_and_changes_nothing(chain, people, as_role, points, reason):
    client = as_role("admin")
    ann = people["ann"]
    before = chain.counts()
    response = post(client, f"/console/members/{ann}", f"/console/members/{ann}/adjust",
                    {"points": points, "reason": reason})
    assert response.status_code == 400
    assert "點數須為非零整數" in response.text or "請填寫 1 到 200 字的原因" in response.text
    assert chain.counts() == before


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing(chain, people, as_role):
    client = as_role("admin")
    ann = people["ann"]
    before = chain.counts()
    for csrf in (None, "", "forged"):
        data = {"points": "5", "reason": "r"} | ({"csrf": csrf} if csrf is not None else {})
        response = client.post(f"/console/members/{ann}/adjust", data=data)
        assert response.status_code == 403 and "表單已過期" in response.text
    assert chain.counts() == before


@pytest.mark.parametrize("query", ["from=2026-02-30", "from=yesterday", "to=2020-01-01", "store=%27%3B--",
                                   "from=2020-01-01&to=2026-11-24"])
def test_bad_dashboard_filters_get_a_clear_message_never_a_server_error(chain, people, as_role, query):
    response = as_role("fin").get(f"/console/?{query}")
    assert response.status_code == 400
    assert "error-message" in response.text


def test_other_bad_input_is_answered_in_html_with_the_reason(chain, people, as_role):
    client = as_role("admin")
    assert search(client, "x" * 41).status_code == 400
    assert client.get("/console/rfm/not_a_segment").status_code == 400
    assert client.get("/console/rfm?at=2026-99-99").status_code == 400
    missing = client.get("/console/members/MNOSUCHONE")
    assert missing.status_code == 404 and "沒有這位會員" in missing.text
    assert client.get("/console/members/" + "M" * 300).status_code == 404


def test_a_name_that_looks_like_a_script_is_shown_as_text_everywhere(chain, people, as_role):
    client = as_role("admin")
    for path in (f"/console/members/{people['xss']}", "/console/rfm/general_develop", "/console/rfm/important_value"):
        page = client.get(path)
        assert page.status_code == 200
        assert XSS not in page.text, path
    found = search(client, "script")
    assert found.status_code == 200 and people["xss"] in found.text and XSS not in found.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(f"/console/members/{people['xss']}").text
    assert "script-src 'self'" in client.get("/console/").headers["content-security-policy"]


def test_phones_are_masked_unless_the_role_may_see_them(chain, people, as_role):
    ann = people["ann"]
    assert "0912***678" in as_role("fin").get(f"/console/members/{ann}").text
    assert "912345678" not in as_role("fin").get(f"/console/members/{ann}").text
    assert "0912 345 678" in as_role("mkt").get(f"/console/members/{ann}").text  # as written in Taiwan
    assert ann in search(as_role("fin"), "0912-345-678").text  # any common format finds her


def test_a_segment_export_has_only_members_with_marketing_consent_and_is_audited(chain, people, as_role):
    rows_by_role = {}
    for role in ("mkt", "fin"):
        client = as_role(role)
        rows = []
        for segment in ("important_value", "important_retain", "important_develop", "important_win_back",
                        "general_value", "general_retain", "general_develop", "general_win_back"):
            response = client.get(f"/console/rfm/{segment}.csv")
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
            rows += list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
        rows_by_role[role] = rows
    codes = {r["member_code"] for r in rows_by_role["mkt"]}
    assert codes == {people["ann"], people["xss"]}  # Cleo has no marketing consent
    assert {r["phone"] for r in rows_by_role["mkt"] if r["member_code"] == people["ann"]} == {"'+886912345678"}  # E.164, as text
    assert {r["phone"] for r in rows_by_role["fin"] if r["member_code"] == people["ann"]} == {"0912***678"}
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'segment.export'") == 16


def test_the_audit_log_is_for_admins_and_auditors_and_exports_as_csv(chain, people, as_role):
    post(as_role("fin"), f"/console/members/{people['ann']}", f"/console/members/{people['ann']}/adjust",
         {"points": "7", "reason": "audit me"})
    for role in ("mkt", "fin", "mgr1"):
        assert as_role(role).get("/console/audit.csv").status_code == 403
    exported = as_role("aud").get("/console/audit.csv")
    rows = list(csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff"))))
    adjust = [r for r in rows if r["action"] == "member.adjust"]
    assert len(adjust) == 1 and adjust[0]["username"] == "fin" and adjust[0]["target"] == people["ann"]
    assert '"balance": 400' in adjust[0]["before"] and '"balance": 407' in adjust[0]["after"]


def test_flagged_members_are_reviewed_and_clearing_a_flag_is_audited(chain, people, as_role):
    ann = people["ann"]
    chain.buy("S001", ann, 1_000, redeem=900)  # 400 points held: an offline overdraft HQ accepts and flags
    client = as_role("fin")
    page = client.get("/console/review")
    assert f'data-member="{ann}"' in page.text
    response = post(client, "/console/review", f"/console/review/{ann}/clear",
                    {"flag": "overdraft", "note": "recovered from later earnings"})
    assert response.status_code == 303
    assert chain.scalar("SELECT flags FROM members WHERE member_code = :c", c=ann) == ""
    assert chain.scalar("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") == "review.clear_flag"
    bad = post(client, "/console/review", f"/console/review/{ann}/clear", {"flag": "made_up", "note": "x"})
    assert bad.status_code == 400


def test_an_admin_adds_a_store_issues_a_terminal_token_once_and_revokes_it(chain, people, as_role):
    client = as_role("admin")
    assert post(client, "/console/stores", "/console/stores", {"store_id": "S010", "name": "Xinyi"}).status_code == 303
    issued = post(client, "/console/stores", "/console/stores/S010/terminals", {"terminal_id": "T01"})
    assert issued.status_code == 200
    token = issued.text.split('<code id="token">')[1].split("</code>")[0]
    assert token.startswith("hqt_")
    assert token not in client.get("/console/stores").text  # shown once
    assert chain.client.get("/api/v1/sync/pull?since=0", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert post(client, "/console/stores", "/console/stores/S010/terminals/T01/revoke", {}).status_code == 303
    assert chain.client.get("/api/v1/sync/pull?since=0", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    duplicate = post(client, "/console/stores", "/console/stores", {"store_id": "S010", "name": "Again"})
    assert duplicate.status_code == 400 and "此門市已存在" in duplicate.text
    bad = post(client, "/console/stores", "/console/stores", {"store_id": "../etc", "name": "x"})
    assert bad.status_code == 400
    actions = chain.scalar("SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE action LIKE "
                           "'store.%' OR action LIKE 'terminal.%' ORDER BY id)")  # in the order they happened
    assert actions.split() == ["store.add", "terminal.token", "terminal.revoke"]


def test_the_reports_api_accepts_an_operators_session(chain, people, as_role):
    client = as_role("mgr1")
    day = chain.clock().date().isoformat()
    response = client.get(f"/api/v1/reports/summary?from={day}&to={day}")
    assert response.status_code == 200
    assert (response.json()["store"], response.json()["sales_cents"]) == ("S001", 35_000)
