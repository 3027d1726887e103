"""`pos-app member update`: corrections and marketing consent at the till, audited, bad input refused."""


def enrolled(cli):
    return cli.ok("member", "enroll", "--phone", "0912 345 678", "--name", "王小明", "--consent-terms",
                  "--consent-marketing")  # fmt: skip


def test_a_member_update_corrects_name_phone_and_birthday_and_is_audited(cli):
    m = enrolled(cli)
    out = cli.ok("member", "update", m["member_code"], "--name", "王小華", "--phone", "0912-345-679",
                 "--birthday", "1990-03-04", "--actor", "1001")  # fmt: skip
    assert (out["name"], out["phone"], out["birthday"]) == ("王小華", "+886912345679", "1990-03-04")  # stored as E.164
    assert cli.ok("member", "show", "0912 345 679")["member_code"] == m["member_code"]
    assert cli.fails("member", "show", "0912345678")["error"] == "member_not_found"
    [audit] = [a for a in cli.ok("audit") if a["action"] == "member.update"]
    assert (audit["actor"], audit["subject"], sorted(audit["details"]["after"])) == (
        "1001", m["member_code"], ["birthday", "name", "phone"])  # fmt: skip


def test_marketing_consent_is_withdrawn_and_given_again_with_the_notice_version_on_record(cli):
    m = enrolled(cli)
    cli.ok("member", "update", m["member_code"], "--consent-marketing", "no", "--actor", "1002")
    out = cli.ok("member", "update", "0912345678", "--consent-marketing", "yes", "--actor", "1003")
    assert out["consent_marketing"] is True
    assert [(c["kind"], c["granted"], c["notice_version"], c["channel"], c["place"], c["recorded_by"])
            for c in out["consents"]] == [
        ("terms", True, 1, "store", "S001/T01", "cli"), ("marketing", True, 1, "store", "S001/T01", "cli"),
        ("marketing", False, 1, "store", "S001/T01", "1002"), ("marketing", True, 1, "store", "S001/T01", "1003"),
    ]  # fmt: skip
    assert cli.ok("outbox")["pending"] == 3  # the enrollment and two updates, on their way to HQ


def test_a_bad_update_is_refused_and_changes_nothing(cli):
    m = enrolled(cli)
    before = cli.ok("member", "show", m["member_code"])
    assert cli.fails("member", "update", m["member_code"], "--phone", "12ab")["error"] == "invalid_phone"
    assert cli.fails("member", "update", m["member_code"], "--birthday", "1990-13-01")["error"] == "invalid_birthday"
    assert cli.fails("member", "update", m["member_code"], "--name", "<script>")["error"] == "invalid_name"
    assert cli.fails("member", "update", m["member_code"], "--consent-marketing", "maybe")["error"] == "usage"
    assert cli.fails("member", "update", m["member_code"])["error"] == "nothing_to_change"
    assert cli.fails("member", "update", "' OR 1=1 --", "--name", "Bob")["error"] == "member_not_found"
    assert cli.ok("member", "show", m["member_code"]) == before
    assert cli.ok("outbox")["pending"] == 1
