"""Ed25519 signatures for member cards and coupons, checked offline."""

import base64
import binascii
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


_B64URL = re.compile(r"^[A-Za-z0-9_-]*$")


def unb64(text: str) -> bytes:
    """Strict: only the canonical unpadded form decodes, so no two texts mean the same bytes."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


class Signer:
    """Holds one private key; `key_id` tells verifiers which public key to use."""

    def __init__(self, key_id: str, private_key: bytes) -> None:
        self.key_id = key_id
        self._key = Ed25519PrivateKey.from_private_bytes(private_key)

    @staticmethod
    def generate(key_id: str) -> "Signer":
        signer = Signer.__new__(Signer)
        signer.key_id, signer._key = key_id, Ed25519PrivateKey.generate()
        return signer

    def private_bytes(self) -> bytes:
        return self._key.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )

    def public_bytes(self) -> bytes:
        return self._key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    def sign(self, message: bytes) -> str:
        return b64(self._key.sign(message))


class KeyRing:
    """Public keys the till trusts: HQ's and each registered store's.

    HQ's own keys are marked (only they sign coupons other than the birthday coupon). A key HQ revoked
    (its terminal was revoked or rotated) still verifies, so a caller can tell a card signed before the
    revocation ("needs reissue") from a forgery; `revoked_at` says when.
    """

    def __init__(self, public_keys: dict[str, bytes] | None = None) -> None:
        self._keys = {k: Ed25519PublicKey.from_public_bytes(v) for k, v in (public_keys or {}).items()}
        self._hq: set[str] = set()
        self._revoked: dict[str, str] = {}  # key id -> ISO time HQ revoked it

    def add(self, key_id: str, public_key: bytes, *, hq: bool = False) -> None:
        self._keys[key_id] = Ed25519PublicKey.from_public_bytes(public_key)
        if hq:
            self._hq.add(key_id)

    def revoke(self, key_id: str, at: str) -> None:
        self._revoked[key_id] = at

    def is_hq(self, key_id: str) -> bool:
        return key_id in self._hq

    def revoked_at(self, key_id: str) -> str | None:
        return self._revoked.get(key_id)

    def __contains__(self, key_id: str) -> bool:
        return key_id in self._keys

    def verify(self, key_id: str, message: bytes, signature: str) -> bool:
        key = self._keys.get(key_id)
        if key is None:
            return False
        try:
            key.verify(unb64(signature), message)
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True
