"""The checkout screen driven as a cashier drives it: scanner bursts, typing, F-keys."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from tests.support.clock import TUESDAY
from tests.ui.ui_helpers import fkey, idle, logged_in, pump, scan, type_slowly

TEA = "4710000000017"  # Oolong tea 500g, 150.00, +50 points per unit
CUP = "4710000000024"  # Ceramic cup, 99.90


def enroll(services, phone="0912345678", name="王小明", birthday="1990-03-04"):
    return services.pos.enroll(phone=phone, name=name, birthday=birthday, consent_terms=True)


def count(services, sql: str) -> int:
    with services.engine.connect() as conn:
        conn.info["read_only"] = True
        return conn.execute(text(sql)).scalar()


def test_a_scan_identifies_the_member_wherever_the_focus_is(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    field = checkout.entry.code_edit
    field.setFocus()
    scan(qtbot, field, member.qr_payload)
    idle(qtbot, shell)
    assert checkout.sale.member.member_code == member.member_code
    assert checkout.member_panel.name_label.text() == "王*明"  # masked: the queue can see the screen
    assert field.text() == ""  # the scanner's keys never reached the product field


def test_a_member_code_typed_by_the_scanner_into_the_lookup_box_finds_the_member(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    assert checkout.sale.member.member_code == member.member_code


def test_typing_a_phone_slowly_and_pressing_enter_looks_the_member_up(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    checkout.lookup.edit.setFocus()
    type_slowly(qtbot, checkout.lookup.edit, "0912345678")
    assert checkout.lookup.edit.text() == "0912345678"  # a person's keys reach the field
    qtbot.keyClick(checkout.lookup.edit, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert checkout.sale.member.member_code == member.member_code


def test_typing_a_name_offers_the_matching_members(qtbot, shell, services):
    enroll(services, "0911111111", "Alice Chen")
    enroll(services, "0922222222", "Alice Wang")
    checkout = logged_in(qtbot, shell)
    checkout.lookup.edit.setText("Alice")
    checkout.lookup.find_button.click()
    idle(qtbot, shell)
    assert checkout.lookup.results.count() == 2
    qtbot.keyClick(checkout.lookup.results, Qt.Key.Key_Down)
    qtbot.keyClick(checkout.lookup.results, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert checkout.sale.member.name == "Alice Wang"


def test_a_scan_that_is_not_a_member_product_or_receipt_shows_a_message_and_changes_nothing(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    scan(qtbot, checkout.entry.code_edit, TEA)
    checkout.entry.code_edit.setFocus()
    before = (checkout.sale.member, list(checkout.sale.items))
    for junk in ("HELLO-WORLD-123", "'; DROP TABLE members; --", "LOY1.garbage"):
        scan(qtbot, checkout.entry.code_edit, junk)
        idle(qtbot, shell)
        assert checkout.message.level == "error"
        assert "Not a member card, product or receipt" in checkout.message.text()
        assert (checkout.sale.member, list(checkout.sale.items)) == before
        assert QApplication.focusWidget() is checkout.entry.code_edit or not shell.window.isActiveWindow()


def test_a_forged_member_qr_shows_an_error_and_changes_nothing(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    payload = member.qr_payload
    forged = (
        payload[: payload.index(".", 5)].replace(member.member_code, "M" + "2" * 10) + payload[payload.index(".", 5) :]
    )
    sales_before = count(services, "SELECT count(*) FROM outbox")
    scan(qtbot, checkout.lookup.edit, forged)
    idle(qtbot, shell)
    assert checkout.sale.member is None
    assert "signature is not valid" in checkout.message.text()
    assert count(services, "SELECT count(*) FROM outbox") == sales_before


def test_scanning_products_fills_the_cart_and_totals_follow_every_change(qtbot, shell, services, clock):
    clock.set(TUESDAY)  # the points shown are a plain day's
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, TEA)
    scan(qtbot, checkout.entry.code_edit, TEA)
    scan(qtbot, checkout.entry.code_edit, CUP)
    idle(qtbot, shell)
    assert [(i.sku, i.qty) for i in checkout.sale.items] == [("TEA-500", 2), ("CUP-01", 1)]
    totals = checkout.totals.values
    assert totals["subtotal"].text() == "NT$399.90"
    assert totals["pay"].text() == "NT$399.90"
    # Tuesday, basic tier x1, +50 per tea: 399 + 100
    assert totals["earn"].text() == "499"

    checkout.cart.cellWidget(1, checkout.cart.COL_QTY).setValue(3)  # three cups
    idle(qtbot, shell)
    assert totals["subtotal"].text() == "NT$599.70"
    checkout.cart.cellWidget(0, checkout.cart.COL_REMOVE).click()  # no tea after all
    idle(qtbot, shell)
    assert [(i.sku, i.qty) for i in checkout.sale.items] == [("CUP-01", 3)]
    assert totals["pay"].text() == "NT$299.70"
    assert totals["earn"].text() == "299"


def test_an_open_amount_with_a_category_is_rung_up(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    fkey(qtbot, shell, Qt.Key.Key_F9)  # F9 open amount
    checkout.entry.amount_edit.setText("1,234.50")
    checkout.entry.category_combo.setCurrentIndex(checkout.entry.category_combo.findData("food"))
    qtbot.keyClick(checkout.entry.amount_edit, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert [(i.sku, i.category, i.unit_price_cents) for i in checkout.sale.items] == [("OPEN", "food", 123450)]
    assert checkout.totals.values["pay"].text() == "NT$1,234.50"
    checkout.entry.amount_edit.setText("12.345")
    qtbot.keyClick(checkout.entry.amount_edit, Qt.Key.Key_Return)
    assert checkout.message.level == "error" and len(checkout.sale.items) == 1


def test_login_scan_cart_redeem_confirm_receipt(qtbot, shell, services, dialogs, clock):
    clock.set(TUESDAY)  # the points shown are a plain day's
    member = enroll(services)
    services.pos.adjust(member.member_code, 900, "goodwill", "9001")  # 1,000 points to spend
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.qr_payload)
    scan(qtbot, checkout.entry.code_edit, "4710000000031")  # face cream 680.00
    idle(qtbot, shell)
    assert checkout.member_panel.balance_value.text() == "1,000"
    totals = checkout.totals
    assert totals.redeem_spin.singleStep() == 100
    # balance-bound (50% of 680.00 would allow 34,000)
    assert "Up to 1,000 points, in steps of 100" in totals.redeem_hint.text()
    totals.redeem_spin.setValue(550)  # not a whole step: rounded down, and said so
    idle(qtbot, shell)
    assert checkout.sale.quote.points_redeemed == 500
    assert totals.redeem_spin.value() == 500
    assert "steps of 100: 550 became 500" in checkout.message.text()
    assert totals.values["redeem"].text() == "-NT$5.00"
    assert totals.values["pay"].text() == "NT$675.00"
    assert totals.values["earn"].text() == "675"

    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    receipt = checkout.sale.receipt
    assert receipt is not None and receipt.points_redeemed == 500 and receipt.points_earned == 675
    assert receipt.balance_after == 1000 - 500 + 675
    assert receipt.cashier_id == "1001"
    html = checkout.receipt_view.browser.toPlainText()
    assert "Points earned" in html and "675" in html and "New balance" in html and "1,175" in html
    checkout.receipt_view.pdf_button.click()
    idle(qtbot, shell)  # the PDF is rendered on the print worker
    pdf = dialogs.saved[-1]
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    fkey(qtbot, shell, Qt.Key.Key_F9)  # print receipt (to a PDF printer in tests)
    assert dialogs.printed == 1

    fkey(qtbot, shell, Qt.Key.Key_F2)  # new sale
    assert checkout.sale.member is None and not checkout.sale.items
    assert checkout.totals.values["pay"].text() == "NT$0.00"
    assert checkout.receipt_view.receipt is None


def test_double_pressing_confirm_never_creates_two_sales(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    scan(qtbot, checkout.entry.code_edit, TEA)
    idle(qtbot, shell)
    sale_id = checkout.sale.sale_id
    for _ in range(3):
        fkey(qtbot, shell, Qt.Key.Key_F12)
    checkout.totals.confirm_button.click()
    checkout.confirm()
    idle(qtbot, shell)
    assert count(services, "SELECT count(*) FROM sales") == 1
    # even a retry of the same sale after the screen reset its guard gives back the first receipt
    again = services.pos.confirm_sale(member.member_code, checkout.sale.lines(), sale_id=sale_id)
    assert again.receipt_no == checkout.sale.receipt.receipt_no
    assert count(services, "SELECT count(*) FROM sales") == 1


def test_confirm_right_after_the_last_scan_waits_for_the_totals(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    scan(qtbot, checkout.entry.code_edit, CUP)
    fkey(qtbot, shell, Qt.Key.Key_F12)  # before the quote is back
    idle(qtbot, shell)
    assert checkout.sale.receipt is not None and checkout.sale.receipt.paid_cents == 9990


def test_confirming_needs_a_member_and_says_so(qtbot, shell):
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.entry.code_edit, TEA)
    pump(qtbot)
    assert checkout.totals.values["subtotal"].text() == "NT$150.00"
    checkout.confirm()
    assert "Identify the member first" in checkout.message.text()
    assert checkout.sale.receipt is None


def test_a_receipt_number_scanned_at_the_checkout_opens_the_return(qtbot, shell, services):
    from loyalty_core.pricing import CartLine

    member = enroll(services)
    receipt = services.pos.confirm_sale(member.member_code, [CartLine("TEA-500", "drinks", 15000, 1)])
    logged_in(qtbot, shell)
    scan(qtbot, shell.window.screen_named("checkout").lookup.edit, receipt.receipt_no)
    idle(qtbot, shell)
    assert shell.window.current_name() == "returns"
    assert shell.window.screen_named("returns").record.receipt.receipt_no == receipt.receipt_no
