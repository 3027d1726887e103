"""Running `pos-app` as store IT would, for the CLI tests."""

import json
import subprocess
import sys

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
