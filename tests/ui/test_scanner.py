"""A USB scanner as it really types: Shift pressed and released around every capital, a suffix key,
sometimes a prefix, sometimes while a Chinese input method is composing — wherever the focus is."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from loyalty_core.pricing import CartLine
from pos_app.ui.scanner import ScannerDetector, scan_field, takes_input_method
from tests.ui.ui_helpers import idle, logged_in, pump

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
# Characters a US keyboard (and so a scanner in keyboard mode) types with Shift held down.
_SHIFTED = {"_": Qt.Key.Key_Underscore, ":": Qt.Key.Key_Colon, "+": Qt.Key.Key_Plus, "~": Qt.Key.Key_AsciiTilde}


def scanner_types(widget, text: str, suffix: tuple = (Qt.Key.Key_Return,)) -> None:
    """Key by key as a keyboard-wedge scanner sends it: Shift down, the capital, Shift up."""
    for ch in text:
        shifted = ch.isupper() or ch in _SHIFTED
        if shifted:
            QTest.keyPress(widget, Qt.Key.Key_Shift, NONE)
            key = _SHIFTED.get(ch) or Qt.Key(ord(ch.upper()))
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, SHIFT, ch))
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, SHIFT, ch))
            QTest.keyRelease(widget, Qt.Key.Key_Shift, SHIFT)
        else:
            QTest.keyPress(widget, ch, NONE)
            QTest.keyRelease(widget, ch, NONE)
    for key in suffix:
        QTest.keyClick(widget, key, NONE)


def enroll(services, phone="0912345678", name="王小明"):
    return services.pos.enroll(phone=phone, name=name, birthday="1990-03-04", consent_terms=True)


@pytest.fixture
def shell(shell):
    """The window's scanner, patient enough for a test machine under load (no person types here)."""
    shell.scanner.set_max_gap(250)
    return shell


@pytest.fixture
def detector(qtbot):
    found: list[str] = []
    det = ScannerDetector(max_gap_ms=200)
    det.install(QApplication.instance())
    det.scanned.connect(found.append)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    yield det, field, found
    det.uninstall(QApplication.instance())


def test_shift_around_capitals_never_splits_a_scan(detector):
    det, field, found = detector
    scanner_types(field, "TEA-500")
    assert found == ["TEA-500"]
    assert field.text() == ""  # not a single scanner key reached the field


def test_a_tab_suffix_ends_the_scan_and_enter_then_does_not(detector):
    det, field, found = detector
    det.configure("tab")
    scanner_types(field, "Loy1.AbC", suffix=(Qt.Key.Key_Tab,))
    assert found == ["Loy1.AbC"]
    assert field.text() == ""


def test_a_cr_lf_suffix_gives_one_scan_and_swallows_the_line_feed(detector):
    det, field, found = detector
    det.configure("crlf")
    seen_enter: list[int] = []
    field.returnPressed.connect(lambda: seen_enter.append(1))
    scanner_types(field, "R-S001-T01-000006", suffix=(Qt.Key.Key_Return, Qt.Key.Key_Return))
    assert found == ["R-S001-T01-000006"]
    assert seen_enter == []  # the LF did not press Enter in the field


def test_a_configured_prefix_is_taken_off_the_code(detector):
    det, field, found = detector
    det.configure("enter", "~")
    scanner_types(field, "~CUP-01")
    assert found == ["CUP-01"]


def test_a_chinese_composition_in_the_field_does_not_swallow_or_split_a_scan(qtbot, detector):
    det, field, found = detector
    assert takes_input_method(field)  # a plain field would hand keys to the input method
    scan_field(field)
    # What a Zhuyin input method would send to a field that takes it: a composition, then a commit.
    QApplication.sendEvent(field, QInputMethodEvent("ㄘㄚ", []))
    scanner_types(field, "Loy1.Xy")
    commit = QInputMethodEvent()
    commit.setCommitString("茶")
    QApplication.sendEvent(field, commit)
    assert found == ["Loy1.Xy"]
    assert field.text() == ""  # neither the scan nor a composition landed in a scan field
    assert not takes_input_method(field)  # what the platform input method asks first


def test_a_person_typing_capitals_slowly_still_reaches_the_field(qtbot, detector):
    det, field, found = detector
    det.max_gap = 0.001  # any gap is a person's
    for ch in "Ab":
        scanner_types(field, ch, suffix=())
        qtbot.wait(20)
    qtbot.wait(250)
    assert field.text() == "Ab"
    assert found == []


# -- the real window ------------------------------------------------------------------------------


