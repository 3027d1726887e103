import json
import subprocess
import sys

import pytest


class Cli:
    """Runs `pos-app` as store IT would: a separate process, JSON in and out."""

    def __init__(self, data_dir):
        self.data_dir = data_dir

    def run(self, *args):
        proc = subprocess.run(
            [sys.executable, "-m", "pos_app", "--data-dir", str(self.data_dir), *args],
            capture_output=True,
            text=True,
            timeout=60,
        )
        return proc

    def ok(self, *args):
        proc = self.run(*args)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    def fails(self, *args) -> dict:
        proc = self.run(*args)
        assert proc.returncode != 0, proc.stdout
        assert proc.stdout == ""
        return json.loads(proc.stderr.strip().splitlines()[-1])


@pytest.fixture
def cli(tmp_path):
    c = Cli(tmp_path / "till")
    c.ok("init", "--store", "S001", "--terminal", "T01")
    return c


@pytest.fixture
def silver_member(cli):
    """A Silver member with 20,100 points: enrolled, then promoted by a 5,000.00 sale."""
    member = cli.ok("member", "enroll", "--phone", "0912 345 678", "--name", "王小明", "--birthday", "1990-03-04",
                    "--consent-terms")  # fmt: skip
    cli.ok("sale", "--member", member["member_code"], "--line", "TV|electronics|5000.00|1", "--at", "2026-11-02T10:00")
    cli.ok("adjust", "--member", member["member_code"], "--points", "15000", "--reason", "goodwill",
           "--supervisor", "9001")  # fmt: skip
    return member
