"""Checkout and the other screens as a cashier meets them (issue 8, item 6): each test failed before."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionSpinBox

from loyalty_core.pricing import CartLine
from pos_app.services import SyncStatus
from pos_app.ui import fkeys
from pos_app.ui.widgets.common import FKeyButton
from tests.ui.ui_helpers import WAIT, fkey, idle, logged_in, pump, scan, type_slowly

CREAM = "4710000000031"  # face cream 680.00
TEA = "4710000000017"  # oolong tea 150.00


def enroll(services, points=0, phone="0912345678"):
    member = services.pos.enroll(phone=phone, name="王小明", birthday="1990-03-04", consent_terms=True)
    if points:
        services.pos.adjust(member.member_code, points, "goodwill", "9001")
    return member


def ring_up(qtbot, shell, member, *codes, card=False):
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, member.qr_payload if card else member.member_code)
    for code in codes:
        scan(qtbot, checkout.entry.code_edit, code)
    idle(qtbot, shell)
    return checkout


def colour(widget) -> str:
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def at(widget) -> QPoint:
    return widget.mapTo(widget.window(), QPoint(0, 0))


# -- points as payment --------------------------------------------------------------------------


def test_50000_points_typed_where_36500_is_the_most_become_36500_with_a_message(qtbot, shell, services):
    member = enroll(services, points=36_400)  # 36,500 with the sign-up bonus
    checkout = ring_up(qtbot, shell, member, CREAM, CREAM, card=True)  # 1,360.00: half would allow 68,000
    spin = checkout.totals.redeem_spin
    spin.setFocus()
    spin.selectAll()
    type_slowly(qtbot, spin, "50000")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert checkout.sale.quote.points_redeemed == 36_500
    assert spin.value() == 36_500
    assert checkout.message.text() == "50,000 points is more than this sale takes: 36,500 points used."
    assert checkout.totals.values["redeem"].text() == "-NT$365.00"


def test_250_points_become_200_with_a_message_about_steps_of_100(qtbot, shell, services):
    member = enroll(services, points=900)
    checkout = ring_up(qtbot, shell, member, TEA)
    spin = checkout.totals.redeem_spin
    spin.setFocus()
    spin.selectAll()
    type_slowly(qtbot, spin, "250")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert (checkout.sale.quote.points_redeemed, spin.value()) == (200, 200)
    assert checkout.message.text() == "Points are used in steps of 100: 250 became 200."


def test_the_service_clamps_the_points_so_every_caller_gets_the_same_answer(services):
    member = enroll(services, points=36_400)
    lines = [CartLine("CREAM-50", "skincare", 68000, 2)]
    result = services.pos.quote_sale_clamped(member.member_code, lines, 50_000, identified_by="card")
    assert (result.quote.points_redeemed, result.asked, result.clamped) == (36_500, 50_000, "redeem_clamped_max")
    result = services.pos.quote_sale_clamped(member.member_code, lines, 250)
    assert (result.quote.points_redeemed, result.clamped) == (200, "redeem_clamped_step")
    assert services.pos.quote_sale_clamped(member.member_code, lines, 300).clamped is None


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_enter_or_tab_in_the_points_box_gives_the_focus_back_to_the_product_field(qtbot, shell, services, key):
    member = enroll(services, points=900)
    checkout = ring_up(qtbot, shell, member, TEA)
    spin = checkout.totals.redeem_spin
    spin.setFocus()
    spin.selectAll()
    type_slowly(qtbot, spin, "300")
    QTest.keyClick(spin, key)
    idle(qtbot, shell)
    assert checkout.sale.quote.points_redeemed == 300
    assert QApplication.focusWidget() is checkout.entry.code_edit  # not "F2 New sale"
    scan(qtbot, checkout.entry.code_edit, TEA)  # the next scan lands in the cart
    idle(qtbot, shell)
    assert [i.qty for i in checkout.sale.items] == [2]


def test_max_and_a_quantity_change_also_give_the_focus_back(qtbot, shell, services):
    member = enroll(services, points=900)
    checkout = ring_up(qtbot, shell, member, TEA)
    qtbot.mouseClick(checkout.totals.redeem_max_button, Qt.MouseButton.LeftButton)
    idle(qtbot, shell)
    assert checkout.sale.quote.points_redeemed == 1000  # the whole balance: under half of 150.00
    assert QApplication.focusWidget() is checkout.entry.code_edit
    qty = checkout.cart.cellWidget(0, checkout.cart.COL_QTY)
    qty.setFocus()
    qty.selectAll()
    type_slowly(qtbot, qty, "3")
    QTest.keyClick(qty, Qt.Key.Key_Return)
    idle(qtbot, shell)
    assert [i.qty for i in checkout.sale.items] == [3]
    assert QApplication.focusWidget() is checkout.entry.code_edit


def test_f_key_buttons_never_take_the_keyboard(qtbot, shell):
    checkout = logged_in(qtbot, shell)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in checkout.findChildren(FKeyButton))


# -- F2 ------------------------------------------------------------------------------------------


def test_f2_with_a_full_cart_asks_first_and_keeps_the_cart_unless_told(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member, TEA, CREAM)
    fkey(qtbot, shell, Qt.Key.Key_F2)
    box = checkout.new_sale_question
    assert box is not None and box.isVisible()
    keep = [b for b in box.buttons() if b.text() == "Keep the cart"][0]
    keep.click()
    pump(qtbot)
    assert [i.sku for i in checkout.sale.items] == ["TEA-500", "CREAM-50"]
    assert checkout.sale.member.member_code == member.member_code
    fkey(qtbot, shell, Qt.Key.Key_F2)
    box = checkout.new_sale_question
    [b for b in box.buttons() if b.text() == "Throw the cart away"][0].click()
    pump(qtbot)
    assert checkout.sale.items == [] and checkout.sale.member is None


def test_f2_with_an_empty_cart_starts_over_without_asking(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member)
    fkey(qtbot, shell, Qt.Key.Key_F2)
    assert checkout.new_sale_question is None and checkout.sale.member is None


# -- how things look -----------------------------------------------------------------------------


def test_a_checkout_error_is_red_and_beeps(qtbot, shell, services, monkeypatch):
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    checkout = logged_in(qtbot, shell)
    scan(qtbot, checkout.lookup.edit, "NOPE-12345")
    idle(qtbot, shell)
    assert "Not a member card" in checkout.message.text()
    assert colour(checkout.message) == "#b3261e"  # #checkoutMessage no longer hides the error style
    assert beeps == [1]


def test_balances_and_points_earned_are_not_maroon_but_a_debt_is_red(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member, TEA)
    assert colour(checkout.member_panel.balance_value) == "#1f2328"
    assert colour(checkout.totals.values["earn"]) == "#1b5e20"
    services.pos.adjust(member.member_code, -500, "correction", "9001")
    checkout.refresh_member()
    idle(qtbot, shell)
    assert checkout.member_panel.balance_value.text() == "-400"
    assert colour(checkout.member_panel.balance_value) == "#b3261e"


def test_points_not_yet_sent_to_hq_are_explained_in_words(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member)
    text = checkout.member_panel.balance_detail.text()
    assert text == "HQ has confirmed 0; 100 more earned at this till are not sent yet."
    assert "recorded here" not in text.lower()


def test_money_shows_the_stores_currency_symbol(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member, TEA)
    assert checkout.totals.values["pay"].text() == "NT$150.00"
    assert checkout.cart.item(0, checkout.cart.COL_PRICE).text() == "NT$150.00"


def test_the_ledger_says_confirmed_once_a_sync_has_confirmed_the_entries(qtbot, shell, services):
    member = enroll(services)
    logged_in(qtbot, shell)
    shell.window.go("member", member=services.pos.find_member(member.member_code))
    idle(qtbot, shell)
    screen = shell.window.screen_named("member")
    assert screen.history.item(0, 5).text() == "Waiting"
    with services.engine.begin() as conn:  # what a push answered by HQ does to the local ledger
        conn.exec_driver_sql("UPDATE ledger SET confirmed = 1")
    shell.session.set_sync_status(SyncStatus(configured=True, online=True, last_success="2026-11-24T10:05:00+08:00"))
    idle(qtbot, shell)
    assert screen.history.item(0, 5).text() == "Confirmed"


def test_reason_codes_in_the_ledger_are_words_in_every_language(qtbot, shell, services):
    member = enroll(services, points=100)
    logged_in(qtbot, shell)
    shell.window.go("member", member=services.pos.find_member(member.member_code))
    idle(qtbot, shell)
    refs = {shell.window.screen_named("member").history.item(r, 4).text() for r in range(2)}
    assert refs == {"Goodwill", "Sign-up bonus"}
    shell.choose_language("zh_TW")
    refs = {shell.window.screen_named("member").history.item(r, 4).text() for r in range(2)}
    assert "goodwill" not in refs and "signup" not in refs


@pytest.mark.parametrize(("language", "shown"), [("zh_TW", "2026/11/24"), ("zh_CN", "2026/11/24"),
                                                 ("en", "11/24/2026")])  # fmt: skip
def test_the_report_date_is_in_the_languages_format(qtbot, shell, services, language, shown):
    logged_in(qtbot, shell)
    shell.window.go("report")
    shell.choose_language(language)
    idle(qtbot, shell)
    assert shell.window.screen_named("report").date_edit.text() == shown


def test_after_a_language_switch_every_screen_has_one_font_old_or_new(qtbot, shell):
    checkout = logged_in(qtbot, shell)  # built in English

    def font(widget):
        return widget.font().families(), widget.font().pixelSize()

    label = checkout.totals.titles["subtotal"]
    english = font(label)
    shell.choose_language("zh_CN")
    pump(qtbot)
    shell.window.go("report")  # built after the switch
    report_title = shell.window.screen_named("report").heading
    assert label.font().families() == QApplication.font().families()  # not the English list any more
    assert label.font().families()[0] == "Noto Sans CJK SC"  # 简体 glyphs, not 繁體 ones
    assert font(label)[1] == english[1] and report_title.font().families() == label.font().families()
    shell.choose_language("en")
    pump(qtbot)
    assert font(label) == english


def test_a_500_letter_name_is_cut_at_60_and_told_so(qtbot, shell):
    logged_in(qtbot, shell)
    fkey(qtbot, shell, Qt.Key.Key_F4)
    screen = shell.window.screen_named("enroll")
    screen.name_edit.setFocus()
    QApplication.clipboard().setText("A" * 500)
    screen.name_edit.paste()
    assert screen.name_edit.text() == "A" * 60
    assert screen.errors["name"].text() == "A name is at most 60 characters."


def test_only_a_supervisor_can_change_name_masking(qtbot, shell):
    logged_in(qtbot, shell)  # a cashier
    shell.window.go("settings")
    settings = shell.window.screen_named("settings")
    assert not settings.mask_box.isEnabled()
    settings.mask_box.setChecked(False)  # even if the box is toggled some other way
    assert shell.session.settings.mask_names is True


def test_a_supervisor_can_change_name_masking(qtbot, shell):
    logged_in(qtbot, shell, "9001", "9999")
    shell.window.go("settings")
    settings = shell.window.screen_named("settings")
    assert settings.mask_box.isEnabled()
    settings.mask_box.setChecked(False)
    assert shell.session.settings.mask_names is False


# -- function keys -------------------------------------------------------------------------------

ALL_SCREENS = ("checkout", "enroll", "member", "returns", "report", "settings", "rejected")


def test_every_function_key_means_one_thing_on_every_screen_and_the_legend_says_it(qtbot, shell, services):
    member = enroll(services)
    logged_in(qtbot, shell, "9001", "9999")
    meanings: dict = {}
    for name in ALL_SCREENS:
        shell.window.go(name, member=services.pos.find_member(member.member_code)) if name == "member" else \
            shell.window.go(name)  # fmt: skip
        screen = shell.window.screen_named(name)
        pump(qtbot, 5)
        buttons = [b for b in screen.findChildren(FKeyButton) if b.fkey is not None]
        for b in buttons:
            assert meanings.setdefault(b.fkey, fkeys.meaning(b.fkey)) == fkeys.meaning(b.fkey)
        keys = [b.fkey for b in buttons if b.isVisibleTo(screen)]
        legend = shell.window.legend.text()
        assert "F11 Lock" in legend, name
        for key in keys:
            assert f"{fkeys.key_name(key)} {fkeys.meaning(key)}" in legend, (name, key)
    assert meanings[Qt.Key.Key_F9] == "Print" and meanings[Qt.Key.Key_F1] == "Open amount"
    assert Qt.Key.Key_F11 not in meanings  # no screen puts anything else on F11


def test_the_legend_follows_what_the_screen_offers(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member, TEA)
    assert "F1 Open amount" in shell.window.legend.text() and "F9 Print" not in shell.window.legend.text()
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    assert checkout.sale.receipt is not None
    pump(qtbot, 5)
    assert "F9 Print" in shell.window.legend.text()


@pytest.mark.parametrize("name", ALL_SCREENS)
def test_f11_locks_the_till_on_every_screen(qtbot, shell, services, name):
    member = enroll(services)
    logged_in(qtbot, shell, "9001", "9999")
    shell.window.go(name, **({"member": services.pos.find_member(member.member_code)} if name == "member" else {}))
    locked = []
    shell.window.lock_requested.connect(lambda: locked.append(name))
    fkey(qtbot, shell, Qt.Key.Key_F11)
    assert locked == [name]


def test_f11_locks_even_with_the_member_card_on_screen(qtbot, shell, services, dialogs):
    member = enroll(services)
    logged_in(qtbot, shell)
    shell.window.go("member", member=services.pos.find_member(member.member_code), tab=3)  # the card
    screen = shell.window.screen_named("member")
    assert screen.card_panel.isVisible()
    locked = []
    shell.window.lock_requested.connect(lambda: locked.append(1))
    fkey(qtbot, shell, Qt.Key.Key_F11)
    assert locked == [1] and dialogs.saved == []  # it used to save a PDF here


# -- layout --------------------------------------------------------------------------------------


def test_confirming_moves_nothing_on_the_checkout(qtbot, shell, services):
    member = enroll(services)
    checkout = ring_up(qtbot, shell, member, TEA)
    watched = [checkout.middle, checkout.totals.confirm_button, checkout.buttons["new"], checkout.buttons["settings"],
               checkout.member_panel]  # fmt: skip
    before = [(at(w), w.size()) for w in watched]
    fkey(qtbot, shell, Qt.Key.Key_F12)
    idle(qtbot, shell)
    assert checkout.sale.receipt is not None
    pump(qtbot)
    assert [(at(w), w.size()) for w in watched] == before


def test_the_offline_banner_appears_without_moving_the_screen(qtbot, shell):
    checkout = logged_in(qtbot, shell)
    pump(qtbot)
    before = (at(checkout), checkout.size())
    shell.session.set_sync_status(SyncStatus(configured=True, online=False, offline=True))
    pump(qtbot)
    assert shell.window.banner.isVisibleTo(shell.window)
    assert (at(checkout), checkout.size()) == before


# -- touch ---------------------------------------------------------------------------------------


def test_spin_arrows_and_checkboxes_are_at_least_44_px(qtbot, shell, services):
    member = enroll(services, points=900)
    checkout = ring_up(qtbot, shell, member, TEA)
    for spin in (checkout.totals.redeem_spin, checkout.cart.cellWidget(0, checkout.cart.COL_QTY)):
        option = QStyleOptionSpinBox()
        spin.initStyleOption(option)
        for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, part, spin)
            assert rect.width() >= 44 and rect.height() >= 44, (spin.objectName(), part, rect)
    fkey(qtbot, shell, Qt.Key.Key_F4)
    for box in shell.window.screen_named("enroll").findChildren(QCheckBox):
        assert box.height() >= 44 or box.sizeHint().height() >= 44, box.text()
        qtbot.waitUntil(lambda b=box: b.isVisible(), timeout=WAIT)
