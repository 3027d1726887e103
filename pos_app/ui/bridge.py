"""Core events onto the GUI thread (in the style of Electrum's Qt event mixin).

The core (the sync engine) fires plain callbacks on its own thread. `CoreBridge.fire(name, payload)`
is safe from any thread: it records the payload, marks the bridge dirty and, once per
`interval_ms`, re-emits what arrived as typed Qt signals on the GUI thread: the latest
`SyncStatus`, and the sync notices since the last flush merged into one `Changes` (initiator
`SYNC`), which the shell hands to the op runner's one change channel. A 10,000-event sync that
reports after every batch becomes a handful of GUI refreshes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from ..services import SyncNotice, SyncStatus
from .ops import SYNC, Changes

STATUS = "status"
CHANGES = "changes"


class SyncSource(Protocol):
    """What the bridge needs of a sync engine (pos_app.sync.engine.SyncEngine)."""

    def add_listener(self, callback: Callable[[dict[str, Any]], None]) -> Callable[[], None]: ...

    def add_change_listener(self, callback: Callable[[dict[str, Any]], None]) -> Callable[[], None]: ...


def changes_of(notices: list[SyncNotice]) -> Changes:
    """What a batch of sync notices changed, for the widgets: the members the feed named, or any
    member when none was named (a push, a refusal or a reconciliation may touch any balance)."""
    codes = frozenset().union(*(notice.members for notice in notices))
    return Changes(members=True, outbox=True, member_codes=codes or None, initiator=SYNC)


class CoreBridge(QObject):
    status_changed = Signal(object)  # SyncStatus: the latest
    changed = Signal(object)  # Changes: the sync notices since the last flush, as one value
    _poke = Signal()

    def __init__(self, interval_ms: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._status: SyncStatus | None = None
        self._notices: list[SyncNotice] = []
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._poke.connect(self._schedule)
        self._unsubscribe: list[Callable[[], None]] = []

    def fire(self, name: str, payload: dict[str, Any] | None = None) -> None:
        """Any thread. Cheap: no Qt work beyond one queued signal per flush."""
        with self._lock:
            if name == CHANGES:
                self._notices.append(SyncNotice.from_dict(payload))
            elif name == STATUS:
                self._status = SyncStatus.from_dict(payload or {})
            was_dirty, self._dirty = self._dirty, True
        if not was_dirty:
            self._poke.emit()

    def attach_sync(self, engine: SyncSource) -> None:
        """Subscribe to a pos_app.sync engine's plain callbacks."""
        self._unsubscribe.append(engine.add_listener(lambda status: self.fire(STATUS, status)))
        self._unsubscribe.append(engine.add_change_listener(lambda what: self.fire(CHANGES, what)))

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        with self._lock:
            status, self._status = self._status, None
            notices, self._notices = self._notices, []
            self._dirty = False
        if status is not None:
            self.status_changed.emit(status)
        if notices:
            self.changed.emit(changes_of(notices))
