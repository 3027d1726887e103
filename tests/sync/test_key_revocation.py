"""Revoking a terminal at HQ reaches every till at its next pull: cards the retired till signed for
its members say "card needs reissue", anything it signs afterwards is refused."""

import pytest

from hq.services import admin
from loyalty_core import coupons, qr
from loyalty_core.errors import DomainError
from loyalty_core.ids import member_code
from loyalty_core.pricing import CartLine

TEA = [CartLine("TEA-500", "grocery", 12000, 2)]


def _refused(call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        call(*args, **kwargs)
    return info.value


def test_a_revoked_terminals_cards_need_reissue_elsewhere_and_its_later_signatures_are_refused(
    hq_factory, till_factory, clock
):
    hq = hq_factory(clock=clock.utc)
    lost = till_factory(hq, "S001", "T01", clock=clock)
    other = till_factory(hq, "S002", "T01", clock=clock)
    member = lost.pos.enroll(phone="0912000501", name="王小明", consent_terms=True)
    card = lost.pos.card_payload(member.member_code)
    lost.sync.run_once()
    other.sync.run_once()
    assert other.pos.find_member(card).member_code == member.member_code  # trusted while the till is in service

    clock.advance(days=1)
    revoked = hq.write(lambda conn: admin.revoke_terminal(conn, "S001", "T01", clock.utc()))
    assert revoked["members_to_reissue"] == [member.member_code]
    other.sync.run_once()  # the next pull brings the revocation

    assert _refused(other.pos.find_member, card).code == "card_needs_reissue"
    assert other.pos.find_member("0912000501").member_code == member.member_code
    forged_card = qr.static_payload(member_code(), lost.ctx.signer)  # the stolen key, after the revocation
    assert _refused(other.pos.find_member, forged_card).code == "forged_qr"
    birthday = coupons.Coupon(f"BDAY-{member.member_code}-{clock().year}", coupons.AMOUNT, 5_000,
                              member_code=member.member_code)  # fmt: skip
    code = coupons.issue(birthday, lost.ctx.signer)
    ledger_before = hq.ledger()
    assert _refused(other.pos.confirm_sale, member.member_code, TEA, coupon_code=code).code == "revoked_coupon"
    assert other.pos.pending_events() == []
    assert hq.ledger() == ledger_before


def test_a_till_bootstrapped_after_the_revocation_knows_the_key_is_revoked(hq_factory, till_factory, clock):
    hq = hq_factory(clock=clock.utc)
    lost = till_factory(hq, "S001", "T01", clock=clock)
    member = lost.pos.enroll(phone="0912000502", name="陳美", consent_terms=True)
    card = lost.pos.card_payload(member.member_code)
    lost.sync.run_once()
    clock.advance(hours=2)
    hq.write(lambda conn: admin.revoke_terminal(conn, "S001", "T01", clock.utc()))

    fresh = till_factory(hq, "S003", "T01", clock=clock)
    fresh.sync.run_once()  # a new PC: snapshot, then the feed

    assert fresh.ctx.keyring.revoked_at(lost.ctx.signer.key_id) is not None
    assert _refused(fresh.pos.find_member, card).code == "card_needs_reissue"
