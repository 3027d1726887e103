"""HQ's paged snapshot, fetched by one thread per range of member codes while the puller writes.

Each fetcher asks HQ for its range page by page, decodes the pages into rows and queues them in
order; the writing thread (`Puller.bootstrap`) takes what has arrived. A fetcher's error is queued
too and raised in the writing thread.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

from ..store.sync_repo import coupon_tuple, entry_tuple, member_tuple
from .hq_client import HqClient, TransientError
from .keys import TrustedKey


def code_ranges(n: int) -> list[dict]:
    """n ranges of member codes ("M" + 10 characters of the card alphabet), as even as the alphabet allows."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    n = max(1, min(n, len(alphabet)))
    bounds = [""] + ["M" + alphabet[len(alphabet) * i // n] for i in range(1, n)] + [None]
    return [{"after": bounds[i], "stop": bounds[i + 1], "done": False, "started": False} for i in range(n)]


@dataclass
class SnapshotPage:
    stream: int
    first: bool  # the range's first page: its feed_seq was read before any of its members
    feed_seq: int
    members: list[tuple]
    entries: list[tuple]
    next_after: str
    last: bool
    rules: dict | None = None
    keys: list[TrustedKey] = field(default_factory=list)
    coupons: list[tuple] = field(default_factory=list)  # the members' live HQ coupons (`coupon_tuple`)


class SnapshotFetch:
    """One thread per unfinished range: fetch, decode and turn pages into rows, in order, into a queue."""

    def __init__(self, client: HqClient, streams: list[dict], page_size: int, depth: int = 4) -> None:
        self._queue: queue.Queue = queue.Queue(maxsize=depth * max(1, len(streams)))
        self._halt = threading.Event()
        self._open = 0
        self._threads: list[threading.Thread] = []
        for i, stream in enumerate(streams):
            if stream["done"]:
                continue
            self._open += 1
            worker = client if not self._threads else client.fork()
            t = threading.Thread(target=self._run, args=(worker, i, dict(stream), page_size), daemon=True,
                                 name=f"pos-snapshot-{i}")  # fmt: skip
            self._threads.append(t)
        for t in self._threads:
            t.start()

    def finished(self) -> bool:
        return self._open == 0 and self._queue.empty()

    def take(self, max_pages: int = 8, wait: float | None = None) -> list[SnapshotPage]:
        """Up to `max_pages` pages: blocks for the first (or `wait` seconds, then []), then takes what is
        ready; raises what a fetcher hit."""
        try:
            items = [self._queue.get(timeout=wait)]
        except queue.Empty:
            return []
        while len(items) < max_pages:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        pages = []
        for item in items:
            if isinstance(item, BaseException):
                raise item
            if item is None:
                self._open -= 1
                continue
            pages.append(item)
        return pages

    def stop(self) -> None:
        self._halt.set()
        while True:  # unblock fetchers waiting on a full queue
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        for t in self._threads:
            t.join(5)

    def _put(self, item) -> bool:
        while not self._halt.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _run(self, client: HqClient, index: int, stream: dict, page_size: int) -> None:
        after, stop, first = stream["after"], stream["stop"], not stream["started"]
        try:
            while not self._halt.is_set():
                answer = client.snapshot({"after": after, "limit": page_size})
                page = decode_page(answer, index, first, stop)
                first = False
                if not self._put(page):
                    return
                if page.last:
                    break
                after = page.next_after
            self._put(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the writing thread, which raises it
            self._put(exc)


def decode_page(answer: dict, index: int, first: bool, stop: str | None) -> SnapshotPage:
    views, feed_seq = answer.get("members"), answer.get("feed_seq")
    if not isinstance(views, list) or not isinstance(feed_seq, int):
        raise TransientError("bad_answer", "HQ's snapshot page is malformed")
    members: list[tuple] = []
    entries: list[tuple] = []
    last_code: str | None = None
    reached_stop = False
    for view in views:
        code = str(view["member_code"])
        if stop is not None and code >= stop:
            reached_stop = True
            break
        members.append(member_tuple(view["member"], view.get("tier")))
        entries.extend(entry_tuple(e) for e in view.get("ledger") or ())
        last_code = code
    nxt = answer.get("next")
    last = reached_stop or not answer.get("more") or not nxt
    keys = [TrustedKey.from_wire(k) for k in answer.get("store_keys") or ()]
    # Only the coupons of members this range takes: the rest belong to the next range, which sends them again.
    taken = {m[0] for m in members}
    coupons = [row for row in map(coupon_tuple, answer.get("coupons") or ()) if row[2] in taken]
    return SnapshotPage(index, first, feed_seq, members, entries, last_code or "", last, answer.get("rules"), keys,
                        coupons)  # fmt: skip
