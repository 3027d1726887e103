"""Strict types in an event's content: the one bad event is rejected alone, nothing of it is booked,
the events around it are applied, and nothing answers 5xx (PostgreSQL used to 500 on a NUL)."""

import json

from loyalty_core import ledger
from tests.hq.hq_helpers import auth
from tests.support.events import Till, entry

PUSH = "/api/v1/sync/push"


def _push_raw(hq, till: Till, events: list[dict]) -> list[dict]:
    """Sends the events as JSON text (json.dumps writes a lone surrogate as \\ud800, as a buggy till would)."""
    body = json.dumps({"events": events}).encode()
    response = hq.client.post(
        PUSH, content=body, headers={**auth(hq.terminal(till.store_id, till.terminal_id)),
                                     "Content-Type": "application/json"},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    return response.json()["results"]


def _statuses(results: list[dict]) -> list[str]:
    return [r["status"] if r["status"] != "rejected" else f"rejected:{r['reason']}" for r in results]


def _enrolled(hq, till: Till) -> str:
    event = till.enroll()
    assert hq.statuses([event], till) == ["applied"]
    return event["payload"]["member"]["member_code"]


def test_a_nul_anywhere_in_an_event_rejects_that_event_alone_and_books_nothing_of_it(hq):
    till = Till()
    code = _enrolled(hq, till)
    bad_time = {**till.sale(code, earn=1_000), "occurred_at": "2026-11-24T10:15:00+08:00\x00"}
    bad_receipt = till.sale(code, earn=2_000)
    bad_receipt["payload"]["receipt_no"] = "R-1\x00; DROP TABLE ledger"
    bad_key = till.sale(code, earn=3_000)
    bad_key["payload"]["lines"] = [{"sku\x00": "A1"}]
    surrogate = till.sale(code, earn=4_000)
    surrogate["payload"]["receipt_no"] = "R-\ud800"
    good = till.sale(code)  # priced as a real till prices it: HQ agrees
    before = hq.counts()

    results = _push_raw(hq, till, [bad_time, bad_receipt, bad_key, surrogate, good])

    assert _statuses(results) == ["rejected:invalid_payload"] * 4 + ["applied"]
    assert "NUL" in results[0]["message"] and "occurred_at" in results[0]["message"]
    assert "surrogate" in results[3]["message"]
    assert hq.member(code)["balance"] == 100 + good["payload"]["points_earned"]
    after = hq.counts()
    assert after["events"] == before["events"] + 1 and after["ledger"] == before["ledger"] + 1
    rejected = hq.scalar("SELECT count(*) FROM rejections WHERE reason = 'invalid_payload'")
    assert rejected == 4


def test_consent_written_as_the_text_false_is_refused_and_consent_stays_off(hq):
    till = Till()
    code = _enrolled(hq, till)
    texty = till.enroll()
    texty["payload"]["member"]["consent_marketing"] = "false"
    terms_as_text = till.enroll()
    terms_as_text["payload"]["member"]["consent_terms"] = "true"
    update = till.update(code, {"consent_marketing": "false"})
    update_as_number = till.update(code, {"consent_marketing": 1})
    before = hq.counts()

    assert hq.statuses([texty, terms_as_text, update, update_as_number], till) == ["rejected:invalid_payload"] * 4

    assert hq.counts() == before
    assert hq.member(code)["member"]["consent_marketing"] is False
    for event in (texty, terms_as_text):
        assert hq.scalar("SELECT count(*) FROM members WHERE member_code = :c",
                         c=event["payload"]["member"]["member_code"]) == 0  # fmt: skip


def test_a_real_boolean_still_turns_consent_on(hq):
    till = Till()
    code = _enrolled(hq, till)
    assert hq.statuses([till.update(code, {"consent_marketing": True})], till) == ["applied"]
    assert hq.member(code)["member"]["consent_marketing"] is True


def test_a_member_code_with_a_trailing_newline_is_not_a_member_code(hq):
    till = Till()
    code = _enrolled(hq, till)
    enroll = till.enroll()
    enroll["payload"]["member"]["member_code"] += "\n"
    enroll["payload"]["ledger"][0]["member_code"] += "\n"
    sale = till.sale(code, earn=500)
    sale["payload"]["member_code"] = code + "\n"
    entry_only = till.sale(code, earn=0, extra_entries=[entry(code + "\n", ledger.EARN, 700)])
    before = hq.counts()

    assert hq.statuses([enroll, sale, entry_only], till) == ["rejected:invalid_payload"] * 3

    assert hq.counts() == before
    assert hq.member(code)["balance"] == 100


def test_dates_outside_2000_to_2100_are_refused_and_book_nothing(hq):
    till = Till()
    code = _enrolled(hq, till)
    cases = [
        {**till.sale(code, earn=10), "occurred_at": "1999-12-31T23:59:59+08:00"},
        {**till.sale(code, earn=10), "occurred_at": "2101-01-01T00:00:00+08:00"},
        till.sale(code, earn=0, extra_entries=[entry(code, ledger.EARN, 10, on="1970-01-01")]),
        till.sale(code, earn=0, extra_entries=[entry(code, ledger.EARN, 10, on="2150-12-01")]),
        till.enroll(enrolled_at="0001-01-01T00:00:00+00:00"),
    ]
    before = hq.counts()

    assert hq.statuses(cases, till) == ["rejected:invalid_payload"] * len(cases)

    assert hq.counts() == before
    assert hq.member(code)["balance"] == 100


def test_a_bad_event_between_good_ones_leaves_the_good_ones_applied(hq):
    till = Till()
    code = _enrolled(hq, till)
    first, bad, last = till.sale(code, paid=1_000), till.sale(code, paid=2_000), till.sale(code, paid=3_000)
    bad["payload"]["member_code"] = code + "\x00"

    assert hq.statuses([first, bad, last], till) == ["applied", "rejected:invalid_payload", "applied"]
    earned = first["payload"]["points_earned"] + last["payload"]["points_earned"]
    assert earned > 0 and hq.member(code)["balance"] == 100 + earned
