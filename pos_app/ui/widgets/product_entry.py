"""Add to the cart: a product code (typed, or scanned anywhere), or an open amount with a category."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QPushButton, QWidget

from loyalty_core.errors import DomainError
from loyalty_core.money import parse_amount

from ..i18n import translate
from ..scanner import scan_field
from .cart_view import category_name
from .common import TOUCH_HEIGHT, Translatable, big_line_edit


class ProductEntry(Translatable, QWidget):
    code_entered = Signal(str)
    open_amount = Signal(int, str)  # cents, category
    refused = Signal(object)  # DomainError

    def __init__(self, categories: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories = categories
        self.code_edit = scan_field(big_line_edit())
        self.code_edit.setObjectName("productCode")
        self.code_edit.returnPressed.connect(self._add_code)
        self.add_button = QPushButton()
        self.add_button.setMinimumHeight(TOUCH_HEIGHT)
        self.add_button.clicked.connect(self._add_code)
        self.amount_edit = scan_field(big_line_edit())
        self.amount_edit.setObjectName("openAmount")
        self.amount_edit.returnPressed.connect(self._add_open)
        self.category_combo = QComboBox()
        self.category_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.open_button = QPushButton()
        self.open_button.setMinimumHeight(TOUCH_HEIGHT)
        self.open_button.clicked.connect(self._add_open)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.code_edit, 0, 0, 1, 2)
        grid.addWidget(self.add_button, 0, 2)
        grid.addWidget(self.amount_edit, 1, 0)
        grid.addWidget(self.category_combo, 1, 1)
        grid.addWidget(self.open_button, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 1)
        self.retranslate()

    def set_categories(self, categories: list[str]) -> None:
        self.categories = categories
        self.retranslate()

    def retranslate(self) -> None:
        self.code_edit.setPlaceholderText(translate("ProductEntry", "Product code or barcode"))
        self.add_button.setText(translate("ProductEntry", "Add"))
        self.amount_edit.setPlaceholderText(translate("ProductEntry", "Open amount, e.g. 120.50"))
        self.open_button.setText(translate("ProductEntry", "Add amount"))
        current = self.category_combo.currentData()
        self.category_combo.clear()
        for code in self.categories:
            self.category_combo.addItem(category_name(code), code)
        if current is not None:
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(current)))

    def _add_code(self) -> None:
        text = self.code_edit.text().strip()
        if text:
            self.code_entered.emit(text)

    def _add_open(self) -> None:
        try:
            cents = parse_amount(self.amount_edit.text())
        except DomainError as exc:
            self.refused.emit(exc)
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
            return
        category = self.category_combo.currentData() or "general"
        self.amount_edit.clear()
        self.open_amount.emit(cents, category)

    def focus_open_amount(self) -> None:
        self.amount_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
