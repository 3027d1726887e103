"""The member QR payload, checked offline.

Static card:   LOY1.<member_code>.<key_id>.<signature>
Dynamic code:  LOY2.<member_code>.<minute>.<key_id>.<signature>
               (from a member app: valid for a few minutes, so a screenshot
               cannot be reused later)

The signature covers everything before it, so changing any character of the
member code, the minute or the key id makes the payload invalid.
"""

import datetime as dt
import re
from dataclasses import dataclass

from . import signing
from .errors import DomainError

STATIC = "LOY1"
DYNAMIC = "LOY2"
DYNAMIC_WINDOW_MINUTES = 5
_MEMBER_CODE = re.compile(r"^M[0-9A-Z]{10}$")
_MAX_LEN = 200


@dataclass(frozen=True)
class ScannedMember:
    member_code: str
    key_id: str
    dynamic: bool


def is_member_code(text: str) -> bool:
    return bool(isinstance(text, str) and _MEMBER_CODE.fullmatch(text))


def looks_like_qr(text: str) -> bool:
    return str(text).strip().startswith(("LOY1.", "LOY2."))


def static_payload(member_code: str, signer: signing.Signer) -> str:
    message = f"{STATIC}.{member_code}.{signer.key_id}"
    return f"{message}.{signer.sign(message.encode())}"


def dynamic_payload(member_code: str, signer: signing.Signer, now: dt.datetime) -> str:
    minute = int(now.timestamp() // 60)
    message = f"{DYNAMIC}.{member_code}.{minute}.{signer.key_id}"
    return f"{message}.{signer.sign(message.encode())}"


def parse(text: str, keys: signing.KeyRing, now: dt.datetime) -> ScannedMember:
    """Refuses anything that is not a payload we (or HQ) signed."""
    raw = str(text).strip()
    if len(raw) > _MAX_LEN or not looks_like_qr(raw):
        raise DomainError("invalid_qr", "This code is not a member card")
    parts = raw.split(".")
    dynamic = parts[0] == DYNAMIC
    if len(parts) != (5 if dynamic else 4) or not is_member_code(parts[1]):
        raise DomainError("invalid_qr", "This code is not a member card")
    key_id, signature = parts[-2], parts[-1]
    if not keys.verify(key_id, ".".join(parts[:-1]).encode(), signature):
        raise DomainError("forged_qr", "This member card's signature is not valid")
    revoked = keys.revoked_at(key_id)
    if revoked is not None:  # the caller decides: a card from before the revocation, or a forgery
        raise DomainError("revoked_card", "This card was signed by a key HQ revoked", member_code=parts[1],
                          key_id=key_id, revoked_at=revoked)  # fmt: skip
    if dynamic:
        _check_window(parts[2], now)
    return ScannedMember(parts[1], key_id, dynamic)


def _check_window(minute_text: str, now: dt.datetime) -> None:
    try:
        minute = int(minute_text)
    except ValueError:
        raise DomainError("invalid_qr", "This code is not a member card") from None
    if abs(now.timestamp() // 60 - minute) > DYNAMIC_WINDOW_MINUTES:
        raise DomainError("expired_qr", "This member code has expired; ask the member to refresh it")
