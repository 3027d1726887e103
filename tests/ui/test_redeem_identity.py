"""Identity at redemption at the till: a member found by a typed phone redeems at most the rules'
threshold (the points box says what is needed: the card or a one-time code); their card scanned, the
points asked for are taken."""

from PySide6.QtCore import Qt

from tests.ui.ui_helpers import fkey, idle, logged_in, scan

CREAM = "4710000000031"  # face cream 680.00: half of two allows 68,000 points


def test_a_typed_phone_cannot_redeem_above_the_threshold_and_the_scanned_card_can(qtbot, shell, services):
    member = services.pos.enroll(phone="0912345678", name="王小明", birthday="1990-03-04", consent_terms=True)
    services.pos.adjust(member.member_code, 9_900, "goodwill", "9001")  # 10,000 points
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, "0912345678")  # typed at the counter: anyone can say a phone number
    scan(qtbot, checkout.entry.code_edit, CREAM)
    scan(qtbot, checkout.entry.code_edit, CREAM)
    idle(qtbot, shell)
    assert checkout.sale.identified_by == "phone"
    checkout.totals.redeem_spin.setValue(5_000)
    idle(qtbot, shell)
    box = checkout.totals.identity_box
    assert checkout.sale.quote.points_redeemed == 2_000  # the threshold, not the 5,000 asked for
    assert box.isVisible() and box.send_button.isEnabled() and box.send_button.text() == "Send code"
    assert "scan the member's card or confirm with a one-time code" in box.label.text()
    assert "5,000 points needs the member's card or a one-time code" in checkout.message.text()

    scan(qtbot, checkout.entry.code_edit, member.qr_payload)  # the member shows their card
    idle(qtbot, shell)
    assert checkout.sale.identified_by == "card" and not box.isVisible()
    assert checkout.sale.quote.points_redeemed == 5_000  # what was asked for, now allowed
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    receipt = checkout.sale.receipt
    assert receipt is not None and receipt.points_redeemed == 5_000
    assert services.pos.find_member(member.member_code).balance == 10_000 - 5_000 + receipt.points_earned
