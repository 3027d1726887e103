"""Bad input through PosService: a clear DomainError, and nothing in the database changes.

Every case runs against a till holding a silver member with 20,100 points, one sale
(receipt `w.receipt`) and one used coupon. The whole database is compared before and after,
and the outbox count and ledger rows are checked explicitly.
"""

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from loyalty_core import coupons, qr, signing
from loyalty_core.errors import DomainError
from loyalty_core.pricing import CartLine

from .support import SUPERVISOR, WORKED_CART, ledger_rows, query, snapshot

UNKNOWN_CODE = "M23456789AB"
NO_RECEIPT = "R-S001-T01-999999"
INJECTIONS = {
    "sql": "'; DROP TABLE members;--",
    "html": "<script>alert(1)</script>",
    "long": "A" * 10_000,
    "long_digits": "9" * 10_000,
    "nul": "abc\x00def",
}
SHIRT = CartLine("SHIRT-1", "apparel", 15_000, 1)


@dataclass(frozen=True)
class Case:
    id: str
    call: object  # (world) -> anything; must raise DomainError
    codes: tuple[str, ...] | None  # None: any DomainError code is a clear refusal


CASES: list[Case] = []


def case(id_: str, codes: str | tuple[str, ...] | None, call) -> None:
    CASES.append(Case(id_, call, (codes,) if isinstance(codes, str) else codes))


# --- unknown members ---------------------------------------------------------------------------
case("unknown_member_code_lookup", "member_not_found", lambda w: w.pos.find_member(UNKNOWN_CODE))
case("unknown_phone_lookup", "member_not_found", lambda w: w.pos.find_member("0999 999 999"))
case("unknown_member_sale", "member_not_found", lambda w: w.pos.confirm_sale(UNKNOWN_CODE, [SHIRT]))
case("unknown_member_quote", "member_not_found", lambda w: w.pos.quote_sale(UNKNOWN_CODE, [SHIRT]))
case("unknown_member_adjust", "member_not_found", lambda w: w.pos.adjust(UNKNOWN_CODE, 100, "goodwill", SUPERVISOR))
case("unknown_member_update", "member_not_found", lambda w: w.pos.update_member(UNKNOWN_CODE, {"name": "Bob"}, "S"))
case("unknown_member_ledger", "member_not_found", lambda w: w.pos.ledger(UNKNOWN_CODE))
case("unknown_member_return_without_receipt", "member_not_found",
     lambda w: w.pos.return_without_receipt(UNKNOWN_CODE, 1_000, "apparel", SUPERVISOR))  # fmt: skip
case("unknown_referrer", "member_not_found",
     lambda w: w.pos.enroll(phone="0955555555", name="Bob", consent_terms=True, referrer=UNKNOWN_CODE))  # fmt: skip
case("not_a_phone_lookup", "member_not_found", lambda w: w.pos.find_member("12"))
case("letters_lookup", "member_not_found", lambda w: w.pos.find_member("Alice"))
case("empty_query", "member_not_found", lambda w: w.pos.find_member(""))
case("blank_query", "member_not_found", lambda w: w.pos.find_member("   "))

# --- QR codes ----------------------------------------------------------------------------------


def _altered_code(w):
    payload = w.member.qr_payload
    code = w.member.member_code
    other = code[:-1] + ("2" if code[-1] != "2" else "3")
    return payload.replace(code, other, 1)


def _altered_key(w):
    return w.member.qr_payload.replace(w.app.ctx.signer.key_id, w.hq.key_id, 1)


def _forged(w):
    return qr.static_payload(w.member.member_code, signing.Signer.generate(w.app.ctx.signer.key_id))


def _unknown_key(w):
    return qr.static_payload(w.member.member_code, signing.Signer.generate("S999-000000"))


def _expired_dynamic(w):
    return qr.dynamic_payload(w.member.member_code, w.app.ctx.signer, w.app.ctx.now() - dt.timedelta(minutes=30))


QR_BAD = {
    "malformed": (lambda w: "LOY1.not-a-member", "invalid_qr"),
    "garbage": (lambda w: "LOY1." + "x" * 300, ("invalid_qr", "member_not_found")),
    "truncated": (lambda w: w.member.qr_payload[:-20], "forged_qr"),
    "altered_member": (_altered_code, "forged_qr"),
    "altered_key": (_altered_key, "forged_qr"),
    "forged": (_forged, "forged_qr"),
    "unknown_key": (_unknown_key, "forged_qr"),
    "expired_dynamic": (_expired_dynamic, "expired_qr"),
}
for name, (make_text, code) in QR_BAD.items():
    case(f"qr_{name}_lookup", code, lambda w, m=make_text: w.pos.find_member(m(w)))
    case(f"qr_{name}_sale", code, lambda w, m=make_text: w.pos.confirm_sale(m(w), [SHIRT]))
    case(f"qr_{name}_adjust", code, lambda w, m=make_text: w.pos.adjust(m(w), 100, "goodwill", SUPERVISOR))

