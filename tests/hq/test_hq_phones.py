"""HQ reads every phone as E.164 in the sending store's country: one phone is one person."""

from hq.services import admin
from hq.storage import db
from loyalty_core.ids import member_code
from tests.support.events import Till


def test_one_phone_sent_in_two_formats_by_two_stores_is_merged_into_the_earlier_member(hq):
    store_a, store_b = Till("S001", "T01"), Till("S002", "T01")
    earlier = store_a.enroll(phone="+886 922 333 444", enrolled_at="2026-11-20T09:00:00+08:00")
    later = store_b.enroll(phone="0922333444", enrolled_at="2026-11-21T09:00:00+08:00")
    keep, gone = earlier["payload"]["member"]["member_code"], later["payload"]["member"]["member_code"]
    assert hq.statuses([earlier], store_a) == ["applied"]
    assert hq.statuses([later], store_b) == ["applied"]
    assert hq.member(gone)["member_code"] == keep
    assert hq.scalar("SELECT count(DISTINCT phone) FROM members") == 1
    assert hq.scalar("SELECT max(phone) FROM members") == "+886922333444"
    assert hq.member_by_phone("0922-333-444")["member_code"] == keep  # found by the phone in any format


def test_a_hong_kong_stores_eight_digits_are_a_hong_kong_mobile(hq):
    db.write(hq.engine, lambda conn: admin.add_store(conn, "HK01", "Causeway Bay", hq.clock(), "HK"))
    till = Till("HK01", "T01")
    event = till.enroll(phone="6123 4567")
    assert hq.statuses([event], till) == ["applied"]
    code = event["payload"]["member"]["member_code"]
    assert hq.scalar("SELECT phone FROM members WHERE member_code = :c", c=code) == "+85261234567"


def test_a_landline_or_a_made_up_number_is_refused_and_nothing_is_stored(hq):
    till = Till("S001", "T01")
    events = [till.enroll(code=member_code(), phone="02 2345 6789"), till.enroll(code=member_code(), phone="12345678")]
    assert hq.statuses(events, till) == ["rejected:invalid_payload"] * 2
    assert hq.scalar("SELECT count(*) FROM members") == 0
