"""Settings › Receipt printer: where receipts and member cards print, the roll's width, Chinese
characters, the cash drawer and the receipt's letterhead. Only a supervisor changes them."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from loyalty_core.errors import DomainError

from ..errors import error_text
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..printer_device import KINDS, PrinterChoice, check_address
from .common import TOUCH_HEIGHT, MessageBar, Translatable

_KIND_NAMES = {
    "system": QT_TRANSLATE_NOOP("PrinterSettings", "System printer"),
    "usb": QT_TRANSLATE_NOOP("PrinterSettings", "ESC/POS thermal printer on USB"),
    "network": QT_TRANSLATE_NOOP("PrinterSettings", "ESC/POS thermal printer on the network"),
    "serial": QT_TRANSLATE_NOOP("PrinterSettings", "ESC/POS thermal printer on a serial port"),
}
_CODE_PAGE_NAMES = {
    "auto": QT_TRANSLATE_NOOP("PrinterSettings", "By the receipt's language (Big5 / GB18030)"),
    "big5": QT_TRANSLATE_NOOP("PrinterSettings", "Big5 (Traditional Chinese printer)"),
    "gb18030": QT_TRANSLATE_NOOP("PrinterSettings", "GB18030 (Simplified Chinese printer)"),
    "raster": QT_TRANSLATE_NOOP("PrinterSettings", "As images (no Chinese font in the printer)"),
}
_HINTS = {
    "usb": QT_TRANSLATE_NOOP("PrinterSettings", "Vendor:product id, e.g. 04b8:0202"),
    "network": QT_TRANSLATE_NOOP("PrinterSettings", "Host or host:port, e.g. 192.168.1.50:9100"),
    "serial": QT_TRANSLATE_NOOP("PrinterSettings", "Device, e.g. /dev/ttyUSB0 or /dev/ttyUSB0@19200"),
}


def system_printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


class PrinterSettingsBox(Translatable, QGroupBox):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind_combo = self._combo(KINDS)
        self.system_combo = QComboBox()
        self.system_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("printerAddress")
        self.address_edit.setMaxLength(80)
        self.address_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.paper_combo = self._combo((80, 58))
        self.code_page_combo = self._combo(tuple(_CODE_PAGE_NAMES))
        self.drawer_box = QCheckBox()
        self.drawer_box.setMinimumHeight(TOUCH_HEIGHT)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(60)
        self.address_lines = QLineEdit()
        self.address_lines.setMaxLength(200)
        self.message = MessageBar(timeout_ms=6000)
        self.form = QFormLayout(self)
        for w in (self.kind_combo, self.system_combo, self.address_edit, self.paper_combo, self.code_page_combo,
                  self.drawer_box, self.name_edit, self.address_lines):  # fmt: skip
            self.form.addRow(QLabel(), w)
        self.form.addRow(self.message)
        self.kind_combo.activated.connect(lambda _i: self._kind_changed())
        for combo in (self.system_combo, self.paper_combo, self.code_page_combo):
            combo.activated.connect(lambda _i: self.save())
        self.drawer_box.toggled.connect(lambda _on: self.save())
        for edit in (self.address_edit, self.name_edit, self.address_lines):
            edit.editingFinished.connect(self.save)
        self.retranslate()

    @staticmethod
    def _combo(values) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumHeight(TOUCH_HEIGHT)
        for value in values:
            combo.addItem("", value)
        return combo

    def retranslate(self) -> None:
        self.setTitle(translate("PrinterSettings", "Receipt printer"))
        labels = [translate("PrinterSettings", "Printer"), translate("PrinterSettings", "System printer"),
                  translate("PrinterSettings", "Address"), translate("PrinterSettings", "Paper width"),
                  translate("PrinterSettings", "Chinese characters"), translate("PrinterSettings", "Cash drawer"),
                  translate("PrinterSettings", "Store name on receipts"),
                  translate("PrinterSettings", "Store address on receipts")]  # fmt: skip
        for row, text in enumerate(labels):
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(text)
        for i, kind in enumerate(KINDS):
            self.kind_combo.setItemText(i, translate("PrinterSettings", _KIND_NAMES[kind]))
        for i, page in enumerate(_CODE_PAGE_NAMES):
            self.code_page_combo.setItemText(i, translate("PrinterSettings", _CODE_PAGE_NAMES[page]))
        for i, mm in enumerate((80, 58)):
            self.paper_combo.setItemText(i, translate("PrinterSettings", "{mm} mm roll").format(mm=mm))
        self.drawer_box.setText(translate("PrinterSettings", "Open the cash drawer after a cash sale"))
        self.load()

    # -- settings <-> widgets -----------------------------------------------------------------

    def load(self) -> None:
        choice = PrinterChoice.from_dict(self.session.settings.printer)
        widgets = (self.kind_combo, self.system_combo, self.paper_combo, self.code_page_combo, self.drawer_box,
                   self.address_edit, self.name_edit, self.address_lines)  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        self.system_combo.clear()
        self.system_combo.addItem(translate("PrinterSettings", "Ask each time (print dialog)"), "")
        for name in system_printers():
            self.system_combo.addItem(name, name)
        if choice.system_name and self.system_combo.findData(choice.system_name) < 0:
            self.system_combo.addItem(choice.system_name, choice.system_name)  # configured, not connected now
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(choice.kind)))
        self.system_combo.setCurrentIndex(max(0, self.system_combo.findData(choice.system_name)))
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(choice.paper_mm)))
        self.code_page_combo.setCurrentIndex(max(0, self.code_page_combo.findData(choice.code_page)))
        self.drawer_box.setChecked(choice.cash_drawer)
        self.address_edit.setText(choice.address)
        self.name_edit.setText(choice.store_name)
        self.address_lines.setText(choice.store_address)
        for w in widgets:
            w.blockSignals(False)
        self._render_kind(choice.kind)
        self.setEnabled(self.session.is_supervisor)

    def _render_kind(self, kind: str) -> None:
        escpos = kind != "system"
        self.system_combo.setEnabled(not escpos)
        for w in (self.address_edit, self.code_page_combo, self.drawer_box):
            w.setEnabled(escpos)
        self.address_edit.setPlaceholderText(translate("PrinterSettings", _HINTS[kind]) if escpos else "")

    def _kind_changed(self) -> None:
        self._render_kind(self.kind_combo.currentData())
        self.address_edit.setFocus()
        if self.kind_combo.currentData() == "system" or self.address_edit.text().strip():
            self.save()

    def choice(self) -> PrinterChoice:
        return PrinterChoice(
            kind=self.kind_combo.currentData(),
            system_name=self.system_combo.currentData() or "",
            address=self.address_edit.text().strip(),
            paper_mm=self.paper_combo.currentData(),
            code_page=self.code_page_combo.currentData(),
            cash_drawer=self.drawer_box.isChecked(),
            store_name=" ".join(self.name_edit.text().split()),
            store_address=self.address_lines.text().strip(),
        )

    def save(self) -> bool:
        """Keeps the choice if it makes sense; a wrong address is named and nothing is saved."""
        choice = self.choice()
        try:
            check_address(choice.kind, choice.address)
        except DomainError as exc:
            self.message.show_error(error_text(exc))
            return False
        self.session.settings.printer = choice.to_dict()
        self.session.save_settings()
        self.message.show_info(translate("PrinterSettings", "Printer settings saved."))
        return True