# --- phones, names, birthdays -----------------------------------------------------------------


def enroll(w, **kw):
    fields = {"phone": "0955555555", "name": "Bob", "birthday": None, "consent_terms": True, **kw}
    return w.pos.enroll(**fields)


for bad_phone in ["abc", "123", "0912-abc-678", "+", "09123456789012345678"]:
    case(f"phone_{bad_phone}_enroll", "invalid_phone", lambda w, p=bad_phone: enroll(w, phone=p))
case("phone_not_a_phone_update", "invalid_phone",
     lambda w: w.pos.update_member(w.member.member_code, {"phone": "call me"}, "S"))  # fmt: skip
case("phone_taken", "phone_taken", lambda w: enroll(w, phone=w.member.phone))
case("phone_taken_by_update", "phone_taken",
     lambda w: w.pos.update_member(w.other.member_code, {"phone": w.member.phone}, "S"))  # fmt: skip
case("no_consent", "consent_required", lambda w: enroll(w, consent_terms=False))
case("future_birthday", "invalid_birthday", lambda w: enroll(w, birthday="2030-01-01"))
case("impossible_birthday", "invalid_birthday", lambda w: enroll(w, birthday="1990-02-30"))
case(
    "birthday_with_injection_suffix",
    "invalid_birthday",
    lambda w: enroll(w, birthday="1990-03-04'; DROP TABLE members;--"),
)
case("unknown_profile_field", "invalid_field",
     lambda w: w.pos.update_member(w.member.member_code, {"tier_code": "diamond"}, "S"))  # fmt: skip

# --- amounts and quantities --------------------------------------------------------------------
for price in [-1, 0, 10**12, 100_000_001, 1.5, "150.00", None]:
    case(
        f"price_{price}",
        "invalid_amount",
        lambda w, p=price: w.pos.confirm_sale(w.code, [CartLine("SHIRT-1", "apparel", p, 1)]),
    )
for qty in [0, -1, 1000, 10**9, 1.5, "2", None]:
    case(
        f"qty_{qty}",
        "invalid_quantity",
        lambda w, q=qty: w.pos.confirm_sale(w.code, [CartLine("SHIRT-1", "apparel", 100, q)]),
    )
case("subtotal_absurd", "invalid_amount",
     lambda w: w.pos.confirm_sale(w.code, [CartLine("TV-1", "electronics", 100_000_000, 2)]))  # fmt: skip
case("empty_cart", "empty_cart", lambda w: w.pos.confirm_sale(w.code, []))
case("too_many_lines", "too_many_lines", lambda w: w.pos.confirm_sale(w.code, [SHIRT] * 201))
for amount in [-1, 0, 10**12, 1.5]:
    case(f"return_without_receipt_amount_{amount}", "invalid_amount",
         lambda w, a=amount: w.pos.return_without_receipt(w.code, a, "apparel", SUPERVISOR))  # fmt: skip
for points in [0, 10**9, -(10**9), 1.5, "100", None]:
    case(
        f"adjust_points_{points}", "invalid_points", lambda w, p=points: w.pos.adjust(w.code, p, "goodwill", SUPERVISOR)
    )

# --- redemption --------------------------------------------------------------------------------
case("redeem_over_balance", "insufficient_points",
     lambda w: w.pos.confirm_sale(w.code, [CartLine("TV-1", "electronics", 1_000_000, 1)],
                                  redeem_points=(w.member.balance // 100 + 1) * 100))  # fmt: skip
case("redeem_over_cap", "redeem_over_cap", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=19_600))
case("redeem_not_a_step", "redeem_step", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=150))
case("redeem_negative", "invalid_points", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=-100))
case("redeem_float", "invalid_points", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=100.0))
case("redeem_float_zero", "invalid_points", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points=0.0))
case("redeem_text", "invalid_points", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, redeem_points="100"))

# --- coupons -----------------------------------------------------------------------------------


def _altered_coupon(w):
    prefix, key_id, body, sig = w.fresh_coupon.split(".")
    other = coupons.issue(coupons.Coupon("FRESH-1", "amount", 99_000), signing.Signer.generate(key_id))
    return ".".join([prefix, key_id, other.split(".")[2], sig])


