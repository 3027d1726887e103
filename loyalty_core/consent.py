"""Consent on record: every consent given or withdrawn, with the notice version it answered.

The till and HQ keep the same records. A record says what (`terms` or `marketing`), whether it was
given or withdrawn, which version of the published notice (RuleSet.privacy) the member saw, when,
where (store and terminal, or the online channel, or HQ) and who recorded it. Marketing uses only
the member's current consent; the history is what shows it was asked for properly.
"""

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from .rules import RuleSet

TERMS = "terms"
MARKETING = "marketing"
STORE, ONLINE, HQ = "store", "online", "hq"


@dataclass(frozen=True)
class Consent:
    member_code: str
    kind: str  # terms | marketing
    granted: bool
    notice_version: int | None  # None: the rules in force published no notice of that kind
    at: str  # ISO time as the recording side saw it
    channel: str  # store | online | hq
    place: str  # store/terminal, the channel's name, or "hq"
    recorded_by: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def at_enrollment(member_code: str, marketing: bool, rules: RuleSet, at: dt.datetime | str, channel: str,
                  place: str, recorded_by: str) -> list[Consent]:  # fmt: skip
    """Terms (always given: enrollment requires them) and marketing (given or declined)."""
    return [
        change(member_code, TERMS, True, rules, at, channel, place, recorded_by),
        change(member_code, MARKETING, bool(marketing), rules, at, channel, place, recorded_by),
    ]


def change(member_code: str, kind: str, granted: bool, rules: RuleSet, at: dt.datetime | str, channel: str,
           place: str, recorded_by: str) -> Consent:  # fmt: skip
    stamp = at.isoformat() if isinstance(at, dt.datetime) else str(at)
    return Consent(member_code, kind, bool(granted), rules.privacy.notice_version(kind), stamp, channel, place,
                   str(recorded_by or "unknown")[:40])  # fmt: skip
