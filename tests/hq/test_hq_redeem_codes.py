"""Identity at redemption, HQ's side: a sale redeeming more than `risk.redeem_identity_points` on a typed
phone or code is held unless the till scanned the card or quotes a one-time code HQ itself sent (through
the `log` SMS sink) and verified for that member and till (hq/services/redeem_codes.py); bad input to the
code endpoints is a clear 4xx, never a 5xx."""

import json
import re

import pytest

from tests.hq.hq_helpers import auth
from tests.hq.hq_trust_helpers import enrolled
from tests.support.events import Till

PHONE = "+886912555001"


@pytest.fixture
def sms(tmp_path, monkeypatch):
    """HQ's SMS sink is a file: one JSON line per text sent."""
    sink = tmp_path / "sms.jsonl"
    monkeypatch.setenv("POS_HQ_SMS", f"log:{sink}")
    return sink


def member_with_points(hq, till: Till, phone: str = "0912555001") -> str:
    code = enrolled(hq, till, phone=phone)
    assert hq.statuses([till.adjust(code, 9_000)], till) == ["applied"]  # 9,100 points
    return code


def send(hq, code: str, till: Till | None = None):
    token = hq.terminal(*(("S001", "T01") if till is None else (till.store_id, till.terminal_id)))
    return hq.client.post("/api/v1/members/redeem-code", json={"member_code": code}, headers=auth(token))


def verify(hq, otp_id: str, code: str, till: Till | None = None):
    token = hq.terminal(*(("S001", "T01") if till is None else (till.store_id, till.terminal_id)))
    return hq.client.post("/api/v1/members/redeem-code/verify", json={"otp_id": otp_id, "code": code},
                          headers=auth(token))  # fmt: skip


def texted_code(sink) -> tuple[str, str]:
    """(to, the 6 digits) of the last text HQ sent."""
    last = json.loads(sink.read_text(encoding="utf-8").splitlines()[-1])
    return last["to"], re.search(r"\b\d{6}\b", last["text"]).group(0)


def typed_sale(till: Till, code: str, redeem: int, otp_id: str | None = None, way: str = "phone") -> dict:
    event = till.sale(code, paid=10_000, redeem=redeem)
    event["payload"].update(identified_by=way, otp_verified=otp_id is not None, otp_id=otp_id)
    return event


def test_a_typed_phone_redeeming_above_the_threshold_is_held_and_the_card_is_booked(hq):
    till = Till()
    code = member_with_points(hq, till)
    assert hq.statuses([typed_sale(till, code, 2_000)], till) == ["applied"]  # the threshold itself
    assert hq.member(code)["balance"] == 9_100 - 2_000 + 100
    claimed = typed_sale(till, code, 3_000)
    claimed["payload"]["otp_verified"] = True  # a till's word is not a code HQ verified
    without = typed_sale(till, code, 3_000)
    del without["payload"]["identified_by"]  # an event that does not say: typed
    assert hq.statuses([claimed, without], till) == ["held", "held"]
    assert hq.scalar("SELECT count(*) FROM held_adjustments WHERE member_code = :c AND kind = 'sale'", c=code) == 2
    assert hq.member(code)["balance"] == 7_200  # nothing of the held sales booked
    assert hq.statuses([typed_sale(till, code, 3_000, way="card")], till) == ["applied"]
    assert hq.member(code)["balance"] == 7_200 - 3_000 + 100


