"""The overdraft queue: an offline redemption at two stores leaves a member below zero; a write-off books
the deficit back as an audited entry that the tills pull."""

import pytest

from tests.console.console_helpers import csrf_of


@pytest.fixture
def overdrawn(chain):
    """Ann (signup bonus 100) redeems her 100 points at S001 and, offline, again at S002."""
    code = chain.member("S001", "Ann Chen")
    chain.buy("S001", code, 1_000, redeem=100)
    chain.buy("S002", code, 1_000, redeem=100)
    assert chain.balance(code) < 0
    return code


def write_off(client, code, **fields):
    page = client.get("/console/review/overdrafts")
    assert page.status_code == 200
    return client.post(f"/console/review/overdrafts/{code}/write-off", data={"csrf": csrf_of(page.text), **fields},
                       follow_redirects=False)


def pulled(chain, store="S002") -> list[dict]:
    response = chain.client.get("/api/v1/sync/pull?since=0&limit=1000",
                                headers={"Authorization": f"Bearer {chain.tokens[store]}"})
    assert response.status_code == 200
    return response.json()["changes"]


def test_an_overdrawn_member_is_listed_and_a_write_off_brings_the_balance_to_zero_for_hq_and_the_tills(
        chain, overdrawn, as_role):
    client = as_role("admin")
    deficit = -chain.balance(overdrawn)
    assert f'data-member="{overdrawn}"' in client.get("/console/review/overdrafts").text
    response = write_off(client, overdrawn, note="two offline redemptions")
    assert response.status_code == 303
    assert chain.balance(overdrawn) == 0
    assert chain.scalar("SELECT points FROM ledger WHERE member_code = :c AND entry_id LIKE 'console:writeoff:%'",
                        c=overdrawn) == deficit
    assert "overdraft" not in chain.scalar("SELECT flags FROM members WHERE member_code = :c", c=overdrawn)
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'overdraft.write_off'") == 1
    mine = [c["data"] for c in pulled(chain) if c["kind"] == "ledger" and c["data"]["member_code"] == overdrawn]
    assert sum(d["points"] for d in mine) == 0  # what the till pulls adds up to HQ's balance
    open_cases, closed = client.get("/console/review/overdrafts").text.split('id="overdrafts-closed"', 1)
    assert f'data-member="{overdrawn}"' not in open_cases
    assert f'data-member="{overdrawn}" data-action="write_off"' in closed
    assert write_off(client, overdrawn, note="again").status_code == 400  # nothing left to write off
    assert chain.balance(overdrawn) == 0


