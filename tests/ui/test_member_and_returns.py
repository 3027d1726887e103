"""Member details (history, audited edits, supervisor adjustment, card reissue) and returns."""

from PySide6.QtCore import Qt
from sqlalchemy import text

from loyalty_core.pricing import CartLine
from tests.support.clock import TUESDAY
from tests.ui.ui_helpers import fkey, idle, logged_in, scan


def enroll(services, phone="0912345678", name="Alice Chen"):
    return services.pos.enroll(phone=phone, name=name, consent_terms=True)


def rows(services, sql: str) -> list:
    with services.engine.connect() as conn:
        conn.info["read_only"] = True
        return list(conn.execute(text(sql)))


def open_member(qtbot, shell, services, member):
    checkout = logged_in(qtbot, shell, "9001", "9999")
    scan(qtbot, checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F6)
    idle(qtbot, shell)
    assert shell.window.current_name() == "member"
    return checkout, shell.window.screen_named("member")


def test_member_details_show_the_ledger_newest_first(qtbot, shell, services, clock):
    clock.set(TUESDAY)  # the points shown are a plain day's
    member = enroll(services)
    services.pos.confirm_sale(member.member_code, [CartLine("TEA-500", "drinks", 15000, 1)])
    _, screen = open_member(qtbot, shell, services, member)
    table = screen.history
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "Purchase" and table.item(0, 2).text() == "200"
    assert table.item(1, 1).text() == "Sign-up bonus" and table.item(1, 5).text() == "Waiting"


def test_a_profile_edit_is_saved_and_audited(qtbot, shell, services):
    member = enroll(services)
    _, screen = open_member(qtbot, shell, services, member)
    screen.tabs.setCurrentIndex(1)
    screen.name_edit.setText("Alice Lin")
    screen.save_button.click()
    idle(qtbot, shell)
    assert screen.message.text() == "Saved."
    assert services.pos.find_member(member.member_code).name == "Alice Lin"
    audit = [a for a in services.pos.audit_trail() if a["action"] == "member.update"]
    assert [(a["actor"], a["subject"]) for a in audit] == [("9001", member.member_code)]
    assert audit[0]["details"]["after"] == {"name": "Alice Lin"}


def test_a_supervisor_adjusts_points_with_a_reason_and_the_checkout_sees_it(qtbot, shell, services):
    member = enroll(services)
    checkout, screen = open_member(qtbot, shell, services, member)
    screen.tabs.setCurrentIndex(2)
    screen.points_spin.setValue(500)
    screen.reason_combo.setCurrentIndex(screen.reason_combo.findData("complaint"))
    screen.approval.id_edit.setText("1001")  # a cashier cannot approve
    screen.approval.pin_edit.setText("1234")
    screen.approval.check()
    idle(qtbot, shell)
    assert "Only a supervisor" in screen.approval.message.text()
    assert services.pos.find_member(member.member_code).balance == 100
    screen.approval.id_edit.setText("9001")
    screen.approval.pin_edit.setText("9999")
    screen.approval.check()
    idle(qtbot, shell)
    assert services.pos.find_member(member.member_code).balance == 600
    assert "Adjusted by 500 points" in screen.message.text()
    fkey(qtbot, shell, Qt.Key.Key_Escape)
    idle(qtbot, shell)
    assert checkout.member_panel.balance_value.text() == "600"


def test_the_card_can_be_reissued_from_the_member_details(qtbot, shell, services, dialogs):
    member = enroll(services)
    _, screen = open_member(qtbot, shell, services, member)
    screen.tabs.setCurrentIndex(3)
    screen.card_panel.png_button.click()
    assert dialogs.saved[-1].name == f"member-card-{member.member_code}.png"


def sale(services, member):
    lines = [CartLine("TEA-500", "drinks", 15000, 2), CartLine("CUP-01", "homeware", 9990, 1)]
    return services.pos.confirm_sale(member.member_code, lines)


