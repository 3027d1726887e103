"""Core events onto the GUI thread (in the style of Electrum's Qt event mixin).

The core (the sync engine) fires plain callbacks on its own thread. `CoreBridge.fire(name, payload)`
is safe from any thread: it records the payload, marks the bridge dirty and, once per
`interval_ms`, re-emits what arrived as Qt signals on the GUI thread. A 10,000-event sync that
reports after every batch becomes a handful of GUI refreshes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

STATUS = "status"
CHANGES = "changes"


class CoreBridge(QObject):
    status_changed = Signal(object)  # the latest sync status dict
    remote_changes = Signal(object)  # list of change notices since the last flush
    event = Signal(str, object)  # any other named event: (name, latest payload)
    _poke = Signal()

    def __init__(self, interval_ms: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: dict[str, object] = {}
        self._changes: list = []
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._flush)
        self._poke.connect(self._schedule)
        self._unsubscribe: list[Callable[[], None]] = []

    def fire(self, name: str, payload: object = None) -> None:
        """Any thread. Cheap: no Qt work beyond one queued signal per flush."""
        with self._lock:
            if name == CHANGES:
                self._changes.append(payload)
            else:
                self._latest[name] = payload
            was_dirty, self._dirty = self._dirty, True
        if not was_dirty:
            self._poke.emit()

    def attach_sync(self, engine) -> None:
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
            latest, self._latest = self._latest, {}
            changes, self._changes = self._changes, []
            self._dirty = False
        for name, payload in latest.items():
            if name == STATUS:
                self.status_changed.emit(payload)
            else:
                self.event.emit(name, payload)
        if changes:
            self.remote_changes.emit(changes)
