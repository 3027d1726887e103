"""The sync engine: one background thread that pushes, pulls and reconciles.

- A cycle pushes the whole outbox, then pulls the feed until caught up.
- Timer-driven: after a success the next cycle comes after `poll_interval`;
  after a failure after a capped exponential backoff with jitter (so a
  hundred tills coming back at once do not stampede HQ). `sync_now()` wakes
  the thread at once (the UI calls it after a sale, or from a button).
- `status()` is a plain dict; listeners get it whenever it changes. They run
  on the engine thread: the UI's small Qt bridge re-emits them as signals.
- `is_offline()` is True while HQ is configured but unreachable, which makes
  the offline redemption allowance apply at the till.
- Once a day after `reconcile_hour` (the till's local hour, used only to
  schedule) a successful cycle is followed by a reconciliation.

No Qt here, and nothing the cashier waits for: every sale is already durable
in the outbox before the engine ever sees it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from ..services.context import ServiceContext
from ..store.outbox_repo import PENDING, REJECTED, SENT
from . import personal_data, reconcile_report
from .hq_client import AuthError, HqClient, HqError, PermanentError, Stopped, TransientError
from .puller import Puller, PullSummary
from .pusher import Pusher, PushSummary
from .reconciler import Reconciler
from .schedule import Listeners, SyncTiming

log = logging.getLogger(__name__)

LAST_SUCCESS = "last_success"
LAST_ERROR = "last_error"
LAST_RECONCILE = "last_reconcile_day"
KEY_REGISTERED = "key_registered"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SyncError(Exception):
    """A cycle did not complete; `.cause` is the HQ error."""

    def __init__(self, cause: HqError) -> None:
        super().__init__(str(cause))
        self.cause = cause


class SyncEngine:
    """Building one opens nothing: `restore()` reads what a previous run saved (the composition
    root calls it), `start()` starts the thread."""

    def __init__(
        self,
        uow_factory: Callable,
        ctx: ServiceContext,
        client: HqClient,
        *,
        timing: SyncTiming | None = None,
        batch_size: int = 500,
        before_commit: Callable[[str, int], None] | None = None,
        data_dir: Path | None = None,
    ) -> None:
        self._uow = uow_factory
        self.data_dir = data_dir  # where the look-up key file lives (pos_app/privacy.py)
        self.ctx = ctx
        self.client = client
        self.timing = timing or SyncTiming()
        self.pusher = Pusher(uow_factory, client, batch_size=batch_size, now=utc_now, before_commit=before_commit)
        self.puller = Puller(uow_factory, client, ctx, before_commit=before_commit)
        self.reconciler = Reconciler(uow_factory, client, now=utc_now, today=ctx.today)
        self.pusher.on_progress = self.puller.on_progress = self._progress
        self._listeners: Listeners[dict] = Listeners("status")
        self._change_listeners: Listeners[dict] = Listeners("change")
        self._init_state()

    def _init_state(self) -> None:
        self._cycle_lock = threading.Lock()  # one cycle at a time (thread, CLI, UI button)
        self._state_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self._online: bool | None = None  # None: not tried in this process yet
        self._next_at: float | None = None
        self._last_status: dict | None = None
        self._last_success: str | None = None
        self._last_error: str | None = None

    def restore(self) -> SyncEngine:
        """The last success and error a previous run saved: the status is right before a cycle."""
        with self._uow(read_only=True) as uow:
            success, error = uow.sync.get(LAST_SUCCESS), uow.sync.get(LAST_ERROR)
        with self._state_lock:
            self._last_success, self._last_error = success, error
        return self

    # -- the thread --------------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self.pusher.halt.clear()
        self.puller.halt.clear()
        self._wake.set()  # first cycle right away
        self._thread = threading.Thread(target=self._loop, name="pos-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ends the thread after its current step (a batch, a page: each its own transaction)."""
        self._stop.set()
        self.pusher.halt.set()
        self.puller.halt.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the sync thread did not stop within %.0f s", timeout)
                return
        self.pusher.halt.clear()  # run_once() may still be called directly (CLI, tests)
        self.puller.halt.clear()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def sync_now(self) -> None:
        """Wake the thread for a cycle now (returns at once)."""
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._delay_left())
            if self._stop.is_set():
                break
            self._wake.clear()
            try:
                self.run_once()
                self._maybe_reconcile()
            except SyncError:
                pass  # recorded in the status; the backoff decides when to try again
            except Exception:  # never let the thread die: the till must keep syncing later
                log.exception("sync cycle failed unexpectedly")
                self._failed(TransientError("internal", "unexpected error in the sync engine"))

    def _delay_left(self) -> float | None:
        with self._state_lock:
            if self._next_at is None:
                return 0.0
            return max(0.0, self._next_at - self.timing.clock())

    def backoff(self, failures: int) -> float:
        return self.timing.backoff(failures)

    # -- one cycle ---------------------------------------------------------------------------------

    def run_once(self, *, max_batches: int | None = None, max_pages: int | None = None) -> dict:
        """Push everything, then pull until caught up; raises SyncError if HQ could not be reached."""
        with self._cycle_lock:
            push, pull = PushSummary(), PullSummary()
            try:
                self._register_key()
                personal_data.take_chain_key(self.client, self._uow, self.ctx, self.data_dir)
                push = self.pusher.push_all(max_batches)
                personal_data.settle(self._uow, self.ctx)  # what HQ now has is reduced here
                pull = self.puller.pull_all(max_pages)
                personal_data.after_pull(self._uow, bool(pull.changes or pull.bootstrapped))
                reconcile_report.send_pending(self._uow, self.client, utc_now)  # last night's, if not taken yet
            except Stopped as exc:
                raise SyncError(exc) from exc
            except HqError as exc:
                self._failed(exc, push, pull)
                raise SyncError(exc) from exc
            self._succeeded(push, pull)
            return {"ok": True, "push": push.to_dict(), "pull": pull.to_dict(), **self._counts()}

    def _register_key(self) -> None:
        """Our signing key goes to HQ once, so other stores can check our member cards and coupons."""
        key_id = self.ctx.signer.key_id
        with self._uow(read_only=True) as uow:
            if uow.sync.get(KEY_REGISTERED) == key_id:
                return
        from loyalty_core import signing

        body = {"key_id": key_id, "public_key": signing.b64(self.ctx.signer.public_bytes())}
        try:
            self.client.request("POST", "/stores/me/keys", body=body)
        except PermanentError as exc:
            if isinstance(exc, AuthError) or exc.code not in ("key_conflict", "key_already_registered"):
                raise
            # Never retried: a terminal registers one key, once; another one is an HQ operator's rotate-key.
            log.error("HQ refused our signing key %s (%s): %s", key_id, exc.code, exc.message)
        with self._uow() as uow:
            uow.sync.set(KEY_REGISTERED, key_id)
            uow.commit()

    def _succeeded(self, push: PushSummary, pull: PullSummary) -> None:
        now = utc_now()
        with self._uow() as uow:
            uow.sync.set(LAST_SUCCESS, now)
            uow.sync.delete(LAST_ERROR)
            uow.commit()
        with self._state_lock:
            self._failures = 0
            self._online = True
            self._last_success, self._last_error = now, None
            self._next_at = self.timing.next_poll()
        if pull.changes or pull.bootstrapped or push.rejected:
            self._emit_pull({"push": push.to_dict(), "pull": pull.to_dict(), "members": sorted(pull.members)[:1000]})
        self._emit_status()

    def _failed(self, exc: HqError, push: PushSummary | None = None, pull: PullSummary | None = None) -> None:
        message = f"{exc.code}: {exc.message}"[:500]
        log.info("sync failed: %s", message)
        try:
            with self._uow() as uow:
                uow.sync.set(LAST_ERROR, f"{utc_now()} {message}")
                uow.commit()
        except Exception:
            log.exception("could not record the sync error")
        with self._state_lock:
            self._failures += 1
            self._online = False
            self._last_error = f"{utc_now()} {message}"
            # A token problem will not fix itself in seconds: wait the longest.
            delay = self.timing.backoff_cap if isinstance(exc, AuthError) else self.backoff(self._failures)
            self._next_at = self.timing.clock() + delay
        if push is not None and (push.sent or push.rejected):
            self._emit_pull({"push": push.to_dict(), "pull": (pull or PullSummary()).to_dict(), "members": []})
        self._emit_status()

    # -- reconciliation ----------------------------------------------------------------------------

    def reconcile_now(self) -> dict:
        """Push and pull (so only real differences remain), then reconcile with HQ."""
        self.run_once()
        with self._cycle_lock:
            try:
                result = self.reconciler.run()
            except HqError as exc:
                self._failed(exc)
                raise SyncError(exc) from exc
            with contextlib.suppress(HqError):  # the run is done; its report goes again at the next sync
                reconcile_report.send_pending(self._uow, self.client, utc_now)
        with self._uow() as uow:
            uow.sync.set(LAST_RECONCILE, self.ctx.today().isoformat())
            uow.commit()
        if result["differences"]:
            self._emit_pull({"reconcile": result, "members": []})
        self._emit_status()
        return result

    def _maybe_reconcile(self) -> None:
        hour = self.timing.reconcile_hour
        if hour is None:
            return
        now = self.ctx.now()
        if now.hour < hour:
            return
        with self._uow(read_only=True) as uow:
            done = uow.sync.get(LAST_RECONCILE)
        if done == now.date().isoformat():
            return
        with contextlib.suppress(SyncError):
            self.reconcile_now()

    # -- status ------------------------------------------------------------------------------------

    def is_offline(self) -> bool:
        """HQ is configured but we cannot reach it (or have not for a while)."""
        with self._state_lock:
            if self._online is not None:
                return not self._online
            last = self._last_success
        if last is None:
            return True
        age = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(last)
        return age.total_seconds() > self.timing.offline_after

    def _counts(self) -> dict:
        with self._uow(read_only=True) as uow:
            counts = uow.outbox.counts()
            oldest = uow.outbox.oldest_pending_at()
            cursor = uow.sync.cursor()
            runs = uow.sync.runs(1)
        return {"pending": counts[PENDING], "sent": counts[SENT], "rejected": counts[REJECTED],
                "oldest_pending_at": oldest, "cursor": cursor,
                "last_reconcile": runs[0] if runs else None}  # fmt: skip

    def status(self) -> dict:
        with self._state_lock:
            state = {
                "configured": True,
                "hq_url": self.client.base_url,
                "online": self._online,
                "offline": None,  # filled below (needs the lock released)
                "running": self.running,
                "last_success": self._last_success,
                "last_error": self._last_error,
                "failures": self._failures,
                "next_attempt_in": None if self._next_at is None else round(max(0.0, self._next_at - self.timing.clock()), 1),
            }
        state["offline"] = self.is_offline()
        state.update(self._counts())
        return state

    def add_listener(self, callback: Callable[[dict], None]) -> Callable[[], None]:
        """`callback(status)` on every status change (engine thread); returns an unsubscribe function."""
        return self._listeners.add(callback)

    def add_change_listener(self, callback: Callable[[dict], None]) -> Callable[[], None]:
        """`callback({"push", "pull", "members"})` when a cycle changed something (engine thread)."""
        return self._change_listeners.add(callback)

    def _progress(self) -> None:
        """After each batch or page: listeners see the waiting count fall during a long sync."""
        if self._listeners:
            self._emit_status()

    def _emit_status(self) -> None:
        if not self._listeners:
            return
        try:
            status = self.status()
        except Exception:
            log.exception("could not read the sync status")
            return
        comparable = {k: v for k, v in status.items() if k != "next_attempt_in"}
        if comparable == self._last_status:
            return
        self._last_status = comparable
        self._listeners.emit(status)

    def _emit_pull(self, what: dict) -> None:
        self._change_listeners.emit(what)
