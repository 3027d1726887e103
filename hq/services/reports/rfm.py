"""RFM: recency, frequency and monetary quintile scores over the last 12 months, and the eight classic
segments. Reads the per-member-day purchase rollup, never the ledger. Only purchases are visits; a return
lowers monetary but is no visit (hq/services/reports/rollup.py counts `purchases` from positive spend rows)."""

import bisect
import datetime as dt
import itertools
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.schema import members, rollup_buyers

WINDOW_DAYS = 365
HIGH = 3  # a score of 3..5 of 5 counts as "high" for the segment
CHURN_LIST = 50

# (recency high, frequency high, monetary high) -> segment code
_SEGMENTS = {
    (True, True, True): "important_value",
    (False, True, True): "important_retain",
    (True, False, True): "important_develop",
    (False, False, True): "important_win_back",
    (True, True, False): "general_value",
    (False, True, False): "general_retain",
    (True, False, False): "general_develop",
    (False, False, False): "general_win_back",
}
SEGMENTS = tuple(_SEGMENTS.values())
CHURN_RISK = ("important_retain", "important_win_back")  # high value, long gone


class Scored(NamedTuple):  # a tuple: a million of them build in a fraction of a frozen dataclass's time
    member_code: str
    recency_days: int
    frequency: int
    spend_cents: int
    r: int
    f: int
    m: int

    @property
    def segment(self) -> str:
        return _SEGMENTS[(self.r >= HIGH, self.f >= HIGH, self.m >= HIGH)]


def quintile(sorted_values: list[int], value: int) -> int:
    """1..5 by the middle of the value's rank range, so equal values share a score and a value most members
    share (one purchase) lands in the middle rather than at the top: score = 1 + floor(5 * midrank / n)."""
    left = bisect.bisect_left(sorted_values, value)
    count = bisect.bisect_right(sorted_values, value) - left
    return min(5, 1 + 5 * (2 * left + count) // (2 * len(sorted_values)))


def score(conn: Connection, at: dt.date, store: str | None = None) -> list[Scored]:
    """Every member who bought in the 12 months up to `at`. A visit is a purchase: a day with only a return
    (rollup_buyers.purchases = 0, negative cents) is no visit, so recency is the last day with a purchase and
    frequency counts purchases; monetary is what they bought net of what they returned."""
    c = rollup_buyers.c
    last_purchase = sa.func.max(sa.case((c.purchases > 0, c.day), else_=None))
    query = (
        sa.select(c.member_code, last_purchase, sa.func.sum(c.purchases), sa.func.sum(c.cents))
        .where(c.day.between(at - dt.timedelta(days=WINDOW_DAYS - 1), at))
        .group_by(c.member_code)
    )
    if store is not None:
        query = query.where(c.store_id == store)
    rows = [(code, (at - _date(last)).days, int(n), int(cents)) for code, last, n, cents in conn.execute(query)
            if last is not None]  # bought at least once in the window (not only returned)  # fmt: skip
    if not rows:
        return []
    # recency: fewer days is better, so score the negated value
    recency, freq, money = (quintiles([f(r) for r in rows]) for f in (lambda r: -r[1], lambda r: r[2], lambda r: r[3]))
    return [Scored(code, days, n, cents, recency[-days], freq[n], money[cents]) for code, days, n, cents in rows]


def quintiles(values: list[int]) -> dict[int, int]:
    """`quintile` of every distinct value at once: one sort, then one step per distinct value (a million
    members hold a few hundred recencies and frequencies), instead of two binary searches per member."""
    ordered = sorted(values)
    out, left = {}, 0
    for value, same in itertools.groupby(ordered):
        count = sum(1 for _ in same)
        out[value] = min(5, 1 + 5 * (2 * left + count) // (2 * len(ordered)))
        left += count
    return out


def segments(scored: list[Scored]) -> list[dict]:
    totals: dict[str, dict[str, Any]] = {s: {"segment": s, "members": 0, "spend_cents": 0} for s in SEGMENTS}
    for s in scored:
        totals[s.segment]["members"] += 1
        totals[s.segment]["spend_cents"] += s.spend_cents
    return list(totals.values())


def churn_risk(scored: list[Scored], limit: int = CHURN_LIST) -> list[Scored]:
    risky = [s for s in scored if s.segment in CHURN_RISK]
    return sorted(risky, key=lambda s: (-s.spend_cents, s.member_code))[:limit]


def members_of(conn: Connection, scored: list[Scored], segment: str, consent_only: bool) -> list[dict]:
    """The segment's members with their profile; `consent_only` keeps those with current marketing consent."""
    picked = {s.member_code: s for s in scored if s.segment == segment}
    if not picked:
        return []
    m = members.c
    out = []
    codes = sorted(picked)
    for start in range(0, len(codes), 500):
        query = sa.select(m.member_code, m.name, m.phone, m.tier, m.home_store, m.consent_marketing).where(
            m.member_code.in_(codes[start : start + 500]), m.status == "active"
        )
        for row in conn.execute(query):
            if consent_only and not row.consent_marketing:
                continue
            s = picked[row.member_code]
            out.append({"member_code": row.member_code, "name": row.name, "phone": row.phone, "tier": row.tier,
                        "home_store": row.home_store, "recency_days": s.recency_days, "frequency": s.frequency,
                        "spend_cents": s.spend_cents, "segment": segment})  # fmt: skip
    return sorted(out, key=lambda r: (-r["spend_cents"], r["member_code"]))


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
