"""Benchmark: the console's reports on PostgreSQL with a seeded chain.

    .venv/bin/python bench/hq_reports.py [--members 1000000] [--ledger 10000000] [--stores 1000] [--pg URL]
                                         [--keep NAME] [--repeat 40] [--small]

Seeds a fresh database with COPY (members, one `events` row per sale for its store, ledger entries
and spend over the last 400 days), then prints:
- the rollup job catching up from nothing (rows/s), and an incremental run after 1,000 new sales;
- `reports.summary` for random 30-day ranges, chain-wide and per store (p50 / p95, rollups fresh);
- RFM over every member (seconds);
- member search by code, by phone and by part of a name (p50 / p95);
- a database noise probe: a fixed query (`SELECT count(*)` over 100,000 generated rows) timed the same way,
  and the CPU noise probe every bench prints (bench/benchkit.py).
Each timed figure is `--repeat` calls (the chain-summary parts a quarter of that).
`--small`: 1,000 members, 5,000 ledger entries, 5 stores, 3 calls each (the CI smoke run).

`--keep NAME` seeds into database NAME and keeps it; run again with the same NAME to skip the seeding
(about 5 minutes at full size) and time the reports on it after upgrading it to the newest migration.
"""

import argparse
import contextlib
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

import psycopg
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402

