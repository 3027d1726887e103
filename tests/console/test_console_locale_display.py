"""The console says stored codes in the operator's language and writes phones, money and month counts as people
do: 普通 not `basic`, 入會禮 not `signup`, a held adjustment's reason as a sentence with its numbers, 0912 000 001
not +886912000001, NT$1,234 not $1,234.00, "+1 month" not "+1 months"; the cohort table has no empty months
and its headers sit over their columns; a store's member counts say which store they count by."""

import re
import string

import pytest

from hq.console.i18n import translate_plural
from hq.console.i18n_codes import HELD_REASONS
from hq.services import held_reasons

LANGS = ("zh_TW", "zh_CN", "en")


def cell(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}"[^>]*>(.*?)</', html, re.S)
    assert found, f"no #{element_id} on the page"
    return found.group(1).strip()


def kinds(html: str) -> dict[str, str]:
    """The ledger's kind column: stored code -> what the page says."""
    return dict(re.findall(r'<td class="kind" data-kind="([a-z_]+)">([^<]*)</td>', html))


def test_the_member_page_says_tier_status_ledger_kinds_and_reasons_in_words_and_money_without_cents(chain, as_role):
    code = chain.member("S001", "Ann Chen", phone="0912000001")
    assert chain.push("S001", chain.tills["S001"].adjust(code, 50)) == ["applied"]  # reason code "goodwill"
    chain.buy("S001", code, 123_400)
    client = as_role("mkt")
    words = {"zh_TW": ("普通", "有效", "入會禮", "調整", "消費累點", "善意補償"),
             "zh_CN": ("普通", "有效", "入会礼", "调整", "消费积分", "善意补偿"),
             "en": ("Basic", "Active", "Sign-up bonus", "Adjustment", "Purchase", "Goodwill")}  # fmt: skip
    for lang, (tier, status, signup, adjust, earn, goodwill) in words.items():
        page = client.get(f"/console/members/{code}?lang={lang}").text
        assert not re.search(r">(basic|active|signup|earn|adjust|goodwill)<", page) and ".00<" not in page
        assert (cell(page, "tier"), cell(page, "status")) == (tier, status)
        assert kinds(page) == {"signup": signup, "adjust": adjust, "earn": earn}
        assert re.search(rf'<td class="reason">{goodwill}</td>', page)
        assert cell(page, "spend") == "NT$1,234"  # the same symbol in every language, no ".00"
        assert cell(page, "phone") == "0912 000 001" and "+886912000001" not in page


def test_phones_stay_masked_for_roles_that_see_masked_phones(chain, as_role):
    code = chain.member("S001", "Ann Chen", phone="0912000001")
    page = as_role("fin").get(f"/console/members/{code}").text
    assert cell(page, "phone") == "0912***001" and "000 001" not in page


@pytest.fixture
def held(chain):
    code = chain.member("S001", "Ann Chen")
    assert chain.push("S001", chain.tills["S001"].adjust(code, 15_000)) == ["held"]  # the policy's limit is 10,000
    return code


def test_a_held_adjustment_says_why_in_the_operators_language_with_its_numbers(chain, held, as_role):
    stored = chain.scalar("SELECT why_held FROM held_adjustments WHERE member_code = :c", c=held)
    assert stored == "15000 points is over the 10000 per adjustment"  # what the till was answered: unchanged
    client = as_role("admin")
    for lang, sentence, reason in (
        ("zh_TW", "調整 15,000 點，超過每次調整上限 10,000 點", "點數調整: 善意補償"),
        ("zh_CN", "调整 15,000 积分，超过每次调整上限 10,000 积分", "积分调整: 善意补偿"),
        ("en", "15,000 points is over the limit of 10,000 per adjustment", "Adjustment: Goodwill"),
    ):
        page = client.get(f"/console/review?lang={lang}").text
        assert stored not in page and "goodwill" not in page
        assert re.findall(r'<td class="why-held">([^<]*)</td>', page) == [sentence]
        assert f'<td data-kind="adjust">{reason}</td>' in page


def test_every_held_reason_reads_back_its_code_and_numbers_and_has_a_sentence_in_each_language():
    for code, english in held_reasons.SENTENCES.items():
        names = {f[1] for f in string.Formatter().parse(english) if f[1]}
        values = {n: "S001" if n == "store" else "2026-11-24" if n == "day" else 1234 for n in names}
        assert held_reasons.parse(held_reasons.sentence(code, **values)) == (code, values)
        for translated in HELD_REASONS[code]:
            assert {f[1] for f in string.Formatter().parse(translated) if f[1]} == names, (code, translated)
    assert held_reasons.parse("a sentence of no known shape") is None


def test_month_counts_take_the_plural_form_of_each_language():
    assert [translate_plural("en", "dash.month_n", n) for n in (1, 2)] == ["+1 month", "+2 months"]
    assert [translate_plural("zh_TW", "dash.month_n", n) for n in (1, 2)] == ["+1 個月", "+2 個月"]
    assert [translate_plural("zh_CN", "dash.month_n", n) for n in (1, 2)] == ["+1 个月", "+2 个月"]


def test_the_cohort_table_leaves_out_empty_months_and_its_headers_sit_over_their_columns(chain, as_role):
    early = chain.member("S001", "Ann Chen")
    chain.member("S001", "Ben Wu")
    chain.execute("UPDATE members SET enrolled_at = '2026-09-15T10:00:00+08:00' WHERE member_code = :c", c=early)
    page = as_role("admin").get("/console/?lang=en").text
    assert ">+1 months<" not in page and ">2026-10<" not in page  # the axis and the table; October: nobody joined
    table = page.split('id="cohorts"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'data-cohort="([0-9-]+)"', table) == ["2026-09", "2026-11"]  # not 06, 07, 08 or 10
    head = re.findall(r"<th( class=\"n\")?>([^<]*)</th>", table.split("</thead>")[0])
    assert [text for _, text in head] == ["Enrolled", "Members", "Joining month", "+1 month", "+2 months"]
    assert all(numeric for numeric, _ in head[1:])  # the numbers' headers align right, as their cells do
    for row in re.findall(r"<tr data-cohort.*?</tr>", table, re.S):
        assert row.count("<td") == len(head)


def test_a_stores_member_counts_say_they_count_by_home_store_and_its_buyers_by_where_they_bought(chain, as_role):
    client = as_role("admin")
    for lang, words in (("zh_TW", "入會門市為 S001"), ("zh_CN", "入会门店为 S001"), ("en", "home store is S001")):
        page = client.get(f"/console/?lang={lang}&store=S001").text
        assert words in cell(page, "store-counts-hint")
        assert page.count('<span title="') >= 2  # both counts explain themselves on hover
    assert 'id="store-counts-hint"' not in client.get("/console/?lang=en").text  # the whole chain: no store to explain