case("coupon_used", "coupon_used", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, coupon_code=w.used_coupon))
case("coupon_forged", "forged_coupon",
     lambda w: w.pos.confirm_sale(w.code, WORKED_CART,
                                  coupon_code=coupons.issue(coupons.Coupon("F", "amount", 5_000),
                                                            signing.Signer.generate(w.hq.key_id))))  # fmt: skip
case(
    "coupon_altered", "forged_coupon", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, coupon_code=_altered_coupon(w))
)
case("coupon_garbage", "invalid_coupon", lambda w: w.pos.confirm_sale(w.code, WORKED_CART, coupon_code="FREE-STUFF"))

# --- returns -----------------------------------------------------------------------------------
case("return_more_than_sold", "return_too_many", lambda w: w.pos.return_sale(w.receipt, {0: 3}))
case("return_more_than_left", "return_too_many", lambda w: w.pos.return_sale(w.returned_receipt, {0: 2}))
case("return_everything_twice", "return_too_many", lambda w: w.pos.return_sale(w.fully_returned_receipt))
case("return_unknown_line", "return_unknown_line", lambda w: w.pos.return_sale(w.receipt, {7: 1}))
case("return_zero_units", "invalid_quantity", lambda w: w.pos.return_sale(w.receipt, {0: 0}))
case("return_negative_units", "invalid_quantity", lambda w: w.pos.return_sale(w.receipt, {0: -1}))
case("return_fractional_units", "invalid_quantity", lambda w: w.pos.return_sale(w.receipt, {0: 0.5}))
case("return_nothing", None, lambda w: w.pos.return_sale(w.receipt, {}))
case("return_sku_more_than_sold", "return_too_many", lambda w: w.pos.return_skus(w.receipt, {"SHIRT-1": 3}))
case("return_sku_not_on_receipt", "return_unknown_line", lambda w: w.pos.return_skus(w.receipt, {"TEA-500": 1}))
case("return_sku_zero", "invalid_quantity", lambda w: w.pos.return_skus(w.receipt, {"SHIRT-1": 0}))
case("return_sku_negative", "invalid_quantity", lambda w: w.pos.return_skus(w.receipt, {"SHIRT-1": -1}))
case("return_sku_nothing", None, lambda w: w.pos.return_skus(w.receipt, {}))
case("receipt_not_found_return", "receipt_not_found", lambda w: w.pos.return_sale(NO_RECEIPT))
case("receipt_not_found_quote", "receipt_not_found", lambda w: w.pos.quote_return(NO_RECEIPT))
case("receipt_not_found_find", "receipt_not_found", lambda w: w.pos.find_sale(NO_RECEIPT))
case("receipt_not_found_skus", "receipt_not_found", lambda w: w.pos.return_skus(NO_RECEIPT, {"SHIRT-1": 1}))
case("no_receipt_no_supervisor", "supervisor_required",
     lambda w: w.pos.return_without_receipt(w.code, 1_000, "apparel", ""))  # fmt: skip

# --- overrides ---------------------------------------------------------------------------------
case("adjust_unknown_reason", "invalid_reason", lambda w: w.pos.adjust(w.code, 100, "because", SUPERVISOR))
case("adjust_no_supervisor", "supervisor_required", lambda w: w.pos.adjust(w.code, 100, "goodwill", ""))

