"""Tells HQ what each nightly reconciliation found, for the console's reconciliation queue.

A finished run (ok, differences or failed) is sent after it ends and again at every sync until HQ
answers; HQ keeps one row per run number, so a resent report changes nothing there. A report HQ
refuses outright (a 4xx other than a token problem) is marked and not sent again: retrying would
only repeat the refusal, and the run stays readable on this till.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from .hq_client import AuthError, HqClient, PermanentError

log = logging.getLogger(__name__)

PER_CYCLE = 5  # runs are daily: five catch up after a long time offline without holding up a sync
MAX_MEMBERS = 200  # HQ takes at most this many members per report; the rest stay on this till
REFUSED = "refused:"


def send_pending(uow_factory: Callable, client: HqClient, now: Callable[[], str]) -> int:
    """Sends the runs HQ has not taken yet, oldest first; returns how many it took. HqErrors propagate."""
    with uow_factory(read_only=True) as uow:
        runs = uow.sync.unreported_runs(PER_CYCLE)
        bodies = [body(run, uow.sync.differences(run["id"], limit=MAX_MEMBERS)) for run in runs]
    taken = 0
    for run, report in zip(runs, bodies, strict=True):
        try:
            client.reconcile_report(report)
            mark = now()
            taken += 1
        except PermanentError as exc:
            if isinstance(exc, AuthError):
                raise
            log.error("HQ refused reconciliation report %s (%s): %s", run["id"], exc.code, exc.message)
            mark = f"{REFUSED}{exc.code}"[:60]
        with uow_factory() as uow:
            uow.sync.mark_reported(run["id"], mark)
            uow.commit()
    return taken


def body(run: dict, differences: list[dict]) -> dict:
    """The run as HQ's ReconcileReportIn takes it (members in the order they were found)."""
    listed = sorted(differences, key=lambda d: d["id"])[:MAX_MEMBERS]
    return {
        "run_id": run["id"], "started_at": run["started_at"], "finished_at": run["finished_at"],
        "status": run["status"], "members": run["members"] or 0, "buckets_differing": run["buckets_differing"] or 0,
        "differences": max(run["differences"] or 0, len(listed)), "fixed": run["fixed"] or 0,
        "error": (run["error"] or None) and run["error"][:200],
        "members_differing": [
            {"member_code": d["member_code"], "till_balance": d["local_balance"], "hq_balance": d["hq_balance"],
             "correction_points": d["correction_points"] or 0, "fixed": bool(d["fixed"])}
            for d in listed
        ],
    }  # fmt: skip
