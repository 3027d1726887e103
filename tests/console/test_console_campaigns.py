"""Campaigns: HQ issues signed coupons to a list or segment within budgets it enforces; roles, CSRF, bad input."""

import datetime as dt

import pytest
import sqlalchemy as sa

from hq.storage import db
from tests.console.console_helpers import csrf_of
from tests.console.program_helpers import db_file, program_pg  # noqa: F401  (fixtures used by name: SQLite and PostgreSQL)


def form(today: dt.date, **over) -> dict:
    base = {"name": "Spring <b>sale</b>", "kind": "amount", "value": "5000", "min_spend_cents": "20000",
            "valid_from": today.isoformat(), "valid_until": (today + dt.timedelta(days=30)).isoformat(),
            "per_member_limit": "1", "budget_cents": "100000", "budget_count": "100", "audience": "list"}
    return {**base, **over}


def create(client, data: dict, codes: list[str] | None, csrf: str | None = None):
    page = client.get("/console/campaigns/new")
    token = csrf if csrf is not None else csrf_of(page.text)
    files = {"codes_file": ("list.csv", ("member_code\n" + "\n".join(codes or [])).encode(), "text/csv")}
    return client.post("/console/campaigns", data={"csrf": token, **data}, files=files if codes else None,
                       follow_redirects=False)


def campaign_rows(chain) -> tuple[int, int, int]:
    return (chain.scalar("SELECT count(*) FROM campaigns"), chain.scalar("SELECT count(*) FROM campaign_coupons"),
            chain.scalar("SELECT count(*) FROM feed WHERE kind = 'coupon'"))


@pytest.fixture
def three(chain):
    return [chain.member("S001", name) for name in ("Ann Lee", "Bo Wu", "Cy Lin")]


def test_marketing_issues_a_list_campaign_and_each_member_gets_a_signed_coupon_in_the_feed(chain, as_role, three):
    client = as_role("mkt")
    answer = create(client, form(chain.clock().date()), three)
    assert answer.status_code == 303, answer.text
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    assert "Spring &lt;b&gt;sale&lt;/b&gt;" in page.text and "<b>sale</b>" not in page.text
    assert campaign_rows(chain) == (1, 3, 3)
    owners = {r for r in chain_members_of_coupons(chain)}
    assert owners == set(three)
    assert chain.scalar("SELECT count(*) FROM audit_log WHERE action = 'campaign.create'") == 1


def chain_members_of_coupons(chain) -> list[str]:
    with db.read(chain.engine) as conn:
        return list(conn.execute(sa.text("SELECT member_code FROM coupons WHERE issued_by LIKE 'campaign:%'")).scalars())


def test_issuing_stops_at_the_money_budget(chain, as_role, three):
    answer = create(as_role("admin"), form(chain.clock().date(), value="5000", budget_cents="10000"), three)
    assert answer.status_code == 303
    assert "issued=2&left_out=1" in answer.headers["location"]
    assert chain.scalar("SELECT issued_cents FROM campaigns") == 10_000
    assert campaign_rows(chain) == (1, 2, 2)


def test_issuing_stops_at_the_count_budget(chain, as_role, three):
    answer = create(as_role("admin"), form(chain.clock().date(), budget_count="1", per_member_limit="2"), three)
    assert answer.status_code == 303
    assert campaign_rows(chain) == (1, 1, 1)


def test_the_per_member_limit_is_how_many_each_member_gets(chain, as_role, three):
    create(as_role("mkt"), form(chain.clock().date(), per_member_limit="2"), three)
    assert chain.scalar("SELECT max(n) FROM (SELECT count(*) AS n FROM campaign_coupons GROUP BY member_code) t") == 2
    assert campaign_rows(chain)[1] == 6


@pytest.mark.parametrize("role", ["mgr1", "aud", "fin"])
def test_other_roles_cannot_create_and_nothing_changes(chain, as_role, three, role):
    client = as_role(role)
    assert client.get("/console/campaigns/new").status_code == 403
    mkt_csrf = csrf_of(client.get("/console/members").text)
    answer = create_raw(client, mkt_csrf, form(chain.clock().date()), three)
    assert answer.status_code == 403
    assert campaign_rows(chain) == (0, 0, 0)


def create_raw(client, csrf: str, data: dict, codes: list[str]):
    files = {"codes_file": ("list.csv", "\n".join(codes).encode(), "text/csv")}
    return client.post("/console/campaigns", data={"csrf": csrf, **data}, files=files, follow_redirects=False)


def test_a_store_manager_does_not_see_campaigns(as_role, chain):
    assert as_role("mgr1").get("/console/campaigns").status_code == 403
    assert as_role("aud").get("/console/campaigns").status_code == 200


