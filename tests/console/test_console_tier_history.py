"""Member 360 shows the tier history HQ derived from its own tier changes."""

import pytest


def test_a_member_who_never_changed_tier_is_told_so(chain, as_role):
    code = chain.member("S001", "Ann Chen")
    page = as_role("admin").get(f"/console/members/{code}?lang=en")
    assert page.status_code == 200 and "The tier has not changed since enrollment." in page.text


@pytest.mark.parametrize("lang, heading, tiers", [("en", "Tier history", "<td>Basic</td><td>Silver</td>"),
                                                  ("zh_TW", "等級異動紀錄", "<td>普通</td><td>銀卡</td>"),
                                                  ("zh_CN", "等级变动记录", "<td>普通</td><td>银卡</td>")])  # fmt: skip
def test_an_upgrade_by_spend_shows_from_basic_to_silver_with_the_spend(chain, as_role, lang, heading, tiers):
    code = chain.member("S001", "Ann Chen")
    chain.buy("S001", code, 600_000)  # over silver's 5,000.00
    assert chain.scalar("SELECT tier FROM members WHERE member_code = :c", c=code) == "silver"
    page = as_role("aud").get(f"/console/members/{code}?lang={lang}")  # read-only roles see it too
    assert page.status_code == 200 and heading in page.text
    table = page.text.split('id="tier-history"', 1)[1].split("</table>", 1)[0]
    assert tiers in table  # the program's tier names in the operator's language


def test_a_store_manager_cannot_read_another_stores_members_tier_history(chain, as_role):
    code = chain.member("S002", "Cleo Lin")
    assert as_role("mgr1").get(f"/console/members/{code}").status_code == 404
