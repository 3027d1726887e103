"""Traditional Chinese, Simplified Chinese and English: translations, locale formats, live switching,
and a screenshot of every main screen in every language (test-artifacts/screens/<lang>/)."""

import json
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from loyalty_core.pricing import CartLine
from pos_app import resources
from pos_app.ui import fmt
from pos_app.ui.errors import MESSAGES, message_for
from pos_app.ui.i18n import LANGUAGES, language_for_locale, locale_for
from tests.ui.ui_helpers import camera_frame, fkey, idle, logged_in, scan, shot

ROOT = Path(__file__).resolve().parents[2]


def ts_messages(language: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(resources.path("translations") / f"pos_{language}.ts")
    return [(ctx.find("name").text, m.find("source").text, m.find("translation"))
            for ctx in tree.getroot().iter("context") for m in ctx.iter("message")]  # fmt: skip


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text or "") if name}


@pytest.mark.parametrize("language", ["zh_TW", "zh_CN"])
def test_every_visible_string_is_translated_with_the_same_placeholders(language):
    messages = ts_messages(language)
    assert len(messages) > 250
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{context}: {source!r} is not translated"
        assert translation.text and translation.text != source or source.isascii() is False or len(source) < 4, (
            f"{context}: {source!r} left in English"
        )
        assert placeholders(translation.text) == placeholders(source), (context, source)
    qm = resources.path("translations") / f"pos_{language}.qm"
    assert qm.exists() and qm.stat().st_size > 1000


