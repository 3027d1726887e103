"""Benchmark: till events pushed over real HTTP to HQ on PostgreSQL, against raw PostgreSQL.

    .venv/bin/python bench/hq_push.py [--events 100000] [--terminals 1] [--pg URL] [--small]

Starts `python -m hq serve` (uvicorn) on a loopback port against a fresh
database, pushes N events (10% enrollments, then sales that earn and
sometimes redeem) in batches of 500, then writes every row HQ wrote for them
(events, ledger, spend, feed, new members and balance updates) again with plain
psycopg `executemany` + ON CONFLICT DO NOTHING (one transaction per batch, like
HQ) into copies of HQ's tables, and prints both rates and their ratio.
With --terminals 50, fifty pushers run at once; it also prints batch latency, and the
noise probe (bench/benchkit.py). `--small`: 1,000 events (the CI smoke run).
"""

import argparse
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psycopg
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402

from hq.services import admin  # noqa: E402
from hq.storage import db, migrate  # noqa: E402
from loyalty_core import pricing  # noqa: E402
from loyalty_core.ids import member_code, uuid7  # noqa: E402
from loyalty_core.rules import RuleSet  # noqa: E402

BATCH = 500


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--terminals", type=int, default=1)
    p.add_argument("--pg", default=benchkit.PG_ADMIN_URL, help="an existing database to create the bench database from")
    p.add_argument("--workers", type=int, default=1, help="uvicorn worker processes for HQ")
    p.add_argument("--seed", type=int, default=7)
    return benchkit.parse_args(p, argv, events=1_000)


# -- the events a till would push -------------------------------------------------------------