def test_a_code_hq_sent_and_verified_lets_one_typed_sale_redeem_and_only_one(hq, sms):
    till = Till()
    code = member_with_points(hq, till)
    sent = send(hq, code)
    assert sent.status_code == 200, sent.text
    otp_id = sent.json()["otp_id"]
    to, digits = texted_code(sms)
    assert to == PHONE and sent.json()["to"] == "0912***001"
    stored = hq.scalar("SELECT code_hash FROM redeem_codes WHERE otp_id = :o", o=otp_id)
    assert digits not in stored and len(stored) == 64  # kept hashed
    wrong = "000000" if digits != "000000" else "111111"
    assert (verify(hq, otp_id, wrong).status_code, verify(hq, otp_id, wrong).json()["error"]) == (400, "wrong_code")
    assert hq.scalar("SELECT attempts FROM redeem_codes WHERE otp_id = :o", o=otp_id) == 2
    right = verify(hq, otp_id, digits)
    assert (right.status_code, right.json()) == (200, {"otp_id": otp_id, "member_code": code, "verified": True})
    first, again = typed_sale(till, code, 3_000, otp_id), typed_sale(till, code, 3_000, otp_id)
    assert hq.statuses([first, again], till) == ["applied", "held"]  # one code, one sale
    assert hq.scalar("SELECT used_by FROM redeem_codes WHERE otp_id = :o", o=otp_id) == first["event_id"]


def test_another_tills_code_or_an_unverified_one_is_no_proof(hq, sms):
    till, other = Till(), Till(terminal_id="T02")
    code = member_with_points(hq, till)
    otp_id = send(hq, code).json()["otp_id"]
    assert hq.statuses([typed_sale(till, code, 3_000, otp_id)], till) == ["held"]  # sent, never verified
    _, digits = texted_code(sms)
    assert verify(hq, otp_id, digits, other).json()["error"] == "unknown_code"  # not the till that asked
    assert verify(hq, otp_id, digits).status_code == 200
    assert hq.statuses([typed_sale(other, code, 3_000, otp_id)], other) == ["held"]


def test_a_code_expires_after_ten_minutes_and_five_wrong_tries_lock_it(hq, sms, clock):
    code = member_with_points(hq, Till())
    late = send(hq, code).json()["otp_id"]
    _, late_digits = texted_code(sms)
    clock.advance(minutes=10, seconds=1)
    answer = verify(hq, late, late_digits)
    assert (answer.status_code, answer.json()["error"]) == (410, "code_expired")
    locked = send(hq, code).json()["otp_id"]
    _, digits = texted_code(sms)
    wrong = "000000" if digits != "000000" else "111111"
    assert [verify(hq, locked, wrong).status_code for _ in range(5)] == [400] * 5
    answer = verify(hq, locked, digits)
    assert (answer.status_code, answer.json()["error"]) == (429, "too_many_attempts")
    assert hq.scalar("SELECT count(*) FROM redeem_codes WHERE verified_at IS NOT NULL") == 0


def test_sending_is_limited_per_member_and_needs_an_sms_channel(hq, sms, monkeypatch):
    code = member_with_points(hq, Till())
    assert [send(hq, code).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert len(sms.read_text(encoding="utf-8").splitlines()) == 3
    assert send(hq, code).json()["error"] == "too_many_codes"
    monkeypatch.delenv("POS_HQ_SMS")
    other = member_with_points(hq, Till(), phone="0912555002")
    answer = send(hq, other)
    assert (answer.status_code, answer.json()["error"]) == (409, "no_sms_channel")
    assert hq.scalar("SELECT count(*) FROM redeem_codes WHERE member_code = :c", c=other) == 0


def test_garbage_is_a_clear_4xx_never_a_5xx(hq, sms):
    code = member_with_points(hq, Till())
    for body in ({"member_code": "M'; DROP"}, {"member_code": 12}, {}, {"member_code": code, "x": 1}):
        assert hq.client.post("/api/v1/members/redeem-code", json=body, headers=auth(hq.terminal())).status_code == 422
    assert send(hq, "NOSUCH1").json()["error"] == "unknown_member"
    for otp_id, digits in (("x" * 41, "123456"), ("abc", "12345"), ("abc", "12a456"), ("a b", "123456")):
        assert verify(hq, otp_id, digits).status_code == 422
    assert verify(hq, "no-such-code", "123456").json()["error"] == "unknown_code"
    channel = hq.client.post("/api/v1/members/redeem-code", json={"member_code": code},
                             headers=auth(hq.channel()))  # fmt: skip
    assert channel.status_code == 403  # terminals only
