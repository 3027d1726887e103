"""Daily rollups of the ledger and of spend, kept up to date by an incremental job.

We chose a job over updating rollups inside the push path: pushes stay as they are
(hq.services.apply is another team's hot path), and the job's cost is paid by whoever asks
for a report (`ensure_fresh`) or by `pos-hq rollup`. It reads only rows whose id
is above a high-water mark per source table, joined to `events` for the store.

Ids are handed out before COMMIT, so on PostgreSQL a transaction still in flight
can leave a lower id invisible while higher ones are already committed. The job
records such missing ids as holes and looks for them again on later runs; a hole
older than HOLE_TTL is a rolled-back id and is forgotten. SQLite serializes writers,
so it never has holes that later fill.
"""

import datetime as dt
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from hq.storage import db
from hq.storage.schema import events, ledger, rollup_buyers, rollup_daily, rollup_holes, rollup_marks, spend
from loyalty_core import ledger as kinds

from . import buyer_days

HOLE_TTL = dt.timedelta(minutes=30)
BATCH = 20_000
HQ_STORE = ""  # entries HQ made itself: expiry, merges, online orders
_NOT_ISSUED = {kinds.MERGE_IN, kinds.RETURN_REDEEM}  # moved or given back, not new points
_DAILY = ("points_issued", "points_redeemed", "points_expired", "points_net", "sales_count", "sales_cents")


def ensure_fresh(engine: Engine, now: dt.datetime) -> dict:
    """Brings the rollups up to date; cheap when nothing happened since the last run."""
    totals = {"ledger_rows": 0, "spend_rows": 0}
    if not _behind(engine):
        return totals
    while True:
        done = db.write(engine, lambda conn: _run_once(conn, now))
        totals["ledger_rows"] += done["ledger_rows"]
        totals["spend_rows"] += done["spend_rows"]
        if not done["more"]:
            return totals


def _behind(engine: Engine) -> bool:
    """A read-only look: anything above the marks, or holes to look for? Most report requests find
    nothing, and a read costs no commit (a write, even a no-op one, waits for the WAL flush)."""
    with db.read(engine) as conn:
        marks = dict(conn.execute(sa.select(rollup_marks.c.source, rollup_marks.c.mark)).all())
        if set(marks) != {"ledger", "spend"}:
            return True
        if conn.execute(sa.select(rollup_holes.c.row_id).limit(1)).first() is not None:
            return True
        for source, table in (("ledger", ledger), ("spend", spend)):
            if conn.execute(sa.select(table.c.id).where(table.c.id > marks[source]).limit(1)).first() is not None:
                return True
    return False


