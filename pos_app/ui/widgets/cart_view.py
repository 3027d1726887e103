"""The cart: one row per line, quantity editable in place, a remove button per row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem

from .. import fmt
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..sale import MAX_QTY, SaleModel
from ..scanner import scan_field
from .common import TOUCH_MIN, Translatable, when_done

CATEGORY_NAMES = {
    "drinks": QT_TRANSLATE_NOOP("Categories", "Drinks"),
    "food": QT_TRANSLATE_NOOP("Categories", "Food"),
    "homeware": QT_TRANSLATE_NOOP("Categories", "Homeware"),
    "skincare": QT_TRANSLATE_NOOP("Categories", "Skincare"),
    "gift": QT_TRANSLATE_NOOP("Categories", "Gifts"),
    "apparel": QT_TRANSLATE_NOOP("Categories", "Apparel"),
    "general": QT_TRANSLATE_NOOP("Categories", "General"),
}


def category_name(code: str) -> str:
    text = CATEGORY_NAMES.get(code)
    return translate("Categories", text) if text else code


class CartView(Translatable, QTableWidget):
    COL_ITEM, COL_PRICE, COL_QTY, COL_AMOUNT, COL_REMOVE = range(5)
    line_removed = Signal(int)
    finished = Signal()  # Enter/Tab in a quantity box, a line removed: the scan field is next

    def __init__(self, session, sale: SaleModel, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.session = session
        self.sale = sale
        self.setObjectName("cart")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(48)
        header = self.horizontalHeader()
        header.setSectionResizeMode(self.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for col in (self.COL_PRICE, self.COL_QTY, self.COL_AMOUNT, self.COL_REMOVE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        sale.lines_changed.connect(self.sync)
        sale.state_changed.connect(self.sync)
        session.i18n.language_changed.connect(lambda _lang: self.sync())
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                translate("Cart", "Item"),
                translate("Cart", "Price"),
                translate("Cart", "Qty"),
                translate("Cart", "Amount"),
                "",
            ]
        )
        self.sync()

    def item_name(self, item) -> str:
        if item.open_amount:
            return translate("Cart", "Open amount ({category})").format(category=category_name(item.category))
        return self.session.product_name(item.sku, item.names)

    def sync(self) -> None:
        items = self.sale.items
        if self.rowCount() != len(items):
            self._rebuild()
            return
        for row, item in enumerate(items):
            self._fill(row, item)

    def _rebuild(self) -> None:
        self.setRowCount(0)
        self.setRowCount(len(self.sale.items))
        for row, item in enumerate(self.sale.items):
            spin = scan_field(QSpinBox())
            spin.setRange(1, MAX_QTY)
            spin.setMinimumHeight(TOUCH_MIN)
            spin.setMinimumWidth(120)
            spin.setAccelerated(True)
            when_done(spin, self.finished.emit)
            spin.valueChanged.connect(lambda value, r=row: self.sale.set_qty(r, value))
            self.setCellWidget(row, self.COL_QTY, spin)
            remove = QPushButton("✕")
            remove.setObjectName("removeLine")
            remove.setMinimumSize(TOUCH_MIN, TOUCH_MIN)
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            remove.setToolTip(translate("Cart", "Remove this line"))
            remove.clicked.connect(lambda _checked=False, r=row: self.remove_row(r))
            remove.clicked.connect(self.finished.emit)
            self.setCellWidget(row, self.COL_REMOVE, remove)
            self._fill(row, item)

    def _fill(self, row: int, item) -> None:
        values = {
            self.COL_ITEM: self.item_name(item),
            self.COL_PRICE: fmt.money(item.unit_price_cents),
            self.COL_AMOUNT: fmt.money(item.subtotal_cents),
        }
        for col, text in values.items():
            cell = self.item(row, col)
            if cell is None:
                cell = QTableWidgetItem()
                if col != self.COL_ITEM:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, col, cell)
            cell.setText(text)
        spin = self.cellWidget(row, self.COL_QTY)
        if isinstance(spin, QSpinBox) and spin.value() != item.qty:
            spin.blockSignals(True)
            spin.setValue(item.qty)
            spin.blockSignals(False)
        locked = self.sale.confirmed or self.sale.confirming
        for col in (self.COL_QTY, self.COL_REMOVE):
            widget = self.cellWidget(row, col)
            if widget is not None:
                widget.setEnabled(not locked)

    def remove_row(self, row: int) -> None:
        self.sale.remove(row)
        self.line_removed.emit(row)

    def remove_selected(self) -> None:
        row = self.currentRow()
        if 0 <= row < self.rowCount():
            self.remove_row(row)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and 0 <= self.currentRow() < len(self.sale.items):
            row = self.currentRow()
            step = 1 if event.key() == Qt.Key.Key_Plus else -1
            self.sale.set_qty(row, self.sale.items[row].qty + step)
            return
        super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.rowCount():
            self.selectRow(row)
