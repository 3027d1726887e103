"""The audit page reads as text (no \\uXXXX), shows what a rules publish changed instead of two whole documents,
filters by who / what / when / store, pages by keyset, exports the same filters as CSV, and leaves the hash chain
as it was (display only). The filters' queries on both databases: tests/hq/test_audit_filters.py."""

import csv
import datetime as dt
import html
import io
import re

from hq.services import audit_chain
from hq.storage import db
from tests.console.console_helpers import post
from tests.console.program_helpers import act, save_draft, with_basic_earn

ROW = re.compile(r'<tr data-audit="(\d+)">')
OLDER = re.compile(r'id="audit-older" href="([^"]+)"')
NEWER = re.compile(r'id="audit-newer" href="([^"]+)"')


def ids_on(text: str) -> list[int]:
    return [int(i) for i in ROW.findall(text)]


def walk(client, url: str, link=OLDER) -> list[list[int]]:
    pages = []
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text
        pages.append(ids_on(page.text))
        found = link.search(page.text)
        url = html.unescape(found.group(1)) if found else None
    return pages


def csv_ids(client, query: str) -> list[int]:
    exported = client.get(f"/console/audit.csv?{query}")
    assert exported.status_code == 200
    return [int(r["id"]) for r in csv.DictReader(io.StringIO(exported.text.lstrip("\ufeff")))]


def many_entries(chain, count: int) -> None:
    """`count` entries by two operators over three days, one write (fast)."""
    start = chain.clock().astimezone(dt.UTC) - dt.timedelta(days=3)

    def work(conn):
        for n in range(count):
            audit_chain.record(conn, start + dt.timedelta(days=n % 3, minutes=n), ("ann", "bob")[n % 2],
                               "member.adjust" if n % 3 else "review.clear_flag", f"X{n}", {"n": n}, {"n": n + 1})

    db.write(chain.engine, work)


def verified(chain) -> bool:
    with db.read(chain.engine) as conn:
        return audit_chain.verify(conn)["ok"]


def test_chinese_reads_as_chinese_and_a_rules_publish_shows_what_changed(chain, as_role):
    code = chain.member("S001", "Ann Chen")
    admin = as_role("admin")
    assert post(admin, f"/console/members/{code}", f"/console/members/{code}/adjust",
                {"points": "5", "reason": "生日禮"}).status_code == 303
    mkt = as_role("mkt")
    assert save_draft(mkt, with_basic_earn(1500)).status_code == 303
    assert act(mkt, "publish").status_code == 303
    page = admin.get("/console/audit?lang=en").text
    assert "生日禮" in page and "\\u" not in page
    publish = admin.get("/console/audit?action=program.publish&lang=en").text
    changes = re.search(r'<td class="changes">(.*?)</td>', publish, re.S).group(1)
    assert "rules version 1 → 2" in changes
    assert "earn_permille" in changes and "1000" in changes and "1500" in changes
    assert "threshold_cents" not in changes and len(changes) < 800  # the fields that changed, not the document
    for query in ("from=2026-02-30", "to=yesterday", "user=" + "x" * 41, "before=1e3", "after=-1"):
        refused = admin.get(f"/console/audit?{query}&lang=en")
        assert refused.status_code == 400 and "not valid" in refused.text, query
    assert verified(chain)


def test_filters_by_who_what_when_and_store_pages_and_the_csv_agree_and_the_chain_still_verifies(chain, as_role):
    many_entries(chain, 250)
    admin = as_role("admin")
    everything = walk(admin, "/console/audit")
    ids = [i for p in everything for i in p]
    assert [len(p) for p in everything][:2] == [100, 100] and ids == sorted(set(ids), reverse=True)
    back = walk(admin, html.unescape(NEWER.search(admin.get(f"/console/audit?before={ids[-1] + 1}").text)
                                     .group(1)), NEWER)  # fmt: skip
    assert [i for p in reversed(back) for i in p] == ids[:-1]  # newer, page by page, back to the newest

    query = "user=bob&action=member.adjust"
    bobs = [i for p in walk(admin, f"/console/audit?{query}") for i in p]
    assert bobs and bobs == csv_ids(admin, query)
    assert len(bobs) == len([n for n in range(250) if n % 2 and n % 3])  # bob's adjustments, nothing else
    day = (chain.clock() - dt.timedelta(days=3)).date().isoformat()
    one_day = [i for p in walk(admin, f"/console/audit?from={day}&to={day}") for i in p]
    assert 0 < len(one_day) < 250 and one_day == csv_ids(admin, f"from={day}&to={day}")
    ann, cleo = chain.member("S001", "Ann Chen"), chain.member("S002", "Cleo Lin")
    for code in (ann, cleo):
        assert post(admin, f"/console/members/{code}", f"/console/members/{code}/adjust",
                    {"points": "5", "reason": "goodwill"}).status_code == 303
    assert post(admin, "/console/stores", "/console/stores/S002/terminals", {"terminal_id": "T09"}).status_code == 200
    page = admin.get("/console/audit?store=S002").text
    targets = re.findall(r'<tr data-audit="\d+"><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td>', page)
    assert sorted(targets) == sorted([cleo, "S002/T09"])
    assert len(csv_ids(admin, "store=S002")) == 2
    assert verified(chain)


