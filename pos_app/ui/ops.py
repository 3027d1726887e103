"""Background operations on ONE database worker thread (in the style of Anki's CollectionOp).

    Op(lambda: pos.find_member(text), changes=NOTHING).success(show).failure(err).run(runner)

- The function runs on the worker thread; `success`/`failure` run on the GUI
  thread afterwards. Ops run strictly one after another, in submission order.
- An op may declare what it changed (`Changes`); after it succeeds the runner
  emits `changed(changes)`, initiated by the op's `parent`, and widgets refresh
  only what concerns them. Sync notices come the same way (`announce`).
- `key`: an op superseded by a newer op with the same key before it started
  is skipped (quotes recomputed on every keystroke never pile up), and only the
  newest op of a key delivers its result.
- `parent`: when that QObject has been deleted, callbacks are not called.
- A failure nobody handles goes to `runner.failed` (the window shows it).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What changed and who changed it: the one value every widget hears (Anki's `OpChanges`).

    Local ops and sync notices alike arrive as a `Changes` on `OpRunner.changed`. `initiator` is
    the object whose op made the change (the op's `parent`), or `SYNC` for what a sync cycle
    brought: a widget that made the change itself has refreshed already and skips it.
    """

    members: bool = False  # a member's profile or balance
    sales: bool = False  # sales or returns (day report)
    outbox: bool = False  # events waiting for HQ
    member_codes: frozenset[str] | None = None  # the members concerned, when known; None: any member
    initiator: object | None = field(default=None, compare=False)

    def concerns_member(self, member_code: str) -> bool:
        return self.members and (self.member_codes is None or member_code in self.member_codes)

    def by(self, initiator: object | None) -> Changes:
        return replace(self, initiator=initiator)


NOTHING = Changes()
SALE = Changes(members=True, sales=True, outbox=True)
MEMBER = Changes(members=True, outbox=True)
SYNC = "sync"  # the initiator of what a sync cycle changed


class Op:
    _ids = itertools.count(1)

    def __init__(
        self,
        fn: Callable[[], Any],
        *,
        changes: Changes | None = None,
        key: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        self.id = next(Op._ids)
        self.fn = fn
        self.changes = changes
        self.key = key
        self.parent = parent
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._finally: Callable[[], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def finally_(self, callback: Callable[[], None]) -> Op:
        self._finally = callback
        return self

    def run(self, runner: OpRunner) -> Op:
        runner.submit(self)
        return self


_STOP = object()


class OpRunner(QObject):
    """The one database worker thread, and the way results come back to the GUI thread."""

    changed = Signal(object)  # Changes: after a successful op that changed something, or a sync notice
    failed = Signal(object)  # an exception no failure callback took
    busy_changed = Signal(bool)
    _finished = Signal(object, bool, object)  # op, ok, value (worker thread -> GUI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue = queue.Queue()
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._outstanding = 0
        self._finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="pos-db", daemon=True)
        self._thread.start()

    # -- GUI thread ---------------------------------------------------------------------------

    def submit(self, op: Op) -> None:
        with self._lock:
            if op.key:
                self._latest[op.key] = op.id
            self._outstanding += 1
            first = self._outstanding == 1
        if first:
            self.busy_changed.emit(True)
        self._queue.put(op)

    def is_idle(self) -> bool:
        with self._lock:
            return self._outstanding == 0

    def shutdown(self, timeout: float = 10.0) -> None:
        """Lets every op already submitted finish (a confirm in flight completes), then stops."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout)

    def _is_current(self, op: Op) -> bool:
        with self._lock:
            return op.key is None or self._latest.get(op.key) == op.id

    def announce(self, changes: Changes) -> None:
        """GUI thread: changes made elsewhere (a sync cycle) reach widgets as an op's would."""
        if changes != NOTHING:
            self.changed.emit(changes)

    def _alive(self, op: Op) -> bool:
        return op.parent is None or shiboken6.isValid(op.parent)

    def _deliver(self, op: Op, ok: bool, value: Any) -> None:
        try:
            if value is not _SKIPPED and self._is_current(op) and self._alive(op):
                self._call_back(op, ok, value)
        except Exception:  # a callback bug must not kill the event loop
            log.exception("op callback failed")
        finally:
            self._finish(op)

    def _call_back(self, op: Op, ok: bool, value: Any) -> None:
        if not ok:
            (op._failure or self.failed.emit)(value)
            return
        if op._success is not None:
            op._success(value)
        if op.changes is not None:
            self.announce(op.changes.by(op.parent))

    def _finish(self, op: Op) -> None:
        if op._finally is not None and self._alive(op):
            try:
                op._finally()
            except Exception:
                log.exception("op finally callback failed")
        with self._lock:
            self._outstanding -= 1
            idle = self._outstanding == 0
        if idle:
            self.busy_changed.emit(False)

    # -- worker thread ------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            op = self._queue.get()
            if op is _STOP:
                return
            if not self._is_current(op):
                self._finished.emit(op, True, _SKIPPED)
                continue
            try:
                value, ok = op.fn(), True
            except BaseException as exc:  # delivered to the GUI thread, never lost
                value, ok = exc, False
            self._finished.emit(op, ok, value)


_SKIPPED = object()
