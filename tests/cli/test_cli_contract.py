"""The ops CLI end to end, as store IT and the integration tests use it."""

import subprocess
import sys

WORKED_LINES = ["--line", "SHIRT|apparel|150.00|2", "--line", "HAT|apparel|99.90|1"]
TUESDAY = "2026-11-24T10:00"
WEDNESDAY = "2026-11-25T10:00"


def test_enrolling_prints_the_member_with_a_signed_qr_and_the_signup_bonus(cli):
    m = cli.ok("member", "enroll", "--phone", "+886 912-000-111", "--name", "Alice Chen", "--consent-terms")
    assert m["member_code"].startswith("M")
    assert m["qr_payload"].startswith("LOY1." + m["member_code"] + ".")
    assert m["balance"] == 100 and m["pending"] == 100 and m["tier"] == "basic"
    assert m["phone"] == "+886912000111"


def test_a_member_is_found_by_code_phone_and_scanned_qr_text(cli):
    m = cli.ok("member", "enroll", "--phone", "0911111111", "--name", "Bob", "--consent-terms")
    for query in (m["member_code"], "0911-111-111", m["qr_payload"]):
        assert cli.ok("member", "show", query)["member_code"] == m["member_code"]


def test_the_worked_example_for_a_silver_member_on_a_tuesday(cli, silver_member):
    code = silver_member["member_code"]
    assert cli.ok("member", "show", code)["tier"] == "silver"
    r = cli.ok("sale", "--member", code, *WORKED_LINES, "--redeem", "2000", "--at", TUESDAY)
    assert (r["subtotal_cents"], r["discount_cents"], r["redeem_cents"], r["paid_cents"]) == (39990, 800, 2000, 37190)
    assert r["points_redeemed"] == 2000 and r["points_earned"] == 446


def test_redeeming_19600_points_on_the_worked_example_is_refused_and_19500_accepted(cli, silver_member):
    code = silver_member["member_code"]
    before = cli.ok("outbox")["pending"]
    err = cli.fails("sale", "--member", code, *WORKED_LINES, "--redeem", "19600", "--at", TUESDAY)
    assert err["error"] == "redeem_over_cap"
    assert cli.ok("outbox")["pending"] == before
    r = cli.ok("sale", "--member", code, *WORKED_LINES, "--redeem", "19500", "--at", TUESDAY,
                "--identified-by", "card")
    assert r["points_redeemed"] == 19500 and r["paid_cents"] == 39190 - 19500


def test_a_dry_run_quotes_the_sale_and_saves_nothing(cli, silver_member):
    before = cli.ok("outbox")["pending"]
    q = cli.ok("sale", "--member", silver_member["member_code"], *WORKED_LINES, "--at", TUESDAY, "--dry-run")
    assert q["dry_run"] is True and q["due_cents"] == 39190 and q["max_redeem_points"] == 19500
    assert cli.ok("outbox")["pending"] == before


def test_a_return_by_receipt_gives_back_exactly_what_the_sale_took(cli, silver_member):
    code = silver_member["member_code"]
    balance = cli.ok("member", "show", code)["balance"]
    r = cli.ok("sale", "--member", code, *WORKED_LINES, "--redeem", "2000", "--at", WEDNESDAY)
    first = cli.ok("return", "--receipt", r["receipt_no"], "--line", "SHIRT:1")
    rest = cli.ok("return", "--receipt", r["receipt_no"])
    assert first["refund_cents"] + rest["refund_cents"] == r["paid_cents"]
    assert first["points_taken_back"] + rest["points_taken_back"] == r["points_earned"]
    assert first["points_given_back"] + rest["points_given_back"] == 2000
    assert cli.ok("member", "show", code)["balance"] == balance


def test_returning_more_than_was_sold_is_refused(cli, silver_member):
    r = cli.ok("sale", "--member", silver_member["member_code"], *WORKED_LINES, "--at", TUESDAY)
    assert cli.fails("return", "--receipt", r["receipt_no"], "--line", "SHIRT:3")["error"] == "return_too_many"
    assert cli.fails("return", "--receipt", "R-NOPE")["error"] == "receipt_not_found"


def test_the_ledger_and_day_report_show_what_happened(cli, silver_member):
    code = silver_member["member_code"]
    ledger = cli.ok("member", "ledger", code)
    kinds = [e["kind"] for e in ledger["entries"]]
    assert kinds == ["adjust", "earn", "signup"]
    assert ledger["balance"] == sum(e["points"] for e in ledger["entries"])
    report = cli.ok("report", "day", "--date", "2026-11-02")
    assert report["sales"] == 1 and report["paid_cents"] == 500000


def test_every_change_waits_in_the_outbox_in_sequence(cli, silver_member):
    out = cli.ok("outbox")
    assert [e["seq"] for e in out["events"]] == [1, 2, 3]
    assert [e["type"] for e in out["events"]] == ["member.enrolled", "sale.confirmed", "points.adjusted"]


def test_bad_input_gets_a_json_error_and_changes_nothing(cli, silver_member):
    code = silver_member["member_code"]
    before = cli.ok("outbox")["pending"]
    cases = {
        ("member", "show", "LOY1.MAAAAAAAAAA.k.sig"): "forged_qr",
        ("member", "show", "'; DROP TABLE members;--"): "member_not_found",
        ("member", "enroll", "--phone", "12ab", "--name", "X", "--consent-terms"): "invalid_phone",
        ("member", "enroll", "--phone", "0922000000", "--name", "Robert'); DROP TABLE members;--",
         "--consent-terms"): "invalid_name",
        ("member", "enroll", "--phone", "0922000000", "--name", "X" * 10000, "--consent-terms"): "name_too_long",
        ("member", "enroll", "--phone", "0922000000", "--name", "Ann"): "consent_required",
        ("sale", "--member", code, "--line", "A|b|-5.00|1"): "invalid_amount",
        ("sale", "--member", code, "--line", "A|b|0|1"): "invalid_amount",
        ("sale", "--member", code, "--line", "A|b|99999999.00|1"): "invalid_amount",
        ("sale", "--member", code, "--line", "A|b|1.00|0"): "invalid_quantity",
        ("sale", "--member", code, "--line", "A|b|1.5|1e3"): "invalid_quantity",
        ("sale", "--member", code, "--line", "<script>|b|1.00|1"): "invalid_sku",
        ("sale", "--member", code, "--line", "A|b|100.00|1", "--redeem", "150"): "redeem_step",
        ("sale", "--member", code, "--line", "A|b|100000.00|1", "--redeem", "999900"): "insufficient_points",
        ("sale", "--member", code, "--line", "A|b|1.00|1", "--coupon", "CPN1.x.y.z"): "forged_coupon",
        ("sale", "--member", code, "--line", "A|b|1.00|1", "--at", "yesterday"): "invalid_datetime",
        ("adjust", "--member", code, "--points", "10", "--reason", "because", "--supervisor", "9001",
         "--pin-stdin"): "invalid_reason",
        ("adjust", "--member", code, "--points", "0", "--reason", "goodwill", "--supervisor", "9001",
         "--pin-stdin"): "invalid_points",
        ("member", "teleport"): "usage",
    }  # fmt: skip
    for args, code_expected in cases.items():
        assert cli.fails(*args, stdin="2468\n")["error"] == code_expected, args
    assert cli.ok("outbox")["pending"] == before


def test_commands_on_a_till_that_was_never_set_up_say_so(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pos_app", "--data-dir", str(tmp_path / "none"), "member", "show", "M2222222222"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode != 0 and '"not_initialized"' in proc.stderr
