"""Pulling HQ's change feed: a page and its cursor in one transaction, until caught up.

Order comes from HQ's feed sequence only. A page is applied in feed order
(runs of the same kind in bulk), and the cursor moves to the page's `next`
in the same SQLite transaction, so a crash either applies the whole page
and its cursor or neither. Every apply is idempotent as well (upserts by
member code and entry id), which is what lets a bootstrap overlap the feed.

A till without a cursor (a new PC), or one HQ answers `refetch` (its
cursor is older than HQ's retention), first bootstraps from HQ's paged
snapshot. Snapshot progress is saved with each page, so a bootstrap
interrupted by a crash resumes where it stopped; the cursor is set to the
feed position of the first page only when the last page is in.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from loyalty_core import signing
from loyalty_core.errors import DomainError
from loyalty_core.rules import RuleSet

from ..services.context import ServiceContext
from ..store.sync_repo import SyncRepository, coupon_tuple, entry_tuple, member_tuple
from .hq_client import HqClient, PermanentError, Stopped, TransientError
from .keys import TrustedKey
from .snapshot import SnapshotFetch, SnapshotPage, code_ranges

log = logging.getLogger(__name__)

PAGE = 1000
SNAPSHOT_PAGE = 2000  # HQ's largest: fewer, larger requests (HTTP and JSON overhead per page)
SNAPSHOT_STREAMS = 2  # member-code ranges fetched at once while this thread writes
BOOTSTRAP_TX_SECONDS = 0.5  # a bootstrap transaction holds the write lock about this long at most
BOOTSTRAP_TX_MEMBERS = 5_000
SNAPSHOT_STATE = "snapshot"


@dataclass
class PullSummary:
    pages: int = 0
    changes: int = 0
    cursor: int | None = None
    bootstrapped: bool = False
    snapshot_members: int = 0
    members: set[str] = field(default_factory=set)  # members that changed (for the UI to refresh)
    rules_version: int | None = None
    keys: int = 0
    skipped: list = field(default_factory=list)  # seqs of changes we could not read

    def to_dict(self) -> dict:
        return {"pages": self.pages, "changes": self.changes, "cursor": self.cursor,
                "bootstrapped": self.bootstrapped, "snapshot_members": self.snapshot_members,
                "members_changed": len(self.members), "rules_version": self.rules_version,
                "keys": self.keys, "skipped": self.skipped[:20]}  # fmt: skip


class _Effects:
    """What must reach the running till once the transaction has committed."""

    def __init__(self) -> None:
        self.rules: dict | None = None
        self.keys: list[TrustedKey] = []


class Puller:
    def __init__(
        self,
        uow_factory: Callable,
        client: HqClient,
        ctx: ServiceContext,
        *,
        page_size: int = PAGE,
        snapshot_page: int = SNAPSHOT_PAGE,
        snapshot_streams: int = SNAPSHOT_STREAMS,
        before_commit: Callable[[str, int], None] | None = None,
    ) -> None:
        self._uow = uow_factory
        self.client = client
        self.ctx = ctx
        self.page_size = page_size
        self.snapshot_page = snapshot_page
        self.snapshot_streams = snapshot_streams
        self._before_commit = before_commit  # tests: ("page" | "snapshot", n) just before COMMIT
        self.halt = threading.Event()  # set by the engine's stop(): no new page is started
        self._edited: set[str] = set()
        self.on_progress: Callable[[], None] | None = None  # after each page (or snapshot transaction)

    def cursor(self) -> int | None:
        with self._uow(read_only=True) as uow:
            return uow.sync.cursor()

    def bootstrapping(self) -> bool:
        with self._uow(read_only=True) as uow:
            return uow.sync.get(SNAPSHOT_STATE) is not None

    # -- the feed --------------------------------------------------------------------------------

    def pull_all(self, max_pages: int | None = None) -> PullSummary:
        summary = PullSummary()
        cursor = self.cursor()
        if cursor is None or self.bootstrapping():  # a new PC, or a bootstrap a crash interrupted
            cursor = self.bootstrap(summary)
        while max_pages is None or summary.pages < max_pages:
            if self.halt.is_set():
                raise Stopped()
            try:
                page = self.client.pull(cursor, self.page_size)
            except PermanentError as exc:
                if exc.code != "cursor_ahead":
                    raise
                log.warning("HQ's feed is behind our cursor %s (restored HQ?): bootstrapping again", cursor)
                cursor = self.bootstrap(summary, restart=True)
                continue
            if page.get("refetch"):
                log.warning("cursor %s is older than HQ's retention: bootstrapping again", cursor)
                cursor = self.bootstrap(summary, restart=True)
                continue
            changes, nxt, more = _checked_page(page, cursor)
            self._apply_page(cursor, changes, nxt, summary)
            summary.pages += 1
            cursor = nxt
            if not more:
                break
        summary.cursor = cursor
        return summary

    def _apply_page(self, cursor: int, changes: list[dict], nxt: int, summary: PullSummary) -> None:
        effects = _Effects()
        with self._uow() as uow:
            repo = uow.sync
            if repo.cursor() != cursor:  # someone else (another sync run) moved it: start over
                raise TransientError("cursor_moved", "The feed cursor moved during the pull")
            self._edited = repo.members_with_pending_edits()
            self._apply_changes(uow, repo, changes, effects, summary)
            repo.set_cursor(nxt)
            if self._before_commit:
                self._before_commit("page", nxt)
            uow.commit()
        summary.changes += len(changes)
        self._after_commit(effects, summary)
        if self.on_progress:
            self.on_progress()

    def _apply_changes(self, uow, repo: SyncRepository, changes: list[dict], effects: _Effects,
                       summary: PullSummary) -> None:  # fmt: skip
        """In feed order; consecutive members or ledger entries are written in one statement."""
        run_kind: str | None = None
        run: list[tuple] = []
        holding = uow.answers.any_held()  # usually nothing is held: then a page costs no extra query

        def flush() -> None:
            if run_kind == "member":
                # A profile edited here and not pushed yet keeps our version until HQ sends the edited one.
                repo.upsert_members([r for r in run if r[0] not in self._edited])
            elif run_kind == "ledger":
                repo.upsert_entries(run)
                if holding:  # HQ booked a held event's entries: it was approved
                    approved = uow.answers.held_event_ids({r[6] for r in run if r[6]})
                    uow.answers.settle_held(approved, True, dt.datetime.now(dt.UTC).isoformat())
            run.clear()

        for change in changes:
            kind, data = change.get("kind"), change.get("data")
            try:
                if not isinstance(data, dict):
                    raise TypeError("data is not an object")
                if kind in ("member", "ledger"):
                    row = member_tuple(data, key=self.ctx.lookup_key) if kind == "member" else entry_tuple(data)
                    if kind != run_kind:
                        flush()
                        run_kind = kind
                    run.append(row)
                    summary.members.add(row[0] if kind == "member" else row[1])
                    continue
                flush()
                run_kind = None
                self._apply_other(uow, repo, kind, data, effects, summary)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                # One change we cannot read must not stop the feed for good: skip it, say so, and let
                # the nightly reconciliation repair whatever it carried.
                log.error("skipping feed change %s (%s): %s", change.get("seq"), kind, exc)
                summary.skipped.append(change.get("seq"))
        flush()

    def _apply_other(self, uow, repo: SyncRepository, kind: str | None, data: dict, effects: _Effects,
                     summary: PullSummary) -> None:  # fmt: skip
        if kind == "merge":
            repo.merge(str(data["from"]), str(data["into"]))
            summary.members.update((str(data["from"]), str(data["into"])))
        elif kind == "tier":
            repo.set_tier(str(data["member_code"]), str(data["tier"]))
            summary.members.add(str(data["member_code"]))
        elif kind == "rules":
            self._save_rules(uow, data, effects)
        elif kind == "store_key":
            key = TrustedKey.from_wire(data)
            uow.admin.add_key(key.key_id, key.public_key, key.source, key.revoked_at)
            effects.keys.append(key)
        elif kind == "coupon_used":
            repo.coupon_used(str(data["coupon_id"]), dt.datetime.now(dt.UTC).isoformat())
        elif kind == "coupon":
            repo.add_coupons([coupon_tuple(data)])
        elif kind == "review":  # HQ's decision on an event it held: {"event_id", "status": approved|rejected}
            if data["status"] not in ("approved", "rejected"):
                raise ValueError(f"unknown review status {data['status']!r}")
            uow.answers.settle_held({str(data["event_id"])}, data["status"] == "approved",
                                    dt.datetime.now(dt.UTC).isoformat())  # fmt: skip
        else:
            log.info("ignoring a feed change of unknown kind %r", kind)

    def _save_rules(self, uow, document: dict, effects: _Effects) -> None:
        try:
            RuleSet.from_dict(document)
        except DomainError as exc:  # HQ validates before publishing; never let one block the feed
            log.error("HQ published a rule set we cannot read: %s", exc.message)
            return
        uow.admin.save_rules(document)
        if effects.rules is None or document["version"] > effects.rules["version"]:
            effects.rules = document

    def _after_commit(self, effects: _Effects, summary: PullSummary) -> None:
        for key in effects.keys:
            try:
                if key.key_id not in self.ctx.keyring:
                    self.ctx.keyring.add(key.key_id, signing.unb64(key.public_key), hq=key.is_hq)
                if key.revoked_at:
                    self.ctx.keyring.revoke(key.key_id, key.revoked_at)
                summary.keys += 1
            except (ValueError, TypeError):
                log.error("HQ sent a key we cannot read: %s", key.key_id)
        if effects.rules is not None and effects.rules["version"] >= self.ctx.rules.version:
            self.ctx.rules = RuleSet.from_dict(effects.rules)
            summary.rules_version = self.ctx.rules.version

    # -- bootstrap -------------------------------------------------------------------------------

    def bootstrap(self, summary: PullSummary, restart: bool = False) -> int:
        """Loads every member, ledger and live campaign coupon from HQ's snapshot; returns the feed cursor.

        The member codes are split into `snapshot_streams` ranges fetched at once (HQ pages by
        code), each by its own thread that also decodes the pages; this thread writes them, a few
        pages per transaction, saving each range's position with them. The cursor becomes the
        lowest feed position HQ reported on a range's first page: everything that changed while
        we were paging comes again through the feed, and applying it twice changes nothing.
        """
        progress = self._snapshot_progress(restart)
        summary.bootstrapped = True
        fetch = SnapshotFetch(self.client, progress["streams"], self.snapshot_page)
        try:
            while not fetch.finished():
                if self.halt.is_set():
                    raise Stopped()
                self._bootstrap_transaction(fetch, progress, summary)
        finally:
            fetch.stop()
        return progress["feed_seq"]

    def _snapshot_progress(self, restart: bool) -> dict:
        """Where a bootstrap a crash interrupted stopped, or a new start (saved before any page)."""
        with self._uow() as uow:
            progress = uow.sync.get_json(SNAPSHOT_STATE)
            if restart or progress is None:
                progress = {"streams": code_ranges(self.snapshot_streams), "feed_seq": None,
                            "fresh": uow.sync.is_empty(), "members": 0}  # fmt: skip
                if progress["fresh"]:
                    uow.sync.drop_bulk_indexes()  # built once at the end, in the last page's transaction
                uow.sync.set_json(SNAPSHOT_STATE, progress)
                uow.commit()
        return progress

    def _bootstrap_transaction(self, fetch: SnapshotFetch, progress: dict, summary: PullSummary) -> None:
        """The pages that arrive within a short while, and the progress they make, in one transaction."""
        effects = _Effects()
        # bulk mode: pages lost to a power cut are fetched again; a page cache for a million rows' indexes
        with self._uow(durable=False) as uow:
            if uow.sync.get_json(SNAPSHOT_STATE) != progress:
                raise TransientError("snapshot_moved", "The snapshot progress moved during the bootstrap")
            applied = self._apply_arriving_pages(uow, fetch, progress, effects)
            _save_progress(uow.sync, progress)
            if self._before_commit:
                self._before_commit("snapshot", progress["members"])
            uow.commit()
        self._after_commit(effects, summary)
        summary.snapshot_members += applied
        if self.on_progress:
            self.on_progress()

    def _apply_arriving_pages(self, uow, fetch: SnapshotFetch, progress: dict, effects: _Effects) -> int:
        """Applies pages as they arrive until the transaction is long or large enough; returns the members."""
        started, applied = time.monotonic(), 0
        pages = fetch.take()
        while pages:
            for page in pages:
                self._apply_snapshot_page(uow, page, progress, effects)
                applied += len(page.members)
            if time.monotonic() - started > BOOTSTRAP_TX_SECONDS or applied >= BOOTSTRAP_TX_MEMBERS:
                break
            pages = fetch.take(wait=BOOTSTRAP_TX_SECONDS / 4) if not fetch.finished() else []
        return applied

    def _apply_snapshot_page(self, uow, page: SnapshotPage, progress: dict, effects: _Effects) -> None:
        stream = progress["streams"][page.stream]
        if page.rules:
            self._save_rules(uow, page.rules, effects)
        for key in page.keys:
            uow.admin.add_key(key.key_id, key.public_key, key.source, key.revoked_at)
            effects.keys.append(key)
        if progress["fresh"]:  # a new PC: nothing to merge with, the fastest inserts
            uow.sync.insert_members_fresh(page.members)
            uow.sync.insert_entries_fresh(page.entries)
        else:
            edited = uow.sync.members_with_pending_edits()
            uow.sync.upsert_members([m for m in page.members if m[0] not in edited])
            uow.sync.upsert_entries(page.entries)
        uow.sync.add_coupons(page.coupons)  # as the feed's coupon changes are: one already held stays as it is
        if page.first:
            seq = page.feed_seq if progress["feed_seq"] is None else min(progress["feed_seq"], page.feed_seq)
            progress["feed_seq"] = seq
        progress["members"] += len(page.members)
        stream["after"], stream["done"], stream["started"] = page.next_after, page.last, True


def _save_progress(repo: SyncRepository, progress: dict) -> None:
    """The last range done: indexes built, the cursor set; else how far each range got."""
    if all(s["done"] for s in progress["streams"]):
        repo.ensure_indexes()
        repo.delete(SNAPSHOT_STATE)
        repo.set_cursor(progress["feed_seq"])
    else:
        repo.set_json(SNAPSHOT_STATE, progress)


def _checked_page(page: dict, cursor: int) -> tuple[list[dict], int, bool]:
    """A page we can trust to move the cursor forward, or TransientError."""
    changes, nxt, more = page.get("changes"), page.get("next"), page.get("more")
    if not isinstance(changes, list) or not isinstance(nxt, int) or not isinstance(more, bool):
        raise TransientError("bad_answer", "HQ's feed page is malformed")
    if nxt < cursor:
        raise TransientError("stale_page", f"HQ answered for an older cursor ({nxt} < {cursor})")
    fresh = []
    expected = cursor + 1
    for change in changes:
        seq = change.get("seq") if isinstance(change, dict) else None
        if not isinstance(seq, int) or seq > nxt:
            raise TransientError("bad_answer", "a feed change has no valid seq")
        if seq <= cursor:
            continue  # already applied
        if seq != expected:
            raise TransientError("feed_gap", f"HQ's feed skipped from {expected - 1} to {seq}")
        expected += 1
        fresh.append(change)
    if more and nxt == cursor:
        raise TransientError("no_progress", "HQ says there is more but sent nothing")
    return fresh, nxt, more
