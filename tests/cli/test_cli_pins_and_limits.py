"""PINs only from stdin, supervisor actions only with a supervisor of this till, and the inputs that
used to end in a traceback (a full disk, an impossible --at, a huge run id) as JSON errors with
nothing half-written."""

import json
import sqlite3
from pathlib import Path

from tests.cli.cli_helpers import SUPERVISOR, SUPERVISOR_PIN, Cli

FULL_DISK = str(Path(__file__).with_name("full_disk.py"))
TUESDAY = "2026-11-24T10:00"
PIN = SUPERVISOR_PIN + "\n"


def _enroll(cli: Cli, phone: str = "0912000201") -> str:
    return cli.ok("member", "enroll", "--phone", phone, "--name", "王小明", "--consent-terms")["member_code"]


def _rows(cli: Cli) -> dict[str, int]:
    with sqlite3.connect(cli.data_dir / "pos.sqlite3") as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("members", "ledger", "outbox", "sales", "returns", "cashiers", "audit")}  # fmt: skip


def test_a_pin_on_the_command_line_is_refused_and_no_cashier_is_added(cli):
    before = _rows(cli)
    refused = cli.fails("cashier", "add", "1001", "--name", "Amy", "--pin", "1234")
    assert refused["error"] == "usage"
    assert cli.fails("cashier", "add", "1001", "--name", "Amy")["error"] == "usage"  # --pin-stdin is required
    assert _rows(cli) == before


def test_a_cashier_added_with_the_pin_on_stdin_can_log_in_and_the_pin_is_nowhere_in_plain_text(cli):
    cli.ok("cashier", "add", "1001", "--name", "Amy", "--pin-stdin", stdin="73519\n")
    with sqlite3.connect(cli.data_dir / "pos.sqlite3") as conn:
        stored = conn.execute("SELECT pin_hash FROM cashiers WHERE cashier_id = '1001'").fetchone()[0]
    assert "73519" not in stored
    assert all(b"73519" not in f.read_bytes() for f in cli.data_dir.rglob("*") if f.is_file())


def test_an_empty_pin_on_stdin_is_refused(cli):
    before = _rows(cli)
    assert cli.fails("cashier", "add", "1001", "--name", "Amy", "--pin-stdin", stdin="")["error"] == "pin_required"
    assert _rows(cli) == before


def test_an_adjustment_needs_the_supervisors_pin_from_stdin(cli):
    code = _enroll(cli)
    adjust = ("adjust", "--member", code, "--points", "500", "--reason", "goodwill", "--supervisor", SUPERVISOR)
    before = _rows(cli)
    assert cli.fails(*adjust)["error"] == "usage"  # no --pin-stdin
    assert cli.fails(*adjust, "--pin", SUPERVISOR_PIN)["error"] == "usage"
    wrong = cli.fails(*adjust, "--pin-stdin", stdin="0000\n")
    unknown = cli.fails(*adjust[:-1], "7777", "--pin-stdin", stdin=PIN)
    assert wrong == unknown == {"error": "bad_login", "message": "Unknown cashier ID or wrong PIN"}
    after = _rows(cli)
    assert {k: v for k, v in after.items() if k != "audit"} == {k: v for k, v in before.items() if k != "audit"}

    shown = cli.ok(*adjust, "--pin-stdin", stdin=PIN)

    assert shown["balance"] == 100 + 500
    assert cli.ok("outbox")["events"][-1]["payload"]["supervisor_id"] == SUPERVISOR


def test_a_cashiers_pin_does_not_approve_an_adjustment(cli):
    code = _enroll(cli)
    cli.ok("cashier", "add", "1001", "--name", "Amy", "--pin-stdin", stdin="1357\n")
    before = _rows(cli)
    refused = cli.fails("adjust", "--member", code, "--points", "500", "--reason", "goodwill", "--supervisor",
                        "1001", "--pin-stdin", stdin="1357\n")  # fmt: skip
    assert refused["error"] == "not_supervisor"
    assert _rows(cli)["ledger"] == before["ledger"] and _rows(cli)["outbox"] == before["outbox"]


def test_a_till_with_no_supervisor_refuses_supervisor_actions(tmp_path):
    cli = Cli(tmp_path / "bare")
    cli.ok("init", "--store", "S001", "--terminal", "T01")
    code = _enroll(cli)
    before = _rows(cli)
    adjust = cli.fails("adjust", "--member", code, "--points", "500", "--reason", "goodwill", "--supervisor",
                       SUPERVISOR, "--pin-stdin", stdin=PIN)  # fmt: skip
    unreceipted = cli.fails("return", "--member", code, "--amount", "100.00", "--category", "grocery",
                            "--supervisor", SUPERVISOR, "--pin-stdin", stdin=PIN)  # fmt: skip
    assert adjust["error"] == unreceipted["error"] == "no_supervisor"
    assert _rows(cli) == before


