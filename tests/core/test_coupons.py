"""Coupons: checked offline by signature, bound to a member if the issuer says so, used once."""

import datetime as dt
import json

import pytest

from loyalty_core import coupons, signing
from loyalty_core.coupons import Coupon
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine

from .support import TUESDAY, refused, snapshot

HQ = signing.Signer.generate("HQ-1")
RING = signing.KeyRing()
RING.add("HQ-1", HQ.public_bytes(), hq=True)
TUE = TUESDAY.date()
CART = [CartLine("SHIRT-1", "apparel", 60_000, 1)]


def ten_off(**kw) -> Coupon:
    fields = {"coupon_id": "C-100", "kind": coupons.AMOUNT, "value": 1_000, **kw}
    return Coupon(**fields)


def test_a_signed_coupon_is_read_back_exactly():
    c = ten_off(min_spend_cents=5_000, valid_until=dt.date(2026, 12, 31), member_code="M23456789AB")
    parsed = coupons.parse(coupons.issue(c, HQ), RING)
    assert parsed == Coupon("C-100", "amount", 1_000, 5_000, dt.date(2026, 12, 31), "M23456789AB", "HQ-1")


def test_a_coupon_signed_by_a_key_the_till_does_not_trust_is_forged():
    stranger = signing.Signer.generate("HQ-1")  # same key id, different key
    refused("forged_coupon", coupons.parse, coupons.issue(ten_off(), stranger), RING)
    unknown = signing.Signer.generate("NOBODY")
    refused("forged_coupon", coupons.parse, coupons.issue(ten_off(), unknown), RING)


def test_a_coupon_whose_value_was_altered_is_refused():
    code = coupons.issue(ten_off(), HQ)
    prefix, key_id, body, sig = code.split(".")
    payload = json.loads(signing.unb64(body))
    payload["value"] = 100_000
    altered = ".".join([prefix, key_id, signing.b64(json.dumps(payload).encode()), sig])
    refused("forged_coupon", coupons.parse, altered, RING)


def test_a_coupon_whose_key_id_was_swapped_is_refused():
    code = coupons.issue(ten_off(), HQ)
    refused("forged_coupon", coupons.parse, code.replace(".HQ-1.", ".HQ-2.", 1), RING)


@pytest.mark.parametrize("suffix", ["!!!!", "====", "\x00\x00\x00\x00"])
def test_a_coupon_with_junk_appended_to_its_signature_is_refused(suffix):
    code = coupons.issue(ten_off(), HQ)
    with pytest.raises(DomainError) as info:
        coupons.parse(code + suffix, RING)
    assert info.value.code in ("forged_coupon", "invalid_coupon")


def test_a_coupon_with_a_non_canonical_signature_encoding_is_refused():
    code = coupons.issue(ten_off(), HQ)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(code[-1])
    twin = code[:-1] + alphabet[last ^ 1]  # differs only in bits the decoder throws away
    assert twin != code
    refused("forged_coupon", coupons.parse, twin, RING)


@pytest.mark.parametrize(
    "garbage",
    ["", "CPN1", "CPN1.HQ-1", "CPN1.HQ-1.e30", "CPN2.HQ-1.e30.sig", "hello", "CPN1." + "A" * 700, "LOY1.a.b.c"],
)
def test_anything_that_is_not_a_coupon_code_is_refused(garbage):
    with pytest.raises(DomainError) as info:
        coupons.parse(garbage, RING)
    assert info.value.code in ("invalid_coupon", "forged_coupon")


def test_a_signed_coupon_with_a_nonsense_body_is_refused():
    body = signing.b64(json.dumps({"id": "X", "kind": "free-tv", "value": 1}).encode())
    message = f"CPN1.HQ-1.{body}"
    refused("invalid_coupon", coupons.parse, f"{message}.{HQ.sign(message.encode())}", RING)


def test_a_coupon_for_another_member_is_refused():
    refused("coupon_wrong_member", coupons.check_usable, ten_off(member_code="M99999999AB"), "M23456789AB", 5_000, TUE)


