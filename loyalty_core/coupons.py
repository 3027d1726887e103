"""Coupons: signed offline, used once.

A coupon code is `CPN1.<payload>.<signature>`: base64url JSON signed with
Ed25519 by HQ (or a store key HQ registered). The till checks the signature
offline; that a coupon is used once chain-wide is HQ's job, once per till ours.
"""

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from . import signing
from .errors import DomainError
from .money import percent_of

PREFIX = "CPN1"
AMOUNT = "amount"
PERCENT = "percent"
BIRTHDAY_PREFIX = "BDAY-"  # BDAY-<member code>-<year>: the one coupon a till signs itself


@dataclass(frozen=True)
class Coupon:
    coupon_id: str
    kind: str  # AMOUNT (value = cents off) or PERCENT (value = basis points off)
    value: int
    min_spend_cents: int = 0
    valid_until: dt.date | None = None
    member_code: str | None = None  # None: anyone may use it
    key_id: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {
            "id": self.coupon_id,
            "kind": self.kind,
            "value": self.value,
            "min": self.min_spend_cents,
            "until": self.valid_until.isoformat() if self.valid_until else None,
            "member": self.member_code,
        }

    def discount_cents(self, amount_cents: int) -> int:
        off = self.value if self.kind == AMOUNT else percent_of(amount_cents, self.value)
        return min(off, amount_cents)


def issue(coupon: Coupon, signer: signing.Signer) -> str:
    body = signing.b64(json.dumps(coupon.to_payload(), separators=(",", ":"), sort_keys=True).encode())
    message = f"{PREFIX}.{signer.key_id}.{body}"
    return f"{message}.{signer.sign(message.encode())}"


def parse(code: str, keys: signing.KeyRing) -> Coupon:
    """Checks the signature and shape; refuses anything forged or altered."""
    text = str(code).strip()
    parts = text.split(".")
    if len(text) > 600 or len(parts) != 4 or parts[0] != PREFIX:
        raise DomainError("invalid_coupon", "Not a coupon code")
    key_id, body, signature = parts[1], parts[2], parts[3]
    if not keys.verify(key_id, ".".join(parts[:3]).encode(), signature):
        raise DomainError("forged_coupon", "The coupon's signature is not valid")
    try:
        d = json.loads(signing.unb64(body))
        until = d.get("until")
        coupon = Coupon(
            coupon_id=str(d["id"]),
            kind=d["kind"],
            value=int(d["value"]),
            min_spend_cents=int(d.get("min", 0)),
            valid_until=dt.date.fromisoformat(until) if until else None,
            member_code=d.get("member"),
            key_id=key_id,
        )
    except (ValueError, KeyError, TypeError):
        raise DomainError("invalid_coupon", "Not a coupon code") from None
    if coupon.kind not in (AMOUNT, PERCENT) or coupon.value <= 0:
        raise DomainError("invalid_coupon", "Not a coupon code")
    if keys.revoked_at(key_id) is not None:
        raise DomainError("revoked_coupon", "This coupon was signed by a key HQ revoked")
    if not keys.is_hq(key_id) and not is_birthday_coupon(coupon):
        raise DomainError("coupon_not_hq_signed", "Only HQ issues this kind of coupon")
    return coupon


def is_birthday_coupon(coupon: Coupon) -> bool:
    """A store key may sign only a member's own birthday coupon (BDAY-<member>-<year>)."""
    if not coupon.member_code or not coupon.coupon_id.startswith(BIRTHDAY_PREFIX):
        return False
    member, _, year = coupon.coupon_id[len(BIRTHDAY_PREFIX):].rpartition("-")
    return member == coupon.member_code and year.isdigit() and len(year) == 4


def check_usable(coupon: Coupon, member_code: str, amount_cents: int, day: dt.date) -> None:
    if coupon.valid_until and day > coupon.valid_until:
        raise DomainError(
            "coupon_expired", f"The coupon expired on {coupon.valid_until}", until=str(coupon.valid_until)
        )
    if coupon.member_code and coupon.member_code != member_code:
        raise DomainError("coupon_wrong_member", "This coupon belongs to another member")
    if amount_cents < coupon.min_spend_cents:
        raise DomainError(
            "coupon_min_spend", "The sale does not reach the coupon's minimum spend", min_cents=coupon.min_spend_cents
        )
