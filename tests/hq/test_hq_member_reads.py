"""Personal data by need on a member look-up: full only for the member's own store (audited, with the cashier),
reduced for any other terminal, less for a channel; every token limited per minute of HQ's clock, with an alert."""

import json
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa

from hq.storage import counters
from tests.hq.hq_helpers import auth
from tests.support.events import Till, new_phone

OWN, OTHER = Till("S001", "T01"), Till("S002", "T01")
FULL_KEYS = {"phone", "name", "birthday"}


def _enroll(hq, till: Till, phone: str | None = None, birthday: str = "1990-03-04") -> str:
    event = till.enroll(phone=phone, birthday=birthday)
    assert hq.statuses([event], till) == ["applied"]
    return event["payload"]["member"]["member_code"]


def _get(hq, code: str, token: str, cashier: str | None = None):
    headers = auth(token) | ({"X-Cashier-Id": cashier} if cashier is not None else {})
    return hq.client.get(f"/api/v1/members/{code}", headers=headers)


def _audit(hq, action: str) -> list[tuple]:
    with hq.engine.connect() as conn:
        query = sa.text("SELECT username, target, after FROM audit_log WHERE action = :a ORDER BY id")
        rows = conn.execute(query, {"a": action}).all()
    return [(r.username, r.target, json.loads(r.after)) for r in rows]


def test_a_terminal_reads_its_own_stores_member_in_full_and_the_read_is_audited_with_its_cashier(hq):
    code = _enroll(hq, OWN, phone="0912345678")

    view = _get(hq, code, hq.terminal("S001", "T01"), cashier="C1001").json()

    member = view["member"]
    assert (member["phone"], member["name"], member["birthday"]) == ("+886912345678", "Chen Mei", "1990-03-04")
    assert _audit(hq, "member.read") == [("terminal:S001/T01", code, {"cashier": "C1001", "for": "look-up"})]


def test_another_stores_terminal_gets_what_the_counter_needs_masked_and_nothing_is_audited_as_a_full_read(hq):
    code = _enroll(hq, OTHER, phone="0922333444")
    token = hq.terminal("S001", "T01")

    by_code = _get(hq, code, token, cashier="C1001").json()
    by_phone = hq.member_by_phone("0922-333-444", token=token)

    for view in (by_code, by_phone):
        member = view["member"]
        assert FULL_KEYS.isdisjoint(member), member
        assert (member["phone_masked"], member["name_masked"], member["birth_month"]) == ("0922***444", "C*** M**", 3)
        assert member["phone_hash"] and member["home_store"] == "S002"
        assert (view["member_code"], view["balance"], view["tier"]) == (code, 100, "basic")
        assert "922333444" not in json.dumps(view) and "Chen Mei" not in json.dumps(view)
    assert _audit(hq, "member.read") == []


def test_an_online_channel_gets_no_birthday_and_only_masked_name_and_phone(hq):
    phone = new_phone()
    code = _enroll(hq, OWN, phone=phone)

    for view in (hq.member(code, token=hq.channel()), hq.member_by_phone(phone, token=hq.channel())):
        member = view["member"]
        assert FULL_KEYS.isdisjoint(member) and member["birth_month"] is None and member["phone_hash"] is None
        assert member["name_masked"] == "C*** M**" and member["phone_masked"].endswith(phone[-3:])
        assert view["balance"] == 100
    assert _audit(hq, "member.read") == []


def test_the_profile_edit_read_still_gives_another_store_the_full_profile_and_audits_it(hq):
    code = _enroll(hq, OTHER, phone="0933444555")

    response = _profile(hq, code, hq.terminal(), cashier="C1002")

    assert response.json() == {"member_code": code, "name": "Chen Mei", "phone": "+886933444555",
                               "birthday": "1990-03-04"}  # fmt: skip
    assert _audit(hq, "member.profile_read") == [("terminal:S001/T01", code, {"for": "profile edit",
                                                                               "cashier": "C1002"})]  # fmt: skip


def test_the_profile_edit_read_counts_against_the_same_limit_so_a_stolen_token_cannot_harvest_through_it(hq):
    code = _enroll(hq, OTHER)
    token = hq.terminal()

    statuses = [_profile(hq, code, token).status_code for _ in range(31)]

    assert statuses == [200] * 30 + [429]
    assert len(_audit(hq, "member.profile_read")) == 30 and len(_audit(hq, "risk.member_reads_throttled")) == 1
    assert _get(hq, code, token).status_code == 429  # one limit for every kind of member read


def _profile(hq, code: str, token: str, cashier: str | None = None):
    headers = auth(token) | ({"X-Cashier-Id": cashier} if cashier is not None else {})
    return hq.client.post("/api/v1/members/profile", json={"member_code": code}, headers=headers)


def test_a_cashier_id_that_is_not_an_id_is_refused_and_nothing_is_read_or_counted(hq):
    code = _enroll(hq, OWN)

    for bad in ("<script>", "C 1", "x" * 41, "", "-C1"):
        response = _get(hq, code, hq.terminal(), cashier=bad)
        assert (response.status_code, response.json()["error"]) == (400, "invalid_cashier"), bad
        assert "member" not in response.json()
    assert _audit(hq, "member.read") == []
    assert hq.scalar("SELECT count(*) FROM risk_counters WHERE scope = :s", s=counters.MEMBER_READS) == 0


def test_a_token_harvesting_profiles_is_stopped_at_its_limit_per_minute_with_one_alert(hq):
    """The attack: one stolen token read 103 full profiles in 2.5 s. Now 30 a minute, then 429 and an alert."""
    till = Till("S002", "T01")
    events = [till.enroll() for _ in range(32)]
    assert set(hq.statuses(events, till)) == {"applied"}
    codes = [e["payload"]["member"]["member_code"] for e in events]
    stolen = hq.terminal("S002", "T01")

    answers = [_get(hq, code, stolen) for code in codes]

    assert [a.status_code for a in answers] == [200] * 30 + [429] * 2
    assert {a.json()["error"] for a in answers[30:]} == {"too_many_lookups"}
    assert all("member" not in a.json() for a in answers[30:])
    assert len(_audit(hq, "member.read")) == 30
    alert = _audit(hq, "risk.member_reads_throttled")
    assert [(u, t, a["limit"]) for u, t, a in alert] == [("terminal:S002/T01", "terminal:S002/T01", 30)]
    stopped = hq.scalar("SELECT lookups_stopped FROM terminals WHERE store_id = 'S002' AND terminal_id = 'T01'")
    assert stopped == 1  # the console's terminals page shows it
    assert _get(hq, codes[31], hq.terminal("S002", "T02")).status_code == 200  # the limit is per token
    hq.clock.advance(minutes=1)  # HQ's clock, not the caller's, opens the next minute
    assert _get(hq, codes[31], stolen).json()["member"]["phone"].startswith("+886")


def test_look_ups_made_at_once_are_counted_exactly_so_that_several_workers_agree(hq):
    """The count lives in the database (an atomic upsert), not in a worker's memory: 40 look-ups sent at
    once on 8 connections still let exactly 30 through."""
    code = _enroll(hq, OWN)
    token = hq.terminal()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: _get(hq, code, token).status_code, range(40)))

    assert sorted(statuses) == [200] * 30 + [429] * 10
    assert len(_audit(hq, "member.read")) == 30 and len(_audit(hq, "risk.member_reads_throttled")) == 1
