"""Nightly reconciliation: compare balances with HQ, fix ours, record every difference.

1. Digests: every active member's settled balance (the ledger without the
   entries of events still waiting in the outbox) is hashed into buckets
   (`loyalty_core.reconcile`), streamed in member-code order so a million
   members need no memory. HQ does the same; only differing buckets go on.
2. Per member in a differing bucket: HQ's balance against ours. Members a
   waiting event talks about are skipped (their difference is in flight).
3. HQ wins. For each member that differs we fetch HQ's profile and whole
   ledger (one snapshot page that holds just that member), insert the entries
   we lack, take HQ's booking for those we have, and offset what only we hold
   (e.g. entries of an event HQ rejected) with one correcting entry. Every
   difference, and what was done about it, is written to
   `reconcile_differences` for support to read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from loyalty_core.ids import uuid7
from loyalty_core.reconcile import BUCKETS, bucket_of

from ..store.sync_repo import LEDGER_COLUMNS, entry_row, member_tuple
from .hq_client import HqClient, PermanentError

log = logging.getLogger(__name__)

CORRECTION_KIND = "adjust"
CORRECTION_REF = "reconcile"
MAX_FIXES = 10_000  # more than that is not drift but a broken till: report, and let support look


_AFTER_CHARS = sorted("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")  # what HQ's `after` takes


def _before(code: str) -> str:
    """A string just below `code` that no member code falls between (HQ's snapshot `after`).

    Member codes have a fixed length, so `prefix + (the character below the last) + "z"` sorts
    after every shorter or equal code below `code` and before `code` itself.
    """
    lower = [c for c in _AFTER_CHARS if c < code[-1]]
    return code[:-1] + lower[-1] + "z" if lower else code[:-1]


class _Background:
    """Runs `work` on a thread; `result()` waits for it and returns its value or raises its error."""

    def __init__(self, work: Callable[[], dict]) -> None:
        self._value: dict | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._value = work()
            except BaseException as exc:  # noqa: BLE001 - re-raised in result()
                self._error = exc

        self._thread = threading.Thread(target=run, name="pos-reconcile-hq", daemon=True)
        self._thread.start()

    def result(self) -> dict:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None  # set by the thread when it did not fail
        return self._value


class Reconciler:
    def __init__(self, uow_factory: Callable, client: HqClient, *, now: Callable[[], str],
                 today: Callable[[], dt.date], buckets: int = BUCKETS) -> None:  # fmt: skip
        self._uow = uow_factory
        self.client = client
        self._now = now
        self._today = today
        self.buckets = buckets

    def run(self) -> dict:
        with self._uow() as uow:
            run_id = uow.sync.start_run(self._now())
            uow.commit()
        try:
            result = self._run(run_id)
        except Exception as exc:
            with self._uow() as uow:
                uow.sync.finish_run(run_id, finished_at=self._now(), status="failed", error=str(exc)[:500])
                uow.commit()
            raise
        status = "ok" if result["differences"] == 0 else "differences"
        with self._uow() as uow:
            uow.sync.finish_run(
                run_id, finished_at=self._now(), status=status,
                **{k: result[k] for k in ("members", "buckets", "buckets_differing", "members_checked",
                                          "differences", "fixed")},
            )  # fmt: skip
            uow.commit()
        return {"run_id": run_id, "status": status, **result}

    def _run(self, run_id: int) -> dict:
        hq_digests = _Background(self.client.reconcile_buckets)  # HQ hashes its members while we hash ours
        with self._uow(read_only=True) as uow:
            in_flight = uow.sync.pending_members()
            ours, members = self._digests(uow.sync.settled_balances())
        theirs = {int(k): v for k, v in hq_digests.result()["buckets"].items()}
        differing = sorted(b for b in set(ours) | set(theirs) if ours.get(b) != theirs.get(b))
        result = {"members": members, "buckets": len(set(ours) | set(theirs)), "buckets_differing": len(differing),
                  "members_checked": 0, "differences": 0, "fixed": 0, "skipped_in_flight": 0}  # fmt: skip
        if not differing:
            return result
        wanted = set(differing)
        with self._uow(read_only=True) as uow:
            local: dict[int, dict[str, int]] = {b: {} for b in differing}
            for code, balance in uow.sync.settled_balances():
                b = bucket_of(code, self.buckets)
                if b in wanted:
                    local[b][code] = balance
        for b in differing:
            hq_members = {str(k): int(v) for k, v in self.client.reconcile_bucket(b)["members"].items()}
            for code in sorted(set(hq_members) | set(local[b])):
                result["members_checked"] += 1
                if hq_members.get(code) == local[b].get(code):
                    continue
                if code in in_flight:
                    result["skipped_in_flight"] += 1
                    continue
                result["differences"] += 1
                if result["differences"] > MAX_FIXES:
                    self._record(run_id, code, b, local[b].get(code), hq_members.get(code),
                                 {"fixed": 0, "detail": {"note": "too many differences; not fixed"}})  # fmt: skip
                    continue
                outcome = self._fix(code)
                self._record(run_id, code, b, local[b].get(code), hq_members.get(code), outcome)
                result["fixed"] += outcome["fixed"]
        return result

    # -- digests ---------------------------------------------------------------------------------

    def _digests(self, balances: Iterable[tuple[str, int]]) -> tuple[dict[int, str], int]:
        """Bucket digests exactly as `BucketHasher` makes them, streamed in code order."""
        hashers: dict[int, Any] = {}  # hashlib's sha256 objects
        n = 0
        for code, balance in balances:
            b = bucket_of(code, self.buckets)
            h = hashers.get(b)
            if h is None:
                h = hashers[b] = hashlib.sha256()
            h.update(f"{code}:{balance}\n".encode())
            n += 1
        return {b: h.hexdigest() for b, h in hashers.items()}, n

    # -- fixing one member -------------------------------------------------------------------------

    def _hq_member(self, code: str) -> dict | None:
        page = self.client.snapshot({"after": _before(code), "limit": 3})
        for view in page.get("members") or ():
            if view.get("member_code") == code:
                return view
        try:
            self.client.request("GET", f"/members/{code}")
        except PermanentError as exc:
            if exc.status == 404:
                return None
            raise
        return {"unavailable": True}

    def _fix(self, code: str) -> dict:
        view = self._hq_member(code)
        if view is None:
            return {"fixed": 0, "detail": {"note": "HQ does not know this member"}}
        if view.get("unavailable"):
            return {"fixed": 0, "detail": {"note": "HQ did not send this member's ledger"}}
        hq_entries = [entry_row(e) for e in view.get("ledger") or ()]
        hq_ids = {e["entry_id"] for e in hq_entries}
        hq_balance = int(view.get("balance", sum(e["points"] for e in hq_entries)))
        with self._uow() as uow:
            repo = uow.sync
            known = repo.known_entries(hq_ids)
            added = [e["entry_id"] for e in hq_entries if e["entry_id"] not in known]
            realigned = [
                e["entry_id"] for e in hq_entries
                if e["entry_id"] in known and known[e["entry_id"]] != (e["member_code"], e["kind"], e["points"], 1)
            ]  # fmt: skip
            repo.upsert_members([member_tuple(view["member"], view.get("tier"))])
            repo.upsert_entries([tuple(e[c] for c in LEDGER_COLUMNS) for e in hq_entries])
            pending = repo.pending_entry_ids()
            local_only = [
                r for r in repo.ledger_of(code) if r["entry_id"] not in hq_ids and r["entry_id"] not in pending
            ]
            extra = sum(r["points"] for r in local_only)
            if extra:
                entry_id = f"reconcile:{code}:{uuid7()}"  # unique even for two runs in one second
                repo.insert_entries_fresh([(entry_id, code, CORRECTION_KIND, -extra, self._today().isoformat(),
                                            None, CORRECTION_REF, None, 1)])  # fmt: skip
            after = sum(r["points"] for r in repo.ledger_of(code) if r["entry_id"] not in pending)
            uow.commit()
        fixed = int(after == hq_balance)
        detail = {"added": added[:50], "realigned": realigned[:50],
                  "local_only": [r["entry_id"] for r in local_only][:50], "balance_after": after}  # fmt: skip
        return {"fixed": fixed, "entries_added": len(added), "entries_confirmed": len(realigned),
                "correction_points": -extra, "detail": detail}  # fmt: skip

    def _record(self, run_id: int, code: str, bucket: int, local: int | None, hq: int | None, outcome: dict) -> None:
        log.warning("reconcile: %s differs (here %s, HQ %s)", code, local, hq)
        with self._uow() as uow:
            uow.sync.add_difference(
                run_id, self._now(), member_code=code, bucket=bucket, local_balance=local, hq_balance=hq,
                entries_added=outcome.get("entries_added", 0), entries_confirmed=outcome.get("entries_confirmed", 0),
                correction_points=outcome.get("correction_points", 0), fixed=outcome["fixed"],
                detail=outcome.get("detail"),
            )  # fmt: skip
            uow.commit()
