"""SIGKILL the syncing till mid-push and mid-page: it restarts and converges, nothing lost or doubled."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from loyalty_core.pricing import CartLine
from pos_app.bootstrap import build_app
from tests.support.clock import NOW
from tests.sync.sync_harness import clone_sales, local_balances, local_ledger, make_till, outbox_counts, settle

CHILD = Path(__file__).with_name("sync_child.py")
ROOT = Path(__file__).resolve().parents[2]
TEA = [CartLine("TEA-500", "grocery", 12000, 1)]


def run_child(data_dir: Path, *args: str, kill_at: str | None = None, nth: int = 1) -> str:
    """Runs the child; SIGKILLs it the `nth` time it prints a line starting with `kill_at` (it is then
    inside an open transaction, about to commit)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    lines = []
    seen = 0
    try:
        for line in proc.stdout:
            lines.append(line.strip())
            seen += kill_at is not None and line.strip().startswith(kill_at)
            if kill_at is not None and seen == nth:
                proc.send_signal(signal.SIGKILL)
                proc.wait(10)
                return "killed"
            if line.startswith("done "):
                proc.wait(10)
                return "done"
        proc.wait(10)
        raise AssertionError(f"child ended early ({proc.returncode}): {lines[-5:]} {proc.stderr.read()[-2000:]}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_a_till_killed_while_pushing_converges_without_losing_or_doubling_anything(hq, tmp_path):
    till = make_till(tmp_path / "till", hq, "S001", "T01")
    codes = [till.pos.enroll(phone=f"09170000{i:02d}", name="林雅婷", consent_terms=True).member_code
             for i in range(20)]  # fmt: skip
    for code in codes:
        till.pos.confirm_sale(code, TEA)
    clone_sales(till, 2_960, NOW)
    till.close()
    data = tmp_path / "till"

    # HQ applied a batch and answered; the till dies before it records the answer.
    assert run_child(data, "--batch", "100", "--delay", "0.05", kill_at="push 500") == "killed"
    assert run_child(data, "--batch", "100", "--delay", "0.05", kill_at="push 1200") == "killed"
    assert run_child(data, "--batch", "250", "--delay", "0", kill_at="push 250") == "killed"
    assert run_child(data, "--batch", "500") == "done"

    till = build_app(data)
    try:
        assert outbox_counts(till) == {"pending": 0, "sent": 3_000, "rejected": 0}
        assert hq.events_of("S001", "T01") == 3_000
        hq_ledger = hq.ledger()
        mine = local_ledger(till)
        assert set(mine) == set(hq_ledger)
        assert all(v[2] == 1 for v in mine.values())
        assert local_balances(till) == hq.balances()
    finally:
        till.close()


def test_a_till_killed_while_applying_pulled_pages_converges_without_losing_or_doubling_anything(hq, tmp_path):
    source = make_till(tmp_path / "source", hq, "S001", "T01")
    codes = [source.pos.enroll(phone=f"0918000{i:03d}", name="黄志强", consent_terms=True).member_code
             for i in range(120)]  # fmt: skip
    for code in codes[:10]:
        source.pos.confirm_sale(code, TEA)
    source.sync.run_once()
    make_till(tmp_path / "new", hq, "S002", "T01").close()  # registered, never synced: a new PC
    data = tmp_path / "new"

    # Killed inside the first snapshot transaction (12+ pages, at most 8 a transaction: not the last),
    # then inside the last one, which also sets the feed cursor.
    snapshot = ("--snapshot-page", "10", "--delay", "0.05")
    assert run_child(data, *snapshot, kill_at="snapshot ") == "killed"
    halfway = build_app(data)
    with halfway.uow(read_only=True) as uow:
        assert uow.sync.get("snapshot") is not None and uow.sync.cursor() is None
    halfway.close()
    assert run_child(data, *snapshot, kill_at="snapshot 120") == "killed"
    assert run_child(data, *snapshot) == "done"

    for code in codes:  # meanwhile HQ's feed grows by thousands of changes
        source.pos.adjust(code, 10, "goodwill", "9001")
    clone_sales(source, 1_500, NOW)
    settle([source], hq)
    assert hq.feed_head() > 1_500

    feed = ("--page", "100", "--delay", "0.05")
    assert run_child(data, *feed, kill_at="page ", nth=3) == "killed"
    assert run_child(data, *feed, kill_at="page ", nth=7) == "killed"
    assert run_child(data, *feed, kill_at="page ", nth=1) == "killed"
    assert run_child(data, "--page", "100") == "done"

    till = build_app(data)
    try:
        hq_ledger = hq.ledger()
        mine = local_ledger(till)
        assert {k: (v[0], v[1]) for k, v in mine.items()} == {k: (v[0], v[1]) for k, v in hq_ledger.items()}
        assert all(v[2] == 1 for v in mine.values())
        assert local_balances(till) == hq.balances()
        assert till.sync.puller.cursor() == hq.feed_head()
    finally:
        till.close()
        source.close()