def test_a_return_by_scanned_receipt_shows_the_points_and_refund_before_confirming(qtbot, shell, services):
    member = enroll(services)
    receipt = sale(services, member)
    logged_in(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F7)
    screen = shell.window.screen_named("returns")
    scan(qtbot, screen.receipt_edit, receipt.receipt_no)
    idle(qtbot, shell)
    assert screen.lines.rowCount() == 2
    assert not screen.confirm_button.isEnabled()
    screen.lines.spins[0].setValue(1)  # one of the two teas comes back
    idle(qtbot, shell)
    preview = services.pos.quote_return(receipt.receipt_no, {0: 1})
    assert screen.preview_values["refund"].text() == "NT$150.00"
    assert screen.preview_values["taken"].text() == str(preview.points_taken_back)
    balance_before = services.pos.find_member(member.member_code).balance
    fkey(qtbot, shell, Qt.Key.Key_F12)
    fkey(qtbot, shell, Qt.Key.Key_F12)  # twice: still one return
    idle(qtbot, shell)
    assert screen.stack.currentIndex() == 2
    assert len(rows(services, "SELECT * FROM returns")) == 1
    after = services.pos.find_member(member.member_code).balance
    assert after == balance_before - preview.points_taken_back
    assert "Refund" in screen.result.browser.toPlainText()


def test_a_receipt_number_that_does_not_exist_is_refused_clearly(qtbot, shell, services):
    logged_in(qtbot, shell)
    shell.window.go("returns")
    screen = shell.window.screen_named("returns")
    scan(qtbot, screen.receipt_edit, "R-S001-T01-999999")
    idle(qtbot, shell)
    assert screen.message.text() == "No sale has receipt number R-S001-T01-999999."
    assert screen.record is None


def test_a_return_without_a_receipt_needs_a_supervisor(qtbot, shell, services):
    member = enroll(services)
    services.pos.adjust(member.member_code, 1000, "goodwill", "9001")
    logged_in(qtbot, shell)
    shell.window.go("returns")
    screen = shell.window.screen_named("returns")
    screen.mode_button.click()  # no receipt (F6 means "Member details" on every screen)
    assert screen.stack.currentIndex() == 1
    screen.nr_member.setText(member.member_code)
    screen.nr_amount.setText("200.00")
    screen.approval.id_edit.setText("9001")
    screen.approval.pin_edit.setText("0000")
    screen.approval.check()
    idle(qtbot, shell)
    assert "wrong PIN" in screen.approval.message.text()
    assert rows(services, "SELECT * FROM returns") == []
    screen.approval.pin_edit.setText("9999")
    screen.approval.check()
    idle(qtbot, shell)
    assert screen.stack.currentIndex() == 2
    assert services.pos.find_member(member.member_code).balance == 1100 - 200


def held_reduced(services, member) -> None:
    """As a till holds another store's member (pos_app/privacy.py): masked, the birth month only."""
    with services.engine.begin() as conn:
        conn.execute(text("UPDATE members SET name = 'A**** C***', phone = '0912***678', birthday = NULL,"
                          " birth_month = 3, reduced = 1 WHERE member_code = :c"), {"c": member.member_code})  # fmt: skip


def test_a_member_held_reduced_shows_masked_read_only_fields_until_hq_is_asked(qtbot, shell, services):
    member = enroll(services)
    held_reduced(services, member)
    _, screen = open_member(qtbot, shell, services, member)
    screen.tabs.setCurrentIndex(1)

    assert (screen.name_edit.text(), screen.phone_edit.text()) == ("A**** C***", "0912***678")
    assert not screen.name_edit.isEnabled() and screen.fetch_button.isVisible()

    screen.fetch_button.click()  # this till has no HQ: the form cannot be filled
    idle(qtbot, shell)
    assert "needs HQ" in screen.message.text()
    assert not screen.name_edit.isEnabled()


def test_a_member_held_reduced_gets_hqs_profile_in_the_form_and_saves_a_correction(qtbot, shell, services):
    from pos_app.services.views import Profile

    member = enroll(services)
    held_reduced(services, member)
    services.pos.profiles = lambda code: Profile("Alice Chen", "+886912345678", None)  # HQ's answer, as sent
    _, screen = open_member(qtbot, shell, services, member)
    screen.tabs.setCurrentIndex(1)

    screen.fetch_button.click()
    idle(qtbot, shell)
    assert (screen.name_edit.text(), screen.phone_edit.text()) == ("Alice Chen", "+886912345678")
    assert screen.name_edit.isEnabled() and not screen.fetch_button.isVisible()
    screen.name_edit.setText("Alice Lin")
    screen.save_button.click()
    idle(qtbot, shell)

    assert screen.message.text() == "Saved."
    pushed = rows(services, "SELECT body FROM outbox WHERE type = 'member.updated'")
    assert '"Alice Lin"' in pushed[-1][0]  # the correction travels to HQ in full, then is scrubbed
    audit = [a for a in services.pos.audit_trail() if a["action"] == "member.update"]
    assert audit[-1]["details"] == {"before": {"name": "A**** C***"}, "after": {"name": "A**** L**"}}
