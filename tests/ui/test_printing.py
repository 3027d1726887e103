"""Paying and printing as the till does it: the real tender dialog after F12, the real system print
dialog (QPrintDialog, "Print to File (PDF)"), real ESC/POS bytes (escpos Dummy, and python-escpos's
Network printer talking to a loopback "printer"), and a printer that fails after the sale is saved."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QLineEdit

from pos_app.ui import escpos_receipt, receipt_layout
from pos_app.ui.dialogs import Dialogs
from pos_app.ui.tender_dialog import TenderDialog
from pos_app.ui.widgets.member_card import MemberCardPanel
from tests.ui.ui_helpers import WAIT, fkey, idle, logged_in, type_slowly

TEA = "4710000000017"  # Oolong tea 500g, 150.00
CUP = "4710000000024"  # Ceramic cup, 99.90
QR_COMMAND = b"\x1d(k"  # GS ( k: the printer's own QR code
CUT = b"\x1dV"  # GS V


@pytest.fixture
def till(open_shell, data_dir, clock):
    """The real window with the real Dialogs (no fake choosers)."""
    return open_shell(data_dir, clock, Dialogs())


def enroll(till, phone="0912345678", name="王小明"):
    return till.services.pos.enroll(phone=phone, name=name, birthday="1990-03-04", consent_terms=True)


def sale_rows(data_dir: Path) -> list[tuple]:
    with sqlite3.connect(data_dir / "pos.sqlite3") as db:
        return db.execute("SELECT receipt_no, paid_cents, tender_method, received_cents, change_cents FROM sales").fetchall()


def ring_up(qtbot, till, *codes: str):
    """The member's card and the products, as the scanner hands them to the window (the key timing of
    scans is test_checkout's and the Xvfb test's business)."""
    checkout = logged_in(qtbot, till)
    member = enroll(till)
    for code in (member.qr_payload, *codes):
        till.window.route_scan(code)
        idle(qtbot, till)
    assert checkout.sale.member is not None and len(checkout.sale.items) == len(set(codes))
    return checkout, member


def tender_dialog(qtbot, till) -> TenderDialog:
    fkey(qtbot, till, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TenderDialog), timeout=WAIT)
    return QApplication.activeModalWidget()


def pay(qtbot, till, dialog: TenderDialog, received: str | None = None) -> None:
    if received is not None:
        type_slowly(qtbot, dialog.received_edit, received)  # a cashier, not a scanner
    qtbot.keyClick(dialog.received_edit, Qt.Key.Key_Return)
    idle(qtbot, till)


def print_to_pdf_through_the_dialog(qtbot, till, path: Path) -> None:
    """F9, then in the system print dialog: the "Print to File (PDF)" printer, a file name, Print."""
    fkey(qtbot, till, Qt.Key.Key_F9)  # F9
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog), timeout=WAIT)
    dialog = QApplication.activeModalWidget()
    name = next(e for e in dialog.findChildren(QLineEdit) if e.objectName() == "filename")
    name.setText(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: path.exists() and till.session.print_runner.is_idle(), timeout=WAIT)
    idle(qtbot, till)


def pdf_pages_and_width(path: Path) -> tuple[int, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    width_pt = float(fields["Page size"].split()[0])
    return int(fields["Pages"]), width_pt / 72 * 25.4


def decoded_codes(pdf: Path) -> list[str]:
    from PIL import Image
    from pyzbar import pyzbar

    subprocess.run(["pdftoppm", "-png", "-r", "200", "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
    return [c.data.decode() for c in pyzbar.decode(Image.open(pdf.with_suffix(".png")))]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


# -- tender ---------------------------------------------------------------------------------------


def test_enter_in_the_tender_dialog_takes_the_exact_amount_in_cash(qtbot, till, data_dir):
    checkout, _member = ring_up(qtbot, till, TEA)
    dialog = tender_dialog(qtbot, till)
    assert dialog.due_cents == 15000 and "150.00" in dialog.due_label.text()
    pay(qtbot, till, dialog)
    receipt = checkout.sale.receipt
    assert receipt.tender == {"method": "cash", "received_cents": 15000, "change_cents": 0}
    assert sale_rows(data_dir) == [(receipt.receipt_no, 15000, "cash", 15000, 0)]


def test_cash_received_shows_the_change_large_and_keeps_it_with_the_sale(qtbot, till, data_dir):
    checkout, _member = ring_up(qtbot, till, TEA, CUP)
    dialog = tender_dialog(qtbot, till)
    type_slowly(qtbot, dialog.received_edit, "300")
    assert dialog.change_label.text() == "NT$50.10"  # the store's currency (TW)
    assert dialog.change_label.font().pixelSize() >= 40 or "40px" in dialog.change_label.styleSheet()
    pay(qtbot, till, dialog)
    receipt = checkout.sale.receipt
    assert sale_rows(data_dir) == [(receipt.receipt_no, 24990, "cash", 30000, 5010)]
    with sqlite3.connect(data_dir / "pos.sqlite3") as db:
        bodies = [json.loads(row[0]) for row in db.execute("SELECT body FROM outbox WHERE type = 'sale.confirmed'")]
    assert [b["payload"]["tender"] for b in bodies] == [{"method": "cash", "received_cents": 30000, "change_cents": 5010}]
    assert "Change" in checkout.receipt_view.browser.toPlainText()


def test_not_enough_cash_is_refused_with_a_message_and_nothing_is_saved(qtbot, till, data_dir):
    checkout, _member = ring_up(qtbot, till, TEA)
    dialog = tender_dialog(qtbot, till)
    pay(qtbot, till, dialog, "149.99")
    assert dialog.isVisible() and "Not enough cash: NT$149.99 received, NT$150.00 due." in dialog.message.text()
    dialog.received_edit.clear()
    pay(qtbot, till, dialog, "12abc")
    assert dialog.isVisible() and dialog.message.text()
    assert sale_rows(data_dir) == [] and checkout.sale.receipt is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc: back to the sale, still not confirmed
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=WAIT)
    assert not checkout.sale.confirmed and sale_rows(data_dir) == []


def test_card_and_other_take_the_amount_due_and_the_day_report_totals_them(qtbot, till, data_dir):
    checkout, _member = ring_up(qtbot, till, TEA)
    dialog = tender_dialog(qtbot, till)
    qtbot.keyClick(dialog, Qt.Key.Key_F2)  # F2: card
    assert not dialog.received_edit.isVisible()
    pay(qtbot, till, dialog)
    rows = sale_rows(data_dir)
    assert [(r[2], r[3], r[4]) for r in rows] == [("card", 15000, 0)]
    till.window.go("report")
    report = till.window.screen_named("report")
    idle(qtbot, till)
    assert report.values["paid_card"].text() == "NT$150.00"
    assert report.values["paid_cash"].text() == "NT$0.00"
    assert report.values["drawer"].text() == "NT$0.00"


# -- the system print path -------------------------------------------------------------------------


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_the_receipt_prints_through_the_system_print_dialog_as_one_roll_wide_page(qtbot, till, data_dir, artifacts,
                                                                                  paper_mm):  # fmt: skip
    till.session.settings.printer = {"paper_mm": paper_mm, "store_name": "Oolong House", "store_address": "100 Xinyi Rd"}
    checkout, member = ring_up(qtbot, till, TEA, CUP)
    pay(qtbot, till, tender_dialog(qtbot, till), "300")
    receipt = checkout.sale.receipt
    pdf = artifacts / "receipts" / f"receipt-{paper_mm}mm.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.unlink(missing_ok=True)
    print_to_pdf_through_the_dialog(qtbot, till, pdf)
    pages, width_mm = pdf_pages_and_width(pdf)
    assert pages == 1 and abs(width_mm - paper_mm) < 0.5
    text = pdf_text(pdf)
    lines = [line.strip() for line in text.splitlines()]
    assert receipt.receipt_no in lines  # on one line of its own: never wrapped
    for expected in ("Oolong House", "100 Xinyi Rd", "Till T01 · Cashier 1001", "Paid by", "Cash", "Received",
                     "300.00", "Change", "50.10", "Paid", "249.90", "Points earned", "New balance",
                     f"({member.member_code})", "Keep this receipt for returns."):  # fmt: skip
        assert expected in text, expected
    assert "1/1" not in text and "Page" not in text  # no page numbers
    assert decoded_codes(pdf) == [receipt.receipt_no]  # the QR the Returns screen scans
    assert checkout.receipt_view.message.text() == f"Printed {receipt.receipt_no}."


def test_a_printer_that_is_not_there_shows_a_message_and_a_reprint_and_the_sale_stays(qtbot, till, data_dir):
    port = _closed_port()
    till.session.settings.printer = {"kind": "network", "address": f"127.0.0.1:{port}"}
    checkout, _member = ring_up(qtbot, till, TEA)
    pay(qtbot, till, tender_dialog(qtbot, till))
    receipt = checkout.sale.receipt
    fkey(qtbot, till, Qt.Key.Key_F9)  # F9
    qtbot.waitUntil(lambda: checkout.receipt_view.failed, timeout=WAIT)
    view = checkout.receipt_view
    assert "The printer was not found" in view.message.text() and "press F9 to reprint" in view.message.text()
    assert view.print_button.text() == "F9  Reprint receipt"
    assert sale_rows(data_dir) == [(receipt.receipt_no, 15000, "cash", 15000, 0)]

    printer = LoopbackPrinter()  # the printer is plugged in: F9 again
    till.session.settings.printer = {"kind": "network", "address": f"127.0.0.1:{printer.port}", "cash_drawer": True}
    fkey(qtbot, till, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not view.failed and view.message.text().startswith("Printed"), timeout=WAIT)
    data = printer.received()
    assert data.startswith(escpos_receipt.INIT) and QR_COMMAND in data and receipt.receipt_no.encode() in data
    assert data.rstrip().endswith(CUT + b"\x00") or CUT in data[-8:]
    assert b"\x1bp\x00" in data  # the drawer opened: a cash sale
    assert view.print_button.text() == "F9  Print receipt"
    assert sale_rows(data_dir) == [(receipt.receipt_no, 15000, "cash", 15000, 0)]


def test_a_printer_out_of_paper_says_so_and_nothing_is_printed(qtbot, till, data_dir):
    printer = LoopbackPrinter(paper_status=0x72)  # DLE EOT 4 answer: paper end sensors on
    till.session.settings.printer = {"kind": "network", "address": f"127.0.0.1:{printer.port}"}
    checkout, _member = ring_up(qtbot, till, TEA)
    pay(qtbot, till, tender_dialog(qtbot, till))
    fkey(qtbot, till, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: checkout.receipt_view.failed, timeout=WAIT)
    assert "out of paper" in checkout.receipt_view.message.text()
    assert CUT not in printer.received()
    assert len(sale_rows(data_dir)) == 1


# -- ESC/POS bytes ---------------------------------------------------------------------------------


def _paper(till, language: str):
    """The receipt of a real confirmed sale, laid out in `language`."""
    member = enroll(till, name="王小明")
    from loyalty_core.pricing import CartLine

    receipt = till.services.pos.confirm_sale(member.member_code, [CartLine("TEA-500", "drinks", 15000, 2)],
                                             tender_method="cash", received_cents=50000)  # fmt: skip
    till.i18n.set_language(language)
    return receipt, receipt_layout.sale_paper(till.session, receipt, receipt_layout.StoreHeader("茶坊", "台北市信義路100號"))


def test_escpos_in_traditional_chinese_selects_chinese_mode_and_sends_big5(qtbot, till):
    receipt, paper = _paper(till, "zh_TW")
    data = escpos_receipt.paper_bytes(paper, 80, escpos_receipt.code_page_for("auto", "zh_TW"))
    assert data.startswith(escpos_receipt.INIT)
    assert escpos_receipt.CHINESE_ON + "茶坊".encode("big5") + escpos_receipt.CHINESE_OFF in data
    assert "找零".encode("big5") in data and "現金".encode("big5") in data
    assert QR_COMMAND + b"\x14\x001P0" + receipt.receipt_no.encode() in data or receipt.receipt_no.encode() in data
    assert QR_COMMAND in data and data.endswith(b"\x1dV\x00")
    assert b"\x1dv0" not in data  # everything had a Big5 code: no images


def test_escpos_in_simplified_chinese_sends_gb18030_and_58mm_lines_fit(qtbot, till):
    receipt, paper = _paper(till, "zh_CN")
    data = escpos_receipt.paper_bytes(paper, 58, "gb18030")
    assert escpos_receipt.CHINESE_ON + "找零".encode("gb18030") in data
    assert "现金".encode("gb18030") in data
    for chunk in data.split(b"\n"):
        text = chunk.rsplit(b"\x1d!\x00", 1)[-1]
        if text.isascii() and b"\x1b" not in text and b"\x1d" not in text:
            assert len(text) <= 32


def test_points_expiring_soon_are_on_the_receipt(qtbot, till):
    receipt, _paper_ = _paper(till, "en")
    expiring = receipt_layout.Expiring(300, receipt.at.date().replace(day=28))
    paper = receipt_layout.sale_paper(till.session, receipt, receipt_layout.StoreHeader("Oolong House"), expiring)
    rows = [row for block in paper.blocks for row in block]
    assert any(r.label.startswith("Expiring by ") and r.value == "300" for r in rows)
    assert b"Expiring by " in escpos_receipt.paper_bytes(paper, 58, "auto")


def test_characters_the_printer_lacks_are_printed_as_a_raster_image(qtbot, till):
    _receipt, paper = _paper(till, "zh_CN")  # 简体 on a Big5 printer: 现金 has no Big5 code
    data = escpos_receipt.paper_bytes(paper, 80, "big5")
    assert b"\x1dv0" in data  # GS v 0: a raster line
    raster = escpos_receipt.paper_bytes(paper, 80, "raster")
    assert escpos_receipt.CHINESE_ON not in raster and raster.count(b"\x1dv0") >= 5


def test_the_member_card_prints_on_the_thermal_printer_as_an_image(qtbot, till):
    printer = LoopbackPrinter()
    till.session.settings.printer = {"kind": "network", "address": f"127.0.0.1:{printer.port}", "paper_mm": 58}
    member = enroll(till)
    logged_in(qtbot, till)
    till.window.go("member", member=till.services.pos.find_member(member.member_code))
    idle(qtbot, till)
    panel = till.window.findChildren(MemberCardPanel)[0]
    panel.set_member(till.services.pos.find_member(member.member_code))
    panel.print_card()
    qtbot.waitUntil(lambda: "Card printed." in panel.message.text(), timeout=WAIT)
    data = printer.received()
    assert data.startswith(escpos_receipt.INIT) and b"\x1dv0" in data and CUT in data
    width_bytes = int.from_bytes(data[data.index(b"\x1dv0") + 4:data.index(b"\x1dv0") + 6], "little")
    assert width_bytes * 8 == 384  # the 58 mm roll's width


# -- a printer on loopback ---------------------------------------------------------------------------


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class LoopbackPrinter:
    """A network ESC/POS printer on 127.0.0.1: keeps what it is sent, answers the paper status query."""

    def __init__(self, paper_status: int = 0x12) -> None:
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(4)
        self.port = self.server.getsockname()[1]
        self.paper_status = paper_status
        self.data = bytearray()
        self.done = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            while chunk := conn.recv(65536):
                if chunk.startswith(b"\x10\x04\x04"):  # DLE EOT 4: the paper sensor
                    conn.sendall(bytes([self.paper_status]))
                    chunk = chunk[3:]
                self.data += chunk
        self.done.set()

    def received(self) -> bytes:
        self.done.wait(10)
        self.server.close()
        return bytes(self.data)


# -- Settings › Receipt printer ------------------------------------------------------------------------


def test_a_supervisor_sets_a_network_printer_and_a_wrong_address_is_refused_and_not_saved(qtbot, till, data_dir):
    logged_in(qtbot, till, "9001", "9999")
    till.window.go("settings")
    box = till.window.screen_named("settings").printer_box
    assert box.isEnabled()
    box.kind_combo.setCurrentIndex(box.kind_combo.findData("network"))
    box.kind_combo.activated.emit(box.kind_combo.currentIndex())
    box.address_edit.setText("printer.local:99999'; DROP TABLE sales")
    box.address_edit.editingFinished.emit()
    idle(qtbot, till)
    assert "A network printer is a host or host:port" in box.message.text()
    assert till.session.settings.printer == {}
    assert not (data_dir / "ui_settings.json").exists() or '"network"' not in (data_dir / "ui_settings.json").read_text()

    box.address_edit.setText("192.168.1.50:9100")
    box.paper_combo.setCurrentIndex(box.paper_combo.findData(58))
    box.address_edit.editingFinished.emit()
    idle(qtbot, till)
    saved = json.loads((data_dir / "ui_settings.json").read_text())["printer"]
    assert (saved["kind"], saved["address"], saved["paper_mm"]) == ("network", "192.168.1.50:9100", 58)
    assert box.message.text() == "Printer settings saved."


def test_a_cashier_cannot_change_the_printer(qtbot, till):
    logged_in(qtbot, till)
    till.window.go("settings")
    assert not till.window.screen_named("settings").printer_box.isEnabled()
