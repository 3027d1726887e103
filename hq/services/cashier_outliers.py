"""Cashier outliers: one cashier's returns or manual adjustments on an HQ business day against the store's norm.

Counted per push in `risk_counters` (hq.storage.counters), never per event: per (store, cashier) the day's
count, per store the day's total and how many cashiers did any. The norm is the average of the store's
*other* cashiers that day (an outlier must not raise its own bar); a cashier is an outlier past
max(`risk.cashier_min_day`, norm x `risk.cashier_outlier_pct` / 100), flagged once per day and what.
A store with one cashier that day has no norm: only the floor applies. The cashier is whoever the event
names (`cashier_id`, else `actor`, else `supervisor_id`); events naming nobody are not counted. Sales
without a member never reach HQ, so they are not counted here.
"""

import datetime as dt
from collections import Counter

from hq.storage import counters
from hq.storage.unit_of_work import UnitOfWork

WHAT = {"return": "returns", "adjust": "adjustments"}


def outliers(work: UnitOfWork, notes: list[dict], today: dt.date) -> list[tuple[str, str, dict]]:
    """(store, cashier, evidence) for each cashier this push took past the store's norm."""
    found = []
    for kind, what in WHAT.items():
        stores: dict[str, Counter] = {}
        for n in notes:
            if n["kind"] == kind and n["cashier"]:
                stores.setdefault(n["store"], Counter())[n["cashier"]] += 1
        for store, per in sorted(stores.items()):
            found += _store_outliers(work, kind, what, store, per, today.isoformat())
    return found


def _store_outliers(work: UnitOfWork, kind: str, what: str, store: str, per: Counter,
                    day: str) -> list[tuple[str, str, dict]]:  # fmt: skip
    conn, now, risk = work.conn, work.now, work.rules.risk
    totals, new = {}, 0
    for cashier, n in sorted(per.items()):
        totals[cashier] = counters.add(conn, f"cashier_{kind}_day", f"{store}/{cashier}", day, now, n).amount
        new += totals[cashier] == n  # this cashier's first of the day
    store_total = counters.add(conn, f"store_{kind}_day", store, day, now, sum(per.values())).amount
    cashiers = counters.add(conn, f"store_cashiers_{kind}", store, day, now, new).amount
    found = []
    for cashier, total in totals.items():
        others = cashiers - 1
        norm = (store_total - total) // others if others else 0
        limit = max(risk.cashier_min_day, norm * risk.cashier_outlier_pct // 100)
        if total > limit and counters.add(conn, f"cashier_flag_{kind}", f"{store}/{cashier}", day, now, 1).amount == 1:
            found.append((store, cashier, {"what": what, "count": total, "limit": limit, "store_norm": norm,
                                           "store_total": store_total, "cashiers": cashiers, "hq_day": day}))  # fmt: skip
    return found
