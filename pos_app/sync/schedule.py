"""When the sync engine tries again, and who it tells: plain parts of `SyncEngine`, no I/O.

`SyncTiming`: the poll after a success, a capped exponential backoff with jitter after a failure
(so a hundred tills coming back at once do not stampede HQ), the nightly reconciliation's hour and
how long without an answer counts as offline. `Listeners`: callbacks run on the engine's thread;
one that fails is logged and never stops the others or the engine.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass
class SyncTiming:
    poll_interval: float = 15.0  # seconds between cycles while HQ answers
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    reconcile_hour: int | None = 3  # the till's local hour after which the day's reconciliation runs
    offline_after: float = 900.0  # seconds since the last success after which the till is offline
    rng: random.Random = field(default_factory=random.Random)
    clock: Callable[[], float] = time.monotonic  # for sleeping only: never a date

    def backoff(self, failures: int) -> float:
        """Capped exponential backoff with jitter: between half and all of min(cap, base * 2^(n-1))."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2 ** max(0, failures - 1))
        return ceiling * (0.5 + 0.5 * self.rng.random())

    def next_poll(self) -> float:
        """The clock reading of the next cycle after a success (±10 %: tills drift apart)."""
        return self.clock() + self.poll_interval * (0.9 + 0.2 * self.rng.random())


class Listeners(Generic[T]):
    def __init__(self, what: str) -> None:
        self.what = what  # for the log: "status", "change"
        self._callbacks: list[Callable[[T], None]] = []

    def __bool__(self) -> bool:
        return bool(self._callbacks)

    def add(self, callback: Callable[[T], None]) -> Callable[[], None]:
        """Returns the function that unsubscribes it."""
        self._callbacks.append(callback)
        return lambda: self._callbacks.remove(callback) if callback in self._callbacks else None

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            try:
                callback(value)
            except Exception:
                log.exception("a sync %s listener failed", self.what)
