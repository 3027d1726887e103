"""Benchmark: a new store PC bootstraps from an HQ holding 1,000,000 members.

    .venv/bin/python bench/sync_bootstrap.py [--members 1000000] [--db sqlite|postgres] [--keep-till]
                                             [--data-dir DIR] [--small]

- HQ is seeded once by bulk SQL (bench/sync_seed.py; the SQLite HQ is cached in bench/data/,
  a PostgreSQL HQ is a fresh database, dropped at the end) and runs as `python -m hq serve`
  in its own process.
- A fresh till (a new terminal registered with HQ) runs one sync cycle in a child process:
  the paged snapshot (every member with their ledger), then the feed until caught up.
- Printed: wall seconds of the bootstrap, the child's peak RSS (resource.getrusage in the
  child itself), members/ledger rows loaded, and HQ's CPU seconds over the same time.
  Targets: <= 60 s, <= 300 MB.
- Raw SQLite doing the same writes, same run: every row the bootstrap left in the till's tables,
  written again by plain sqlite3 `executemany` (2,000 rows a transaction, the app's pragmas with
  its bulk setting synchronous=NORMAL) into an empty database made by the same migrations (its
  indexes in place throughout). Printed as "ratio to raw": what HTTP, JSON, HQ and the till's
  code add to the bare writes.
- The noise probe (bench/benchkit.py).
- With --keep-till the bootstrapped till stays in bench/data/ (or --data-dir) for bench/sync_reconcile.py.
- `--small`: 1,000 members, everything in a temporary directory (the CI smoke run).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402
from sync_seed import DATA, HqProcess, new_terminal, seed_hq, sqlite_cache  # noqa: E402

TARGET_SECONDS, TARGET_MB = 60, 300


def child(data_dir: Path) -> None:
    """Runs in the till's own process: one sync cycle from nothing."""
    from pos_app.bootstrap import build_app

    app = build_app(data_dir)
    started = time.perf_counter()
    summary = app.sync.run_once()
    seconds = time.perf_counter() - started
    with app.engine.connect() as conn:
        members = conn.exec_driver_sql("SELECT count(*) FROM members").scalar()
        ledger = conn.exec_driver_sql("SELECT count(*) FROM ledger").scalar()
    app.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                      "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1), "members": members,
                      "ledger": ledger, "pull": summary["pull"]}))  # fmt: skip


def prepare_hq(members: int, db: str, data: Path, stack: contextlib.ExitStack) -> tuple[str, dict | None]:
    """(url, seed info or None if cached); a PostgreSQL HQ is dropped when `stack` closes."""
    if db == "postgres":
        url = stack.enter_context(benchkit.pg_database(prefix="sync_bench"))
        return url, seed_hq(url, members)
    path = sqlite_cache(members, data)
    if path.exists():
        return f"sqlite:///{path}", None
    data.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    info = seed_hq(f"sqlite:///{tmp}", members)
    tmp.rename(path)
    return f"sqlite:///{path}", info


def bootstrap_till(hq_url: str, api_url: str, till_dir: Path) -> dict:
    from pos_app import config

    terminal, token = new_terminal(hq_url)
    config.init_terminal(till_dir, "S001", terminal, api_url, token)
    proc = subprocess.run([sys.executable, __file__, "--child", str(till_dir)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def raw_same_writes(till: Path, scratch_dir: Path, per_txn: int = 2_000) -> tuple[float, int]:
    """(seconds, rows): plain sqlite3 writing every row of the bootstrapped till again (see the docstring)."""
    from pos_app import config
    from pos_app.store import migrate
    from pos_app.store.engine import make_engine

    scratch = scratch_dir / "raw.sqlite3"
    engine = make_engine(scratch)
    migrate.upgrade(engine)
    engine.dispose()
    src = sqlite3.connect(f"file:{config.db_path(till)}?mode=ro", uri=True)
    names = [r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%' AND name != 'alembic_version' ORDER BY rowid")]  # fmt: skip
    tables = {t: src.execute(f'SELECT * FROM "{t}"').fetchall() for t in names}  # rows made before the clock
    src.close()
    con = benchkit.raw_sqlite(scratch, synchronous="NORMAL")
    started = time.perf_counter()
    for table, rows in tables.items():
        for i in range(0, len(rows), per_txn):
            chunk = rows[i : i + per_txn]
            con.execute("BEGIN IMMEDIATE")
            con.executemany(f'INSERT OR REPLACE INTO "{table}" VALUES ({",".join("?" * len(chunk[0]))})', chunk)
            con.execute("COMMIT")
    seconds = time.perf_counter() - started
    con.close()
    return seconds, sum(len(rows) for rows in tables.values())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--keep-till", action="store_true")
    p.add_argument("--data-dir", type=Path, help="where the seeded SQLite HQ (and a kept till) live; default "
                   "bench/data, with --small a temporary directory")  # fmt: skip
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = benchkit.parse_args(p, argv, members=1_000)
    if args.child:
        child(args.child)
        return 0
    with contextlib.ExitStack() as stack:
        if args.data_dir is None:
            args.data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory())) if args.small else DATA
        return run(args, stack)


def run(args: argparse.Namespace, stack: contextlib.ExitStack) -> int:
    hq_url, seeded = prepare_hq(args.members, args.db, args.data_dir, stack)
    if seeded:
        print(f"seeded HQ ({args.db}): {seeded}")
    hq = HqProcess(hq_url)
    till_dir = Path(tempfile.mkdtemp(prefix="sync-bootstrap-"))
    stack.callback(shutil.rmtree, till_dir, ignore_errors=True)
    try:
        cpu_before = hq.cpu_seconds()
        result = bootstrap_till(hq_url, hq.url, till_dir / "till")
        hq_cpu = hq.cpu_seconds() - cpu_before
    finally:
        hq.stop()
    raw_seconds, raw_rows = raw_same_writes(till_dir / "till", till_dir)
    ok_time, ok_mem = result["seconds"] <= TARGET_SECONDS, result["peak_rss_mb"] <= TARGET_MB
    print(f"bootstrap of a new PC from HQ ({args.db}) holding {args.members:,} members")
    print(f"  loaded      {result['members']:,} members, {result['ledger']:,} ledger entries")
    print(f"  wall        {result['seconds']:.1f} s   (target <= {TARGET_SECONDS} s: {'ok' if ok_time else 'MISSED'})")
    print(f"  peak RSS    {result['peak_rss_mb']:.0f} MB (target <= {TARGET_MB} MB: {'ok' if ok_mem else 'MISSED'})")
    print(f"  rate        {result['members'] / result['seconds']:,.0f} members/s")
    print(f"  till CPU    {result['cpu_seconds']:.1f} s (the till's process, all threads)")
    print(f"  HQ CPU      {hq_cpu:.1f} s over the same time (its own process)")
    print(f"  raw SQLite  {raw_seconds:.2f} s to write the same {raw_rows:,} rows ({raw_rows / raw_seconds:,.0f} rows/s)")
    print(benchkit.ratio_line("bootstrap", result["seconds"], raw_seconds, "raw SQLite"))
    print(benchkit.noise_line())
    if args.keep_till and args.db == "sqlite":
        kept = args.data_dir / f"sync-till-{args.members}"
        shutil.rmtree(kept, ignore_errors=True)
        shutil.move(str(till_dir / "till"), kept)
        print(f"  till kept in {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
