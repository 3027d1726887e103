"""Benchmark: the nightly reconciliation of a till holding 1,000,000 members already in sync with HQ.

    .venv/bin/python bench/sync_reconcile.py [--members 1000000] [--runs 2] [--drift N] [--data-dir DIR] [--small]

Uses the seeded SQLite HQ and the bootstrapped till that bench/sync_bootstrap.py leaves in
bench/data/ (it runs that first, with --keep-till, if they are missing). HQ runs as
`python -m hq serve` in its own process; the till reconciles in a child process:

- `reconcile`: what the nightly job does after its push and pull: HQ's 1,024 bucket digests
  against ours (every active member's settled balance, hashed in member-code order), then
  the members of differing buckets (none here). Target: <= 30 s.
- `--drift N`: N of HQ's entries are deleted at the till first; run 1 then also finds the
  differing buckets, compares their members and repairs each one (HQ wins), run 2 is clean.
- `push+pull`: the sync cycle the nightly job runs first (nothing to do here), for information.
- the child's peak RSS and CPU, and HQ's CPU over the same time; the noise probe (bench/benchkit.py).
`--small`: 1,000 members, 1 run, HQ and till bootstrapped afresh in a temporary directory (the CI smoke run).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402
from sync_seed import DATA, HqProcess  # noqa: E402

TARGET_SECONDS = 30


def child(data_dir: Path, runs: int, drift: int) -> None:
    from pos_app.bootstrap import build_app

    app = build_app(data_dir)
    started = time.perf_counter()
    app.sync.run_once()
    cycle = time.perf_counter() - started
    results = []
    if drift:  # lose some of HQ's entries here: the first run finds and repairs them
        with app.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM ledger WHERE id IN (SELECT id FROM ledger WHERE event_id IS NULL "
                                 f"ORDER BY random() LIMIT {int(drift)})")  # fmt: skip
    for _ in range(runs):
        started = time.perf_counter()
        result = app.sync.reconciler.run()
        results.append({"seconds": round(time.perf_counter() - started, 2), **result})
    app.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"cycle_seconds": round(cycle, 2), "runs": results,
                      "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
                      "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1)}))  # fmt: skip


def point_till_at(till: Path, url: str) -> None:
    from pos_app import config

    cfg = dataclasses.replace(config.load(till), hq_url=url)
    (till / "config.json").write_text(json.dumps(dataclasses.asdict(cfg), indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=2)
    p.add_argument("--drift", type=int, default=0, help="delete this many ledger entries first (run 1 repairs them)")
    p.add_argument("--data-dir", type=Path, help="where sync_bootstrap.py keeps the HQ and the till; default "
                   "bench/data, with --small a temporary directory")  # fmt: skip
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = benchkit.parse_args(p, argv, members=1_000, runs=1)
    if args.child:
        child(args.child, args.runs, args.drift)
        return 0
    with contextlib.ExitStack() as stack:
        if args.data_dir is None:
            args.data_dir = Path(stack.enter_context(tempfile.TemporaryDirectory())) if args.small else DATA
        return run(args)


def bootstrap_into(till: Path, hq: HqProcess, hq_url: str) -> None:
    """As `sync_bootstrap.py --keep-till` does, with the HQ already running (one HQ start fewer)."""
    import shutil

    from sync_bootstrap import bootstrap_till

    work = Path(tempfile.mkdtemp(prefix="sync-reconcile-", dir=till.parent))
    bootstrap_till(hq_url, hq.url, work / "till")
    shutil.move(str(work / "till"), till)
    shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    from sync_bootstrap import prepare_hq

    till = args.data_dir / f"sync-till-{args.members}"
    with contextlib.ExitStack() as stack:  # the cached SQLite HQ, seeded first if missing
        hq_url, _ = prepare_hq(args.members, "sqlite", args.data_dir, stack)
    hq = HqProcess(hq_url)
    try:
        if not till.exists():
            bootstrap_into(till, hq, hq_url)
        point_till_at(till, hq.url)
        cpu_before = hq.cpu_seconds()
        proc = subprocess.run([sys.executable, __file__, "--child", str(till), "--runs", str(args.runs),
                               "--drift", str(args.drift)],
                              capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})  # fmt: skip
        hq_cpu = hq.cpu_seconds() - cpu_before
    finally:
        hq.stop()
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"nightly reconciliation, {args.members:,} members already in sync (HQ on SQLite)")
    for i, r in enumerate(result["runs"], 1):
        ok = r["seconds"] <= TARGET_SECONDS
        print(f"  run {i}       {r['seconds']:.1f} s   (target <= {TARGET_SECONDS} s: {'ok' if ok else 'MISSED'}); "
              f"{r['members']:,} members, {r['buckets']} buckets, {r['buckets_differing']} differing, "
              f"{r['differences']} differences, {r['fixed']} fixed")  # fmt: skip
    print(f"  push+pull   {result['cycle_seconds']:.1f} s (the cycle the nightly job runs first)")
    print(f"  peak RSS    {result['peak_rss_mb']:.0f} MB; till CPU {result['cpu_seconds']:.1f} s; "
          f"HQ CPU {hq_cpu:.1f} s")  # fmt: skip
    print(benchkit.noise_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
