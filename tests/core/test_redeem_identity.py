"""Identity at redemption (issue 19.6): above the rules' `redeem_identity_points` a member found by a typed
phone or code redeems only with their card scanned or a one-time code HQ verified; offline only the card."""

from loyalty_core.rules import RuleSet
from pos_app.services import IDENTITY_CLAMPED, CodeSent
from pos_app.services.checkout import SaleRequest

from .support import WORKED_CART, balance, default_rules_dict, outbox_events, refused, snapshot


class FakeHqCodes:
    """HQ's one-time codes as the till sees them (the HTTP side is tests/hq/test_hq_redeem_codes.py)."""

    def __init__(self, member_code: str) -> None:
        self.member_code, self.sent = member_code, []

    def send(self, member_code: str) -> CodeSent:
        self.sent.append(member_code)
        return CodeSent("otp-1", "0912***678")

    def verify(self, otp_id: str, code: str) -> str:
        return self.member_code if (otp_id, code) == ("otp-1", "123456") else "someone-else"


def sale_event(app) -> dict:
    return [e for e in outbox_events(app) if e["type"] == "sale.confirmed"][-1]["payload"]


def test_the_threshold_is_rules_data_and_an_old_rules_document_reads_the_default():
    old = default_rules_dict()
    old["risk"] = {k: v for k, v in old["risk"].items() if k != "redeem_identity_points"}
    assert RuleSet.from_dict(old).risk.redeem_identity_points == 2_000
    assert RuleSet.from_dict({**old, "risk": {"redeem_identity_points": 500}}).risk.redeem_identity_points == 500


def test_a_typed_phone_redeeming_above_the_threshold_is_refused_and_nothing_is_written(app, pos, make_member):
    member = make_member("silver", points=10_000, phone="0912000111")
    before = snapshot(app)
    err = refused("redeem_needs_identity", pos.confirm_sale, "0912000111", WORKED_CART, 2_100, identified_by="phone")
    assert err.params["max"] == 2_000 and "one-time code" in err.message
    assert snapshot(app) == before
    receipt = pos.confirm_sale("0912000111", WORKED_CART, 2_000, identified_by="phone")  # the threshold itself
    assert receipt.points_redeemed == 2_000
    assert (sale_event(app)["identified_by"], sale_event(app)["otp_verified"]) == ("phone", False)
    assert balance(app, member.member_code) == 10_100 - 2_000 + receipt.points_earned


def test_the_till_quote_stops_a_typed_code_at_the_threshold_and_says_why(pos, make_member):
    member = make_member("silver", points=10_000)
    result = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART, redeem_points=5_000))  # typed: "code"
    assert (result.quote.points_redeemed, result.asked, result.clamped) == (2_000, 5_000, IDENTITY_CLAMPED)
    assert result.identity_limit == 2_000
    card = pos.quote_clamped(SaleRequest(member.member_code, WORKED_CART, redeem_points=5_000, identified_by="card"))
    assert (card.quote.points_redeemed, card.clamped, card.identity_limit) == (5_000, None, None)


def test_the_scanned_card_redeems_above_the_threshold(app, pos, make_member):
    member = make_member("silver", points=10_000)
    receipt = pos.confirm_sale(member.qr_payload, WORKED_CART, 5_000)  # the card's signed QR text: a card
    assert receipt.points_redeemed == 5_000
    assert (sale_event(app)["identified_by"], sale_event(app)["otp_verified"]) == ("card", False)
    second = pos.confirm_sale(member.member_code, WORKED_CART, 3_000, identified_by="card")  # the scanner path
    assert balance(app, member.member_code) == 10_100 - 8_000 + receipt.points_earned + second.points_earned


def test_a_code_hq_verified_lets_a_typed_phone_redeem_and_the_sale_says_so(app, pos, make_member):
    member = make_member("silver", points=10_000, phone="0912000222")
    pos.redeem_codes = FakeHqCodes(member.member_code)
    assert pos.send_redeem_code(member.member_code).to_masked == "0912***678"
    refused("wrong_code", pos.verify_redeem_code, member.member_code, "otp-1", "654321")  # HQ: another member's
    refused("wrong_code", pos.verify_redeem_code, member.member_code, "otp-1", "12345x")  # not 6 digits
    otp_id = pos.verify_redeem_code(member.member_code, "otp-1", "123456")
    receipt = pos.confirm_sale("0912000222", WORKED_CART, 5_000, identified_by="phone", otp_id=otp_id)
    assert receipt.points_redeemed == 5_000
    event = sale_event(app)
    assert (event["identified_by"], event["otp_verified"], event["otp_id"]) == ("phone", True, "otp-1")


def test_offline_only_the_card_unlocks_a_redemption_above_the_threshold(app, pos, make_member):
    member = make_member("silver", points=10_000)
    pos.redeem_codes = FakeHqCodes(member.member_code)
    app.ctx.is_offline = lambda: True
    refused("code_needs_hq", pos.send_redeem_code, member.member_code)
    err = refused("redeem_needs_card", pos.confirm_sale, member.member_code, WORKED_CART, 3_000)
    assert "card" in err.message
    assert pos.confirm_sale(member.qr_payload, WORKED_CART, 3_000).points_redeemed == 3_000  # within the allowance


def test_an_unknown_way_of_identifying_is_refused(pos, make_member):
    member = make_member("silver", points=10_000)
    refused("invalid_identified_by", pos.confirm_sale, member.member_code, WORKED_CART, 100, identified_by="face")
