"""What a till may hold about a member it did not enroll (or that HQ already has): the minimum.

A till needs, offline, to find a member by phone, show enough to confirm who is at the counter,
and price a sale. So it keeps, instead of the profile:

- `phone_hash`: HMAC-SHA256 of the normalized phone under the chain's look-up key (HQ hands the
  key to a till at provisioning; the till keeps it in an owner-only file, never in its database).
  A stolen database alone cannot be turned back into phone numbers by trying all of them.
- `phone_masked`, `name_masked`: enough for the cashier to confirm, not to read out.
- `birth_month`: the birthday-month promotion needs the month, not the date.
- tier, consent flags, status, merges (and the ledger, which carries no personal data).

HQ builds these rows (`till_member`) for its snapshot and feed; the till hashes what is typed
(`lookup_hash`) to find them.
"""

import hashlib
import hmac
import secrets
from typing import Any

from . import phones

KEY_BYTES = 32
HASH_HEX = 32  # 128 bits of the HMAC: no collisions among a chain's members, half the index size


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def normalized_phone(raw: str, region: str = phones.DEFAULT_REGION) -> str:
    """The one place a typed phone is normalized for hashing: E.164, read in the store's country."""
    return phones.normalize(raw, region)


def phone_hash(key: bytes, phone: str) -> str:
    """Keyed hash of an already normalized phone."""
    return hmac.new(key, phone.encode("utf-8"), hashlib.sha256).hexdigest()[:HASH_HEX]


def lookup_hash(key: bytes, raw: str, region: str = phones.DEFAULT_REGION) -> str:
    """What a till looks up for a phone as typed, in any format normalize accepts."""
    return phone_hash(key, normalized_phone(raw, region))


def mask_name(name: str) -> str:
    """'王小明' -> '王*明', 'Alice Chen' -> 'A**** C***': enough to confirm, not to read out."""
    if not name:
        return ""
    words = name.split()
    if len(words) > 1:
        return " ".join(w[0] + "*" * (len(w) - 1) for w in words)
    if len(name) <= 2:
        return name[0] + "*" * (len(name) - 1)
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """'+886912345678' -> '0912***678' (the national form, last three digits, as a receipt prints them)."""
    if "*" in phone:  # already masked: a till's copy of another store's member
        return phone
    digits = phones.national_digits(phone)
    return digits[:-6] + "***" + digits[-3:] if len(digits) > 6 else "***"


def till_member(member: dict[str, Any], key: bytes) -> dict[str, Any]:
    """A `Member.to_dict` -> the row every till gets: no phone, no name, no birth date."""
    birthday = member.get("birthday")
    phone = member.get("phone") or ""
    return {
        "member_code": member["member_code"],
        "phone_hash": phone_hash(key, phone) if phone else None,
        "phone_masked": mask_phone(phone) if phone else "",
        "name_masked": mask_name(member.get("name") or ""),
        "birth_month": int(str(birthday)[5:7]) if birthday else None,
        "consent_terms": member.get("consent_terms", True),
        "consent_marketing": member.get("consent_marketing", False),
        "tier": member.get("tier"),
        "enrolled_at": member["enrolled_at"],
        "home_store": member.get("home_store", ""),
        "referrer_code": member.get("referrer_code"),
        "status": member.get("status", "active"),
        "merged_into": member.get("merged_into"),
    }



def mask_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Profile fields (an edit's before / after) as a till may keep them in its audit trail."""
    out = dict(fields)
    if isinstance(out.get("name"), str):
        out["name"] = mask_name(out["name"])
    if isinstance(out.get("phone"), str):
        out["phone"] = mask_phone(out["phone"])
    if "birthday" in out:
        out["birthday"] = str(out["birthday"])[5:7] if out["birthday"] else None  # the month only
    return out
