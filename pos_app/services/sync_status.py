"""What the sync engine tells the till's widgets, as typed values (no Qt here).

`SyncStatus` is the engine's `status()` (or, with no HQ configured, the outbox's counts) in the one
shape the status bar, the banner and the screens read. `SyncNotice` is one "a cycle changed
something" callback: which members HQ's feed touched, if any.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SyncStatus:
    configured: bool = False  # an HQ address is set
    online: bool | None = None  # None: not tried yet
    offline: bool = False
    pending: int = 0
    rejected: int = 0
    last_success: str | None = None
    last_error: str | None = None
    oldest_pending_at: str | None = None

    @property
    def looks_offline(self) -> bool:
        """HQ is configured and has not answered: sales go on and are sent later."""
        return self.configured and (self.offline or self.online is False)

    @staticmethod
    def from_dict(d: Mapping[str, Any]) -> SyncStatus:
        """From `SyncEngine.status()`, or from `PosService.outbox_status()` when there is no engine."""
        configured = bool(d.get("configured", False))
        return SyncStatus(
            configured=configured,
            online=d.get("online"),
            offline=bool(d.get("offline", False)) if configured else False,
            pending=int(d.get("pending", 0) or 0),
            rejected=int(d.get("rejected", 0) or 0),
            last_success=d.get("last_success"),
            last_error=d.get("last_error"),
            oldest_pending_at=d.get("oldest_pending_at"),
        )


@dataclass(frozen=True)
class SyncNotice:
    """A cycle changed something. `members`: the members HQ's feed touched; empty when the cycle
    only pushed, reconciled or was refused (then any member on screen may be stale)."""

    members: frozenset[str] = frozenset()

    @staticmethod
    def from_dict(d: Mapping[str, Any] | None) -> SyncNotice:
        return SyncNotice(frozenset((d or {}).get("members") or ()))
