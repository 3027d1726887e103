"""Benchmark: a new store PC bootstraps from an HQ holding 1,000,000 members.

    .venv/bin/python bench/sync_bootstrap.py [--members 1000000] [--db sqlite|postgres] [--keep-till]

- HQ is seeded once by bulk SQL (bench/sync_seed.py; the SQLite HQ is cached in bench/data/,
  a PostgreSQL HQ is a fresh database, dropped at the end) and runs as `python -m hq serve`
  in its own process.
- A fresh till (a new terminal registered with HQ) runs one sync cycle in a child process:
  the paged snapshot (every member with their ledger), then the feed until caught up.
- Printed: wall seconds of the bootstrap, the child's peak RSS (resource.getrusage in the
  child itself), members/ledger rows loaded, and HQ's CPU seconds over the same time.
  Targets: <= 60 s, <= 300 MB.
- With --keep-till the bootstrapped till stays in bench/data/ for bench/sync_reconcile.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync_seed import DATA, HqProcess, drop_pg, new_terminal, pg_database, seed_hq, sqlite_cache  # noqa: E402

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


def prepare_hq(members: int, db: str) -> tuple[str, str | None, dict | None]:
    """(url, pg database to drop or None, seed info or None if cached)."""
    if db == "postgres":
        url, name = pg_database()
        return url, name, seed_hq(url, members)
    path = sqlite_cache(members)
    if path.exists():
        return f"sqlite:///{path}", None, None
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    tmp.unlink(missing_ok=True)
    info = seed_hq(f"sqlite:///{tmp}", members)
    tmp.rename(path)
    return f"sqlite:///{path}", None, info


def bootstrap_till(hq_url: str, api_url: str, till_dir: Path) -> dict:
    from pos_app import config

    terminal, token = new_terminal(hq_url)
    config.init_terminal(till_dir, "S001", terminal, api_url, token)
    proc = subprocess.run([sys.executable, __file__, "--child", str(till_dir)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--keep-till", action="store_true")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child)
        return 0

    hq_url, pg_name, seeded = prepare_hq(args.members, args.db)
    if seeded:
        print(f"seeded HQ ({args.db}): {seeded}")
    hq = HqProcess(hq_url)
    till_dir = Path(tempfile.mkdtemp(prefix="sync-bootstrap-"))
    try:
        cpu_before = hq.cpu_seconds()
        result = bootstrap_till(hq_url, hq.url, till_dir / "till")
        hq_cpu = hq.cpu_seconds() - cpu_before
    finally:
        hq.stop()
        if pg_name:
            drop_pg(pg_name)
    ok_time, ok_mem = result["seconds"] <= TARGET_SECONDS, result["peak_rss_mb"] <= TARGET_MB
    print(f"bootstrap of a new PC from HQ ({args.db}) holding {args.members:,} members")
    print(f"  loaded      {result['members']:,} members, {result['ledger']:,} ledger entries")
    print(f"  wall        {result['seconds']:.1f} s   (target <= {TARGET_SECONDS} s: {'ok' if ok_time else 'MISSED'})")
    print(f"  peak RSS    {result['peak_rss_mb']:.0f} MB (target <= {TARGET_MB} MB: {'ok' if ok_mem else 'MISSED'})")
    print(f"  rate        {result['members'] / result['seconds']:,.0f} members/s")
    print(f"  till CPU    {result['cpu_seconds']:.1f} s (the till's process, all threads)")
    print(f"  HQ CPU      {hq_cpu:.1f} s over the same time (its own process)")
    if args.keep_till and args.db == "sqlite":
        kept = DATA / f"sync-till-{args.members}"
        shutil.rmtree(kept, ignore_errors=True)
        shutil.move(str(till_dir / "till"), kept)
        print(f"  till kept in {kept}")
    shutil.rmtree(till_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