def till_events(store: str, terminal: str, n: int, rng: random.Random, first_phone: int = 0) -> list[dict]:
    """n events from one terminal: enrollments first (mobiles from `first_phone` on), then sales for those members."""
    seq, members, events = 0, [], []
    day = "2026-11-24"

    def envelope(type_: str, payload: dict) -> dict:
        nonlocal seq
        seq += 1
        return {"event_id": uuid7(), "type": type_, "store_id": store, "terminal_id": terminal, "seq": seq,
                "occurred_at": f"{day}T10:15:00+08:00", "rules_version": 1, "payload": payload}  # fmt: skip

    for i in range(n):
        if i < max(1, n // 10):
            code = member_code()
            members.append(code)
            member = {"member_code": code, "phone": benchkit.mobile(first_phone + i), "name": "Bench Member",
                      "birthday": None, "consent_terms": True, "consent_marketing": False, "tier": "basic",
                      "enrolled_at": f"{day}T09:00:00+08:00", "home_store": store, "referrer_code": None,
                      "status": "active", "merged_into": None}  # fmt: skip
            signup = _entry(code, "signup", 100, day)
            events.append(envelope("member.enrolled", {"member": member, "ledger": [signup], "actor": "C1"}))
        else:
            events.append(envelope("sale.confirmed", _sale(rng.choice(members), rng, day, seq + 1, store, terminal)))
    return events


def _entry(code: str, kind: str, points: int, day: str) -> dict:
    return {"entry_id": uuid7(), "member_code": code, "kind": kind, "points": points, "on": day,
            "expires_on": "2027-11-30" if points > 0 else None}  # fmt: skip


_RULES = RuleSet.from_dict(json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8")))


def _sale(code: str, rng: random.Random, day: str, seq: int, store: str = "S001", terminal: str = "T01") -> dict:
    """A sale priced as a real till prices it (HQ recomputes it and finds the same numbers)."""
    paid = rng.randrange(1_000, 50_000)
    redeem = 100 if rng.random() < 0.1 else 0
    terms = pricing.MemberTerms(code, "basic", None, redeem)
    q = pricing.quote(_RULES, terms, [pricing.CartLine("TEA-500", "drinks", paid, 1)], dt.date.fromisoformat(day),
                      redeem)  # fmt: skip
    entries = [_entry(code, "earn", q.points_earned, day)] + ([_entry(code, "redeem", -redeem, day)] if redeem else [])
    return {"receipt_no": f"R-{store}-{terminal}-{seq:06d}", "member_code": code,
            "lines": [line.to_dict() for line in q.lines], "subtotal_cents": q.subtotal_cents,
            "discount_cents": q.discount_cents, "coupon_id": None, "coupon_cents": 0,
            "points_redeemed": redeem, "redeem_cents": q.redeem_cents, "paid_cents": q.paid_cents,
            "points_earned": q.points_earned, "spend_cents": q.paid_cents, "tier_code": "basic",
            "ledger": entries}  # fmt: skip


# -- the database and the server --------------------------------------------------------------


def register_terminals(url: str, n: int) -> list[tuple[str, str, str]]:
    engine = db.make_engine(url)
    migrate.upgrade(engine)
    now = dt.datetime(2025, 11, 24, tzinfo=dt.UTC)  # provisioned before the events (HQ flags events before it)

    def work(conn):
        out = []
        for i in range(n):
            store = f"S{i:03d}"
            admin.add_store(conn, store, f"Bench store {i}", now)
            out.append((store, "T01", admin.add_terminal(conn, store, "T01", now)["token"]))
        return out

    terminals = db.write(engine, work)
    engine.dispose()
    return terminals


def start_server(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "hq", "--db", url, "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("HQ did not start")


# -- pushing ----------------------------------------------------------------------------------


def push_all(base: str, token: str, bodies: list[bytes], latencies: list[float]) -> int:
    applied = 0
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    with httpx.Client(base_url=base, headers=headers, timeout=120) as http:
        for body in bodies:
            start = time.perf_counter()
            response = http.post("/sync/push", content=body)
            latencies.append(time.perf_counter() - start)
            response.raise_for_status()
            applied += sum(r["status"] == "applied" for r in response.json()["results"])
    return applied


def batches(events: list[dict]) -> list[list[dict]]:
    return [events[i : i + BATCH] for i in range(0, len(events), BATCH)]


def run_hq(base: str, work: list[tuple[str, list[list[dict]]]]) -> tuple[float, int, list[float]]:
    bodies = [(token, [json.dumps({"events": b}).encode() for b in bs]) for token, bs in work]
    latencies: list[float] = []
    applied = [0] * len(bodies)

    def pusher(i: int) -> None:
        applied[i] = push_all(base, bodies[i][0], bodies[i][1], latencies)

    threads = [threading.Thread(target=pusher, args=(i,)) for i in range(len(bodies))]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sum(applied), latencies


# -- raw PostgreSQL doing the same writes ----------------------------------------------------
#
# The floor for "the same rows": every row HQ wrote for a batch (events, ledger entries, spend,
# feed rows, new members, and the balance update of each member the batch touched), read back
# from HQ's own tables after the HQ run, then written again by plain psycopg executemany +
# ON CONFLICT DO NOTHING into copies of those tables (same columns, keys and indexes), one
# transaction per batch. Rows are prepared before the clock starts.

RAW_TABLES = ("members", "events", "ledger", "spend", "feed")
MEMBER_UPDATE = "UPDATE raw_members SET balance = %s, tier = %s, flags = %s, first_sale_on = %s WHERE member_code = %s"


def same_rows(conn: psycopg.Connection, batch: list[dict]) -> dict[str, list[tuple]]:
    """What HQ stored for one pushed batch, as plain tuples per table."""
    ids = [e["event_id"] for e in batch]
    enrolled = [e["payload"]["member"]["member_code"] for e in batch if e["type"] == "member.enrolled"]

    def rows(sql: str, *params) -> list[tuple]:
        return conn.execute(sql, params).fetchall()

    ledger = rows("SELECT * FROM ledger WHERE event_id = ANY(%s)", ids)
    touched = sorted({r[2] for r in ledger} - set(enrolled))  # ledger column 2: member_code
    received = rows("SELECT received_at FROM events WHERE event_id = %s", ids[0])[0][0]
    return {
        "members": rows("SELECT * FROM members WHERE member_code = ANY(%s)", enrolled),
        "events": rows("SELECT * FROM events WHERE event_id = ANY(%s)", ids),
        "ledger": ledger,
        "spend": rows("SELECT * FROM spend WHERE source = ANY(%s)", ids),
        "feed": rows("SELECT * FROM feed WHERE created_at = %s", received),
        "updates": rows(
            "SELECT balance, tier, flags, first_sale_on, member_code FROM members WHERE member_code = ANY(%s)", touched
        ),
    }


def run_raw(url: str, all_batches: list[list[dict]]) -> tuple[float, int]:
    """Seconds raw PostgreSQL takes to write the rows HQ wrote, and how many rows that is."""
    dsn = sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        prepared = [same_rows(conn, batch) for batch in all_batches]
        for table in RAW_TABLES:
            conn.execute(f"CREATE TABLE raw_{table} (LIKE {table} INCLUDING ALL)")
        conn.commit()
        start = time.perf_counter()
        for batch in prepared:
            with conn.cursor() as cur:
                for table in RAW_TABLES:
                    if batch[table]:
                        marks = ", ".join(["%s"] * len(batch[table][0]))
                        cur.executemany(
                            f"INSERT INTO raw_{table} VALUES ({marks}) ON CONFLICT DO NOTHING", batch[table]
                        )
                if batch["updates"]:
                    cur.executemany(MEMBER_UPDATE, batch["updates"])
            conn.commit()
        seconds = time.perf_counter() - start
    rows = sum(len(rs) for batch in prepared for rs in batch.values())
    return seconds, rows


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    rng = random.Random(args.seed)
    with benchkit.pg_database(args.pg, "hq_bench") as url:
        proc = None
        try:
            terminals = register_terminals(url, args.terminals)
            share = args.events // args.terminals
            work = [(token, batches(till_events(store, term, share, rng, first_phone=i * share)))
                    for i, (store, term, token) in enumerate(terminals)]  # fmt: skip
            total = share * args.terminals
            proc, base = start_server(url, args.workers)
            seconds, applied, latencies = run_hq(base, work)
            if applied != total:  # every event is valid: anything else is a broken bench (or HQ)
                raise SystemExit(f"only {applied} of {total} events applied")
            raw_seconds, raw_rows = run_raw(url, [b for _, bs in work for b in bs])
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(10)
    report(args, total, seconds, raw_seconds, raw_rows, latencies)
    return 0


def report(args, total: int, seconds: float, raw_seconds: float, raw_rows: int, latencies: list[float]) -> None:
    rate, raw_rate = total / seconds, total / raw_seconds
    lat = sorted(latencies)
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
    print(
        f"events            {total:,} from {args.terminals} terminal(s), batches of {BATCH}, {args.workers} worker(s)"
    )
    print(f"HQ over HTTP      {rate:,.0f} events/s  ({seconds:.2f} s)")
    print(
        f"raw PostgreSQL    {raw_rate:,.0f} events/s  ({raw_seconds:.2f} s: the same {raw_rows:,} rows HQ wrote, "
        f"{raw_rows / raw_seconds:,.0f} rows/s, executemany + ON CONFLICT DO NOTHING)"
    )
    print(benchkit.ratio_line("HQ", seconds, raw_seconds, "raw PostgreSQL"))
    verdict = "met" if rate >= 5000 and raw_rate / rate <= 3 else "NOT met"
    print(f"targets           HQ >= 5,000 events/s and <= 3x raw: {verdict}")
    print(f"batch latency     p50 {statistics.median(lat) * 1000:.0f} ms   p99 {p99 * 1000:.0f} ms")
    print(benchkit.noise_line())


if __name__ == "__main__":
    sys.exit(main())
