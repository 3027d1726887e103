import pytest

from tests.cli.cli_helpers import SUPERVISOR, SUPERVISOR_PIN, Cli  # noqa: F401


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
