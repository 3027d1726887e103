"""Keeps the sync status current: from the sync engine (through the bridge) or the local outbox."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from .bridge import CoreBridge
from .ops import Changes, Op
from .session import Session
from .widgets.sync_status import SyncStatus


class SyncMonitor(QObject):
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, session: Session, bridge: CoreBridge, poll_ms: int = 10_000) -> None:
        super().__init__(session)
        self.session = session
        self.bridge = bridge
        self.status = SyncStatus()
        self.engine = None
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
        self.bridge.detach()

    def refresh(self) -> None:
        if not self.session.ready:
            return
        engine, pos = self.engine, self.session.pos

        def read() -> dict:
            if engine is not None:
                return engine.status()
            return {"configured": False, **pos.outbox_status()}

        self.session.run(Op(read, key="sync-status", parent=self).success(self._from_engine).failure(lambda _e: None))

    def sync_now(self) -> None:
        if self.engine is not None:
            self.engine.sync_now()  # only wakes the engine's thread
        self._soon.start()

    def _on_changes(self, changes: Changes) -> None:
        if changes.outbox:
            self._soon.start()

    def _from_engine(self, raw: dict) -> None:
        self.status = SyncStatus.from_dict(raw)
        self.status_changed.emit(self.status)
