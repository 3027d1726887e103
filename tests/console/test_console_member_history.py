"""The member page shows the ledger a page at a time (newest first, "older"/"newer" links with an opaque cursor),
the balance after each entry, and for an adjustment its reason in words and who stood behind it."""

import datetime as dt
import html
import re

from hq.services.reports.member_ledger import PAGE_SIZE
from hq.storage import db
from hq.storage.schema import ledger, members
from tests.console.console_helpers import csrf_of, post

ROW = re.compile(r'<tr data-entry="(\d+)">.*?data-running="(-?\d+)"', re.S)
OLDER = re.compile(r'id="ledger-older" href="([^"]+)"')
NEWER = re.compile(r'id="ledger-newer" href="([^"]+)"')


def seed(chain, code: str, count: int, prefix: str = "seed") -> None:
    """`count` earlier entries over five days, in no date order, the balance kept."""
    rows = [{"entry_id": f"{prefix}:{n}", "member_code": code, "kind": "earn", "points": 10 + n % 7,
             "on_date": dt.date(2026, 11, 10) + dt.timedelta(days=(n * 3) % 5), "expires_on": None,
             "event_id": f"{prefix}:{n}"} for n in range(count)]  # fmt: skip

    def work(conn):
        conn.execute(ledger.insert(), rows)
        conn.execute(members.update().where(members.c.member_code == code)
                     .values(balance=members.c.balance + sum(r["points"] for r in rows)))  # fmt: skip

    db.write(chain.engine, work)


def pages(client, url: str, link: re.Pattern) -> list[list[tuple[int, int]]]:
    out = []
    while url:
        page = client.get(url)
        assert page.status_code == 200, page.text
        out.append([(int(i), int(r)) for i, r in ROW.findall(page.text)])
        found = link.search(page.text)
        url = html.unescape(found.group(1)).split("#")[0] if found else None
    return out


def test_the_ledger_pages_hold_every_entry_once_with_the_balance_after_each_and_stay_scoped(chain, as_role):
    code = chain.member("S001", "Ann Chen")
    seed(chain, code, 130)
    client = as_role("admin")
    older = pages(client, f"/console/members/{code}", OLDER)
    assert [len(p) for p in older] == [PAGE_SIZE, PAGE_SIZE, 131 - 2 * PAGE_SIZE]  # 130 + the signup bonus
    ids = [i for p in older for i, _ in p]
    points = dict(db_points(chain, code))
    assert len(ids) == len(set(ids)) and set(ids) == set(points)  # every entry exactly once
    balance = chain.balance(code)
    for i, running in (row for p in older for row in p):  # newest first: each is the one above less its points
        assert running == balance
        balance -= points[i]
    assert balance == 0
    back = client.get(f"/console/members/{code}")
    assert 'id="ledger-newer"' not in back.text and 'id="lots"' in back.text
    last = client.get(html.unescape(OLDER.search(client.get(html.unescape(OLDER.search(back.text).group(1))).text)
                                    .group(1)))  # fmt: skip
    assert 'id="ledger-older"' not in last.text and 'id="lots-first-page"' in last.text
    newer = pages(client, html.unescape(NEWER.search(last.text).group(1)).split("#")[0], NEWER)
    assert newer == [older[1], older[0]]  # back up, the same pages and the same balances

    bad = client.get(f"/console/members/{code}?page=not-a-cursor&lang=en")
    assert bad.status_code == 400 and "That page link is not valid" in bad.text
    manager = as_role("mgr1")  # a store manager of S001: another store's member stays unknown, page by page
    theirs = chain.member("S002", "Cleo Lin")
    seed(chain, theirs, 60, prefix="theirs")
    link = html.unescape(OLDER.search(client.get(f"/console/members/{theirs}").text).group(1)).split("#")[0]
    assert manager.get(f"/console/members/{code}").status_code == 200
    assert manager.get(f"/console/members/{theirs}").status_code == 404
    assert manager.get(link).status_code == 404


def db_points(chain, code: str) -> list[tuple[int, int]]:
    with db.read(chain.engine) as conn:
        return [(int(r.id), int(r.points)) for r in conn.execute(
            ledger.select().where(ledger.c.member_code == code))]  # fmt: skip


def test_adjustments_show_their_reason_in_words_and_who_approved_them(chain, as_role):
    code = chain.member("S001", "Ann Chen")
    assert chain.push("S001", chain.tills["S001"].adjust(code, 500)) == ["applied"]
    held = chain.tills["S001"].adjust(code, 20_000)
    assert chain.push("S001", held) == ["held"]
    review_id = chain.scalar("SELECT review_id FROM held_adjustments WHERE event_id = :e", e=held["event_id"])
    fin = as_role("fin")
    page = fin.get("/console/review")
    assert fin.post(f"/console/review/held/{review_id}", data={"csrf": csrf_of(page.text), "decision": "approve"},
                    follow_redirects=False).status_code == 303  # fmt: skip
    admin = as_role("admin")
    assert post(admin, f"/console/members/{code}", f"/console/members/{code}/adjust",
                {"points": "-30", "reason": "double-scanned receipt"}).status_code == 303
    text = admin.get(f"/console/members/{code}?lang=en").text
    reasons = re.findall(r'<td class="reason">([^<]*)</td>\s*<td class="who">([^<]*)</td>', text)
    assert [(r, w.strip()) for r, w in reasons if r] == [
        ("double-scanned receipt", "operator admin"),
        ("Goodwill", "supervisor SUP1 approved by fin"),
        ("Goodwill", "supervisor SUP1"),
    ]
    assert "善意補償" in admin.get(f"/console/members/{code}?lang=zh_TW").text
