"""Whatever a till puts in a payload, HQ answers per event and its books stay consistent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_core.ledger import KINDS
from tests.support.events import Till

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12,
)  # fmt: skip
KNOWN = "M2345678923"
codes = st.sampled_from([KNOWN, "M2222222222", "", "x" * 90]) | json_values
entries = st.fixed_dictionaries(
    {},
    optional={
        "entry_id": st.text(min_size=1, max_size=70) | json_values,
        "member_code": codes,
        "kind": st.sampled_from(sorted(KINDS) + ["merge_out", "gift"]) | json_values,
        "points": st.integers(-(10**8), 10**8) | json_values,
        "on": st.sampled_from(["2026-11-24", "2026-02-30", "9999-12-01", "soon"]) | json_values,
        "expires_on": st.sampled_from([None, "2027-11-30", "never"]) | json_values,
    },
)
payloads = st.fixed_dictionaries(
    {},
    optional={
        "member_code": codes,
        "ledger": st.lists(entries, max_size=3) | json_values,
        "spend_cents": st.integers(-(10**12), 10**12) | json_values,
        "coupon_id": st.text(max_size=90) | json_values,
        "changes": st.dictionaries(st.sampled_from(["name", "phone", "birthday", "x"]), json_values, max_size=3),
        "member": st.fixed_dictionaries(
            {},
            optional={
                "member_code": codes,
                "phone": json_values,
                "name": json_values,
                "consent_terms": json_values,
                "enrolled_at": json_values,
            },
        ),  # fmt: skip
        "code": json_values,
    },
)
event_types = st.sampled_from(
    ["member.enrolled", "member.updated", "sale.confirmed", "sale.returned", "points.adjusted", "coupon.issued"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(batch=st.lists(st.tuples(event_types, payloads), min_size=1, max_size=5))
def test_garbage_payloads_get_a_per_event_answer_and_the_books_stay_consistent(hq, batch):
    till = Till()
    if not hq.scalar("SELECT count(*) FROM members WHERE member_code = :c", c=KNOWN):
        assert hq.statuses([till.enroll(KNOWN)]) == ["applied"]
    events = [till.event(type_, payload) for type_, payload in batch]
    response = hq.push(events, till)
    assert response.status_code == 200, response.text
    assert len(response.json()["results"]) == len(events)
    drift = hq.scalar(
        "SELECT count(*) FROM members m WHERE m.balance != "
        "(SELECT coalesce(sum(points), 0) FROM ledger l WHERE l.member_code = m.member_code)"
    )
    assert drift == 0