# --- injection strings and 10,000-character strings in every text field ----------------------
for label, s in INJECTIONS.items():
    case(f"{label}_in_name_enroll", ("invalid_name", "name_too_long"), lambda w, s=s: enroll(w, name=s))
    case(f"{label}_in_name_update", ("invalid_name", "name_too_long"),
         lambda w, s=s: w.pos.update_member(w.member.member_code, {"name": s}, "S"))  # fmt: skip
    case(f"{label}_in_phone_enroll", "invalid_phone", lambda w, s=s: enroll(w, phone=s))
    case(f"{label}_in_phone_update", "invalid_phone",
         lambda w, s=s: w.pos.update_member(w.member.member_code, {"phone": s}, "S"))  # fmt: skip
    case(f"{label}_in_birthday", "invalid_birthday", lambda w, s=s: enroll(w, birthday=s))
    case(f"{label}_in_query_lookup", "member_not_found", lambda w, s=s: w.pos.find_member(s))
    case(f"{label}_in_query_sale", "member_not_found", lambda w, s=s: w.pos.confirm_sale(s, [SHIRT]))
    case(f"{label}_in_query_adjust", "member_not_found", lambda w, s=s: w.pos.adjust(s, 100, "goodwill", SUPERVISOR))
    case(f"{label}_in_referrer", "member_not_found", lambda w, s=s: enroll(w, referrer=s))
    case(f"{label}_in_sku", "invalid_sku", lambda w, s=s: w.pos.confirm_sale(w.code, [CartLine(s, "apparel", 100, 1)]))
    case(f"{label}_in_category", "invalid_category",
         lambda w, s=s: w.pos.confirm_sale(w.code, [CartLine("SHIRT-1", s, 100, 1)]))  # fmt: skip
    case(f"{label}_in_category_return_without_receipt", "invalid_category",
         lambda w, s=s: w.pos.return_without_receipt(w.code, 1_000, s, SUPERVISOR))  # fmt: skip
    case(f"{label}_in_reason", "invalid_reason", lambda w, s=s: w.pos.adjust(w.code, 100, s, SUPERVISOR))
    case(f"{label}_in_supervisor_adjust", ("invalid_supervisor", "not_supervisor"),
         lambda w, s=s: w.pos.adjust(w.code, 100, "goodwill", s))  # fmt: skip
    case(f"{label}_in_supervisor_return", ("invalid_supervisor", "not_supervisor"),
         lambda w, s=s: w.pos.return_sale(w.receipt, {0: 1}, supervisor_id=s))  # fmt: skip
    case(f"{label}_in_supervisor_return_without_receipt", ("invalid_supervisor", "not_supervisor"),
         lambda w, s=s: w.pos.return_without_receipt(w.code, 1_000, "apparel", s))  # fmt: skip
    case(f"{label}_in_coupon", ("invalid_coupon", "forged_coupon"),
         lambda w, s=s: w.pos.confirm_sale(w.code, [SHIRT], coupon_code=s))  # fmt: skip
    case(f"{label}_in_receipt", "receipt_not_found", lambda w, s=s: w.pos.return_sale(s))
    case(f"{label}_in_cashier", None, lambda w, s=s: w.pos.confirm_sale(w.code, [SHIRT], cashier_id=s))


@pytest.fixture
def world(app, pos, make_member, hq_signer):
    member = make_member("silver", points=20_000, name="Alice Chen")
    other = make_member(name="Bob Lin")
    code = member.member_code
    sale = pos.confirm_sale(code, WORKED_CART)
    partly = pos.confirm_sale(code, WORKED_CART)
    pos.return_sale(partly.receipt_no, {0: 1})
    fully = pos.confirm_sale(code, [SHIRT])
    pos.return_sale(fully.receipt_no)
    used = coupons.issue(coupons.Coupon("USED-1", "amount", 1_000), hq_signer)
    pos.confirm_sale(code, WORKED_CART, coupon_code=used)
    fresh = coupons.issue(coupons.Coupon("FRESH-1", "amount", 1_000), hq_signer)
    member = pos.find_member(code)
    return SimpleNamespace(
        app=app, pos=pos, member=member, other=other, code=code, hq=hq_signer, receipt=sale.receipt_no,
        returned_receipt=partly.receipt_no, fully_returned_receipt=fully.receipt_no, used_coupon=used,
        fresh_coupon=fresh,
    )  # fmt: skip


@pytest.mark.parametrize("bad", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_with_a_clear_code_and_changes_nothing(world, bad):
    before = snapshot(world.app)
    outbox_before = query(world.app, "SELECT COUNT(*) FROM outbox")[0][0]
    ledger_before = ledger_rows(world.app)
    with pytest.raises(DomainError) as info:
        bad.call(world)
    if bad.codes is not None:
        assert info.value.code in bad.codes, f"{info.value.code}: {info.value.message}"
    assert info.value.message
    assert query(world.app, "SELECT COUNT(*) FROM outbox")[0][0] == outbox_before
    assert ledger_rows(world.app) == ledger_before
    assert snapshot(world.app) == before


def test_every_case_id_is_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("text", list(INJECTIONS.values()), ids=list(INJECTIONS))
def test_searching_names_for_an_injection_string_finds_nothing_and_changes_nothing(world, text):
    before = snapshot(world.app)
    assert world.pos.search_members(text) == []
    assert world.pos.member_by_phone(text) is None
    assert snapshot(world.app) == before
    assert query(world.app, "SELECT COUNT(*) FROM members")[0][0] == 2


def test_a_name_search_is_a_prefix_search_not_a_pattern(world):
    assert [m.member_code for m in world.pos.search_members("alice")] == [world.code]
    assert world.pos.search_members("%") == []
    assert world.pos.search_members("_lice") == []