def test_a_sku_with_capitals_scanned_into_the_product_field_adds_the_product(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    checkout.attach_member(services.pos.find_member(member.member_code))
    idle(qtbot, shell)
    field = checkout.entry.code_edit
    field.setFocus()
    scanner_types(field, "TEA-500")
    idle(qtbot, shell)
    assert [(i.sku, i.qty) for i in checkout.sale.items] == [("TEA-500", 1)]
    assert field.text() == ""
    assert checkout.message.text() == ""  # no "Not a member card, product or receipt: A-500"


def test_a_member_qr_scanned_while_the_focus_is_in_the_quantity_box_identifies_the_member(qtbot, shell, services):
    member = enroll(services)
    checkout = logged_in(qtbot, shell)
    scanner_types(checkout.entry.code_edit, "CUP-01")
    idle(qtbot, shell)
    qty = checkout.cart.cellWidget(0, checkout.cart.COL_QTY)
    qty.setFocus()
    scanner_types(qty, member.qr_payload)
    idle(qtbot, shell)
    assert checkout.sale.member.member_code == member.member_code
    assert qty.value() == 1 and [i.qty for i in checkout.sale.items] == [1]


def test_a_sku_scanned_while_the_focus_is_in_the_points_box_adds_it_and_keeps_the_points(qtbot, shell, services):
    member = enroll(services)
    services.pos.confirm_sale(member.member_code, [CartLine("CREAM-50", "skincare", 68000, 3)])
    checkout = logged_in(qtbot, shell)
    scanner_types(checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    scanner_types(checkout.entry.code_edit, "TEA-500")
    idle(qtbot, shell)
    spin = checkout.totals.redeem_spin
    assert spin.isEnabled()
    spin.setValue(500)
    idle(qtbot, shell)
    spin.setFocus()
    scanner_types(spin, "CUP-01")
    idle(qtbot, shell)
    assert [i.sku for i in checkout.sale.items] == ["TEA-500", "CUP-01"]
    assert checkout.sale.quote.points_redeemed == 500


def test_a_receipt_number_scanned_into_the_member_box_opens_the_return(qtbot, shell, services):
    member = enroll(services)
    receipt = services.pos.confirm_sale(member.member_code, [CartLine("TEA-500", "drinks", 15000, 1)])
    checkout = logged_in(qtbot, shell)
    scanner_types(checkout.lookup.edit, receipt.receipt_no)
    idle(qtbot, shell)
    assert shell.window.current_name() == "returns"
    assert shell.window.screen_named("returns").record.receipt.receipt_no == receipt.receipt_no
    assert checkout.lookup.edit.text() == ""


def test_every_scan_field_at_the_checkout_is_closed_to_input_methods(qtbot, shell, services):
    checkout = logged_in(qtbot, shell)
    scanner_types(checkout.entry.code_edit, "CUP-01")
    idle(qtbot, shell)
    fields = [checkout.entry.code_edit, checkout.lookup.edit, checkout.totals.redeem_spin,
              checkout.cart.cellWidget(0, checkout.cart.COL_QTY)]  # fmt: skip
    for field in fields:
        field.setFocus()
        pump(qtbot, 5)
        assert not takes_input_method(QApplication.focusWidget()), field.objectName()


def test_f3_opens_the_member_box_to_a_chinese_name_and_a_search_closes_it_again(qtbot, shell, services):
    enroll(services, name="王小明")
    checkout = logged_in(qtbot, shell)
    QTest.keyClick(checkout.lookup.edit, Qt.Key.Key_F3)
    assert checkout.lookup.takes_input_method
    commit = QInputMethodEvent()
    commit.setCommitString("王小明")
    QApplication.sendEvent(checkout.lookup.edit, commit)
    assert checkout.lookup.edit.text() == "王小明"
    QTest.keyClick(checkout.lookup.edit, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert checkout.sale.member is not None and checkout.sale.member.name == "王小明"
    assert not checkout.lookup.takes_input_method


def test_the_scanner_suffix_and_prefix_are_set_in_settings_and_kept(qtbot, shell, data_dir):
    logged_in(qtbot, shell)
    shell.window.go("settings")
    settings = shell.window.screen_named("settings")
    settings.suffix_combo.setCurrentIndex(settings.suffix_combo.findData("tab"))
    settings.suffix_combo.activated.emit(settings.suffix_combo.currentIndex())
    settings.prefix_edit.setText("~")
    settings.prefix_edit.editingFinished.emit()
    idle(qtbot, shell)
    assert (shell.scanner.suffix, shell.scanner.prefix) == ("tab", "~")
    import json

    saved = json.loads((data_dir / "ui_settings.json").read_text())
    assert (saved["scanner_suffix"], saved["scanner_prefix"]) == ("tab", "~")


def test_a_scanner_set_to_end_with_a_line_feed_is_read_whole_too(detector):
    det, field, found = detector
    for ch in "CUP-01":
        QTest.keyClick(field, ch)
    QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key(0x0A), NONE, "\n"))  # what X gives for LF
    assert found == ["CUP-01"] and field.text() == ""


def test_a_coupon_scanned_while_the_focus_is_in_the_quantity_box_takes_its_amount_off(qtbot, shell, services):
    from loyalty_core import coupons
    from loyalty_core.signing import Signer

    member = enroll(services)
    hq_key = Signer.generate("TEST-HQ")  # coupons other than a birthday coupon are HQ-signed only
    services.ctx.keyring.add(hq_key.key_id, hq_key.public_bytes(), hq=True)
    code = coupons.issue(coupons.Coupon("C-SCAN-1", coupons.AMOUNT, 1_000), hq_key)
    checkout = logged_in(qtbot, shell)
    scanner_types(checkout.lookup.edit, member.member_code)
    idle(qtbot, shell)
    scanner_types(checkout.entry.code_edit, "TEA-500")
    idle(qtbot, shell)
    qty = checkout.cart.cellWidget(0, checkout.cart.COL_QTY)
    qty.setFocus()
    scanner_types(qty, code)
    idle(qtbot, shell)
    assert checkout.sale.coupon_code == code
    assert checkout.sale.quote.coupon_cents == 1_000 and qty.value() == 1