def test_an_expired_coupon_is_refused_and_is_fine_on_its_last_day():
    c = ten_off(valid_until=TUE)
    coupons.check_usable(c, "M23456789AB", 5_000, TUE)
    refused("coupon_expired", coupons.check_usable, c, "M23456789AB", 5_000, TUE + dt.timedelta(days=1))


def test_a_sale_below_the_minimum_spend_cannot_use_the_coupon():
    c = ten_off(min_spend_cents=50_000)
    refused("coupon_min_spend", coupons.check_usable, c, "M23456789AB", 49_999, TUE)
    coupons.check_usable(c, "M23456789AB", 50_000, TUE)


def test_a_percent_coupon_takes_its_share_and_never_more_than_the_amount():
    assert Coupon("P", coupons.PERCENT, 1_000).discount_cents(39_190) == 3_919
    assert ten_off(value=99_999).discount_cents(5_000) == 5_000


# --- through the till -------------------------------------------------------------------------


def test_a_coupon_applies_after_the_member_price_and_before_points(pos, make_member, hq_signer):
    member = make_member("silver", points=50_000)
    code = coupons.issue(ten_off(member_code=member.member_code), hq_signer)
    q = pos.quote_sale(member.member_code, CART, coupon_code=code)
    assert (q.subtotal_cents, q.discount_cents, q.coupon_cents, q.due_cents) == (60_000, 1_200, 1_000, 57_800)
    assert q.max_redeem_points == 28_900
    receipt = pos.confirm_sale(member.member_code, CART, 2_000, coupon_code=code)
    assert receipt.coupon_id == "C-100" and receipt.paid_cents == 55_800


def test_a_coupon_used_once_cannot_be_used_again(app, pos, make_member, hq_signer):
    member = make_member()
    code = coupons.issue(ten_off(), hq_signer)
    pos.confirm_sale(member.member_code, CART, coupon_code=code)
    before = snapshot(app)
    refused("coupon_used", pos.confirm_sale, member.member_code, CART, coupon_code=code)
    refused("coupon_used", pos.quote_sale, member.member_code, CART, coupon_code=code)
    assert snapshot(app) == before


def test_a_used_coupon_cannot_be_reused_by_re_encoding_its_signature(app, pos, make_member, hq_signer):
    member = make_member()
    code = coupons.issue(ten_off(), hq_signer)
    pos.confirm_sale(member.member_code, CART, coupon_code=code)
    before = snapshot(app)
    with pytest.raises(DomainError) as info:
        pos.confirm_sale(member.member_code, CART, coupon_code=code + "!!!!")
    assert info.value.code in ("forged_coupon", "invalid_coupon", "coupon_used")
    assert snapshot(app) == before


def test_a_forged_coupon_is_refused_at_the_till_and_changes_nothing(app, pos, make_member):
    member = make_member()
    forged = coupons.issue(ten_off(), signing.Signer.generate("TEST-HQ"))
    before = snapshot(app)
    refused("forged_coupon", pos.confirm_sale, member.member_code, CART, coupon_code=forged)
    assert snapshot(app) == before


def test_another_members_coupon_is_refused_at_the_till(app, pos, make_member, hq_signer):
    owner, other = make_member(), make_member()
    code = coupons.issue(ten_off(member_code=owner.member_code), hq_signer)
    before = snapshot(app)
    refused("coupon_wrong_member", pos.confirm_sale, other.member_code, CART, coupon_code=code)
    assert snapshot(app) == before


def test_an_expired_coupon_is_refused_at_the_till(app, pos, make_member, hq_signer):
    member = make_member()
    code = coupons.issue(ten_off(valid_until=dt.date(2026, 11, 23)), hq_signer)
    refused("coupon_expired", pos.confirm_sale, member.member_code, CART, coupon_code=code)


def test_a_coupon_below_its_minimum_spend_is_refused_at_the_till(app, pos, make_member, hq_signer):
    member = make_member("silver")
    code = coupons.issue(ten_off(min_spend_cents=60_000), hq_signer)  # 600.00 - 2% = 588.00 < 600.00
    refused("coupon_min_spend", pos.confirm_sale, member.member_code, CART, coupon_code=code)
