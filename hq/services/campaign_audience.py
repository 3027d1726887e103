"""Who a campaign leaves out when it issues, and why.

A member in overdraft (balance below zero, or flagged `overdraft`) or with an open risk flag (coupon reuse,
campaign coupon misuse, a duplicate phone: hq/storage/members.py) gets no campaign coupon: a coupon is
money, and these members are waiting for a supervisor's review (hq/services/flag_review.py). Clearing the
flag on the review page makes them eligible for the next campaign. Members the budget ran out on are
kept too, with how many coupons they are short, so marketing sees who the campaign missed.
"""

from collections import Counter

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from hq.storage.members import OVERDRAFT
from hq.storage.schema import members

from ..storage.campaigns import campaign_left_out
from .flag_review import FLAGS

BUDGET = "budget"
REASONS = (*FLAGS, BUDGET)  # the order the page lists them in; the first flag a member has is their reason
_CHUNK = 500


def held_back(conn: Connection, codes: list[str]) -> dict[str, str]:
    """member code -> reason, for the members among `codes` a campaign must not issue to."""
    m = members.c
    out: dict[str, str] = {}
    for start in range(0, len(codes), _CHUNK):
        query = sa.select(m.member_code, m.balance, m.flags).where(
            m.member_code.in_(codes[start : start + _CHUNK]), (m.balance < 0) | (m.flags != ""))
        for row in conn.execute(query):
            reason = _reason(int(row.balance), set((row.flags or "").split(",")))
            if reason is not None:
                out[row.member_code] = reason
    return out


def _reason(balance: int, flags: set[str]) -> str | None:
    if balance < 0:
        return OVERDRAFT
    return next((flag for flag in FLAGS if flag in flags), None)


def record(conn: Connection, campaign_id: int, held: dict[str, str], eligible: list[str], issued_to: list[str],
           per_member: int) -> int:  # fmt: skip
    """Stores the members left out (held back, or short of coupons when the budget ran out); returns how many."""
    got = Counter(issued_to)
    rows = [{"campaign_id": campaign_id, "member_code": code, "reason": reason, "coupons_short": per_member}
            for code, reason in sorted(held.items())]  # fmt: skip
    rows += [{"campaign_id": campaign_id, "member_code": code, "reason": BUDGET, "coupons_short": per_member - got[code]}
             for code in eligible if got[code] < per_member]  # fmt: skip
    for start in range(0, len(rows), 1000):
        conn.execute(campaign_left_out.insert(), rows[start : start + 1000])
    return len(rows)


def left_out(conn: Connection, campaign_id: int, limit: int = 500) -> dict:
    """The campaign's left-out members (the first `limit`, by reason then code) and the count per reason."""
    lo = campaign_left_out.c
    found = conn.execute(sa.select(lo.reason, sa.func.count()).where(lo.campaign_id == campaign_id).group_by(lo.reason))
    counts: dict[str, int] = {reason: int(n) for reason, n in found}
    order = sa.case({r: i for i, r in enumerate(REASONS)}, value=lo.reason, else_=len(REASONS))
    rows = conn.execute(sa.select(lo.member_code, lo.reason, lo.coupons_short).where(lo.campaign_id == campaign_id)
                        .order_by(order, lo.member_code).limit(limit))  # fmt: skip
    return {"rows": [dict(r._mapping) for r in rows], "counts": {r: counts[r] for r in REASONS if r in counts},
            "total": sum(counts.values())}  # fmt: skip
