"""A real till's sale beyond HQ's risk numbers: HQ holds it, the till shows it awaiting HQ's approval and
counts it in no balance; once an operator approves it at HQ, the till's next sync books HQ's entries."""

from hq.services import held
from loyalty_core.pricing import CartLine

TELEVISION = [CartLine("TV-65", "electronics", 3_500_000, 1)]  # 35,000.00: over the default 30,000.00


def test_a_sale_over_the_risk_numbers_waits_for_hq_then_the_till_books_what_hq_approved(hq_factory, till_factory,
                                                                                      clock):  # fmt: skip
    hq = hq_factory(clock=clock.utc)
    till = till_factory(hq, clock=clock)
    member = till.pos.enroll(phone="0912000301", name="王小明", consent_terms=True)
    till.sync.run_once()
    receipt = till.pos.confirm_sale(member.member_code, TELEVISION)

    assert till.sync.run_once()["push"].get("held") == 1
    assert hq.balances()[member.member_code] == 100
    assert till.pos.find_member(member.member_code).balance == 100
    assert till.pos.outbox_status()["awaiting_hq_approval"] == 1

    [review_id] = [r[0] for r in hq.rows("SELECT review_id FROM held_adjustments WHERE kind = 'sale'")]
    hq.write(lambda conn: held.approve(conn, review_id, "risk-1", clock.utc()))
    till.sync.run_once()
    assert hq.balances()[member.member_code] == 100 + receipt.points_earned
    assert till.pos.find_member(member.member_code).balance == 100 + receipt.points_earned
    assert till.pos.outbox_status()["awaiting_hq_approval"] == 0
