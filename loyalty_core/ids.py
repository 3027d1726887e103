"""Identifiers made on the till, without asking anyone."""

import os
import time
import uuid


def uuid7(now_ms: int | None = None) -> str:
    """A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits.

    Sorts by creation time, which keeps the outbox and HQ's unique index
    append-mostly.
    """
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    rand_a = rand >> 68 & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud safely


def member_code(random_bytes: bytes | None = None) -> str:
    """'M' + 10 characters from an unambiguous alphabet, unique without a server."""
    raw = int.from_bytes(random_bytes or os.urandom(7), "big")
    chars = []
    for _ in range(10):
        raw, digit = divmod(raw, len(_CODE_ALPHABET))
        chars.append(_CODE_ALPHABET[digit])
    return "M" + "".join(chars)


def receipt_no(store_id: str, terminal_id: str, seq: int) -> str:
    """Human readable and unique chain-wide: store, terminal, running number."""
    return f"R-{store_id}-{terminal_id}-{seq:06d}"
