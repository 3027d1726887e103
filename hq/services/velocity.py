"""Velocity and pattern rules against fraud farming (刷單), counted on HQ's clock at the end of a push.

Handlers only `note` what happened (an enrollment, a sale, a return against a receipt); `settle`, run
once per push before the working set is flushed, counts it in `risk_counters` (hq.storage.counters:
one upsert per terminal / referrer / store the push touched, never one per event) and writes a
`risk_flags` row, with its evidence, when a count goes over its rules number (the "risk" section):

- `enrollments`: enrollments one terminal sent in one hour of HQ's clock (UTC hour), over
  `max_enrollments_terminal_hour`;
- `referral_farm`: first purchases naming one referrer in one HQ business day, over
  `max_referrals_referrer_day` (the referrer's pending bonuses wait while the flag is open, see
  hq.services.referrals);
- `quick_returns`: sales returned within `quick_return_minutes` of being rung up (the till's own times
  of both, as `trust.event_when` admits them), per store and HQ business day, over
  `max_quick_returns_store_day`;
- `cashier_outlier`: one cashier's returns or manual adjustments in an HQ business day against the
  store's other cashiers that day (hq.services.cashier_outliers).

A window flags once, when its count first goes over (so a farm is one queue item, not 25); the
evidence names what this push brought (members, receipts, cashiers). Flags never hold or refuse
anything: the goods are gone, and an operator decides (hq.services.risk_queue). It also cancels the
referral bonus of a first purchase the push saw returned (hq.services.referrals.cancel_returned).
"""

import datetime as dt
import json

import sqlalchemy as sa

from hq.storage import bulk, counters
from hq.storage.schema import events, risk_flags, sales
from hq.storage.unit_of_work import UnitOfWork

from . import cashier_outliers, day_caps, payload, referrals

ENROLLMENTS, REFERRAL_FARM, QUICK_RETURNS = "enrollments", referrals.REFERRAL_FARM, "quick_returns"
CASHIER_OUTLIER = "cashier_outlier"
KINDS = (ENROLLMENTS, REFERRAL_FARM, QUICK_RETURNS, CASHIER_OUTLIER)
ENROLL_HOUR, REFERRALS_DAY, QUICK_RETURNS_DAY = "enroll_terminal_hour", "referrals_day", "quick_returns_day"
EVIDENCE_ITEMS = 50  # a flag's evidence lists at most this many members / receipts from one push


def note(work: UnitOfWork, kind: str, event: dict, **facts: object) -> None:
    """Remembers one fact of this push for `settle` (no query)."""
    p = event["payload"]  # a sale names its cashier, an enrollment its actor, a return its supervisor
    cashier = p.get("cashier_id") or p.get("actor") or p.get("supervisor_id")
    work.velocity_notes.append({"kind": kind, "store": event["store_id"], "terminal": event["terminal_id"],
                                "cashier": cashier if payload.is_plain(cashier, 80) else None, **facts})  # fmt: skip


def settle(work: UnitOfWork) -> None:
    """Counts this push's notes and writes the flags they raise; a push of plain sales costs no query."""
    notes, work.velocity_notes = work.velocity_notes, []
    returns = [n for n in notes if n["kind"] == "return"]
    with_receipt = [n for n in returns if n["receipt_no"]]
    flags = _enrollments(work, [n for n in notes if n["kind"] == "enrolled"])
    if returns or work.referral_rows or any(n["kind"] == "adjust" for n in notes):
        today = day_caps.hq_day(work.conn, work.now)
        if with_receipt:
            referrals.cancel_returned(work, {n["receipt_no"] for n in with_receipt}, today)
        flags += _referrals(work, today)
        sold_here = {n["receipt_no"]: n["at"] for n in notes if n["kind"] == "sale"}
        flags += _quick_returns(work, with_receipt, sold_here, today)
        flags += [_flag(work, CASHIER_OUTLIER, store, evidence, cashier=cashier)
                  for store, cashier, evidence in cashier_outliers.outliers(work, notes, today)]  # fmt: skip
    bulk.insert(work.conn, risk_flags, flags)


def _flag(work: UnitOfWork, kind: str, store: str, evidence: dict, terminal: str | None = None,
          cashier: str | None = None, member: str | None = None) -> dict:  # fmt: skip
    return {"kind": kind, "store_id": store, "terminal_id": terminal, "cashier_id": cashier, "member_code": member,
            "evidence": json.dumps(evidence, sort_keys=True, ensure_ascii=False), "at": work.now, "status": "open",
            "decided_by": None, "decided_at": None, "note": None}  # fmt: skip


