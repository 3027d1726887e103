"""Correcting a member's profile at a till that holds them reduced: the form starts from HQ's copy
(online, on demand), the correction reaches HQ, and the till's files keep only the minimum."""

import datetime as dt

import pytest
import requests

from hq.cli import main as hq_main
from loyalty_core.errors import DomainError
from tests.sync.sync_harness import local_balances, settle
from tests.sync.test_privacy import files_holding

NEW_NAME, NEW_PHONE, NEW_DIGITS = "林雅琪", "0922-333-444", "922333444"


def a_member_of_store_a_known_at_b(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock)
    a = till_factory(hq, "S001", "T01", clock=clock)
    b = till_factory(hq, "S002", "T01", clock=clock)
    member = a.pos.enroll(phone="0912000111", name="林雅婷", birthday="1990-03-04", consent_terms=True, actor="1001")
    settle([a, b], hq)
    return hq, a, b, member.member_code


def test_the_edit_form_at_another_store_starts_from_hqs_full_profile(hq_factory, till_factory, clock):
    hq, a, b, code = a_member_of_store_a_known_at_b(hq_factory, till_factory, clock)
    assert b.pos.find_member(code).reduced

    profile = b.pos.profile_for_edit(code)

    assert (profile.name, profile.phone, profile.birthday) == ("林雅婷", "+886912000111", dt.date(1990, 3, 4))
    assert files_holding(b.data_dir, "912000111", "林雅婷", "1990-03-04") == {}  # shown, not kept
    read = hq.rows("SELECT username, action, target FROM audit_log WHERE action = 'member.profile_read'")
    assert [tuple(r) for r in read] == [("terminal:S002/T01", "member.profile_read", code)]


def test_a_correction_made_elsewhere_reaches_hq_and_the_till_keeps_only_the_minimum(hq_factory, till_factory, clock):
    hq, a, b, code = a_member_of_store_a_known_at_b(hq_factory, till_factory, clock)
    balance = local_balances(b)[code]

    b.pos.update_member(code, {"name": NEW_NAME, "phone": NEW_PHONE, "birthday": "1990-04-05"}, actor="1002")
    audit = [e for e in b.pos.audit_trail() if e["action"] == "member.update"]
    assert audit[-1]["details"]["after"] == {"name": "林*琪", "phone": "0922***444", "birthday": "04"}
    settle([a, b], hq)

    row = hq.member(code)
    assert (row.name, row.phone, str(row.birthday)) == (NEW_NAME, "+886922333444", "1990-04-05")
    assert b.pos.find_member("0922333444").member_code == code  # look-up by the new phone, offline-ready
    assert a.pos.find_member(NEW_PHONE).member_code == code  # and at the store that enrolled them
    assert local_balances(b)[code] == balance
    view = b.pos.find_member(code)  # HQ's reduced copy replaced the correction held until it was pushed
    assert (view.name, view.masked_phone, view.reduced) == ("林*琪", "0922***444", True)
    b.close()
    assert files_holding(b.data_dir, NEW_DIGITS, NEW_NAME, "1990-04-05") == {}


def test_offline_the_edit_form_says_it_needs_hq_and_a_closed_membership_says_so(
    hq_factory, till_factory, clock, capsys
):
    hq, a, b, code = a_member_of_store_a_known_at_b(hq_factory, till_factory, clock)
    hq.stop()
    with pytest.raises(DomainError) as offline:
        b.pos.profile_for_edit(code)
    assert offline.value.code == "profile_needs_hq"

    hq.start()
    assert hq_main(["--db", hq.db_url, "member", "erase", code, "--reason", "member asked"]) == 0
    capsys.readouterr()
    with pytest.raises(DomainError) as closed:
        b.pos.profile_for_edit(code)  # store B has not pulled the erasure yet: HQ says so
    assert closed.value.code == "member_closed"


def test_only_a_till_may_read_a_full_profile_and_bad_requests_change_nothing(hq_factory, till_factory, clock):
    hq, a, b, code = a_member_of_store_a_known_at_b(hq_factory, till_factory, clock)
    web = {"Authorization": f"Bearer {hq.add_channel('web')}"}
    url = f"{hq.url}/api/v1/members/profile"

    assert requests.post(url, json={"member_code": code}, headers=web, timeout=10).status_code == 403
    assert requests.post(url, json={"member_code": code}, timeout=10).status_code == 401
    till = {"Authorization": b.sync.client.session.headers["Authorization"]}
    for body in ({"member_code": "' OR 1=1 --"}, {"member_code": 42}, {"code": code}, {"member_code": code, "x": 1}):
        answer = requests.post(url, json=body, headers=till, timeout=10)
        assert answer.status_code == 422, body
    garbled = requests.post(url, data=b"{garbled", headers={**till, "Content-Type": "application/json"}, timeout=10)
    assert (garbled.status_code, garbled.json()["error"]) == (400, "invalid_json")
    assert requests.post(url, json={"member_code": "M0000000000"}, headers=till, timeout=10).status_code == 404
    assert hq.scalar("SELECT count(*) FROM audit_log WHERE action = 'member.profile_read'") == 0
