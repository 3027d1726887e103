"""The risk holds from the console: marketing tightens a risk number on the program page (an audited
publish), a sale beyond it waits in the held queue, an admin approves it and it is booked (audited)."""

import json

from tests.console.console_helpers import csrf_of
from tests.console.program_helpers import act, default_program, save_draft


def decide(client, review_id, **fields):
    page = client.get("/console/review")
    assert page.status_code == 200
    return client.post(f"/console/review/held/{review_id}", data={"csrf": csrf_of(page.text), **fields},
                       follow_redirects=False)  # fmt: skip


def test_a_sale_over_a_risk_number_marketing_published_waits_for_an_admin_then_is_booked(chain, as_role):
    marketing = as_role("mkt")
    marketing.cookies.set("hq_lang", "en")
    assert 'data-risk="max_sale_cents"' in marketing.get("/console/program").text
    assert save_draft(marketing, default_program() | {"risk": {"max_sale_cents": 5_000}}).status_code == 303
    assert "Largest sale (cents)" in marketing.get("/console/program").text  # the diff names the number
    assert act(marketing, "publish").status_code == 303
    published = json.loads(chain.scalar("SELECT document FROM rules WHERE version = 2"))
    assert published["risk"]["max_sale_cents"] == 5_000 and published["risk"]["max_sale_units"] == 500
    audited = json.loads(chain.scalar("SELECT after FROM audit_log WHERE action = 'program.publish'"))
    assert audited["risk"]["max_sale_cents"] == 5_000

    code = chain.member("S001", "Ann Chen")
    sale = chain.tills["S001"].sale(code, 10_000)
    assert chain.push("S001", sale) == ["held"]
    assert chain.balance(code) == 100
    review_id = chain.scalar("SELECT review_id FROM held_adjustments WHERE event_id = :e", e=sale["event_id"])
    admin = as_role("admin")
    assert 'data-kind="sale"' in admin.get("/console/review").text
    assert decide(admin, review_id, decision="approve").status_code == 303
    assert chain.balance(code) == 100 + 100
    assert chain.scalar("SELECT sum(cents) FROM spend WHERE member_code = :c", c=code) == 10_000
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'held.approve'") == 1


def test_a_risk_number_below_one_is_refused_with_a_translated_message_and_nothing_is_saved(chain, as_role):
    client = as_role("mkt")
    response = save_draft(client, default_program() | {"risk": {"max_redeems_per_member_day": 0}})
    assert response.status_code == 400
    assert "max_redeems_per_member_day" in response.text
    assert chain.scalar("SELECT count(*) FROM program_drafts") == 0
