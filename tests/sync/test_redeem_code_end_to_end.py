"""A one-time code from the till to HQ and back, over HTTP: the till asks HQ to text the member, the cashier
types the code the member reads, and the typed-phone sale redeeming above the threshold is booked by HQ
(not held); a second sale quoting the same code is held."""

import json
import re

from loyalty_core.pricing import CartLine
from tests.sync.sync_harness import settle


def test_a_code_texted_by_hq_lets_a_typed_phone_redeem_above_the_threshold(hq_factory, till_factory, clock,
                                                                            tmp_path, monkeypatch):  # fmt: skip
    sink = tmp_path / "sms.jsonl"
    monkeypatch.setenv("POS_HQ_SMS", f"log:{sink}")
    hq = hq_factory(clock=clock)
    till = till_factory(hq, "S001", "T01", clock=clock)
    member = till.pos.enroll(phone="0912000333", name="林雅婷", consent_terms=True, actor="1001")
    till.pos.adjust(member.member_code, 9_000, "goodwill", "9001")
    settle([till], hq)

    sent = till.pos.send_redeem_code(member.member_code)
    text = json.loads(sink.read_text(encoding="utf-8").splitlines()[-1])
    assert (text["to"], sent.to_masked) == ("+886912000333", "0912***333")
    digits = re.search(r"\b\d{6}\b", text["text"]).group(0)
    otp_id = till.pos.verify_redeem_code(member.member_code, sent.otp_id, digits)
    lines = [CartLine("CREAM-50", "skincare", 68_000, 1)]
    first = till.pos.confirm_sale("0912000333", lines, 3_000, identified_by="phone", otp_id=otp_id)
    till.pos.confirm_sale("0912000333", lines, 3_000, identified_by="phone", otp_id=otp_id)  # the code again
    settle([till], hq)

    held = hq.rows("SELECT kind, status FROM held_adjustments WHERE member_code = :c", c=member.member_code)
    assert [tuple(r) for r in held] == [("sale", "held")]
    assert hq.member(member.member_code).balance == 9_100 - 3_000 + first.points_earned