def test_every_domain_error_code_has_a_translatable_message():
    codes = set()
    for path in (ROOT / "pos_app").rglob("*.py"):
        codes |= set(re.findall(r'DomainError\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    # codes built as f"invalid_{what}": every `what` the code base passes
    codes |= {"invalid_sku", "invalid_category", "invalid_cashier", "invalid_supervisor", "invalid_store",
              "invalid_terminal", "invalid_points", "invalid_quantity"}  # fmt: skip
    assert codes - set(MESSAGES) == set()
    sources = {source for ctx, source, _ in ts_messages("zh_TW") if ctx == "Errors"}
    assert set(MESSAGES.values()) <= sources


def test_the_language_follows_the_system_locale():
    assert language_for_locale(QLocale("zh_TW")) == "zh_TW"
    assert language_for_locale(QLocale("zh_HK")) == "zh_TW"
    assert language_for_locale(QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript,
                                       QLocale.Country.Singapore)) == "zh_TW"  # fmt: skip
    assert language_for_locale(QLocale("zh_CN")) == "zh_CN"
    assert language_for_locale(QLocale("en_GB")) == "en"
    assert language_for_locale(QLocale("fr_FR")) == "en"


def test_money_and_points_are_formatted_for_the_locale_from_integer_cents():
    for language in LANGUAGES:
        loc = locale_for(language)
        assert fmt.money(123_456_789, loc, symbol="") == "1,234,567.89"
        assert fmt.money(-5, loc, symbol="") == "-0.05"
        assert fmt.money(-5, loc, symbol="NT$") == "-NT$0.05"
        assert fmt.points(1_000_000, loc) == "1,000,000"
    german = QLocale("de_DE")
    assert fmt.money(123_456_789, german, symbol="") == "1.234.567,89"
    assert fmt.money(10**15 + 1, german, symbol="") == "10.000.000.000.000,01"  # no float ever: exact at any size


def test_switching_the_language_in_settings_changes_the_visible_texts(qtbot, shell, data_dir):
    checkout = logged_in(qtbot, shell)
    assert checkout.buttons["find"].text() == "F3  Find member"
    fkey(qtbot, shell, Qt.Key.Key_F10)
    settings = shell.window.screen_named("settings")
    combo = settings.language_combo
    combo.setCurrentIndex(combo.findData("zh_TW"))
    combo.activated.emit(combo.currentIndex())
    qtbot.wait(10)  # Qt posts LanguageChange to every widget
    assert settings.heading.text() == "設定"
    assert checkout.buttons["find"].text() == "F3  查詢會員"
    assert shell.window.sync_widget.sync_button.text() == "立即同步"
    assert message_for("member_not_found") == "找不到符合的會員。"
    combo.setCurrentIndex(combo.findData("zh_CN"))
    combo.activated.emit(combo.currentIndex())
    qtbot.wait(10)
    assert checkout.buttons["find"].text() == "F3  查找会员"
    assert checkout.totals.confirm_button.text() == "F12  确认结账"
    idle(qtbot, shell)
    assert json.loads((data_dir / "ui_settings.json").read_text())["language"] == "zh_CN"
    fkey(qtbot, shell, Qt.Key.Key_Escape)
    scan(qtbot, checkout.lookup.edit, "NOT-A-THING-42")
    assert checkout.message.text() == "不是会员卡、商品或小票：NOT-A-THING-42"


def test_the_login_screen_offers_the_three_languages(qtbot, shell):
    screen = shell.window.screen_named("login")
    screen.language_buttons["zh_TW"].click()
    qtbot.wait(10)
    assert screen.login_button.text() == "登入（Enter）"
    screen.language_buttons["en"].click()
    qtbot.wait(10)
    assert screen.login_button.text() == "Log in (Enter)"


# -- screenshots ---------------------------------------------------------------------------------


def seed(services):
    pos = services.pos
    alice = pos.enroll(phone="0912345678", name="林美華", birthday="1988-11-20", consent_terms=True)
    pos.enroll(phone="0922333444", name="Alice Chen", consent_terms=True)
    pos.adjust(alice.member_code, 5200, "goodwill", "9001")
    first = pos.confirm_sale(alice.member_code, [CartLine("CREAM-50", "skincare", 68000, 3),
                                                 CartLine("GIFT-CARD", "gift", 100000, 2)])  # fmt: skip
    return alice, first


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_of_every_main_screen(qtbot, open_shell, tmp_path, template_till, clock, dialogs, artifacts, language):
    import shutil

    data_dir = tmp_path / "till"
    shutil.copytree(template_till, data_dir)
    sh = open_shell(data_dir, clock, dialogs, language=language)
    out = artifacts / "screens" / language
    sh.window.resize(1366, 768)
    alice, first = seed(sh.services)
    shot(sh, out / "01-login.png")
    checkout = logged_in(qtbot, sh, "9001", "9999")
    sh.monitor.refresh()
    sh.camera.feed(camera_frame(alice.qr_payload, angle=20))
    qtbot.waitUntil(lambda: checkout.sale.member is not None, timeout=10_000)
    for code in ("4710000000017", "4710000000017", "4710000000055", "4710000000062"):
        scan(qtbot, checkout.entry.code_edit, code)
    idle(qtbot, sh)
    checkout.totals.redeem_spin.setValue(1000)
    idle(qtbot, sh)
    shot(sh, out / "02-checkout.png")
    fkey(qtbot, sh, Qt.Key.Key_F12)
    idle(qtbot, sh)
    shot(sh, out / "03-receipt.png")
    fkey(qtbot, sh, Qt.Key.Key_F2)
    scan(qtbot, checkout.entry.code_edit, "HELLO-42")
    shot(sh, out / "04-bad-scan.png")

    fkey(qtbot, sh, Qt.Key.Key_F4)
    enroll = sh.window.screen_named("enroll")
    enroll.phone.setText("0922333444")
    enroll.check_phone()
    enroll.name_edit.setText("x1")
    enroll.validate_name()
    idle(qtbot, sh)
    shot(sh, out / "05-enroll-form.png")
    enroll.phone.setText("0955666777")
    enroll.check_phone()
    enroll.name_edit.setText("陳志明")
    enroll.birthday.setText("1990-05-17")
    enroll.terms.setChecked(True)
    fkey(qtbot, sh, Qt.Key.Key_F12)
    idle(qtbot, sh)
    assert enroll.stack.currentIndex() == 1 and enroll.enrolled.name == "陳志明"
    shot(sh, out / "06-member-card.png")
    fkey(qtbot, sh, Qt.Key.Key_F12)

    checkout.attach_member(alice)
    idle(qtbot, sh)
    fkey(qtbot, sh, Qt.Key.Key_F6)
    idle(qtbot, sh)
    shot(sh, out / "07-member-history.png")
    sh.window.screen_named("member").tabs.setCurrentIndex(2)
    shot(sh, out / "08-member-adjust.png")
    fkey(qtbot, sh, Qt.Key.Key_Escape)

    fkey(qtbot, sh, Qt.Key.Key_F7)
    returns = sh.window.screen_named("returns")
    scan(qtbot, returns.receipt_edit, first.receipt_no)
    idle(qtbot, sh)
    returns.lines.spins[0].setValue(1)
    idle(qtbot, sh)
    shot(sh, out / "09-return.png")
    fkey(qtbot, sh, Qt.Key.Key_Escape)

    fkey(qtbot, sh, Qt.Key.Key_F8)
    idle(qtbot, sh)
    report = sh.window.screen_named("report")
    assert report.day() == clock().date() and report.summary.sales == 2  # the till's day, not the PC's
    shot(sh, out / "10-day-report.png")
    fkey(qtbot, sh, Qt.Key.Key_Escape)
    fkey(qtbot, sh, Qt.Key.Key_F10)
    shot(sh, out / "11-settings.png")
    from pos_app.services import SyncStatus

    sh.session.set_sync_status(SyncStatus(configured=True, online=False, offline=True, pending=42,
                                          last_success="2026-11-24T01:15:00+00:00",
                                          last_error="2026-11-24T02:00:00+00:00 unreachable: refused"))  # fmt: skip
    fkey(qtbot, sh, Qt.Key.Key_Escape)
    error = {"en": "Error: HQ cannot be reached", "zh_TW": "錯誤：無法連線總部", "zh_CN": "错误：无法连接总部"}
    assert sh.window.sync_widget.error_label.text() == error[language]
    assert sh.window.screen_named("checkout").totals.redeem_spin.value() == 0  # nothing left from the last sale
    shot(sh, out / "12-offline.png")
    assert len(list(out.glob("*.png"))) == 12
