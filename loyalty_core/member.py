"""A member as the till knows them."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from . import phones
from .errors import DomainError
from .validation import clean_name, parse_birthday

ACTIVE = "active"
MERGED = "merged"
STOPPED = "stopped"  # processing stopped at the member's request: no earning, no marketing
CLOSED = "closed"  # erased at the member's request: nothing personal left anywhere


@dataclass(frozen=True)
class Member:
    member_code: str
    phone: str
    name: str
    birthday: dt.date | None
    consent_terms: bool
    consent_marketing: bool
    tier_code: str
    enrolled_at: dt.datetime
    home_store: str
    referrer_code: str | None = None
    status: str = ACTIVE
    merged_into: str | None = None
    # A till's copy of a member HQ has (loyalty_core.personal_data): `phone` and `name` hold the
    # masked forms, `birthday` is None and only the month is known. Never part of an event body.
    birth_month: int | None = None
    reduced: bool = False

    @property
    def birthday_month(self) -> int | None:
        return self.birthday.month if self.birthday else self.birth_month

    def to_dict(self) -> dict[str, Any]:
        return {
            "member_code": self.member_code,
            "phone": self.phone,
            "name": self.name,
            "birthday": self.birthday.isoformat() if self.birthday else None,
            "consent_terms": self.consent_terms,
            "consent_marketing": self.consent_marketing,
            "tier": self.tier_code,
            "enrolled_at": self.enrolled_at.isoformat(),
            "home_store": self.home_store,
            "referrer_code": self.referrer_code,
            "status": self.status,
            "merged_into": self.merged_into,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Member":
        birthday = d.get("birthday")
        return Member(
            member_code=d["member_code"],
            phone=d["phone"],
            name=d["name"],
            birthday=dt.date.fromisoformat(birthday) if birthday else None,
            consent_terms=bool(d["consent_terms"]),
            consent_marketing=bool(d.get("consent_marketing", False)),
            tier_code=d.get("tier", "basic"),
            enrolled_at=dt.datetime.fromisoformat(d["enrolled_at"]),
            home_store=d.get("home_store", ""),
            referrer_code=d.get("referrer_code"),
            status=d.get("status", ACTIVE),
            merged_into=d.get("merged_into"),
        )


def new_member(
    *,
    member_code: str,
    phone: str,
    name: str,
    birthday: str | None,
    consent_terms: bool,
    consent_marketing: bool,
    tier_code: str,
    now: dt.datetime,
    home_store: str,
    referrer_code: str | None = None,
    region: str = phones.DEFAULT_REGION,
) -> Member:
    """Validates everything a person typed at enrollment (a phone without a country code is read
    in the store's country, `region`)."""
    if consent_terms is not True:  # a checkbox's True, not any truthy text
        raise DomainError("consent_required", "The member must accept the terms")
    return Member(
        member_code=member_code,
        phone=phones.normalize_mobile(phone, region),
        name=clean_name(name),
        birthday=parse_birthday(birthday, now.date()),
        consent_terms=True,
        consent_marketing=bool(consent_marketing),
        tier_code=tier_code,
        enrolled_at=now,
        home_store=home_store,
        referrer_code=referrer_code,
    )


def _flag(value: object) -> bool:
    """A JSON boolean only: bool("false") is True, so text would turn consent on."""
    if not isinstance(value, bool):
        raise DomainError("invalid_flag", "A yes/no field must be true or false", value=str(value)[:20])
    return value


def with_changes(
    member: Member, changes: dict[str, Any], today: dt.date, region: str = phones.DEFAULT_REGION
) -> tuple[Member, dict[str, Any]]:
    """Applies a profile edit; returns the member and the cleaned changes."""
    cleaners: dict[str, Callable[[Any], object]] = {
        "name": clean_name,
        "phone": lambda v: phones.normalize_mobile(v, region),
        "birthday": lambda v: parse_birthday(v, today),
        "consent_marketing": _flag,
    }
    unknown = set(changes) - set(cleaners)
    if unknown:
        raise DomainError("invalid_field", f"Cannot edit {sorted(unknown)}", fields=sorted(unknown))
    cleaned = {k: cleaners[k](v) for k, v in changes.items()}
    # Each cleaner returns its own field's type, which one dict of them cannot say.
    updated = replace(member, **cleaned)  # type: ignore[arg-type]
    return updated, {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in cleaned.items()}