def _run_once(conn: Connection, now: dt.datetime) -> dict:
    if db.is_postgres(conn):  # one job at a time; a second waits and then finds nothing to do
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(7270004)"))
    if conn.execute(sa.select(sa.func.count()).select_from(rollup_marks)).scalar() == 0:
        return _backfill(conn)
    daily: dict[tuple[dt.date, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(_DAILY, 0))
    buyers: dict[tuple[dt.date, str, str], list[int]] = defaultdict(lambda: [0, 0])
    ledger_rows, more_l = _consume(conn, "ledger", ledger, now, _ledger_query, lambda r: _add_entry(daily, r))
    spend_rows, more_s = _consume(conn, "spend", spend, now, _spend_query, lambda r: _add_spend(daily, buyers, r))
    _merge_daily(conn, daily)
    _merge_buyers(conn, buyers)
    buyer_days.add(conn, buyers)
    return {"ledger_rows": ledger_rows, "spend_rows": spend_rows, "more": more_l or more_s}


def _ledger_query(cond):
    return (
        sa.select(ledger.c.id, ledger.c.kind, ledger.c.points, ledger.c.on_date, events.c.store_id)
        .select_from(ledger.outerjoin(events, events.c.event_id == ledger.c.event_id))
        .where(cond)
    )


def _spend_query(cond):
    return (
        sa.select(spend.c.id, spend.c.member_code, spend.c.cents, spend.c.on_date, events.c.store_id)
        .select_from(spend.outerjoin(events, events.c.event_id == spend.c.source))
        .where(cond)
    )


def _consume(conn: Connection, source: str, table: sa.Table, now: dt.datetime, query, add) -> tuple[int, bool]:
    mark = conn.execute(sa.select(rollup_marks.c.mark).where(rollup_marks.c.source == source)).scalar()
    first_run = mark is None
    mark = mark or 0
    holes = dict(conn.execute(sa.select(rollup_holes.c.row_id, rollup_holes.c.seen_at)
                              .where(rollup_holes.c.source == source)).all())  # fmt: skip
    rows = list(conn.execute(query(table.c.id > mark).order_by(table.c.id).limit(BATCH)))
    if holes:
        rows += list(conn.execute(query(table.c.id.in_(sorted(holes)))))
    seen = {r.id for r in rows}
    for r in rows:
        add(r)
    filled = [h for h in holes if h in seen]
    new_mark = max([mark] + [r.id for r in rows])
    gaps = sorted(set(range(mark + 1, new_mark)) - seen) if not first_run else []
    expired = [h for h, at in holes.items() if h not in seen and now - _aware(at) > HOLE_TTL]
    gone = filled + expired
    if gone:
        conn.execute(sa.delete(rollup_holes).where(rollup_holes.c.source == source, rollup_holes.c.row_id.in_(gone)))
    if gaps:
        conn.execute(rollup_holes.insert(), [{"source": source, "row_id": g, "seen_at": now} for g in gaps])
    if first_run or new_mark != mark:
        _set_mark(conn, source, new_mark, first_run)
    return len(rows), len(rows) - len(filled) >= BATCH


def _set_mark(conn: Connection, source: str, mark: int, first_run: bool) -> None:
    if first_run:
        conn.execute(rollup_marks.insert().values(source=source, mark=mark))
    else:
        conn.execute(sa.update(rollup_marks).where(rollup_marks.c.source == source).values(mark=mark))


def _add_entry(daily, r) -> None:
    row = daily[(_date(r.on_date), r.store_id or HQ_STORE)]
    points = int(r.points)
    row["points_net"] += points
    if points > 0 and r.kind not in _NOT_ISSUED:
        row["points_issued"] += points
    elif r.kind == kinds.REDEEM:
        row["points_redeemed"] -= points
    elif r.kind == kinds.RETURN_REDEEM:
        row["points_redeemed"] -= points  # redeemed points a return gave back
    elif r.kind == kinds.EXPIRE:
        row["points_expired"] -= points


def _add_spend(daily, buyers, r) -> None:
    day, store, cents = _date(r.on_date), r.store_id or HQ_STORE, int(r.cents)
    row = daily[(day, store)]
    row["sales_cents"] += cents
    buyer = buyers[(day, store, r.member_code)]
    buyer[1] += cents
    if cents > 0:
        row["sales_count"] += 1
        buyer[0] += 1


def _upsert(conn: Connection, table: sa.Table, keys: tuple[str, ...], adds: tuple[str, ...], rows: list[dict]) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE SET col = col + excluded.col, for a whole batch at once."""
    if not rows:
        return
    stmt = db.dialect_insert(conn, table)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys),
                                      set_={c: getattr(table.c, c) + getattr(stmt.excluded, c) for c in adds})
    for start in range(0, len(rows), 1000):
        conn.execute(stmt, rows[start : start + 1000])


def _merge_daily(conn: Connection, daily) -> None:
    rows = [{"day": day, "store_id": store, **add} for (day, store), add in sorted(daily.items())]
    _upsert(conn, rollup_daily, ("day", "store_id"), _DAILY, rows)


def _merge_buyers(conn: Connection, buyers) -> None:
    rows = [{"day": day, "store_id": store, "member_code": code, "purchases": n, "cents": cents}
            for (day, store, code), (n, cents) in sorted(buyers.items())]  # fmt: skip
    _upsert(conn, rollup_buyers, ("day", "store_id", "member_code"), ("purchases", "cents"), rows)


def _backfill(conn: Connection) -> dict:
    """The first run: the same sums as `_add_entry` / `_add_spend`, computed by the database with GROUP BY
    (a Python loop over millions of rows would take minutes), then the marks at the highest ids seen."""
    top_l = conn.execute(sa.select(sa.func.coalesce(sa.func.max(ledger.c.id), 0))).scalar_one()
    top_s = conn.execute(sa.select(sa.func.coalesce(sa.func.max(spend.c.id), 0))).scalar_one()
    lc, sc = ledger.c, spend.c
    issued = (lc.points > 0) & lc.kind.notin_(sorted(_NOT_ISSUED))
    other = sa.case((issued, 0), (lc.kind.in_([kinds.REDEEM, kinds.RETURN_REDEEM]), -lc.points), else_=0)
    expired = sa.case((issued, 0), (lc.kind == kinds.EXPIRE, -lc.points), else_=0)
    store = sa.func.coalesce(events.c.store_id, HQ_STORE)
    zero = sa.literal(0, sa.BigInteger)
    by_ledger = (
        sa.select(lc.on_date, store, sa.func.sum(sa.case((issued, lc.points), else_=0)), sa.func.sum(other),
                  sa.func.sum(expired), sa.func.sum(lc.points), zero, zero)
        .select_from(ledger.outerjoin(events, events.c.event_id == lc.event_id))
        .where(lc.id <= top_l)
        .group_by(lc.on_date, store)
    )  # fmt: skip
    s_store = sa.func.coalesce(events.c.store_id, HQ_STORE)
    sale = sa.case((sc.cents > 0, 1), else_=0)
    by_spend = (
        sa.select(sc.on_date, s_store, zero, zero, zero, zero, sa.func.sum(sale), sa.func.sum(sc.cents))
        .select_from(spend.outerjoin(events, events.c.event_id == sc.source))
        .where(sc.id <= top_s)
        .group_by(sc.on_date, s_store)
    )
    buyers = (
        sa.select(sc.on_date, s_store, sc.member_code, sa.func.sum(sale), sa.func.sum(sc.cents))
        .select_from(spend.outerjoin(events, events.c.event_id == sc.source))
        .where(sc.id <= top_s)
        .group_by(sc.on_date, s_store, sc.member_code)
    )
    daily_cols = ("day", "store_id", *_DAILY)
    _upsert_select(conn, rollup_daily, ("day", "store_id"), daily_cols, _DAILY, by_ledger)
    _upsert_select(conn, rollup_daily, ("day", "store_id"), daily_cols, _DAILY, by_spend)
    _upsert_select(conn, rollup_buyers, ("day", "store_id", "member_code"),
                   ("day", "store_id", "member_code", "purchases", "cents"), ("purchases", "cents"), buyers)
    buyer_days.backfill(conn)
    for source, mark in (("ledger", top_l), ("spend", top_s)):
        conn.execute(rollup_marks.insert().values(source=source, mark=mark))
    return {"ledger_rows": int(top_l), "spend_rows": int(top_s), "more": False}


def _upsert_select(conn: Connection, table: sa.Table, keys, columns, adds, select) -> None:
    stmt = db.dialect_insert(conn, table).from_select(list(columns), select)
    stmt = stmt.on_conflict_do_update(index_elements=list(keys),
                                      set_={c: getattr(table.c, c) + getattr(stmt.excluded, c) for c in adds})
    conn.execute(stmt)


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