from hq.services.reports import dashboard, member360, queries, rollup  # noqa: E402
from hq.services.reports import rfm as rfm_  # noqa: E402
from hq.services.reports import summary as summary_  # noqa: E402
from hq.services.reports.period import Period  # noqa: E402
from hq.storage import db, migrate  # noqa: E402

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 4, 0, tzinfo=dt.UTC)
NAMES = ["Chen", "Lin", "Huang", "Chang", "Li", "Wang", "Wu", "Liu", "Tsai", "Yang"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--ledger", type=int, default=10_000_000, help="ledger entries (about half are sales)")
    p.add_argument("--stores", type=int, default=1000)
    p.add_argument("--pg", default=benchkit.PG_ADMIN_URL)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--keep", metavar="NAME", help="seed into (or reuse) database NAME and keep it")
    p.add_argument("--repeat", type=int, default=40, help="calls per timed figure")
    return benchkit.parse_args(p, argv, members=1_000, ledger=5_000, stores=5, repeat=3)


def kept_database(args) -> tuple[str, bool]:
    """(url, needs seeding) of the database named by --keep, made if missing."""
    admin = sa.create_engine(args.pg, isolation_level="AUTOCOMMIT")
    url = admin.url.set(database=args.keep).render_as_string(hide_password=False)
    with admin.connect() as conn:
        found = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": args.keep}).first()
        if not found:
            conn.execute(sa.text(f'CREATE DATABASE "{args.keep}"'))
    admin.dispose()
    return url, not found


def copy(conn: psycopg.Connection, table: str, columns: str, rows) -> int:
    n = 0
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row(row)
            n += 1
    return n


def seed(url: str, args, rng: random.Random) -> list[str]:
    raw = url.replace("postgresql+psycopg://", "postgresql://")
    codes = [f"M{i:010d}" for i in range(args.members)]
    stores = [f"S{i:03d}" for i in range(args.stores)]
    home = {c: stores[rng.randrange(len(stores))] for c in codes}
    with psycopg.connect(raw) as conn:
        copy(conn, "stores", "store_id, name, created_at", ((s, f"Store {s}", NOW) for s in stores))
        copy(conn, "members", "member_code, phone, name, birthday, consent_terms, consent_marketing, tier, "
             "enrolled_at, home_store, status, balance, flags, bucket, created_at",
             ((c, benchkit.mobile(i, e164=True), f"{rng.choice(NAMES)} {i}", None, True, rng.random() < 0.6, "basic",
               (TODAY - dt.timedelta(days=rng.randrange(700))).isoformat() + "T10:00:00+08:00", home[c], "active",
               0, "", i % 256, NOW) for i, c in enumerate(codes)))
        sales = args.ledger // 2
        events, ledger, spend = [], [], []
        for k in range(sales):
            # most members shop now and then; a few regulars shop a lot
            hot = rng.random() < 0.3
            code = codes[int(rng.paretovariate(1.2)) % len(codes)] if hot else codes[rng.randrange(len(codes))]
            day = TODAY - dt.timedelta(days=rng.randrange(400))
            cents = rng.randrange(5, 300) * 100
            event_id = f"e{k:09d}"
            events.append((event_id, "h", home[code], "T01", k, "sale.confirmed", day.isoformat(), NOW, "{}"))
            expires = day + dt.timedelta(days=365)
            ledger.append((f"l{k:09d}a", code, "earn", cents // 100, day, expires, event_id))
            ledger.append((f"l{k:09d}b", code, "redeem" if k % 5 == 0 else "bonus", -100 if k % 5 == 0 else 10,
                           day, None if k % 5 == 0 else expires, event_id))
            spend.append((code, day, cents, event_id))
        t0 = time.perf_counter()
        copy(conn, "events", "event_id, body_hash, store_id, terminal_id, seq, type, occurred_at, received_at, body",
             events)
        copy(conn, "ledger", "entry_id, member_code, kind, points, on_date, expires_on, event_id", ledger)
        copy(conn, "spend", "member_code, on_date, cents, source", spend)
        conn.commit()
        print(f"seeded {args.members:,} members, {len(ledger):,} ledger entries, {len(spend):,} sales in "
              f"{args.stores} stores ({time.perf_counter() - t0:.1f} s of COPY)")
        conn.execute("ANALYZE")
        conn.commit()
    return codes


def pct(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"p50 {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def timed(fn, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with contextlib.ExitStack() as stack:
        if args.keep:
            url, fresh = kept_database(args)
        else:
            url, fresh = stack.enter_context(benchkit.pg_database(args.pg, "hq_bench")), True
        run(args, url, fresh)
    print(benchkit.noise_line())
    return 0


def run(args, url: str, fresh: bool) -> None:
    rng = random.Random(args.seed)
    n = args.repeat
    engine = db.make_engine(url)
    migrate.upgrade(engine)
    codes = seed(url, args, rng) if fresh else [f"M{i:010d}" for i in range(args.members)]
    t0 = time.perf_counter()
    done = rollup.ensure_fresh(engine, NOW)
    took = time.perf_counter() - t0
    rows = done["ledger_rows"] + done["spend_rows"]
    print(f"rollup from nothing: {rows:,} rows in {took:.1f} s ({rows / took:,.0f} rows/s)")
    vacuum(url)
    with db.read(engine) as conn:
        max_id = conn.execute(sa.text("SELECT max(id) FROM spend")).scalar()

    def more_sales(conn):
        for k in range(1000):
            code = codes[rng.randrange(len(codes))]
            conn.execute(sa.text("INSERT INTO spend (member_code, on_date, cents, source) VALUES (:c, :d, 1000, :s)"),
                         {"c": code, "d": TODAY, "s": f"new{os.getpid()}-{k}"})

    db.write(engine, more_sales)
    t0 = time.perf_counter()
    rollup.ensure_fresh(engine, NOW)
    print(f"rollup after 1,000 new sales (spend above id {max_id:,}): {(time.perf_counter() - t0) * 1000:.0f} ms")

    def summary(store=None):
        end = TODAY - dt.timedelta(days=rng.randrange(300))
        start = end - dt.timedelta(days=29)
        queries.summary(engine, NOW, start.isoformat(), end.isoformat(), store)

    print("summary, 30 days, chain:", pct(timed(summary, n)))
    print("summary, 30 days, one store:", pct(timed(lambda: summary(f"S{rng.randrange(args.stores):03d}"), n)))

    def dashboard_(store=None):
        end = TODAY - dt.timedelta(days=rng.randrange(300))
        queries.dashboard(engine, NOW, (end - dt.timedelta(days=29)).isoformat(), end.isoformat(), store)

    print("dashboard, 30 days, chain:", pct(timed(dashboard_, n)))
    print("dashboard, 30 days, one store:", pct(timed(lambda: dashboard_(f"S{rng.randrange(args.stores):03d}"), n)))
    print_parts(engine, max(1, n // 4))
    t0 = time.perf_counter()
    with db.read(engine) as conn:
        scored = rfm_.score(conn, TODAY)
    took = time.perf_counter() - t0
    counts = ", ".join(f"{s['segment']} {s['members']:,}" for s in rfm_.segments(scored) if s["members"])
    print(f"RFM over {len(scored):,} buyers: {took:.2f} s ({counts})")
    for what, make in (("code", lambda: rng.choice(codes)), ("phone", lambda: benchkit.mobile(rng.randrange(args.members))),
                       ("name part", lambda: f"{rng.choice(NAMES)} {rng.randrange(args.members)}")):
        def search(make=make):
            with db.read(engine) as conn:
                member360.search(conn, make(), None)

        print(f"member search by {what}:", pct(timed(search, n)))
    print("database noise probe (count over 100,000 generated rows):", pct(timed(lambda: probe(engine), n)))
    engine.dispose()


def print_parts(engine, n: int) -> None:
    """Where a chain-wide summary's time goes: each of its queries over random 30-day ranges."""
    rng = random.Random(5)
    parts = {
        "flows (rollup_daily)": lambda c, s, e: summary_.flows_in(c, Period(s, e, None)),
        "outstanding (rollup_daily)": lambda c, s, e: summary_.outstanding_at(c, e, None),
        "buyers (rollup_member_days)": lambda c, s, e: summary_.buyer_counts(c, s, e, None),
        "members_total (members)": lambda c, s, e: summary_.members_total(c, e, None),
        "members_new (members)": lambda c, s, e: summary_.members_new(c, s, e, None),
        "dashboard active 30 days": lambda c, s, e: dashboard.active(c, e, 30, None),
        "dashboard active 90 days": lambda c, s, e: dashboard.active(c, e, 90, None),
        "dashboard cohorts": lambda c, s, e: dashboard.cohorts(c, e, None),
        "dashboard store health": lambda c, s, e: dashboard.store_health(c, None),
    }
    for name, part in parts.items():
        def once(part=part):
            end = TODAY - dt.timedelta(days=rng.randrange(300))
            with db.read(engine, queries.REPORT_WORK_MEM) as conn:
                part(conn, end - dt.timedelta(days=29), end)

        print(f"  chain part {name}:", pct(timed(once, n)))


def vacuum(url: str) -> None:
    """What autovacuum does to a live HQ's tables soon after a bulk load: the visibility map that lets the
    reports' index-only scans skip the heap, and fresh statistics. Timed, so the figure is on record."""
    t0 = time.perf_counter()
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    print(f"VACUUM ANALYZE after the load: {time.perf_counter() - t0:.1f} s")


def probe(engine) -> None:
    with db.read(engine) as conn:
        conn.execute(sa.text("SELECT count(*) FROM generate_series(1, 100000)")).scalar()


if __name__ == "__main__":
    raise SystemExit(main())
