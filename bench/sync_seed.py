"""Shared by the sync benchmarks: an HQ database holding N members, and HQ running in its own process.

- `seed_hq(url, members)`: migrates an empty HQ database (SQLite or PostgreSQL) and bulk-loads
  N members with their ledgers (a sign-up bonus each, earnings for 60%, a redemption for 20%),
  spend rows, balances and reconciliation buckets consistent with the ledger. Raw DBAPI bulk
  loads (sqlite3 executemany with the journal off / PostgreSQL COPY), not the API: seeding is
  not what is measured.
- `HqProcess(url)`: `python -m hq serve` on a free loopback port, in its own process (so the
  till's figures are the till's alone); `cpu_seconds()` reads its CPU time from /proc.
- `sqlite_cache(members, data)`: where the seeded SQLite HQ is kept between runs (bench/data/).

On its own, the seeding throughput (the time every sync bench spends before it measures):

    .venv/bin/python bench/sync_seed.py [--members 100000] [--db sqlite|postgres] [--small]

seeds a temporary SQLite file or a throwaway PostgreSQL database and prints members and rows per
second, and the noise probe (bench/benchkit.py). `--small`: 2,000 members (the CI smoke run).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402

from hq.services import admin  # noqa: E402
from hq.storage import db as hq_db  # noqa: E402
from hq.storage import migrate  # noqa: E402
from loyalty_core.ledger import lot_expiry  # noqa: E402
from loyalty_core.reconcile import bucket_of  # noqa: E402

DATA = ROOT / "bench" / "data"
STORE_ID = "S001"
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
SURNAMES = "王李張陳林黃吳劉蔡楊"
GIVEN = ["小明", "美玲", "志強", "雅婷", "家豪", "淑芬", "俊傑", "怡君"]
ENGLISH = ["Alice Chen", "Bob Lin", "Carol Wu", "David Ho", "Emma Tsai", "Frank Lee"]


def sqlite_cache(members: int, data: Path = DATA) -> Path:
    return data / f"sync-hq-{members}.sqlite3"


def member_code(i: int) -> str:
    """Distinct, valid member codes (an M and 10 characters of the card alphabet), spread over the space."""
    n = (i * 0x9E3779B97F4A7) % (32**10)
    chars = []
    for _ in range(10):
        n, d = divmod(n, 32)
        chars.append(ALPHABET[d])
    return "M" + "".join(chars)


def _rows(members: int, seed: int = 7):
    """Yields (member, [ledger rows], [spend rows]) with consistent balances."""
    rng = random.Random(seed)
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)
    for i in range(members):
        code = member_code(i)
        enrolled = today - dt.timedelta(days=rng.randrange(700))
        name = ENGLISH[i % len(ENGLISH)] if i % 5 == 0 else SURNAMES[i % 10] + GIVEN[(i // 10) % len(GIVEN)]
        entries = [(f"seed:{i}:s", code, "signup", 100, enrolled, lot_expiry(enrolled))]
        spend = []
        if rng.random() < 0.6:
            day = enrolled + dt.timedelta(days=rng.randrange(max(1, (today - enrolled).days)))
            cents = rng.randrange(5_000, 900_000)
            entries.append((f"seed:{i}:e", code, "earn", cents // 100, day, lot_expiry(day)))
            spend.append((code, day, cents, f"seed:{i}"))
            if rng.random() < 0.33:
                entries.append((f"seed:{i}:r", code, "redeem", -100, day, None))
        balance = sum(e[3] for e in entries)
        tier = (
            "silver" if spend and spend[0][2] >= 500_000 and spend[0][1] > today - dt.timedelta(days=365) else "basic"
        )
        member = {
            "member_code": code, "phone": benchkit.mobile(i, e164=True), "name": name, "birthday": None, "consent_terms": True,
            "consent_marketing": i % 3 == 0, "tier": tier, "enrolled_at": f"{enrolled.isoformat()}T10:00:00+08:00",
            "home_store": STORE_ID, "referrer_code": None, "status": "active", "merged_into": None,
            "balance": balance, "flags": "", "first_sale_on": spend[0][1] if spend else None,
            "bucket": bucket_of(code), "reviewed_year": None, "created_at": now,
        }  # fmt: skip
        yield member, entries, spend


MEMBER_COLS = ("member_code", "phone", "name", "birthday", "consent_terms", "consent_marketing", "tier", "enrolled_at",
               "home_store", "referrer_code", "status", "merged_into", "balance", "flags", "first_sale_on", "bucket",
               "reviewed_year", "created_at")  # fmt: skip


def seed_hq(url: str, members: int, chunk: int = 20_000) -> dict:
    """Migrates and bulk-loads an empty HQ database; returns counts and seconds."""
    started = time.monotonic()
    engine = hq_db.make_engine(url)
    migrate.upgrade(engine)
    now = dt.datetime.now(dt.UTC)
    hq_db.write(engine, lambda c: admin.add_store(c, STORE_ID, "Bench store", now))
    engine.dispose()
    load = _load_sqlite if url.startswith("sqlite") else _load_pg
    counts = load(url, members, chunk)
    return {**counts, "seconds": round(time.monotonic() - started, 3)}


def _batches(members: int, chunk: int):
    m, ledger, spend = [], [], []
    for member, entries, spends in _rows(members):
        m.append(member)
        ledger.extend(entries)
        spend.extend(spends)
        if len(m) >= chunk:
            yield m, ledger, spend
            m, ledger, spend = [], [], []
    if m:
        yield m, ledger, spend


def _load_sqlite(url: str, members: int, chunk: int) -> dict:
    path = url.split("///", 1)[1]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    counts = {"members": 0, "ledger": 0, "spend": 0}
    conn.execute("BEGIN")
    for m, ledger, spend in _batches(members, chunk):
        conn.executemany(
            f"INSERT INTO members ({', '.join(MEMBER_COLS)}) VALUES ({', '.join('?' * len(MEMBER_COLS))})",
            [tuple(_sqlite_value(r[c]) for c in MEMBER_COLS) for r in m],
        )
        conn.executemany(
            "INSERT INTO ledger (entry_id, member_code, kind, points, on_date, expires_on, event_id) "
            "VALUES (?, ?, ?, ?, ?, ?, 'seed')",
            [(e[0], e[1], e[2], e[3], e[4].isoformat(), e[5].isoformat() if e[5] else None) for e in ledger],
        )
        conn.executemany("INSERT INTO spend (member_code, on_date, cents, source) VALUES (?, ?, ?, ?)",
                         [(s[0], s[1].isoformat(), s[2], s[3]) for s in spend])  # fmt: skip
        counts["members"] += len(m)
        counts["ledger"] += len(ledger)
        counts["spend"] += len(spend)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("ANALYZE")
    conn.close()
    return counts


def _sqlite_value(v):
    if isinstance(v, dt.datetime):  # as SQLAlchemy stores DateTime on SQLite
        return v.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def _load_pg(url: str, members: int, chunk: int) -> dict:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    counts = {"members": 0, "ledger": 0, "spend": 0}
    with psycopg.connect(dsn) as conn, conn.cursor() as cur:
        for m, ledger, spend in _batches(members, chunk):
            with cur.copy(f"COPY members ({', '.join(MEMBER_COLS)}) FROM STDIN") as copy:
                for r in m:
                    copy.write_row(tuple(r[c] for c in MEMBER_COLS))
            with cur.copy("COPY ledger (entry_id, member_code, kind, points, on_date, expires_on, event_id) "
                          "FROM STDIN") as copy:  # fmt: skip
                for e in ledger:
                    copy.write_row((*e, "seed"))
            with cur.copy("COPY spend (member_code, on_date, cents, source) FROM STDIN") as copy:
                for s in spend:
                    copy.write_row(s)
            counts["members"] += len(m)
            counts["ledger"] += len(ledger)
            counts["spend"] += len(spend)
        conn.commit()
        cur.execute("ANALYZE")
        conn.commit()
    return counts


def new_terminal(url: str) -> tuple[str, str]:
    """A fresh terminal (and its token) of the bench store."""
    engine = hq_db.make_engine(url)
    terminal = f"B{uuid.uuid4().hex[:6]}"
    token = hq_db.write(engine, lambda c: admin.add_terminal(c, STORE_ID, terminal, dt.datetime.now(dt.UTC)))["token"]
    engine.dispose()
    return terminal, token


class HqProcess:
    """`python -m hq serve` in its own process on a free loopback port."""

    def __init__(self, url: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "hq", "--db", url, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("HQ did not start")
            time.sleep(0.1)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)


# -- on its own: the seeding throughput -----------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--members", type=int, default=100_000)
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    args = benchkit.parse_args(p, argv, members=2_000)
    with contextlib.ExitStack() as stack:
        if args.db == "postgres":
            url = stack.enter_context(benchkit.pg_database(prefix="sync_bench"))
        else:
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory(prefix='sync-seed-'))}/hq.sqlite3"
        info = seed_hq(url, args.members)
    rows = info["members"] + info["ledger"] + info["spend"]
    print(f"seeded HQ ({args.db}) {info['members']:,} members, {info['ledger']:,} ledger entries, "
          f"{info['spend']:,} spend rows in {info['seconds']:.1f} s (migrations included)")  # fmt: skip
    print(f"rate              {info['members'] / info['seconds']:,.0f} members/s, {rows / info['seconds']:,.0f} rows/s")
    print(benchkit.noise_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
