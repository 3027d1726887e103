"""Find the member: type a phone, member code or name (the scanner and camera go through the router).

At rest the box is a scan field (no input method, so a scan is never swallowed by a Chinese
composition); F3 "Find member" hands it the input method for typing a name, until the search is
done or the focus leaves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from ..i18n import translate
from ..scanner import scan_field, takes_input_method
from .common import TOUCH_HEIGHT, Translatable, big_line_edit


class LookupBar(Translatable, QWidget):
    query = Signal(str)  # Enter or the Find button
    picked = Signal(object)  # a MemberView chosen from name search results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = scan_field(big_line_edit())
        self.edit.setObjectName("lookupEdit")
        self.edit.installEventFilter(self)
        self.edit.returnPressed.connect(self._submit)
        self.find_button = QPushButton()
        self.find_button.setMinimumHeight(TOUCH_HEIGHT)
        self.find_button.clicked.connect(self._submit)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setMaximumHeight(180)
        self.results.itemActivated.connect(self._on_pick)
        self.results.itemClicked.connect(self._on_pick)
        self.results.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(translate("Lookup", "Phone, member code or name"))
        self.find_button.setText(translate("Lookup", "Find"))

    def _submit(self) -> None:
        text = self.edit.text().strip()
        scan_field(self.edit)  # the name is typed: back to a scan field
        if text:
            self.query.emit(text)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.edit and event.type() == QEvent.Type.FocusOut:
            scan_field(self.edit)
        return False

    def show_results(self, members: list, label) -> None:
        self.results.clear()
        for m in members:
            item = QListWidgetItem(label(m))
            item.setData(Qt.ItemDataRole.UserRole, m)
            self.results.addItem(item)
        self.results.setVisible(bool(members))
        if members:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def hide_results(self) -> None:
        self.results.clear()
        self.results.hide()

    def _on_pick(self, item: QListWidgetItem) -> None:
        member = item.data(Qt.ItemDataRole.UserRole)
        self.hide_results()
        self.edit.clear()
        self.picked.emit(member)

    def focus(self) -> None:
        self.edit.setFocus()
        self.edit.selectAll()

    def focus_for_name(self) -> None:
        """F3: the cashier will type a name, perhaps in Zhuyin or Pinyin."""
        self.focus()
        scan_field(self.edit, on=False)

    @property
    def takes_input_method(self) -> bool:
        return takes_input_method(self.edit)