def _over(work: UnitOfWork, scope: str, subject: str, bucket: str, added: int, limit: int) -> int | None:
    """The window's new total if this push took it over `limit` (it was at or under before), else None."""
    total = counters.add(work.conn, scope, subject, bucket, work.now, added).amount
    return total if total - added <= limit < total else None


def _enrollments(work: UnitOfWork, notes: list[dict]) -> list[dict]:
    limit, hour = work.rules.risk.max_enrollments_terminal_hour, work.now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H")
    flags = []
    for (store, terminal), mine in _by(notes, "store", "terminal").items():
        total = _over(work, ENROLL_HOUR, f"{store}/{terminal}", hour, len(mine), limit)
        if total is not None:
            evidence = {"count": total, "limit": limit, "hour_utc": hour, "members": _some(mine, "member"),
                        "cashiers": sorted({n["cashier"] for n in mine if n["cashier"]})}  # fmt: skip
            flags.append(_flag(work, ENROLLMENTS, store, evidence, terminal=terminal))
    return flags


def _referrals(work: UnitOfWork, today: dt.date) -> list[dict]:
    """First purchases naming a referrer, whether their bonus is still pending or already cancelled."""
    limit, flags = work.rules.risk.max_referrals_referrer_day, []
    by_referrer: dict[str, list[dict]] = {}
    for row in work.referral_rows:
        by_referrer.setdefault(row["referrer_code"], []).append(row)
    for referrer, rows in sorted(by_referrer.items()):
        total = _over(work, REFERRALS_DAY, referrer, today.isoformat(), len(rows), limit)
        if total is not None:
            evidence = {"count": total, "limit": limit, "hq_day": today.isoformat(),
                        "referees": sorted(r["referee_code"] for r in rows)[:EVIDENCE_ITEMS],
                        "points": sum(r["points"] for r in rows),
                        "stores": sorted({r["store_id"] for r in rows})}  # fmt: skip
            flags.append(_flag(work, REFERRAL_FARM, rows[0]["store_id"], evidence, member=referrer))
    return flags


def _quick_returns(work: UnitOfWork, returns: list[dict], sold_here: dict[str, dt.datetime],
                   today: dt.date) -> list[dict]:  # fmt: skip
    if not returns:
        return []
    sold = {**_sold_at(work, {n["receipt_no"] for n in returns} - set(sold_here)), **sold_here}
    window = dt.timedelta(minutes=work.rules.risk.quick_return_minutes)
    quick = [n for n in returns if _within(n["at"], sold.get(n["receipt_no"]), window)]
    limit, flags = work.rules.risk.max_quick_returns_store_day, []
    for (store,), mine in _by(quick, "store").items():
        total = _over(work, QUICK_RETURNS_DAY, store, today.isoformat(), len(mine), limit)
        if total is not None:
            cashiers = sorted({n["cashier"] for n in mine if n["cashier"]})
            evidence = {"count": total, "limit": limit, "minutes": window.seconds // 60, "hq_day": today.isoformat(),
                        "receipts": _some(mine, "receipt_no"), "members": _some(mine, "member"),
                        "terminals": sorted({n["terminal"] for n in mine}), "cashiers": cashiers}  # fmt: skip
            alone = cashiers[0] if len(cashiers) == 1 else None  # one cashier behind them all is named
            flags.append(_flag(work, QUICK_RETURNS, store, evidence, cashier=alone))
    return flags


def _within(returned_at: dt.datetime, sold_at: dt.datetime | None, window: dt.timedelta) -> bool:
    return sold_at is not None and dt.timedelta(0) <= returned_at - sold_at <= window


def _sold_at(work: UnitOfWork, receipts: set[str]) -> dict[str, dt.datetime]:
    """When stored sales were rung up (their events' till time), in one query per push."""
    found: dict[str, dt.datetime] = {}
    query = sa.select(sales.c.receipt_no, events.c.occurred_at).join(events, events.c.event_id == sales.c.event_id)
    for cond in bulk.among(work.conn, sales.c.receipt_no, sorted(receipts)) if receipts else ():
        for receipt_no, occurred_at in work.conn.execute(query.where(cond)):
            try:
                at = payload.parse_instant(str(occurred_at))
            except ValueError:
                continue
            found[receipt_no] = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return found


def _by(notes: list[dict], *keys: str) -> dict[tuple, list[dict]]:
    groups: dict[tuple, list[dict]] = {}
    for n in notes:
        groups.setdefault(tuple(n[k] for k in keys), []).append(n)
    return dict(sorted(groups.items()))


def _some(notes: list[dict], key: str) -> list[str]:
    return sorted({str(n[key]) for n in notes if n.get(key)})[:EVIDENCE_ITEMS]
