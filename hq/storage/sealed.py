"""Secrets HQ keeps in its database, sealed with a key that is not in the database.

HQ's coupon signing key is the one secret that lets its holder mint money: a coupon signed with it is
accepted at every till. A database dump or backup must not carry it readable, so the column holds it
sealed (AES-256-GCM) with a key-encryption key kept in a file beside HQ, not in the database:
`POS_HQ_SECRETS_KEY_FILE`, or `secrets.key` in HQ's data folder. The file is made on first use, readable
by HQ's user only. Back it up apart from the database: without it HQ cannot sign with the stored key.

A value written before sealing existed (plain base64url) still opens, and `is_sealed` tells the caller
to write it back sealed.
"""

from __future__ import annotations

import base64
import functools
import os
import secrets
from pathlib import Path

import platformdirs
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from loyalty_core.errors import DomainError

PREFIX = "sealed1:"
ENV = "POS_HQ_SECRETS_KEY_FILE"
_NONCE = 12


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Sealer:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("a sealing key is 32 bytes")
        self._aead = AESGCM(key)

    def seal(self, secret: bytes, purpose: str) -> str:
        """`purpose` is bound into the seal: a value sealed for one column does not open as another's."""
        nonce = secrets.token_bytes(_NONCE)
        return PREFIX + _b64(nonce + self._aead.encrypt(nonce, secret, purpose.encode()))

    def open(self, stored: str, purpose: str) -> bytes:
        if not is_sealed(stored):
            return _unb64(stored)  # written before sealing existed; the caller seals it again
        raw = _unb64(stored.removeprefix(PREFIX))
        try:
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], purpose.encode())
        except InvalidTag:
            raise DomainError("sealed_elsewhere", "This secret was sealed with another secrets key file") from None


def is_sealed(stored: str) -> bool:
    return stored.startswith(PREFIX)


def key_file() -> Path:
    configured = os.environ.get(ENV)
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir("pos-hq", appauthor=False)) / "secrets.key"


@functools.cache
def default_sealer() -> Sealer:
    """The process's sealer, from the key file (made on first use); read once per process."""
    return Sealer(load_or_create(key_file()))


def load_or_create(path: Path) -> bytes:
    try:
        return _unb64(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written whole under another name, then linked into place: a second HQ process starting at the same
    # moment either wins the link or reads the winner's complete file, never a half-written one.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(_b64(secrets.token_bytes(32)) + "\n")
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return _unb64(path.read_text(encoding="ascii").strip())
