"""Benchmark: HQ computing every reconciliation bucket digest.

    .venv/bin/python bench/hq_reconcile.py [--members 1000000] [--runs 3] [--pg URL | --sqlite] [--small]

Seeds N active members with balances by bulk insert (COPY on PostgreSQL,
executemany on SQLite) into a fresh database, then times
`hq.services.reconcile.digests` (what GET /api/v1/reconcile/buckets runs: stream
every (code, balance) through `loyalty_core.reconcile.BucketHasher`) and
one bucket's member list. Prints seconds (median of the runs) and the noise probe (bench/benchkit.py).
`--small`: 2,000 members, 1 run (the CI smoke run).
"""

import argparse
import contextlib
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402

from hq.services import reconcile  # noqa: E402
from hq.storage import bulk, db, migrate  # noqa: E402
from hq.storage.schema import members  # noqa: E402
from loyalty_core.ids import member_code  # noqa: E402
from loyalty_core.reconcile import bucket_of  # noqa: E402

SEED_CHUNK = 50_000


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--pg", default=benchkit.PG_ADMIN_URL, help="an existing database to create the bench database from")
    p.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file instead")
    return benchkit.parse_args(p, argv, members=2_000, runs=1)


def member_rows(n: int, rng: random.Random, now: dt.datetime):
    for i in range(n):
        code = member_code(rng.randbytes(7))
        yield {
            "member_code": code, "phone": benchkit.mobile(i, e164=True), "name": "Bench", "birthday": None, "consent_terms": True,
            "consent_marketing": False, "tier": "basic", "enrolled_at": "2026-01-01T09:00:00+08:00",
            "home_store": "S001", "referrer_code": None, "status": "active", "merged_into": None,
            "balance": rng.randrange(-500, 50_000), "flags": "", "first_sale_on": None, "bucket": bucket_of(code),
            "reviewed_year": None, "created_at": now,
        }  # fmt: skip


def seed(engine: sa.Engine, n: int) -> float:
    rng, now = random.Random(11), dt.datetime.now(dt.UTC)
    rows = member_rows(n, rng, now)
    start = time.perf_counter()
    with engine.begin() as conn:
        while chunk := [row for _, row in zip(range(SEED_CHUNK), rows, strict=False)]:
            bulk.insert(conn, members, chunk)
    with engine.connect() as conn:
        if db.is_postgres(conn):
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE members")
    return time.perf_counter() - start


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(engine: sa.Engine, runs: int) -> tuple[list[float], list[float], int]:
    all_runs, one_runs, found = [], [], 0
    for _ in range(runs):
        with db.read(engine) as conn:
            holder = {}
            all_runs.append(timed(lambda conn=conn, h=holder: h.update(d=reconcile.digests(conn))))
            found = len(holder["d"])
            one_runs.append(timed(lambda conn=conn: reconcile.bucket(conn, 17)))
    return all_runs, one_runs, found


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with contextlib.ExitStack() as stack:
        if args.sqlite:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="hq-reconcile-"))
            url = f"sqlite:///{folder}/hq.sqlite3"
        else:
            url = stack.enter_context(benchkit.pg_database(args.pg, "hq_bench"))
        engine = db.make_engine(url)
        try:
            migrate.upgrade(engine)
            seeded = seed(engine, args.members)
            all_runs, one_runs, found = measure(engine, args.runs)
        finally:
            engine.dispose()
    print(f"members           {args.members:,} on {engine.dialect.name} (seeded in {seeded:.1f} s)")
    print(f"all digests       {statistics.median(all_runs):.2f} s median of {args.runs} ({found} buckets)")
    print(f"one bucket        {statistics.median(one_runs) * 1000:.1f} ms median")
    print(benchkit.noise_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
