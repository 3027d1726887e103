"""Random days at two stores: whatever happens, HQ's books add up and a replay changes nothing."""

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_core.reconcile import BucketHasher
from tests.hq.hq_helpers import auth
from tests.support.events import Till

PHONES = ["0911000001", "0911000002", "0911000003"]  # few phones: duplicates (and merges) are common

steps = st.lists(
    st.one_of(
        st.tuples(st.just("enroll"), st.integers(0, 1), st.sampled_from(PHONES), st.integers(0, 3)),
        st.tuples(st.just("sale"), st.integers(0, 1), st.integers(0, 9), st.integers(0, 300), st.integers(0, 3)),
        st.tuples(st.just("return"), st.integers(0, 1), st.integers(0, 9), st.integers(0, 200)),
        st.tuples(st.just("adjust"), st.integers(0, 1), st.integers(0, 9), st.integers(-300, 300).filter(bool)),
        st.tuples(st.just("coupon"), st.integers(0, 1), st.integers(0, 9), st.sampled_from(["C1", "C2"])),
    ),
    min_size=1,
    max_size=25,
)


def _events(plan, tills, codes):
    batches = [[], []]
    for step in plan:
        kind, store = step[0], step[1]
        if kind == "enroll":
            event = tills[store].enroll(phone=step[2], enrolled_at=f"2026-11-2{step[3]}T09:00:00+08:00")
            codes.append(event["payload"]["member"]["member_code"])
        elif codes:
            event = _event(tills[store], kind, codes[step[2] % len(codes)], step)
        else:
            continue
        batches[store].append(event)
    return batches


def _event(till, kind, code, step):
    if kind == "sale":
        return till.sale(code, earn=step[3], redeem=step[4] * 100)
    if kind == "return":
        return till.give_back(code, take_back=step[3])
    if kind == "adjust":
        return till.adjust(code, step[3])
    return till.sale(code, coupon_id=step[3])


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=steps)
def test_any_mix_of_till_events_keeps_the_books_consistent_and_a_replay_books_nothing(hq, plan):
    tills = [Till("S001", "T01"), Till("S002", "T01")]
    codes = []
    batches = _events(plan, tills, codes)
    for _ in range(2):  # the second round applies what was parked for a member enrolled at the other store
        for till, batch in zip(tills, batches, strict=True):
            if batch:
                assert hq.push(batch, till).status_code == 200
    before = hq.counts()
    for till, batch in zip(tills, batches, strict=True):
        if batch:
            # a replay books nothing: each event answers as it did (an event HQ holds answers held, same review)
            assert {r["status"] for r in hq.push(batch, till).json()["results"]} <= {"duplicate", "rejected", "held"}
    assert hq.counts() == before
    _check_books(hq, set(codes))


def _check_books(hq, codes):
    with hq.engine.connect() as conn:
        members = conn.exec_driver_sql("SELECT member_code, balance, status, merged_into, phone FROM members").all()
        rows = conn.exec_driver_sql("SELECT member_code, points FROM ledger ORDER BY id").all()
    sums = {}
    for code, points in rows:
        sums[code] = sums.get(code, 0) + points
    hasher = BucketHasher()
    reader = hq.terminal("S001", f"R{uuid.uuid4().hex[:8]}")  # look-ups are limited per token and (frozen) minute
    active_phones = [m.phone for m in members if m.status == "active"]
    assert len(active_phones) == len(set(active_phones))  # every duplicate enrollment was merged
    for m in members:
        assert m.balance == sums.get(m.member_code, 0)
        if m.status == "active":
            hasher.add(m.member_code, m.balance)
        else:
            assert m.balance == 0 and m.merged_into
        if m.member_code in codes:
            view = hq.member(m.member_code, token=reader)
            assert view["member"]["status"] == "active"  # merged codes resolve to a live member
            assert view["balance"] == sum(lot["remaining"] for lot in view["lots"]) - view["debt"]
    buckets = hq.client.get("/api/v1/reconcile/buckets", headers=auth(hq.terminal())).json()["buckets"]
    assert buckets == {str(k): v for k, v in hasher.digests().items()}