def test_a_return_without_a_receipt_takes_the_supervisors_pin_from_stdin(cli):
    code = _enroll(cli)
    cli.ok("sale", "--member", code, "--line", "TEA|grocery|500.00|1", "--at", TUESDAY)
    unreceipted = ("return", "--member", code, "--amount", "100.00", "--category", "grocery", "--supervisor",
                   SUPERVISOR)  # fmt: skip
    before = _rows(cli)
    assert cli.fails(*unreceipted)["error"] == "usage"
    assert cli.fails(*unreceipted, "--pin-stdin", stdin="0000\n")["error"] == "bad_login"
    assert _rows(cli)["returns"] == before["returns"]

    done = cli.ok(*unreceipted, "--pin-stdin", stdin=PIN)

    assert done["refund_cents"] == 10000
    assert _rows(cli)["returns"] == before["returns"] + 1


def test_five_wrong_supervisor_pins_lock_the_supervisor_and_another_supervisor_unlocks(cli):
    code = _enroll(cli)
    cli.ok("cashier", "add", "9002", "--name", "Wu", "--role", "supervisor", "--pin-stdin", stdin="8642\n")
    adjust = ("adjust", "--member", code, "--points", "5", "--reason", "goodwill", "--supervisor", SUPERVISOR,
              "--pin-stdin")  # fmt: skip
    for _ in range(4):
        assert cli.fails(*adjust, stdin="0000\n")["error"] == "bad_login"
    assert cli.fails(*adjust, stdin="0000\n")["error"] == "cashier_locked"
    assert cli.fails(*adjust, stdin=PIN)["error"] == "cashier_locked"  # even the right PIN

    cli.ok("cashier", "unlock", SUPERVISOR, "--supervisor", "9002", "--pin-stdin", stdin="8642\n")

    assert cli.ok(*adjust, stdin=PIN)["balance"] == 105


def test_dates_outside_2000_to_2100_are_refused_as_json(cli):
    code = _enroll(cli)
    before = _rows(cli)
    for at in ("1999-12-31T23:59", "2101-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59"):
        refused = cli.fails("sale", "--member", code, "--line", "A|b|1.00|1", "--at", at)
        assert refused["error"] == "invalid_datetime", at
    assert cli.fails("report", "day", "--date", "1970-01-01")["error"] == "invalid_date"
    assert _rows(cli) == before


def test_a_reconciliation_run_id_beyond_any_row_id_is_refused_as_json(cli):
    for run in ("99999999999999999999", "-1", "1e3", "x"):
        proc = cli.run("sync", "differences", "--run", run)
        assert proc.returncode != 0 and "Traceback" not in proc.stderr, run
        assert json.loads(proc.stderr.strip().splitlines()[-1])["error"] == "invalid_run"
    assert cli.ok("sync", "differences", "--run", "1")["differences"] == []


def test_a_full_disk_when_a_till_is_first_opened_is_storage_full_and_leaves_no_half_made_database(tmp_path):
    full = Cli(tmp_path / "till", prefix=(FULL_DISK,))
    proc = full.run("init", "--store", "S001", "--terminal", "T01")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert json.loads(proc.stderr.strip().splitlines()[-1])["error"] == "storage_full"
    with sqlite3.connect(tmp_path / "till" / "pos.sqlite3") as conn:  # the migration was rolled back whole
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0

    roomy = Cli(tmp_path / "till")  # space freed: the same till opens and works
    assert roomy.ok("outbox")["pending"] == 0
    _enroll(roomy)


def test_a_full_disk_at_commit_is_storage_full_and_the_sale_is_not_half_written(cli):
    code = _enroll(cli)
    before = _rows(cli)
    lines = [arg for i in range(60) for arg in ("--line", f"SKU-{i:03d}|grocery|12.50|3")]  # needs new pages
    full = Cli(cli.data_dir, prefix=(FULL_DISK,))

    refused = full.fails("sale", "--member", code, *lines, "--at", TUESDAY)

    assert refused["error"] == "storage_full"
    assert _rows(cli) == before
    assert cli.ok("member", "show", code)["balance"] == 100
    with sqlite3.connect(cli.data_dir / "pos.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
