"""How a sale was paid, through the CLI: the tender is kept with the sale, in its event and in the day report."""

import sqlite3

LINES = ["--line", "SHIRT|apparel|150.00|2", "--line", "HAT|apparel|99.90|1"]


def _member(cli) -> str:
    return cli.ok("member", "enroll", "--phone", "0912 888 777", "--name", "Lin", "--consent-terms")["member_code"]


def _sale_rows(cli) -> list[tuple]:
    with sqlite3.connect(cli.data_dir / "pos.sqlite3") as db:
        return db.execute("SELECT receipt_no, paid_cents, tender_method, received_cents, change_cents FROM sales"
                          " ORDER BY receipt_no").fetchall()  # fmt: skip


def _sale_payloads(cli) -> list[dict]:
    return [e["payload"] for e in cli.ok("outbox")["events"] if e["type"] == "sale.confirmed"]


def test_a_sale_without_a_tender_is_exact_cash(cli, clock):
    code = _member(cli)
    r = cli.ok("sale", "--member", code, *LINES, "--at", clock().isoformat())
    assert r["tender"] == {"method": "cash", "received_cents": r["paid_cents"], "change_cents": 0}
    assert _sale_rows(cli) == [(r["receipt_no"], r["paid_cents"], "cash", r["paid_cents"], 0)]
    assert [p["tender"] for p in _sale_payloads(cli)] == [r["tender"]]


def test_cash_received_gives_change_and_the_day_report_expects_it_in_the_drawer(cli, clock):
    code = _member(cli)
    at = clock().isoformat()
    cash = cli.ok("sale", "--member", code, "--line", "TEA|food|12.50|2", "--tender", "cash", "--received", "50.00",
                  "--at", at)  # fmt: skip
    card = cli.ok("sale", "--member", code, "--line", "TEA|food|12.50|1", "--tender", "card", "--at", at)
    assert cash["paid_cents"] == 2500
    assert cash["tender"] == {"method": "cash", "received_cents": 5000, "change_cents": 2500}
    assert card["tender"] == {"method": "card", "received_cents": 1250, "change_cents": 0}
    day = cli.ok("report", "day", "--date", clock().date().isoformat())
    assert day["by_tender"] == {
        "cash": {"sales": 1, "paid_cents": 2500, "received_cents": 5000, "change_cents": 2500},
        "card": {"sales": 1, "paid_cents": 1250, "received_cents": 1250, "change_cents": 0},
    }
    assert day["expected_cash_cents"] == 2500
    assert [p["tender"] for p in _sale_payloads(cli)] == [cash["tender"], card["tender"]]


def test_not_enough_cash_or_an_unknown_method_is_refused_and_nothing_is_saved(cli, clock):
    code = _member(cli)
    at = clock().isoformat()
    before = cli.ok("outbox")["pending"]
    short = cli.fails("sale", "--member", code, "--line", "TEA|food|12.50|2", "--received", "24.99", "--at", at)
    assert short["error"] == "not_enough_cash"
    bogus = cli.fails("sale", "--member", code, "--line", "TEA|food|12.50|2", "--tender", "bitcoin'; DROP", "--at", at)
    assert bogus["error"] == "invalid_tender"
    junk = cli.fails("sale", "--member", code, "--line", "TEA|food|12.50|2", "--received", "1e3", "--at", at)
    assert junk["error"] == "invalid_amount"
    assert _sale_rows(cli) == []
    assert cli.ok("outbox")["pending"] == before
