"""kill -9 at random moments: nothing a cashier was told is confirmed may be lost or half-written."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pos_app import bootstrap, config

from .support import SUPERVISOR, SUPERVISOR_PIN, TUESDAY

CHILD = Path(__file__).with_name("crash_child.py")
REPO = Path(__file__).resolve().parents[2]
ROUNDS = 50


def run_and_kill(data_dir: Path, member_code: str, rng: random.Random, round_no: int, log: Path) -> list[str]:
    """Starts the child, kills it at a random moment, returns the receipts it reported."""
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), member_code],
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=REPO,
        )
    lines: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        for raw in proc.stdout:
            lines.append(raw)
            if raw == b"READY\n":
                ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if round_no % 10 == 9:
            time.sleep(rng.uniform(0.0, 0.6))  # now and then, while the till is still starting up
        else:
            assert ready.wait(60), f"the child never got ready: {log.read_text(errors='replace')[-2000:]}"
            time.sleep(rng.uniform(0.002, 0.25))
        assert proc.poll() is None, f"the child died on its own: {log.read_text(errors='replace')[-2000:]}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
        reader.join(30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    # only whole lines count: a line cut by the kill was never shown to anyone
    return [raw.decode().strip() for raw in lines if raw.endswith(b"\n") and raw.startswith(b"R-")]


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_every_sale_reported_by_a_till_killed_50_times_is_stored_whole_with_its_event(tmp_path):
    data_dir = tmp_path / "till"
    config.init_terminal(data_dir, "S001", "T01")
    app = bootstrap.build_app(data_dir, clock=lambda: TUESDAY)
    app.cashiers.add(SUPERVISOR, "Test Supervisor", SUPERVISOR_PIN, role="supervisor")
    member = app.pos.enroll(phone="0912345678", name="Crash Test", consent_terms=True)
    app.pos.adjust(member.member_code, 100_000, "goodwill", SUPERVISOR)
    app.close()
    events_before = 2

    seed = int(os.environ.get("CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    reported: list[str] = []
    started = time.monotonic()
    for round_no in range(ROUNDS):
        reported += run_and_kill(data_dir, member.member_code, rng, round_no, tmp_path / "child.log")
    elapsed = time.monotonic() - started
    print(f"crash test: seed={seed} rounds={ROUNDS} reported={len(reported)} in {elapsed:.1f}s")
    assert len(reported) >= ROUNDS, f"too few sales to mean anything (seed {seed})"
    assert len(reported) == len(set(reported)), "a receipt number was handed out twice"

    raw = sqlite3.connect(data_dir / "pos.sqlite3")
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        sales = {r: json.loads(b) for r, b in raw.execute("SELECT receipt_no, body FROM sales")}
        outbox = [
            (seq, typ, json.loads(body))
            for seq, typ, body in raw.execute("SELECT seq, type, body FROM outbox ORDER BY seq")
        ]
        ledger = raw.execute("SELECT entry_id, member_code, points, ref, event_id FROM ledger").fetchall()
        spend = dict(raw.execute("SELECT ref, cents FROM spend WHERE ref LIKE 'R-%'").fetchall())
        counter = raw.execute("SELECT value FROM counters WHERE name = 'receipt'").fetchone()
        purchases = raw.execute(
            "SELECT purchases FROM members WHERE member_code = ?", (member.member_code,)
        ).fetchone()[0]
    finally:
        raw.close()

    print(f"crash test: {len(sales)} sales stored, {len(sales) - len(reported)} committed but killed before reporting")
    missing = [r for r in reported if r not in sales]
    assert not missing, f"confirmed sales lost after kill -9 (seed {seed}): {missing[:5]}"

    # the outbox: gap-free, each sale exactly once, nothing without its sale
    assert [seq for seq, _, _ in outbox] == list(range(1, len(outbox) + 1)), f"outbox seq has gaps (seed {seed})"
    sale_events = {}
    for seq, typ, event in outbox:
        assert event["seq"] == seq
        if typ == "sale.confirmed":
            receipt_no = event["payload"]["receipt_no"]
            assert receipt_no not in sale_events, f"{receipt_no} has two events"
            sale_events[receipt_no] = event
    assert len(outbox) == events_before + len(sale_events)
    assert set(sale_events) == set(sales), "a sale without its event, or an event without its sale"
    for receipt_no in reported:
        assert receipt_no in json.dumps(sale_events[receipt_no])

    # no half-written sale: its ledger rows, spend and counters all made it, or none did
    by_ref: dict[str, list] = {}
    for row in ledger:
        by_ref.setdefault(row[3], []).append(row)
    for receipt_no, body in sales.items():
        event = sale_events[receipt_no]
        rows = by_ref.get(receipt_no, [])
        assert rows, f"{receipt_no} has no ledger rows"
        assert {r[0] for r in rows} == {e["entry_id"] for e in event["payload"]["ledger"]}
        assert {r[4] for r in rows} == {event["event_id"]}
        assert sum(r[2] for r in rows) == body["points_earned"] - body["points_redeemed"]
        assert spend.get(receipt_no) == body["paid_cents"], f"{receipt_no} has no spend row"
    assert set(by_ref) - {"signup", "goodwill"} == set(sales), "ledger rows of a sale that is not there"
    assert set(spend) == set(sales)

    # receipt numbers were handed out without gaps by committed sales only
    numbers = sorted(int(r.rsplit("-", 1)[1]) for r in sales)
    assert numbers == list(range(1, len(sales) + 1))
    assert (counter[0] if counter else 0) == len(sales)
    assert purchases == len(sales)

    # and the till starts again and agrees with its ledger
    app = bootstrap.build_app(data_dir)
    try:
        view = app.pos.find_member(member.member_code)
        assert view.balance == sum(r[2] for r in ledger if r[1] == member.member_code)
    finally:
        app.close()
