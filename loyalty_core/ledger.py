"""The points ledger: immutable entries, earning lots, oldest-expiry-first use.

A balance is the sum of the entries. Positive entries open lots that expire;
negative entries use lots up, the one expiring first first. What cannot be
covered becomes debt, which the next earnings pay off before opening a lot.
Expiry is an entry of its own (written by HQ only), never an edit.
"""

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

EARN = "earn"
SIGNUP = "signup"
REFERRAL = "referral"
BONUS = "bonus"
REDEEM = "redeem"
RETURN_EARN = "return_earn"  # points a return takes back (negative)
RETURN_REDEEM = "return_redeem"  # redeemed points a return gives back (positive)
ADJUST = "adjust"
EXPIRE = "expire"
MERGE_IN = "merge_in"
KINDS = {EARN, SIGNUP, REFERRAL, BONUS, REDEEM, RETURN_EARN, RETURN_REDEEM, ADJUST, EXPIRE, MERGE_IN}


@dataclass(frozen=True)
class Entry:
    entry_id: str
    member_code: str
    kind: str
    points: int
    on: dt.date  # business date the entry was made
    expires_on: dt.date | None = None  # for positive entries: when its lot expires

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "member_code": self.member_code,
            "kind": self.kind,
            "points": self.points,
            "on": self.on.isoformat(),
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Entry":
        expires = d.get("expires_on")
        return Entry(
            entry_id=str(d["entry_id"]),
            member_code=str(d["member_code"]),
            kind=str(d["kind"]),
            points=int(d["points"]),
            on=dt.date.fromisoformat(d["on"]),
            expires_on=dt.date.fromisoformat(expires) if expires else None,
        )


@dataclass
class Lot:
    expires_on: dt.date
    points: int  # as earned
    remaining: int


@dataclass(frozen=True)
class Wallet:
    lots: tuple[Lot, ...]  # open lots, oldest expiry first
    debt: int  # points owed, recovered from the next earnings

    @property
    def balance(self) -> int:
        return sum(lot.remaining for lot in self.lots) - self.debt

    def expiring_by(self, day: dt.date) -> int:
        return sum(lot.remaining for lot in self.lots if lot.expires_on <= day)

    def due_to_expire(self, today: dt.date) -> list[Lot]:
        """Lots whose last valid day has passed and still hold points."""
        return [lot for lot in self.lots if lot.expires_on < today and lot.remaining > 0]


def lot_expiry(earned_on: dt.date, months: int = 12) -> dt.date:
    """End of the `months`-th month after the month the points were earned."""
    month_index = earned_on.year * 12 + earned_on.month - 1 + months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def wallet(entries: list[Entry]) -> Wallet:
    """Replay entries (in ledger order) into open lots and debt."""
    lots: list[Lot] = []
    debt = 0
    for e in entries:
        if e.points > 0:
            paid_off = min(debt, e.points)
            debt -= paid_off
            if e.points - paid_off:
                expires = e.expires_on or dt.date.max
                lots.append(Lot(expires, e.points, e.points - paid_off))
                lots.sort(key=lambda lot: lot.expires_on)
        elif e.points < 0:
            debt += _consume(lots, -e.points, e.expires_on if e.kind == EXPIRE else None)
        lots = [lot for lot in lots if lot.remaining > 0]
    return Wallet(tuple(lots), debt)


def _consume(lots: list[Lot], points: int, only_expiring: dt.date | None) -> int:
    """Take points from lots oldest-expiry first; returns what could not be covered."""
    for lot in lots:
        if points == 0:
            break
        if only_expiring is not None and lot.expires_on != only_expiring:
            continue
        taken = min(lot.remaining, points)
        lot.remaining -= taken
        points -= taken
    return points


def balance(entries: list[Entry]) -> int:
    return sum(e.points for e in entries)