@pytest.mark.parametrize("role", ["aud", "mkt"])
def test_an_auditor_or_marketing_is_refused_and_nothing_changes(chain, overdrawn, as_role, role):
    before, ledger_rows = chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")
    client = as_role(role)
    assert client.get("/console/review/overdrafts").status_code == 200  # reading is allowed
    assert write_off(client, overdrawn, note="x").status_code == 403
    assert (chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")) == (before, ledger_rows)


def test_a_post_without_the_csrf_token_is_refused(chain, overdrawn, as_role):
    before = chain.balance(overdrawn)
    response = as_role("admin").post(f"/console/review/overdrafts/{overdrawn}/write-off", data={"note": "x"})
    assert response.status_code == 403
    assert chain.balance(overdrawn) == before


@pytest.mark.parametrize("lang, text", [("en", "Give a reason"), ("zh_TW", "原因"), ("zh_CN", "原因")])
def test_a_missing_note_is_a_translated_message_and_changes_nothing(chain, overdrawn, as_role, lang, text):
    client = as_role("admin")
    client.get(f"/console/review/overdrafts?lang={lang}")
    before = chain.balance(overdrawn)
    response = write_off(client, overdrawn, note="   ")
    assert response.status_code == 400 and text in response.text
    assert chain.balance(overdrawn) == before


def test_a_store_manager_sees_and_writes_off_only_their_own_stores_members(chain, as_role):
    theirs = chain.member("S002", "Cleo Lin")
    chain.buy("S002", theirs, 1_000, redeem=100)
    chain.buy("S001", theirs, 1_000, redeem=100)
    client = as_role("mgr1")
    assert f'data-member="{theirs}"' not in client.get("/console/review/overdrafts").text
    assert client.get("/console/review/overdrafts?store=S002").status_code == 403
    before = chain.balance(theirs)
    assert write_off(client, theirs, note="not mine").status_code == 404
    assert chain.balance(theirs) == before


@pytest.mark.parametrize("code", ["NOPE", "x" * 41, "<script>", "1 OR 1=1"])
def test_a_bad_member_code_is_answered_with_a_page_and_changes_nothing(chain, overdrawn, as_role, code):
    before = chain.scalar("SELECT count(*) FROM ledger")
    response = write_off(as_role("admin"), code, note="x")
    assert response.status_code in (400, 404)
    assert "<script>" not in response.text.split("<main", 1)[-1].replace("&lt;script&gt;", "")
    assert chain.scalar("SELECT count(*) FROM ledger") == before


def test_the_terminal_queue_shows_rejections_per_terminal_with_a_drill_down(chain, as_role):
    event = chain.tills["S001"].adjust("M-NOBODY", 5)
    assert chain.push("S001", event) == ["rejected"]
    client = as_role("admin")
    page = client.get("/console/review/terminals")
    assert page.status_code == 200 and 'data-terminal="S001/T01"' in page.text
    detail = client.get("/console/review/terminals/S001/T01")
    assert detail.status_code == 200 and event["event_id"] in detail.text
    assert client.get("/console/review/terminals/S001/NOPE").status_code == 404
    manager = as_role("mgr1")
    assert 'data-terminal="S002/T01"' not in manager.get("/console/review/terminals").text
    assert manager.get("/console/review/terminals/S002/T01").status_code == 404


def act(client, code, action, **fields):
    page = client.get("/console/review/overdrafts")
    return client.post(f"/console/review/overdrafts/{code}/{action}", data={"csrf": csrf_of(page.text), **fields},
                       follow_redirects=False)


def test_a_note_is_shown_on_the_case_audited_and_changes_no_balance(chain, overdrawn, as_role):
    client = as_role("admin")
    before, entries = chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")

    assert act(client, overdrawn, "annotate", note="called her, she will come back").status_code == 303

    assert (chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")) == (before, entries)
    row = client.get("/console/review/overdrafts").text.split(f'data-member="{overdrawn}"', 1)[1].split("</tr>")[0]
    assert "called her, she will come back" in row
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'overdraft.annotate'") == 1


def test_a_recovery_books_the_deficit_back_records_the_money_collected_and_closes_the_case(chain, overdrawn, as_role):
    client = as_role("fin")
    deficit = -chain.balance(overdrawn)

    assert act(client, overdrawn, "recover", note="paid at the counter", collected="1.00").status_code == 303

    assert chain.balance(overdrawn) == 0
    assert chain.scalar("SELECT points FROM ledger WHERE member_code = :c AND entry_id LIKE 'console:recover:%'",
                        c=overdrawn) == deficit
    assert chain.scalar("SELECT collected_cents FROM overdraft_notes WHERE action = 'recover'") == 100
    page = client.get("/console/review/overdrafts").text
    open_cases, closed = page.split('id="overdrafts-closed"', 1)
    assert f'data-member="{overdrawn}"' not in open_cases
    assert f'data-member="{overdrawn}" data-action="recover"' in closed and 'data-cents="100"' in closed
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'overdraft.recover'") == 1
    assert act(client, overdrawn, "recover", note="again", collected="1.00").status_code == 400
    assert chain.balance(overdrawn) == 0


@pytest.mark.parametrize("collected", ["-5", "1.001", "abc", "1e9", "99999999999", "<script>"])
def test_an_impossible_amount_collected_is_a_clear_error_and_changes_nothing(chain, overdrawn, as_role, collected):
    before, entries = chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")
    response = act(as_role("admin"), overdrawn, "recover", note="paid", collected=collected)
    assert response.status_code == 400 and "金額不正確" in response.text  # the console speaks 繁中 first
    assert (chain.balance(overdrawn), chain.scalar("SELECT count(*) FROM ledger")) == (before, entries)
    assert chain.scalar("SELECT count(*) FROM overdraft_notes") == 0


@pytest.mark.parametrize("action", ["annotate", "recover", "delete", "write-off"])
def test_an_auditor_may_neither_note_nor_recover(chain, overdrawn, as_role, action):
    before = chain.balance(overdrawn)
    assert act(as_role("aud"), overdrawn, action, note="x", collected="1").status_code == 403
    assert chain.balance(overdrawn) == before and chain.scalar("SELECT count(*) FROM overdraft_notes") == 0
