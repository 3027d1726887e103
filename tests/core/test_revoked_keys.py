"""Keys HQ revoked (a lost or retired till): a card signed before the revocation needs reissuing, one
signed after it is refused, coupons signed by it are refused; only HQ signs coupons other than a
member's own birthday coupon."""

import datetime as dt

import pytest

from loyalty_core import coupons, qr, signing
from loyalty_core.errors import DomainError
from loyalty_core.ids import member_code
from loyalty_core.pricing import CartLine

from .support import refused, snapshot

CART = [CartLine("SHIRT-1", "apparel", 60_000, 1)]


@pytest.fixture
def retired(app):
    """Another store's key, trusted, then revoked by HQ (as a `store_key` feed row would)."""
    signer = signing.Signer.generate("S002-T01-k")
    app.ctx.keyring.add(signer.key_id, signer.public_bytes())
    return signer


def _revoke(app, key_id: str, at: dt.datetime) -> None:
    app.ctx.keyring.revoke(key_id, at.isoformat())


def test_a_card_signed_before_the_key_was_revoked_says_it_needs_reissuing(app, pos, retired, clock):
    member = pos.enroll(phone="0912000401", name="王小明", consent_terms=True)
    card = qr.static_payload(member.member_code, retired)
    assert pos.find_member(card).member_code == member.member_code
    clock.advance(days=3)
    _revoke(app, retired.key_id, clock())

    err = refused("card_needs_reissue", pos.find_member, card)

    assert err.params["member_code"] == member.member_code
    assert pos.find_member("0912000401").member_code == member.member_code  # by phone it still works


def test_a_card_the_revoked_key_signed_for_a_member_enrolled_later_is_refused(app, pos, retired, clock):
    _revoke(app, retired.key_id, clock())
    clock.advance(hours=1)
    later = pos.enroll(phone="0912000402", name="陳美", consent_terms=True)
    before = snapshot(app)

    refused("forged_qr", pos.find_member, qr.static_payload(later.member_code, retired))
    refused("forged_qr", pos.find_member, qr.static_payload(member_code(), retired))

    assert snapshot(app) == before


def test_a_coupon_signed_by_a_revoked_key_is_refused_and_nothing_is_sold(app, pos, make_member, retired, clock):
    member = make_member()
    birthday = coupons.Coupon(f"BDAY-{member.member_code}-{clock().year}", coupons.AMOUNT, 1_000,
                              member_code=member.member_code)  # fmt: skip
    code = coupons.issue(birthday, retired)
    assert pos.quote_sale(member.member_code, CART, coupon_code=code).coupon_cents == 1_000
    _revoke(app, retired.key_id, clock())
    before = snapshot(app)

    refused("revoked_coupon", pos.confirm_sale, member.member_code, CART, coupon_code=code)

    assert snapshot(app) == before


def test_only_hq_signs_coupons_other_than_a_members_own_birthday_coupon(app, pos, make_member, hq_signer, clock):
    member = make_member()
    store = app.ctx.signer  # this till's own key, trusted like any store key
    year = clock().year
    forged = [
        coupons.Coupon("C-100PCT", coupons.PERCENT, 10_000),  # the 100% coupon of the issue
        coupons.Coupon("BDAY-X", coupons.AMOUNT, 1_000, member_code=member.member_code),
        coupons.Coupon(f"BDAY-{member_code()}-{year}", coupons.AMOUNT, 1_000, member_code=member.member_code),
        coupons.Coupon(f"BDAY-{member.member_code}-{year}", coupons.AMOUNT, 1_000),  # for anyone
    ]
    before = snapshot(app)
    for coupon in forged:
        refused("coupon_not_hq_signed", pos.confirm_sale, member.member_code, CART,
                coupon_code=coupons.issue(coupon, store))  # fmt: skip
    assert snapshot(app) == before

    own_birthday = coupons.Coupon(f"BDAY-{member.member_code}-{year}", coupons.AMOUNT, 1_000,
                                  member_code=member.member_code)  # fmt: skip
    assert pos.quote_sale(member.member_code, CART, coupon_code=coupons.issue(own_birthday, store)).coupon_cents
    from_hq = coupons.issue(coupons.Coupon("C-HQ-1", coupons.PERCENT, 1_000), hq_signer)
    assert pos.confirm_sale(member.member_code, CART, coupon_code=from_hq).coupon_cents > 0


def test_a_revocation_stored_on_the_till_survives_a_restart(data_dir, clock):
    from pos_app import bootstrap

    app = bootstrap.build_app(data_dir, clock=clock)
    signer = signing.Signer.generate("S003-T01-k")
    with app.uow() as uow:
        uow.admin.add_key(signer.key_id, signing.b64(signer.public_bytes()), "store")
        uow.admin.add_key(signer.key_id, signing.b64(signer.public_bytes()), "store", clock().isoformat())
        uow.commit()
    app.close()

    again = bootstrap.build_app(data_dir, clock=clock)
    try:
        assert again.ctx.keyring.revoked_at(signer.key_id) == clock().isoformat()
        with pytest.raises(DomainError) as err:
            again.pos.find_member(qr.static_payload(member_code(), signer))
        assert err.value.code == "forged_qr"
    finally:
        again.close()
