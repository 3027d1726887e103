"""Enroll from the checkout: form, inline validation, existing phone, the QR card, back to the sale."""

from PIL import Image
from PySide6.QtCore import Qt
from pyzbar import pyzbar
from sqlalchemy import text

from tests.ui.ui_helpers import fkey, idle, logged_in, scan, type_slowly


def test_enroll_then_card_then_sale_with_the_new_member_attached(qtbot, shell, services, dialogs):
    checkout = logged_in(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F4)
    assert shell.window.current_name() == "enroll"
    screen = shell.window.screen_named("enroll")
    screen.phone.setText("0987 654 321")
    screen.name_edit.setText("陳美玲")
    screen.birthday.setText("1992-11-05")
    screen.terms.setChecked(True)
    screen.marketing.setChecked(True)
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    member = screen.enrolled
    assert member is not None and member.phone == "+886987654321" and member.balance == 100  # sign-up bonus
    assert screen.stack.currentIndex() == 1  # the card is on screen

    screen.card_panel.png_button.click()
    screen.card_panel.pdf_button.click()
    png, pdf = dialogs.saved[-2], dialogs.saved[-1]
    decoded = pyzbar.decode(Image.open(png))
    assert [d.data.decode() for d in decoded] == [member.qr_payload]  # the printed card scans back
    assert pdf.read_bytes().startswith(b"%PDF")
    screen.card_panel.print_button.click()
    assert dialogs.printed == 1

    fkey(qtbot, shell, Qt.Key.Key_F12)  # back to the sale
    assert shell.window.current_name() == "checkout"
    assert checkout.sale.member.member_code == member.member_code
    scan(qtbot, checkout.entry.code_edit, "4710000000024")
    idle(qtbot, shell)
    assert checkout.totals.values["pay"].text() == "NT$99.90"


def test_inline_validation_points_at_each_bad_field_and_enrolls_nobody(qtbot, shell, services):
    logged_in(qtbot, shell)
    shell.window.go("enroll")
    screen = shell.window.screen_named("enroll")
    screen.phone.setText("12ab")
    screen.name_edit.setText("Robert'); DROP TABLE members;--")
    screen.birthday.setText("2999-01-01")
    screen.submit()
    idle(qtbot, shell)
    assert screen.errors["phone"].text() == "That is not a phone number."
    assert "real name" in screen.errors["name"].text()
    assert "not a real date of birth" in screen.errors["birthday"].text()
    assert "accept the terms" in screen.errors["terms"].text()
    with services.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM members")).scalar() == 0
    screen.terms.setChecked(True)
    assert screen.errors["terms"].isHidden()


def enroll_screen_offering_alice(qtbot, shell, services, typed: str = "0911-222-333"):
    """The enroll form with Alice's phone typed in and her membership offered; (Alice, checkout, form)."""
    existing = services.pos.enroll(phone="0911222333", name="Alice Chen", consent_terms=True)
    checkout = logged_in(qtbot, shell)
    shell.window.go("enroll")
    screen = shell.window.screen_named("enroll")
    screen.phone.setText(typed)
    screen.check_phone()
    idle(qtbot, shell)
    assert screen.existing_box.isVisibleTo(screen)
    return existing, checkout, screen


def test_a_phone_that_already_belongs_to_a_member_offers_that_member(qtbot, shell, services):
    existing, checkout, screen = enroll_screen_offering_alice(qtbot, shell, services)
    assert existing.member_code in screen.existing_label.text()
    screen.name_edit.setText("Someone Else")
    screen.terms.setChecked(True)
    screen.submit()
    assert "already belongs" in screen.message.text()
    screen.use_existing.click()
    assert shell.window.current_name() == "checkout"
    assert checkout.sale.member.member_code == existing.member_code


def test_correcting_a_taken_phone_and_pressing_f12_at_once_enrolls_the_new_number(qtbot, shell, services):
    _alice, _checkout, screen = enroll_screen_offering_alice(qtbot, shell, services, typed="0911222333")
    screen.phone.selectAll()
    type_slowly(qtbot, screen.phone, "0988777666")  # typo fixed by hand; the new look-up has not answered
    assert not screen.existing_box.isVisibleTo(screen)
    screen.name_edit.setText("陳志明")
    screen.terms.setChecked(True)
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    assert screen.stack.currentIndex() == 1
    assert screen.enrolled.phone.endswith("988777666") and screen.enrolled.name == "陳志明"


def test_enrolling_takes_the_phone_typed_in_the_lookup_box(qtbot, shell):
    checkout = logged_in(qtbot, shell)
    checkout.lookup.edit.setText("0933444555")
    checkout.buttons["enroll"].click()
    assert shell.window.screen_named("enroll").phone.text() == "0933444555"


def test_escape_leaves_the_form_without_enrolling(qtbot, shell):
    logged_in(qtbot, shell)
    shell.window.go("enroll")
    screen = shell.window.screen_named("enroll")
    screen.phone.setText("0933444555")
    fkey(qtbot, shell, Qt.Key.Key_Escape)
    assert shell.window.current_name() == "checkout"
    assert screen.phone.text() == ""
