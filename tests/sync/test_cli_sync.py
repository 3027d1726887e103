"""`pos-app sync now | status | reconcile | differences`, as store IT runs them."""

import json
import subprocess
import sys


def pos_app(data_dir, *args):
    proc = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    if proc.returncode == 0:
        return 0, json.loads(proc.stdout)
    assert proc.stdout == ""
    return proc.returncode, json.loads(proc.stderr.strip().splitlines()[-1])


def test_sync_now_status_and_reconcile_print_json_summaries(hq, tmp_path):
    hq.add_store("S001")
    token = hq.add_terminal("S001", "T01")
    till = tmp_path / "till"
    assert pos_app(till, "init", "--store", "S001", "--terminal", "T01", "--hq", hq.url, "--token", token)[0] == 0
    code, member = pos_app(till, "member", "enroll", "--phone", "0912 345 678", "--name", "王小明", "--consent-terms")
    assert code == 0
    pos_app(till, "sale", "--member", member["member_code"], "--line", "TV|electronics|150.00|2")

    code, summary = pos_app(till, "sync", "now")
    assert code == 0
    assert summary["ok"] and summary["push"]["applied"] == 2 and summary["pending"] == 0
    assert summary["pull"]["bootstrapped"] and summary["cursor"] == hq.feed_head()

    code, status = pos_app(till, "sync", "status")
    assert code == 0
    assert status["configured"] and not status["offline"] and status["pending"] == 0 and status["rejected"] == 0
    assert status["last_success"] and status["last_error"] is None

    code, result = pos_app(till, "sync", "reconcile")
    assert code == 0 and result["status"] == "ok" and result["differences"] == 0
    code, report = pos_app(till, "sync", "differences")
    assert code == 0 and report["runs"][0]["status"] == "ok" and report["differences"] == []

    hq.stop()
    pos_app(till, "sale", "--member", member["member_code"], "--line", "TEA-500|drinks|150.00|1")
    code, error = pos_app(till, "sync", "now")
    assert code != 0 and error["error"] == "hq_unreachable"
    code, status = pos_app(till, "sync", "status")
    assert code == 0 and status["pending"] == 1 and status["last_error"].split(" ", 1)[1].startswith("unreachable")


def test_a_till_without_hq_says_so(tmp_path):
    till = tmp_path / "alone"
    pos_app(till, "init", "--store", "S001", "--terminal", "T01")
    code, status = pos_app(till, "sync", "status")
    assert code == 0 and status["configured"] is False
    code, error = pos_app(till, "sync", "now")
    assert code != 0 and error["error"] == "no_hq"
