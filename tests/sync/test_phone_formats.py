"""One phone, two formats, two stores offline: HQ sees one person and merges them."""

from tests.sync.sync_harness import FaultyAdapter, attach, settle


def test_two_tills_enrolling_one_phone_in_two_formats_are_merged_into_one_member(hq, till_factory):
    a = till_factory(hq, "S001", "T01")
    b = till_factory(hq, "S002", "T01")
    settle([a, b], hq)
    nets = [attach(till, FaultyAdapter()) for till in (a, b)]
    for net in nets:
        net.offline = True
    first = a.pos.enroll(phone="+886 922 333 444", name="李美玲", consent_terms=True)
    second = b.pos.enroll(phone="0922-333-444", name="李美玲", consent_terms=True)
    assert first.member_code != second.member_code  # offline, neither till can know
    for net in nets:
        net.offline = False

    settle([a, b], hq)

    assert {hq.member(first.member_code).phone, hq.member(second.member_code).phone} == {"+886922333444"}
    merged = [m for m in (first.member_code, second.member_code) if hq.member(m).status == "merged"]
    assert len(merged) == 1
    survivor = hq.member(merged[0]).merged_into
    for till in (a, b):
        for typed in ("0922333444", "0922-333-444", "+886922333444"):
            assert till.pos.find_member(typed).member_code == survivor, typed
