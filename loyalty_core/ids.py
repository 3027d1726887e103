"""Identifiers made on the till, without asking anyone."""

import os
import re
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


# What receipt_no makes: store and terminal ids as HQ issues them (hq.services.admin.check_id), then the running
# number, at least six digits (zero-padded) and at most twelve (a till never sells a trillion times).
_ID = r"[A-Za-z0-9][A-Za-z0-9_\-]{0,39}"
_NUMBER = r"[0-9]{6,12}"
_RECEIPT = re.compile(rf"R-{_ID}-{_ID}-{_NUMBER}", re.ASCII)
_NUMBER_ONLY = re.compile(_NUMBER, re.ASCII)


def is_receipt_no(value: object, store_id: str | None = None, terminal_id: str | None = None) -> bool:
    """A receipt number in the form receipt_no makes (of that store's terminal, when they are given)."""
    if not isinstance(value, str):
        return False
    if store_id is None or terminal_id is None:
        return _RECEIPT.fullmatch(value) is not None
    prefix = f"R-{store_id}-{terminal_id}-"
    return value.startswith(prefix) and _NUMBER_ONLY.fullmatch(value[len(prefix):]) is not None


# -- ledger entry ids -------------------------------------------------------------------------
# HQ never stores an entry id a till wrote: it derives each one from the pushing terminal, the
# event id and the entry's kind (an event carries at most one entry of each kind). The till names
# its own entries the same way, so it recognises them when they come back through the feed. Every
# id HQ makes for itself starts with "hq:", which no derived id can (they start with "t:").


TILL_ENTRY_PREFIX = "t:"


def till_entry_id(store_id: str, terminal_id: str, event_id: str, kind: str) -> str:
    return f"{TILL_ENTRY_PREFIX}{store_id}:{terminal_id}:{event_id}:{kind}"


def hq_entry_id(*parts: str) -> str:
    return "hq:" + ":".join(parts)


def referral_entry_id(referee_code: str) -> str:
    """One referral bonus per referee, ever: the id is the referee's, whoever books it."""
    return hq_entry_id("referral", referee_code)
