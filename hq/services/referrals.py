"""A referral bonus waits out the return window before HQ books it (against fraud farming, issue 19).

On a member's first purchase HQ no longer books the referrer's bonus with the sale: it writes a
`pending_referrals` row (referee, referrer, points, the receipt, `clears_on` = the sale's day +
`risk.referral_clear_days`) and answers a till that booked the bonus itself `corrected` (HQ's entries
have no referral entry; the till drops its own). The bonus is booked, with the entry id it always had
(`loyalty_core.ids.referral_entry_id`, once per referee), by `pos-hq risk release-referrals` (run it
daily, like `pos-hq expire`) on the first HQ business day on or after `clears_on`, and reaches the
tills through the feed like any other ledger entry. It is never booked when:

- the first purchase was returned (any part of it) before it cleared: the push that books the
  return cancels it (`returned`);
- an operator confirmed a `referral_farm` risk flag naming the referrer (hq.services.risk_queue):
  every pending bonus of that referrer is cancelled (`referral_farm`); while such a flag is open the
  release run leaves the referrer's bonuses pending;
- the referrer is no longer an active member when it clears (`referrer_inactive`).
"""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.storage import bulk, db
from hq.storage import rules as published
from hq.storage.members import MemberState
from hq.storage.schema import pending_referrals, risk_flags
from hq.storage.unit_of_work import UnitOfWork
from loyalty_core import ledger
from loyalty_core.ids import referral_entry_id
from loyalty_core.ledger import Entry

PENDING, BOOKED, CANCELLED = "pending", "booked", "cancelled"
RETURNED, REFERRAL_FARM, REFERRER_INACTIVE = "returned", "referral_farm", "referrer_inactive"
RELEASE_BATCH = 500


def split(entries: list[Entry]) -> tuple[list[Entry], Entry | None]:
    """The sale's own entries, and the referral bonus HQ defers (None if the sale earns none)."""
    bonus = next((e for e in entries if e.kind == ledger.REFERRAL), None)
    return [e for e in entries if e.kind != ledger.REFERRAL], bonus


def defer(work: UnitOfWork, referee: MemberState, bonus: Entry, receipt_no: str, source: tuple[str, str],
          day: dt.date) -> None:  # fmt: skip
    """Records the bonus as pending (nothing if it was booked already, e.g. before this rule existed).
    `source`: (event id, store id) of the sale, or the online order's (hq.services.online)."""
    if work.known_entry(bonus.entry_id) is not None:
        return
    clears = day + dt.timedelta(days=work.rules.risk.referral_clear_days)
    work.referral_rows.append({
        "referee_code": referee.code, "referrer_code": bonus.member_code, "points": bonus.points,
        "receipt_no": receipt_no[:80], "event_id": source[0][:64], "store_id": source[1][:40], "sold_on": day,
        "clears_on": clears, "status": PENDING, "why": None, "created_at": work.now, "decided_at": None,
    })  # fmt: skip


def online_receipt(channel: str, order_id: str) -> str:
    """What stands for a receipt number for an online order's pending bonus (its return cancels it)."""
    return f"online:{channel}:{order_id}"[:80]


def cancel_returned(work: UnitOfWork, receipts: set[str], today: dt.date) -> None:
    """A first purchase returned before it cleared takes its referral bonus with it (one statement a push)."""
    for row in work.referral_rows:
        if row["receipt_no"] in receipts and row["status"] == PENDING:
            row.update(status=CANCELLED, why=RETURNED, decided_at=work.now)
    p = pending_referrals.c
    for cond in bulk.among(work.conn, p.receipt_no, sorted(receipts)) if receipts else ():
        work.conn.execute(sa.update(pending_referrals).where(cond, p.status == PENDING, p.clears_on >= today)
                          .values(status=CANCELLED, why=RETURNED, decided_at=work.now))  # fmt: skip


def cancel_for_referrer(conn: Connection, referrer_code: str, now: dt.datetime) -> int:
    """A confirmed referral farm: none of the referrer's pending bonuses is booked. Returns how many."""
    p = pending_referrals.c
    done = conn.execute(sa.update(pending_referrals).where(p.referrer_code == referrer_code, p.status == PENDING)
                        .values(status=CANCELLED, why=REFERRAL_FARM, decided_at=now))  # fmt: skip
    return int(done.rowcount or 0)


def pending_of(conn: Connection, referrer_code: str) -> list[dict]:
    p = pending_referrals.c
    query = sa.select(p.referee_code, p.points, p.receipt_no, p.clears_on, p.status, p.why).where(
        p.referrer_code == referrer_code).order_by(p.referee_code)  # fmt: skip
    return [dict(r._mapping) for r in conn.execute(query)]


# -- the release run ---------------------------------------------------------------------------


def release(engine: Engine, today: dt.date, now: dt.datetime) -> dict:
    """Books every bonus that cleared by `today` (idempotent; in transactions of RELEASE_BATCH)."""
    totals = {"at": today.isoformat(), "booked": 0, "points": 0, "cancelled": 0}
    while True:
        done = db.write(engine, lambda conn: _release_some(conn, today, now))
        for key in ("booked", "points", "cancelled"):
            totals[key] += done[key]
        if done["rows"] < RELEASE_BATCH:
            return totals


def _release_some(conn: Connection, today: dt.date, now: dt.datetime) -> dict:
    p, f = pending_referrals.c, risk_flags.c
    suspects = sa.select(f.member_code).where(f.kind == REFERRAL_FARM, f.status == "open", f.member_code.is_not(None))
    query = (sa.select(pending_referrals).where(p.status == PENDING, p.clears_on <= today,
                                                p.referrer_code.not_in(suspects))
             .order_by(p.clears_on, p.referee_code).limit(RELEASE_BATCH).with_for_update())  # fmt: skip
    rows = list(conn.execute(query))
    work = UnitOfWork(conn, published.current(conn), now, today)
    work.load({r.referrer_code for r in rows})
    work.preload_entries(referral_entry_id(r.referee_code) for r in rows)
    booked, points = 0, 0
    outcome: dict[str, tuple[str, str | None]] = {}
    for r in rows:
        referrer = work.resolve(r.referrer_code)
        if referrer is None or not referrer.active:
            outcome[r.referee_code] = (CANCELLED, REFERRER_INACTIVE)
            continue
        entry = Entry(referral_entry_id(r.referee_code), referrer.code, ledger.REFERRAL, int(r.points), today,
                      ledger.lot_expiry(today, work.rules.expiry_months))  # fmt: skip
        if work.add_entry(entry, r.event_id):
            booked, points = booked + 1, points + entry.points
        outcome[r.referee_code] = (BOOKED, None)
    work.flush()
    for (status, why), codes in _grouped(outcome).items():
        for cond in bulk.among(conn, p.referee_code, codes):
            conn.execute(sa.update(pending_referrals).where(cond).values(status=status, why=why, decided_at=now))
    cancelled = sum(1 for status, _ in outcome.values() if status == CANCELLED)
    return {"rows": len(rows), "booked": booked, "points": points, "cancelled": cancelled}


def _grouped(outcome: dict[str, tuple[str, str | None]]) -> dict[tuple[str, str | None], list[str]]:
    groups: dict[tuple[str, str | None], list[str]] = {}
    for code, key in outcome.items():
        groups.setdefault(key, []).append(code)
    return {k: sorted(v) for k, v in groups.items()}
