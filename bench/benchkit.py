"""What every benchmark shares: the noise probe, valid mobile numbers, `--small`, ratios to raw, scratch stores.

- `noise_probe()` / `noise_line()`: a fixed pure-Python loop timed several times (median and spread),
  so a reader can tell a figure taken on a busy machine. Every bench prints `noise_line()`.
- `mobile(i)`: the i-th of 90,000,000 distinct, valid Taiwanese mobile numbers (0900…–0989…;
  libphonenumber has no 099x mobiles, so `09` + any 8 digits is not a mobile one time in ten).
- `parse_args(parser, argv, **small)`: adds `--small`, which sets those sizes as defaults (an
  option given explicitly still wins). Small runs are what tests/bench_smoke runs in CI.
- `ratio_line(...)`: "how many times raw" in one format for every write benchmark.
- `pg_database()`: a throwaway PostgreSQL database (unique name, dropped WITH (FORCE) on exit).
- `tiny_till()`: a freshly seeded small till in a temporary directory (bench/seed.py), removed on exit.
- `raw_sqlite()`: a plain sqlite3 connection with the app's own pragmas (the floor for "the same writes").
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# -- the noise probe ------------------------------------------------------------------------------

PROBE_STEPS = 50_000  # ~2-3 ms of pure Python on this 2-vCPU machine when it is quiet
PROBE_RUNS = 9


def busy(steps: int = PROBE_STEPS) -> int:
    """Fixed pure-Python CPU work: how long it takes is a measure of how busy the machine is."""
    total = 0
    for i in range(steps):
        total += i * i
    return total


@dataclass(frozen=True)
class NoiseProbe:
    runs_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    @property
    def spread_pct(self) -> float:
        """(slowest - fastest) / median: a few % on a quiet machine, tens of % on a busy one."""
        return 100 * (max(self.runs_ms) - min(self.runs_ms)) / self.median_ms

    def as_dict(self) -> dict:
        return {"steps": PROBE_STEPS, "runs_ms": [round(r, 3) for r in self.runs_ms],
                "median_ms": round(self.median_ms, 3), "spread_pct": round(self.spread_pct, 1)}  # fmt: skip


def noise_probe(runs: int = PROBE_RUNS) -> NoiseProbe:
    busy(1000)  # warm
    out = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        busy()
        out.append((time.perf_counter_ns() - start) / 1e6)
    return NoiseProbe(tuple(out))


def noise_line(probe: NoiseProbe | None = None) -> str:
    p = probe or noise_probe()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"noise probe       fixed CPU loop ({PROBE_STEPS:,} steps) x{len(p.runs_ms)}: median {p.median_ms:.2f} ms, "
            f"min {min(p.runs_ms):.2f}, max {max(p.runs_ms):.2f}, spread {p.spread_pct:.0f}%; load {load}")  # fmt: skip


# -- phone numbers --------------------------------------------------------------------------------

MOBILES = 90_000_000  # national significant numbers 9[0-8]xxxxxxx: every one a valid Taiwanese mobile
_SPREAD = 48_271  # prime, coprime with MOBILES: i -> i * _SPREAD is a permutation, neighbours far apart


def mobile(i: int, e164: bool = False) -> str:
    """The i-th distinct valid Taiwanese mobile number ('09xxxxxxxx', or '+8869xxxxxxxx')."""
    if not 0 <= i < MOBILES:
        raise ValueError(f"mobile index out of range: {i}")
    digits = f"{i * _SPREAD % MOBILES:08d}"
    return f"+8869{digits}" if e164 else f"09{digits}"


# -- command line ---------------------------------------------------------------------------------


def parse_args(parser: argparse.ArgumentParser, argv: list[str] | None = None, **small) -> argparse.Namespace:
    """`--small`: a quick run at a tiny size (the sizes given here; an option on the command line wins)."""
    sizes = ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in small.items() if v is not None and v is not True)
    parser.add_argument("--small", action="store_true", help=f"a quick run at a tiny size ({sizes})")
    argv = sys.argv[1:] if argv is None else argv
    if "--small" in argv:
        parser.set_defaults(**small)
    return parser.parse_args(argv)


# -- ratios to raw --------------------------------------------------------------------------------


def ratio_line(what: str, seconds: float, raw_seconds: float, raw_what: str) -> str:
    """One format for every write benchmark: the product's time over raw's for the same writes, same run."""
    return (f"ratio to raw      {seconds / raw_seconds:.2f}x   ({what} {_duration(seconds)} / {raw_what} "
            f"{_duration(raw_seconds)})")  # fmt: skip


def _duration(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.3f} ms"


# -- scratch stores -------------------------------------------------------------------------------


@contextlib.contextmanager
def pg_database(admin_url: str = PG_ADMIN_URL, prefix: str = "bench") -> Iterator[str]:
    """A fresh PostgreSQL database with a unique name; its SQLAlchemy URL; dropped on exit."""
    import sqlalchemy as sa

    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def tiny_till(members: int = 300, ledger: int = 1_500) -> Iterator[Path]:
    """A till seeded by bench/seed.py in a temporary directory (with the phones file beside it)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import seed

    with tempfile.TemporaryDirectory(prefix="bench-till-") as tmp:
        till = Path(tmp) / "till"
        seed.seed(till, members, ledger)
        yield till


def raw_sqlite(path: Path, **pragmas: str) -> sqlite3.Connection:
    """Plain sqlite3 with the app's connection pragmas (WAL, synchronous=FULL, ...), then `pragmas`."""
    from sqlite_setup import PRAGMAS

    con = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
    for pragma in PRAGMAS:
        con.execute(f"PRAGMA {pragma}")
    for name, value in pragmas.items():
        con.execute(f"PRAGMA {name}={value}")
    return con
