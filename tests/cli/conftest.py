import json
import subprocess
import sys

import pytest

SUPERVISOR, SUPERVISOR_PIN = "9001", "2468"


class Cli:
    """Runs `pos-app` as store IT would: a separate process, JSON in and out, PINs on stdin."""

    def __init__(self, data_dir, prefix: tuple[str, ...] = ("-m", "pos_app")):
        self.data_dir = data_dir
        self.prefix = prefix  # what python runs: the app, or a wrapper around it (tests/cli/full_disk.py)

    def run(self, *args, stdin: str = ""):
        proc = subprocess.run(
            [sys.executable, *self.prefix, "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            timeout=60,
            input=stdin,
        )
        return proc

    def ok(self, *args, stdin: str = ""):
        proc = self.run(*args, stdin=stdin)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    def fails(self, *args, stdin: str = "") -> dict:
        proc = self.run(*args, stdin=stdin)
        assert proc.returncode != 0, proc.stdout
        assert proc.stdout == ""
        return json.loads(proc.stderr.strip().splitlines()[-1])


@pytest.fixture
def cli(tmp_path):
    c = Cli(tmp_path / "till")
    c.ok("init", "--store", "S001", "--terminal", "T01")
    c.ok("cashier", "add", SUPERVISOR, "--name", "Lin", "--role", "supervisor", "--pin-stdin",
         stdin=SUPERVISOR_PIN + "\n")  # fmt: skip
    return c


@pytest.fixture
def silver_member(cli):
    """A Silver member with 20,100 points: enrolled, then promoted by a 5,000.00 sale."""
    member = cli.ok("member", "enroll", "--phone", "0912 345 678", "--name", "王小明", "--birthday", "1990-03-04",
                    "--consent-terms")  # fmt: skip
    cli.ok("sale", "--member", member["member_code"], "--line", "TV|electronics|5000.00|1", "--at", "2026-11-02T10:00")
    cli.ok("adjust", "--member", member["member_code"], "--points", "15000", "--reason", "goodwill",
           "--supervisor", SUPERVISOR, "--pin-stdin", stdin=SUPERVISOR_PIN + "\n")  # fmt: skip
    return member
