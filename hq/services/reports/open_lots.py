"""A member's open point lots by expiry date, for the member page, without holding the whole ledger.

`loyalty_core.ledger.wallet` replays a list of entries and re-sorts and re-filters every open lot at each entry:
fine for a till's members, quadratic for a member with 169,274 entries (one lot per earning). This is the same
replay (oldest expiry first; an `expire` entry takes only from lots of its own date; a shortfall is debt that the
next earnings pay off) over the ledger streamed in ledger order, with the open lots kept per expiry date, so each
entry costs the number of distinct expiry dates (one a month). The page shows lots summed per expiry date.
tests/hq/test_member_ledger_pages.py checks it against `wallet` on random ledgers.
"""

import bisect
import datetime as dt
from collections import deque
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import ledger
from loyalty_core.ledger import EXPIRE

NEVER = dt.date.max


class Lots:
    def __init__(self) -> None:
        self.open: dict[dt.date, deque[list[int]]] = {}  # expiry -> [[points, remaining], ...] in earning order
        self.dates: list[dt.date] = []  # the keys of `open`, sorted
        self.debt = 0

    def add(self, kind: str, points: int, expires_on: dt.date | None) -> None:
        if points > 0:
            paid_off = min(self.debt, points)
            self.debt -= paid_off
            if points - paid_off:
                self._lot(expires_on or NEVER).append([points, points - paid_off])
        elif points < 0:
            only = expires_on if kind == EXPIRE else None
            self.debt += self._consume(-points, only)

    def _lot(self, expires: dt.date) -> deque[list[int]]:
        if expires not in self.open:
            self.open[expires] = deque()
            bisect.insort(self.dates, expires)
        return self.open[expires]

    def _consume(self, points: int, only: dt.date | None) -> int:
        for expires in [only] if only is not None else list(self.dates):
            lots = self.open.get(expires)
            while lots and points:
                taken = min(lots[0][1], points)
                lots[0][1] -= taken
                points -= taken
                if lots[0][1] == 0:
                    lots.popleft()
            if lots is not None and not lots:
                del self.open[expires]
                self.dates.remove(expires)
            if points == 0:
                break
        return points

    def by_expiry(self) -> list[dict]:
        """[{"expires_on": ISO date | None (never), "points", "remaining"}], oldest expiry first."""
        return [{"expires_on": None if d == NEVER else d.isoformat(), "points": sum(lot[0] for lot in self.open[d]),
                 "remaining": sum(lot[1] for lot in self.open[d])} for d in self.dates]  # fmt: skip


def replay(entries: Iterable[tuple[str, int, dt.date | None]]) -> Lots:
    lots = Lots()
    for kind, points, expires_on in entries:
        lots.add(kind, points, expires_on)
    return lots


def of_member(conn: Connection, code: str) -> Lots:
    """Streams the member's (kind, points, expires_on) in ledger order from ix_ledger_member_order."""
    c = ledger.c
    query = sa.select(c.kind, c.points, c.expires_on).where(c.member_code == code).order_by(c.id)
    rows = conn.execute(query.execution_options(yield_per=5000))
    return replay((r.kind, int(r.points), _day(r.expires_on)) for r in rows)


def _day(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))
