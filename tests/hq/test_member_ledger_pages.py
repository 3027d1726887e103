"""The member page's ledger, a page at a time (keyset, newest first by date) with running balances that hold on
every page, and the open lots replayed without holding the whole ledger. SQLite and PostgreSQL."""

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from hq.services.reports import entry_sources, member_ledger, open_lots
from hq.storage import db
from hq.storage.schema import ledger, members
from loyalty_core import ledger as core
from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry, wallet
from tests.support.events import Till

DAYS = [dt.date(2026, 11, 1) + dt.timedelta(days=n) for n in range(6)]


def seed_history(hq, code: str, count: int = 300) -> None:
    """`count` entries over six days, booked out of date order (offline tills arrive late), balance kept."""
    rng = random.Random(7)
    rows = [{"entry_id": f"seed:{code}:{n}", "member_code": code, "kind": core.EARN if n % 3 else core.REDEEM,
             "points": rng.randint(1, 500) * (1 if n % 3 else -1), "on_date": rng.choice(DAYS), "expires_on": None,
             "event_id": f"seed:{n}"} for n in range(count)]  # fmt: skip

    def work(conn):
        conn.execute(ledger.insert(), rows)
        total = sum(r["points"] for r in rows)
        conn.execute(members.update().where(members.c.member_code == code).values(balance=members.c.balance + total))

    db.write(hq.engine, work)


@pytest.fixture
def member(hq):
    till = Till()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    assert hq.statuses([enroll, till.adjust(code, 250)], till) == ["applied", "applied"]
    seed_history(hq, code)
    return code


def all_entries(hq, code: str) -> list[tuple]:
    with db.read(hq.engine) as conn:
        rows = conn.execute(sa.select(ledger.c.id, ledger.c.on_date, ledger.c.points)
                            .where(ledger.c.member_code == code)).all()  # fmt: skip
    return sorted(((member_ledger._day(r.on_date), int(r.id), int(r.points)) for r in rows), reverse=True)


def walk(hq, code: str, cursor, direction: str) -> list[dict]:
    pages = []
    while True:
        with db.read(hq.engine) as conn:
            page = member_ledger.page(conn, code, cursor)
        pages.append(page)
        cursor = page[direction]
        if cursor is None:
            return pages
        cursor = member_ledger.decode(cursor.encode())  # through the opaque form a link carries


def test_every_entry_is_on_exactly_one_page_newest_first_with_the_balance_after_it(hq, member):
    expected = all_entries(hq, member)
    pages = walk(hq, member, None, "older")
    seen = [(r["on"], r["id"]) for p in pages for r in p["rows"]]
    assert seen == [(on, i) for on, i, _ in expected]  # every entry once, newest date first, then newest id
    assert len(pages) == -(-len(expected) // member_ledger.PAGE_SIZE) and len(expected) > 300
    assert pages[0]["newer"] is None and pages[-1]["older"] is None
    balance = hq.scalar("SELECT balance FROM members WHERE member_code = :c", c=member)
    after = {}
    for _on, i, points in expected:  # newest first: the balance after each is what is left once newer ones go
        after[i] = balance
        balance -= points
    assert balance == 0  # the member's balance is the sum of its ledger
    assert {r["id"]: r["running"] for p in pages for r in p["rows"]} == after


def test_going_back_newer_from_the_oldest_entry_shows_the_same_entries_and_balances(hq, member):
    older = walk(hq, member, None, "older")
    forth = [(r["id"], r["running"]) for p in older for r in p["rows"]]
    oldest = older[-1]["rows"][-1]
    newer = walk(hq, member, member_ledger.Cursor(member_ledger.NEWER, oldest["on"], oldest["id"]), "newer")
    back = [(r["id"], r["running"]) for p in reversed(newer) for r in p["rows"]]
    assert back == forth[:-1]  # everything newer than the oldest entry, with the same running balances
    assert all(len(p["rows"]) == member_ledger.PAGE_SIZE for p in newer[:-1])


def test_a_till_adjustment_on_the_page_carries_its_reason_code_and_supervisor(hq, member):
    with db.read(hq.engine) as conn:
        adjust_id = conn.execute(sa.select(ledger.c.id, ledger.c.on_date).where(
            ledger.c.member_code == member, ledger.c.kind == core.ADJUST)).one()  # fmt: skip
        cursor = member_ledger.Cursor(member_ledger.OLDER, member_ledger._day(adjust_id.on_date), adjust_id.id + 1)
        rows = member_ledger.page(conn, member, cursor, size=1)["rows"]
        entry_sources.annotate(conn, member, rows)
    assert [(r["kind"], r["points"], r["reason_code"], r["supervisor"], r["store_id"]) for r in rows] == [
        ("adjust", 250, "goodwill", "SUP1", "S001")]


@pytest.mark.parametrize("text", ["x", "bm90IGEgY3Vyc29y", "x" * 80, "b2Zvbw", "bjIwMjYtMTEtMDEuLTE"])
def test_a_made_up_cursor_is_refused(text):
    with pytest.raises(DomainError) as refused:
        member_ledger.decode(text)
    assert refused.value.code == "invalid_cursor"


def test_the_open_lots_replay_agrees_with_the_core_wallet_on_random_ledgers():
    rng = random.Random(23)
    expiries = [None, dt.date(2026, 12, 31), dt.date(2027, 1, 31), dt.date(2027, 2, 28)]
    for _ in range(200):
        entries = []
        for n in range(rng.randint(1, 40)):
            kind = rng.choice([core.EARN, core.REDEEM, core.EXPIRE, core.ADJUST])
            points = rng.randint(1, 300) * (1 if kind in (core.EARN, core.ADJUST) and rng.random() < 0.7 else -1)
            expires = rng.choice(expiries) if points > 0 or kind == core.EXPIRE else None
            entries.append(Entry(str(n), "M", kind, points, dt.date(2026, 11, 1), expires))
        w = wallet(entries)
        by_date: dict = {}
        for lot in w.lots:
            key = None if lot.expires_on == dt.date.max else lot.expires_on.isoformat()
            sums = by_date.setdefault(key, [0, 0])
            sums[0], sums[1] = sums[0] + lot.points, sums[1] + lot.remaining
        lots = open_lots.replay((e.kind, e.points, e.expires_on) for e in entries)
        assert lots.debt == w.debt
        assert [(x["expires_on"], x["points"], x["remaining"]) for x in lots.by_expiry()] == [
            (k, v[0], v[1]) for k, v in by_date.items()]
