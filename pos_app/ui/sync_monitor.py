"""Keeps the sync status current: from the sync engine (through the bridge) or the local outbox."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..services import SyncStatus
from .bridge import CoreBridge
from .ops import SYNC, Changes, Op
from .session import Session


class SyncMonitor(QObject):
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, session: Session, bridge: CoreBridge, poll_ms: int = 10_000) -> None:
        super().__init__(session)
        self.session = session
        self.bridge = bridge
        self.status = SyncStatus()
        self.engine: Any = None  # pos_app.sync.engine.SyncEngine, when HQ is configured
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(150)
        self._soon.timeout.connect(self.refresh)
        bridge.status_changed.connect(self._from_engine)
        session.runner.changed.connect(self._on_changes)

    def start(self) -> None:
        """Called once the services exist."""
        self.engine = getattr(self.session.services, "sync", None)
        if self.engine is not None:
            self.bridge.attach_sync(self.engine)
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()  # a refresh asked for just before closing must not run on a stopped worker
        self.bridge.detach()

    def refresh(self) -> None:
        if not self.session.ready:
            return
        engine, pos = self.engine, self.session.pos

        def read() -> SyncStatus:
            if engine is not None:
                return SyncStatus.from_dict(engine.status())
            return SyncStatus.from_dict({"configured": False, **pos.outbox_status()})

        self.session.run(Op(read, key="sync-status", parent=self).success(self._from_engine).failure(lambda _e: None))

    def sync_now(self) -> None:
        if self.engine is not None:
            self.engine.sync_now()  # only wakes the engine's thread
        self._soon.start()

    def _on_changes(self, changes: Changes) -> None:
        if changes.initiator == SYNC:
            self.refresh()  # what the cycle changed, counted now
        elif changes.outbox:
            self._soon.start()

    def _from_engine(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(self.status)
