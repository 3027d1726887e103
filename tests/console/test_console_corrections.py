"""The corrections queue: a till that claims other points than HQ computes is answered `corrected`, HQ's
figures are booked, and the difference waits in the console until a person acknowledges it (audited)."""

import re

import pytest

from loyalty_core import ledger
from tests.console.console_helpers import csrf_of
from tests.console.program_helpers import db_file, program_pg  # noqa: F401  (fixtures used by name: SQLite and PostgreSQL)


def inflated_sale(chain, store: str, code: str, claimed: int) -> dict:
    """A sale whose till says it earned `claimed` points (HQ computes 1 point per 1.00 on the basic tier)."""
    event = chain.tills[store].sale(code, 1_000)
    p = event["payload"]
    p["points_earned"] = claimed
    p["ledger"] = [e if e["kind"] != ledger.EARN else {**e, "points": claimed} for e in p["ledger"]]
    return event


@pytest.fixture
def corrected(chain):
    """Ann's sale at S001 whose till claimed 5,000 points for a 10.00 sale."""
    code = chain.member("S001", "Ann Chen")
    event = inflated_sale(chain, "S001", code, 5_000)
    assert chain.push("S001", event) == ["corrected"]
    return code, event["event_id"]


def acknowledge(client, row_id, **fields):
    page = client.get("/console/review/corrections")
    assert page.status_code == 200
    return client.post(f"/console/review/corrections/{row_id}/acknowledge", data={"csrf": csrf_of(page.text), **fields},
                       follow_redirects=False)  # fmt: skip


def row_id(chain, event_id: str) -> int:
    return chain.scalar("SELECT id FROM corrections WHERE event_id = :e", e=event_id)


def cells(html: str, event_id: str) -> tuple[str, str]:
    row = html.split(f'data-event="{event_id}"')[1].split("</tr>")[0]
    till = re.search(r'class="n till-points">([^<]*)<', row).group(1)
    hq = re.search(r'class="n hq-points">([^<]*)<', row).group(1)
    return till, hq


def test_a_till_claiming_more_points_is_booked_at_hqs_figure_and_listed_with_both(chain, corrected, as_role):
    code, event_id = corrected
    assert chain.balance(code) == 100 + 10  # sign-up bonus + HQ's 10 points, not the till's 5,000
    page = as_role("admin").get("/console/review/corrections").text
    assert cells(page, event_id) == ("5,000", "10")
    assert chain.scalar("SELECT count(*) FROM corrections") == 1


def test_acknowledging_is_audited_changes_no_balance_and_happens_once(chain, corrected, as_role):
    code, event_id = corrected
    client, before = as_role("fin"), chain.balance(code)
    assert acknowledge(client, row_id(chain, event_id), note="till priced with old promo").status_code == 303
    assert f'data-event="{event_id}"' not in client.get("/console/review/corrections").text
    done = client.get("/console/review/corrections?all=1").text
    assert f'data-event="{event_id}"' in done and "till priced with old promo" in done
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'correction.acknowledge'") == 1
    assert acknowledge(client, row_id(chain, event_id), note="again").status_code == 400
    assert chain.balance(code) == before


def test_a_correct_sale_and_a_repeated_push_make_no_new_row(chain, corrected):
    code, _ = corrected
    chain.buy("S001", code, 2_000)
    event = inflated_sale(chain, "S001", code, 777)
    assert chain.push("S001", event) == ["corrected"]
    assert chain.push("S001", event) == ["duplicate"]
    assert chain.scalar("SELECT count(*) FROM corrections") == 2


def test_a_store_manager_sees_and_acknowledges_only_their_own_stores_corrections(chain, corrected, as_role):
    other = chain.member("S002", "Bo Wu")
    event = inflated_sale(chain, "S002", other, 900)
    assert chain.push("S002", event) == ["corrected"]
    client = as_role("mgr1")
    page = client.get("/console/review/corrections").text
    assert f'data-event="{corrected[1]}"' in page and f'data-event="{event["event_id"]}"' not in page
    assert client.get("/console/review/corrections?store=S002").status_code == 403
    assert acknowledge(client, row_id(chain, event["event_id"]), note="not mine").status_code == 404
    assert chain.scalar("SELECT reviewed_at FROM corrections WHERE event_id = :e", e=event["event_id"]) is None


@pytest.mark.parametrize("role", ["aud", "mkt"])
def test_an_auditor_or_marketing_reads_but_may_not_acknowledge(chain, corrected, as_role, role):
    client = as_role(role)
    assert f'data-event="{corrected[1]}"' in client.get("/console/review/corrections").text
    assert acknowledge(client, row_id(chain, corrected[1]), note="x").status_code == 403
    assert chain.scalar("SELECT count(*) FROM corrections WHERE reviewed_at IS NOT NULL") == 0


@pytest.mark.parametrize("lang, text", [("en", "Give a reason"), ("zh_TW", "原因"), ("zh_CN", "原因")])
def test_bad_input_is_a_translated_message_and_changes_nothing(chain, corrected, as_role, lang, text):
    client = as_role("admin")
    client.get(f"/console/review/corrections?lang={lang}")
    the_id = row_id(chain, corrected[1])
    response = acknowledge(client, the_id, note="  ")
    assert response.status_code == 400 and text in response.text
    assert client.post(f"/console/review/corrections/{the_id}/acknowledge", data={"note": "x"}).status_code == 403
    for bad in ("abc", "9" * 40, "1 OR 1=1", "99999"):
        assert acknowledge(client, bad, note="x").status_code == 404
    assert chain.scalar("SELECT count(*) FROM corrections WHERE reviewed_at IS NOT NULL") == 0


def test_a_note_is_shown_as_text(chain, corrected, as_role):
    client = as_role("admin")
    assert acknowledge(client, row_id(chain, corrected[1]), note="<script>alert(1)</script>").status_code == 303
    page = client.get("/console/review/corrections?all=1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
