"""A guard against a PySide6 (6.12) reference-count bug on CPython 3.11.

PySide6 returns None and True/False from many calls without taking a reference
(`label.setText(...)`, `button.click()`, `signal.emit(...)` ...), as if they were
immortal objects, which they are only from Python 3.12 on. Every such call drops
one reference; after some thousands CPython frees None or True itself and aborts
("none_dealloc" / "bool_dealloc"). A till runs all day, so this would kill it.

`install()` detects the bug once and, only if present, pins those singletons with
a reference count so large that no number of lost references can reach zero —
what Python 3.12 does for them anyway. Nothing is changed when the bug is absent.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PIN = 1 << 52
_SINGLETONS = (None, True, False)
_installed = False


class _Probe(QObject):
    ping = Signal(object)


def refs_leak() -> bool:
    probe = _Probe()
    probe.ping.connect(lambda _value: None)
    before = sum(sys.getrefcount(o) for o in _SINGLETONS)
    for _ in range(10):
        probe.ping.emit(0)
    return sum(sys.getrefcount(o) for o in _SINGLETONS) < before


def install() -> bool:
    """Returns True if the singletons are pinned (now or by an earlier call)."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not refs_leak():
        return False
    for obj in _SINGLETONS:
        ctypes.c_ssize_t.from_address(id(obj)).value += _PIN  # ob_refcnt is the first field
    _installed = True
    return True