def test_a_post_without_the_forms_csrf_token_is_refused(chain, as_role, three):
    answer = create_raw(as_role("mkt"), "forged", form(chain.clock().date()), three)
    assert answer.status_code == 403
    assert campaign_rows(chain) == (0, 0, 0)


BAD = [
    ({"name": ""}, "The name"), ({"name": "x\x00y"}, "The name"), ({"kind": "free"}, "amount or percent"),
    ({"value": "-5"}, "The value"), ({"value": "1.5"}, "The value"), ({"value": "9" * 40}, "The value"),
    ({"kind": "percent", "value": "101"}, "The value"), ({"min_spend_cents": "abc"}, "minimum spend"),
    ({"valid_from": "2026-13-01"}, "The start"), ({"valid_until": "2000-01-01"}, "The end"),
    ({"per_member_limit": "0"}, "per-member"), ({"budget_cents": ""}, "money budget"),
    ({"budget_count": "0"}, "coupon budget"), ({"audience": "segment:nope"}, "segment or upload"),
]


@pytest.mark.parametrize(("change", "says"), BAD)
def test_bad_input_is_refused_in_the_operators_language_and_changes_nothing(chain, as_role, three, change, says):
    client = as_role("mkt")
    client.cookies.set("hq_lang", "en")
    answer = create(client, {**form(chain.clock().date()), **change}, three)
    assert answer.status_code == 400
    assert says in answer.text
    assert campaign_rows(chain) == (0, 0, 0)


def test_a_bad_list_is_refused_with_the_row_and_unknown_codes_are_named(chain, as_role, three):
    client = as_role("mkt")
    client.cookies.set("hq_lang", "en")
    answer = create(client, form(chain.clock().date()), [three[0], "not a code!"])
    assert answer.status_code == 400 and "Row 3" in answer.text
    answer = create(client, form(chain.clock().date()), [three[0], "ZZZZ-0000"])
    assert answer.status_code == 400 and "ZZZZ-0000" in answer.text
    answer = create(client, form(chain.clock().date()), None)
    assert answer.status_code == 400
    assert campaign_rows(chain) == (0, 0, 0)


def test_errors_are_translated(chain, as_role, three):
    client = as_role("mkt")
    client.cookies.set("hq_lang", "zh_TW")
    answer = create(client, form(chain.clock().date(), budget_count="0"), three)
    assert "預算張數須為" in answer.text
    client.cookies.set("hq_lang", "zh_CN")
    answer = create(client, form(chain.clock().date(), budget_count="0"), three)
    assert "预算张数须为" in answer.text


def test_unknown_or_odd_campaign_ids_are_404_not_500(as_role, chain):
    client = as_role("mkt")
    for path in ("/console/campaigns/999", "/console/campaigns/abc", "/console/campaigns/" + "9" * 40):
        assert client.get(path).status_code == 404


def use_coupon(chain, code: str, coupon_id: str, paid: int = 30_000) -> list[str]:
    sale = chain.tills["S001"].sale(code, paid)
    sale["payload"]["coupon_id"] = coupon_id
    return chain.push("S001", sale)


def test_a_redemption_pushed_by_a_till_shows_in_tracking_with_its_cost(chain, as_role, three):
    client = as_role("mkt")
    client.cookies.set("hq_lang", "en")
    location = create(client, form(chain.clock().date()), three).headers["location"]
    first = chain.scalar("SELECT coupon_id FROM campaign_coupons WHERE member_code = :c", c=three[0])
    assert use_coupon(chain, three[0], first)[0] in ("applied", "corrected")
    chain.buy("S001", three[1], 12_000)
    page = client.get(location.split("?")[0])
    assert '<td class="n" id="used">1</td>' in page.text
    assert 'id="cost" data-cents="5000"' in page.text
    assert 'data-cents="30000"' in page.text and 'data-cents="12000"' in page.text  # users vs the others


def test_hq_holds_a_campaign_coupon_used_after_expiry_or_by_another_member(chain, as_role, three):
    create(as_role("mkt"), form(chain.clock().date(), valid_until=chain.clock().date().isoformat()), three)
    theirs = chain.scalar("SELECT coupon_id FROM campaign_coupons WHERE member_code = :c", c=three[1])
    use_coupon(chain, three[0], theirs)  # someone else's coupon
    assert "campaign_coupon" in chain.scalar("SELECT flags FROM members WHERE member_code = :c", c=three[0])
    chain.clock.set(chain.clock() + dt.timedelta(days=2))
    late = chain.scalar("SELECT coupon_id FROM campaign_coupons WHERE member_code = :c", c=three[2])
    use_coupon(chain, three[2], late)
    assert "campaign_coupon" in chain.scalar("SELECT flags FROM members WHERE member_code = :c", c=three[2])
