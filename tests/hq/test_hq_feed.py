"""Pulling the change feed: paging, retention, and never skipping a late commit."""

import threading
import time

from hq.services import apply
from hq.storage import db, feed
from tests.hq.hq_helpers import auth
from tests.support.clock import NOW
from tests.support.events import Till


def _seqs(changes):
    return [c["seq"] for c in changes]


def test_pull_pages_through_the_feed_in_order_until_caught_up(hq):
    till = Till()
    hq.statuses([till.enroll() for _ in range(30)])
    token, since, pages, seen = hq.terminal(), 0, 0, []
    while True:
        body = hq.client.get(f"/api/v1/sync/pull?since={since}&limit=7", headers=auth(token)).json()
        seen += body["changes"]
        since, pages = body["next"], pages + 1
        if not body["more"]:
            break
    assert _seqs(seen) == list(range(1, 62))  # the rule set, then a member and a sign-up per enrollment
    assert pages == 9 and since == 61
    caught_up = hq.client.get(f"/api/v1/sync/pull?since={since}", headers=auth(token)).json()
    assert caught_up == {"changes": [], "next": 61, "more": False}


def test_a_cursor_below_the_retention_floor_is_told_to_refetch(hq):
    hq.statuses([Till().enroll() for _ in range(3)])
    db.write(hq.engine, lambda conn: feed.prune(conn, 4))
    old = hq.client.get("/api/v1/sync/pull?since=2", headers=auth(hq.terminal())).json()
    assert old == {"refetch": True, "floor": 4}
    recent = hq.client.get("/api/v1/sync/pull?since=4", headers=auth(hq.terminal())).json()
    assert _seqs(recent["changes"]) == [5, 6, 7]


def _hold_feed_numbers(engine, started: threading.Event, release: threading.Event) -> None:
    """A writer that has taken feed numbers and not committed yet."""
    with engine.begin() as conn:
        feed.append(conn, [(feed.RULES, None, '{"held": true}')], NOW)
        started.set()
        release.wait(30)


def test_a_reader_never_sees_past_a_transaction_still_in_flight(hq):
    hq.terminal()  # made up front: on SQLite it would otherwise queue behind the held writer
    started, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_feed_numbers, args=(hq.engine, started, release))
    holder.start()
    assert started.wait(10)
    till = Till()
    pusher = threading.Thread(target=lambda: apply.push(hq.engine, [till.enroll()], hq.clock()))
    pusher.start()
    time.sleep(0.3)  # the pusher is now waiting behind the held numbers
    during = hq.pull_all()
    assert _seqs(during) == [1]  # only the rule set: nothing at or above the held number is visible
    release.set()
    holder.join(10)
    pusher.join(10)
    after = hq.pull_all(since=during[-1]["seq"])
    assert after[0]["data"] == {"held": True}  # the late commit is not skipped by the reader
    assert _seqs(after) == [2, 3, 4]


def test_concurrent_pushers_never_leave_a_gap_a_reader_could_skip(hq):
    tills = [Till("S001", f"T{i}") for i in range(4)]
    done, seen = threading.Event(), []

    def reader():
        since = 0
        while True:
            finished = done.is_set()
            with db.read(hq.engine) as conn:
                page = feed.page(conn, since, 50)
            seen.extend(c["seq"] for c in page["changes"])
            since = page["next"]
            if finished and not page["more"]:
                return

    def pusher(till):
        for _ in range(5):
            apply.push(hq.engine, [till.enroll() for _ in range(3)], hq.clock())

    threads = [threading.Thread(target=pusher, args=(t,)) for t in tills]
    read = threading.Thread(target=reader)
    read.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    done.set()
    read.join(60)
    assert seen == list(range(1, 1 + 1 + 4 * 5 * 3 * 2))
