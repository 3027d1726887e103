"""Campaigns (issue 23): tracking counts purchases in the window and only their returns; members in overdraft
or with an open risk flag get no coupon and are listed with the reason, as are those the budget missed; a
campaign is paused, resumed and stopped by the roles that create campaigns, audited, with CSRF forms.
SQLite and PostgreSQL."""

import datetime as dt

import pytest

from hq.services import campaigns
from hq.storage import db
from tests.console.console_helpers import csrf_of, post
from tests.console.program_helpers import db_file, program_pg  # noqa: F401  (fixtures used by name: SQLite and PostgreSQL)
from tests.console.test_console_campaigns import campaign_rows, create, form


def pushed(chain, event: dict) -> None:
    assert chain.push("S001", event)[0] in ("applied", "corrected")


def returned(chain, code: str, sale: dict) -> None:
    """The whole of `sale` comes back, against its receipt."""
    p = sale["payload"]
    pushed(chain, chain.tills["S001"].give_back(code, receipt_no=p["receipt_no"], line_qty={"0": 1},
                                                spend=-p["spend_cents"], take_back=p["points_earned"]))  # fmt: skip


def tracked(chain, campaign_id: int) -> dict:
    with db.read(chain.engine) as conn:
        return campaigns.tracking(conn, campaign_id)


def created_id(answer) -> int:
    assert answer.status_code == 303, answer.text
    return int(answer.headers["location"].split("?")[0].rsplit("/", 1)[1])


def test_a_return_of_a_purchase_made_before_the_campaign_is_not_charged_to_it(chain, as_role):
    today = chain.clock()
    chain.clock.set(today - dt.timedelta(days=7))  # a week before (a Tuesday too): no member-day multiplier
    ann = chain.member("S001", "Ann Lee")
    before = chain.tills["S001"].sale(ann, 20_000)
    pushed(chain, before)
    chain.clock.set(today)
    campaign = created_id(create(as_role("mkt"), form(today.date()), [ann]))
    returned(chain, ann, before)  # in the window, of a purchase made before it
    inside = chain.tills["S001"].sale(ann, 8_000)
    pushed(chain, inside)
    returned(chain, ann, inside)  # a purchase in the window that came back: it counts, net
    chain.buy("S001", ann, 5_000)
    assert chain.scalar("SELECT sum(cents) FROM spend WHERE member_code = :c AND cents < 0", c=ann) == -28_000
    figures = tracked(chain, campaign)
    assert (figures["others"], figures["others_spend_cents"]) == (1, 5_000)  # not 5,000 - 20,000


@pytest.fixture
def audience(chain):
    """Six members: one in overdraft, two with open risk flags, three clean."""
    codes = {name: chain.member("S001", name) for name in ("Owe", "Reuse", "Dup", "Ann", "Bo", "Cy")}
    chain.execute("UPDATE members SET balance = -50 WHERE member_code = :c", c=codes["Owe"])
    chain.execute("UPDATE members SET flags = 'coupon_reuse' WHERE member_code = :c", c=codes["Reuse"])
    chain.execute("UPDATE members SET flags = 'duplicate_phone' WHERE member_code = :c", c=codes["Dup"])
    return codes


def test_members_in_overdraft_or_flagged_get_no_coupon_and_the_page_lists_who_was_left_out_and_why(
        chain, as_role, audience):  # fmt: skip
    client = as_role("mkt")
    client.cookies.set("hq_lang", "zh_TW")
    answer = create(client, form(chain.clock().date(), budget_count="2"), list(audience.values()))
    campaign = created_id(answer)
    owners = {chain.scalar("SELECT member_code FROM campaign_coupons WHERE coupon_id = :i", i=f"CMP{campaign}-{n}")
              for n in (1, 2)}  # fmt: skip
    assert owners == {audience["Ann"], audience["Bo"]}
    assert campaign_rows(chain) == (1, 2, 2)
    left = tracked(chain, campaign)["left_out"]
    assert {r["member_code"]: (r["reason"], r["coupons_short"]) for r in left["rows"]} == {
        audience["Owe"]: ("overdraft", 1), audience["Reuse"]: ("coupon_reuse", 1),
        audience["Dup"]: ("duplicate_phone", 1), audience["Cy"]: ("budget", 1)}  # fmt: skip
    page = client.get(f"/console/campaigns/{campaign}").text
    for words in ("點數透支", "風險標記：優惠券重複使用", "風險標記：電話重複", "預算用完"):
        assert words in page
    assert f'data-member="{audience["Cy"]}" data-reason="budget"' in page


def change(client, campaign: int, action: str, csrf: str | None = None):
    if csrf is not None:
        return client.post(f"/console/campaigns/{campaign}/{action}", data={"csrf": csrf}, follow_redirects=False)
    return post(client, f"/console/campaigns/{campaign}", f"/console/campaigns/{campaign}/{action}", {})


def state_of(chain, campaign: int) -> str:
    return chain.scalar("SELECT state FROM campaigns WHERE id = :i", i=campaign)


def test_marketing_pauses_resumes_and_stops_a_campaign_and_a_stopped_one_stays_stopped(chain, as_role):
    ann = chain.member("S001", "Ann Lee")
    client = as_role("mkt")
    client.cookies.set("hq_lang", "en")
    campaign = created_id(create(client, form(chain.clock().date()), [ann]))
    assert 'id="pause"' in client.get(f"/console/campaigns/{campaign}").text
    for action, state in (("pause", "paused"), ("resume", "active"), ("pause", "paused"), ("stop", "stopped")):
        assert change(client, campaign, action).status_code == 303
        assert state_of(chain, campaign) == state
    refused = change(client, campaign, "resume")
    assert refused.status_code == 400 and "does not allow that" in refused.text
    assert state_of(chain, campaign) == "stopped"
    assert chain.scalar("SELECT count(*) FROM campaign_coupons WHERE campaign_id = :i", i=campaign) == 1  # still valid
    moves = chain.scalar("SELECT count(*) FROM audit_log WHERE action IN ('campaign.pause', 'campaign.resume', "
                         "'campaign.stop') AND target = :t", t=f"campaign:{campaign}")  # fmt: skip
    assert moves == 4
    page = client.get(f"/console/campaigns/{campaign}").text
    assert 'data-state="stopped"' in page and 'id="resume"' not in page


def test_other_roles_cannot_pause_a_campaign_and_a_forged_token_changes_nothing(chain, as_role):
    ann = chain.member("S001", "Ann Lee")
    mkt = as_role("mkt")
    campaign = created_id(create(mkt, form(chain.clock().date()), [ann]))
    for role in ("aud", "fin"):
        other = as_role(role)
        assert 'id="pause"' not in other.get(f"/console/campaigns/{campaign}").text
        token = csrf_of(other.get("/console/campaigns").text)
        assert change(other, campaign, "stop", csrf=token).status_code == 403
    assert change(mkt, campaign, "stop", csrf="forged").status_code == 403
    assert change(mkt, 999_999, "pause", csrf=csrf_of(mkt.get("/console/campaigns").text)).status_code == 404
    assert state_of(chain, campaign) == "active"
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'campaign.%'") == 1  # the create only
