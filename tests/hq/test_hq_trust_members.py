"""Enrollments get HQ's tier and bonus; merges follow HQ's order; a wrong till clock is flagged."""

import datetime as dt
import json

from hq.cli import main
from loyalty_core import ledger
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till, entry, new_phone


def run(db_url, capsys, *argv):
    code = main(["--db", db_url, *argv])
    out, _ = capsys.readouterr()
    assert code == 0
    return json.loads(out)


def test_an_enrollment_as_diamond_with_a_huge_bonus_gets_the_base_tier_and_the_rules_bonus(hq):
    till = Till()
    enroll = till.enroll(signup=10_000_000)
    enroll["payload"]["member"]["tier"] = "diamond"
    code = enroll["payload"]["member"]["member_code"]
    answer = hq.push([enroll]).json()["results"][0]
    assert answer["status"] == "corrected" and answer["hq"]["points_earned"] == 100
    view = hq.member(code)
    assert (view["tier"], view["balance"]) == ("basic", 100)


def test_an_enrollment_carrying_a_bonus_for_another_member_is_rejected_and_creates_nobody(hq):
    till = Till()
    other = enrolled(hq, till)
    enroll = till.enroll()
    enroll["payload"]["ledger"].append(entry(other, ledger.SIGNUP, 5_000))
    before = hq.counts()
    assert hq.statuses([enroll]) == ["rejected:invalid_payload"]
    assert hq.counts() == before
    assert hq.member(other)["balance"] == 100


def test_a_newcomer_with_a_forged_early_enrolled_at_does_not_take_over_the_existing_member(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    phone = new_phone()
    owner = enrolled(hq, store_a, phone=phone)
    assert hq.statuses([store_a.sale(owner, paid=300_000)], store_a) == ["applied"]
    intruder = store_b.enroll(phone=phone, enrolled_at="2001-01-01T00:00:00+08:00")
    newcomer = intruder["payload"]["member"]["member_code"]
    assert hq.statuses([intruder], store_b) == ["applied"]
    view = hq.member(newcomer)
    assert (view["member_code"], view["merged_from"]) == (owner, newcomer)  # the newcomer's code leads to the owner
    assert view["balance"] == 100 + 3_000 + 100
    assert hq.scalar("SELECT status FROM members WHERE member_code = :c", c=owner) == "active"
    assert hq.scalar("SELECT merged_into FROM members WHERE member_code = :c", c=newcomer) == owner


def test_an_event_dated_a_day_ahead_is_applied_at_hqs_time_and_flags_the_terminal(hq, capsys):
    till = Till()
    code = enrolled(hq, till)
    ahead = Till(at=(hq.clock() + dt.timedelta(days=1)).isoformat())  # a Wednesday on the till: member day x2
    assert hq.statuses([ahead.sale(code, paid=10_000, earn=100)]) == ["applied"]  # HQ's Tuesday: x1
    assert str(hq.scalar("SELECT max(on_date) FROM ledger WHERE member_code = :c", c=code))[:10] == "2026-11-24"
    terminals = {(t["store_id"], t["terminal_id"]): t for t in run(hq.url, capsys, "terminal", "list")["terminals"]}
    flagged = terminals[("S001", "T01")]
    assert flagged["clock_skew"] is True and flagged["clock_skew_events"] == 1
    assert flagged["last_contact_at"] is not None
    honest = Till("S002", "T01")
    enrolled(hq, honest)
    assert run(hq.url, capsys, "terminal", "list")["terminals"][1]["clock_skew"] is False


def test_an_event_dated_before_the_terminal_was_provisioned_is_flagged(hq, capsys):
    till = Till(at="2001-01-01T10:00:00+08:00")
    code = enrolled(hq, till)
    assert hq.member(code)["balance"] == 100
    assert str(hq.scalar("SELECT min(on_date) FROM ledger WHERE member_code = :c", c=code))[:10] == "2026-11-24"
    assert run(hq.url, capsys, "terminal", "list")["terminals"][0]["clock_skew_events"] == 1
