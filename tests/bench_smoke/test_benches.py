"""Every benchmark in bench/ runs green at a tiny size (`--small`) and prints its figures.

A bench that nobody runs breaks silently (issue 21: hq_push died on the 1 in 10 random `09…` numbers
that are not mobiles, which HQ rightly refuses). Here each one runs as its own process, as a person
would run it, and must exit 0 and print its figure lines, the noise probe and, where it measures
writes, its ratio to raw SQLite/PostgreSQL doing the same writes. Benches on PostgreSQL make a
throwaway database named after their process id: none may be left behind. Small runs keep out of
bench/data (the full-size caches live there).

The benches selected for this run are all queued when the first test needs one and run four at a
time (much of a small run is waiting: for a server to start, for PostgreSQL, for a child process);
each test then waits for its own. Under pytest-xdist each test starts just its own bench.
"""

from __future__ import annotations

import concurrent.futures
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data"
PG = "postgresql://postgres@127.0.0.1:5432/test"

NOISE = r"^noise probe +fixed CPU loop \([\d,]+ steps\) x\d+: median [\d.]+ ms, min [\d.]+, max [\d.]+, spread \d+%"
RATIO = r"^ratio to raw +[\d.]+x +\(.+ / raw .+\)$"

# bench -> (extra arguments, lines it must print, whether it uses PostgreSQL); the longest-running first
BENCHES: dict[str, tuple[list[str], list[str], bool]] = {
    "ui_stall": ([], [r"^push: during the sync .+ +[\d.]+ +[\d.]+ +[\d.]+", r"^pull: max stall [\d.]+ ms"], False),
    "hq_push": ([], [r"^events +1,000 from 1 terminal", r"^HQ over HTTP +[\d,]+ events/s",
                     r"^raw PostgreSQL +[\d,]+ events/s", RATIO, r"^batch latency +p50 \d+ ms"], True),
    "sync_reconcile": ([], [r"^  run 1 +[\d.]+ s .+1,000 members, \d+ buckets, 0 differing"], False),
    "hq_reports": ([], [r"^rollup from nothing: [\d,]+ rows", r"^summary, 30 days, chain: p50 [\d.]+ ms",
                        r"^RFM over [\d,]+ buyers", r"^member search by phone: p50 [\d.]+ ms"], True),
    "sync_bootstrap": ([], [r"^  loaded +1,000 members", r"^  wall +[\d.]+ s", r"^  raw SQLite +[\d.]+ s",
                            RATIO], False),
    "ui_start": ([], [r"^login screen first painted +\d+"], False),
    "pos_core": ([], [r"^find_member, phone +[\d.]+", r"^confirm_sale \(earn\+redeem\+outbox\) +[\d.]+",
                      r"^raw sqlite3 txn, scratch DB +[\d.]+", RATIO], False),
    "ui_scan": ([], [r"^USB scanner Enter -> painted +5 +[\d.]+", r"^camera frame -> painted +2 +[\d.]+"], False),
    "hq_reconcile": ([], [r"^members +2,000 on postgresql", r"^all digests +[\d.]+ s median of 1",
                          r"^one bucket +[\d.]+ ms median"], True),
    "seed": ([], [r"^seeded .+: 1,000 members, 5,000 ledger entries", r"^rate +[\d,]+ rows/s"], False),
    "sync_seed": ([], [r"^seeded HQ \(sqlite\) 2,000 members", r"^rate +[\d,]+ members/s"], False),
    "receipt_render": ([], [r"^  escpos-big5 +median +[\d.]+ ms", r"^  pdf-80 +median +[\d.]+ ms"], False),
}  # fmt: skip


def leftover_databases(pid: int) -> list[str]:
    """Databases a bench process made (benchkit names them prefix_<pid>_<random>) and did not drop."""
    with psycopg.connect(PG, autocommit=True) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (f"%\\_{pid}\\_%",)).fetchall()
    return [r[0] for r in rows]


def cached() -> set[str]:
    return {p.name for p in DATA.iterdir()} if DATA.exists() else set()


class Benches:
    """Bench processes, run by a few workers (a 2-core machine); output to files, not pipes."""

    WORKERS = 4

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.before = cached()
        self.pool = concurrent.futures.ThreadPoolExecutor(self.WORKERS, thread_name_prefix="bench-smoke")
        self.runs: dict[str, concurrent.futures.Future] = {}

    def start(self, bench: str) -> None:
        if bench not in self.runs:
            self.runs[bench] = self.pool.submit(self._run, bench)

    def _run(self, bench: str) -> tuple[int, str, str, int]:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
        out, err = self.folder / f"{bench}.out", self.folder / f"{bench}.err"
        command = [sys.executable, str(ROOT / "bench" / f"{bench}.py"), "--small", *BENCHES[bench][0]]
        with out.open("w") as stdout, err.open("w") as stderr:  # its own session: a hung bench goes with its HQ
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr, start_new_session=True)
        try:
            code = proc.wait(timeout=240)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            code = proc.wait()
        return code, out.read_text(), err.read_text(), proc.pid

    def result(self, bench: str) -> tuple[int, str, str, int]:
        self.start(bench)
        return self.runs[bench].result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="module")
def benches(request, tmp_path_factory):
    started = Benches(tmp_path_factory.mktemp("bench-smoke"))
    if "PYTEST_XDIST_WORKER" not in os.environ:  # this run's benches all queued at once, in BENCHES' order
        for bench in sorted(selected_benches(request.session.items), key=list(BENCHES).index):
            started.start(bench)
    yield started
    started.close()


def selected_benches(items) -> set[str]:
    """The benches of the tests this pytest run will run (`-k`, node ids and all)."""
    out = set()
    for item in items:
        callspec = getattr(item, "callspec", None)
        module = getattr(item, "module", None)
        if module is not None and module.__name__ == __name__ and callspec is not None and "bench" in callspec.params:
            out.add(callspec.params["bench"])
    return out


@pytest.mark.parametrize("bench", list(BENCHES))
def test_the_bench_runs_small_and_prints_its_figures(bench: str, benches: Benches) -> None:
    _, expected, uses_postgres = BENCHES[bench]

    code, out, err, pid = benches.result(bench)

    assert code == 0, f"bench/{bench}.py --small exited {code}:\n{err[-3000:]}"
    missing = [pattern for pattern in [*expected, NOISE] if not re.search(pattern, out, re.MULTILINE)]
    assert missing == [], f"bench/{bench}.py --small did not print {missing}; it printed:\n{out}"
    if uses_postgres:
        assert leftover_databases(pid) == []
    assert cached() == benches.before, "a small run wrote into bench/data"
