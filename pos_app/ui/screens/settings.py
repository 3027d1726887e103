"""Settings: language, camera, auto-lock, name masking; the supervisor's view of rejected events."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from ..i18n import LANGUAGE_NAMES, LANGUAGES, translate
from ..scanner import MAX_PREFIX, SUFFIXES, scan_field
from ..widgets.common import TOUCH_HEIGHT, Card, FKeyButton, big_line_edit, heading, set_field_label
from ..widgets.printer_settings import PrinterSettingsBox
from .base import Screen


class SettingsScreen(Screen):
    name = "settings"

    def __init__(self, session, nav, set_language, camera_lister=None, configure_scanner=None, parent=None) -> None:
        super().__init__(session, nav, parent)
        self.set_language = set_language
        self.camera_lister = camera_lister
        self.configure_scanner = configure_scanner
        self.heading = heading()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.language_combo.addItem("", None)
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_combo.activated.connect(self._on_language)
        self.camera_combo = QComboBox()
        self.camera_combo.setMinimumHeight(TOUCH_HEIGHT)
        self.camera_combo.activated.connect(self._on_camera)
        self.camera_note = QLabel()
        self.camera_note.setObjectName("muted")
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setMinimumHeight(TOUCH_HEIGHT)
        self.idle_spin.valueChanged.connect(self._on_idle)
        self.suffix_combo = QComboBox()
        self.suffix_combo.setObjectName("scannerSuffix")
        self.suffix_combo.setMinimumHeight(TOUCH_HEIGHT)
        for suffix in SUFFIXES:
            self.suffix_combo.addItem("", suffix)
        self.suffix_combo.activated.connect(self._on_scanner)
        self.prefix_edit = scan_field(big_line_edit())
        self.prefix_edit.setObjectName("scannerPrefix")
        self.prefix_edit.setMaxLength(MAX_PREFIX)
        self.prefix_edit.editingFinished.connect(self._on_scanner)
        self.mask_box = QCheckBox()
        self.mask_box.setMinimumHeight(TOUCH_HEIGHT)
        self.mask_box.toggled.connect(self._on_mask)
        self.mask_note = QLabel()
        self.mask_note.setObjectName("muted")
        self.till_label = QLabel()
        self.till_label.setObjectName("muted")
        self.printer_box = PrinterSettingsBox(session)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.language_combo)
        self.form.addRow(QLabel(), self.camera_combo)
        self.form.addRow(QLabel(), self.camera_note)
        self.form.addRow(QLabel(), self.idle_spin)
        self.form.addRow(QLabel(), self.suffix_combo)
        self.form.addRow(QLabel(), self.prefix_edit)
        self.form.addRow(QLabel(), self.mask_box)
        self.form.addRow(QLabel(), self.mask_note)
        self.back_button = FKeyButton(Qt.Key.Key_Escape)
        self.back_button.clicked.connect(lambda: self.nav.go("checkout"))
        self.rejected_button = FKeyButton()
        self.rejected_button.clicked.connect(lambda: self.nav.go("rejected"))
        card = Card()
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addLayout(self.form)
        inner.addWidget(self.till_label)
        inner.addWidget(self.printer_box)
        inner.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.rejected_button)
        outer = QVBoxLayout(self)
        outer.addWidget(card, 1)
        outer.addLayout(bottom)
        self.retranslate()

    def title(self) -> str:
        return translate("Settings", "Settings")

    def retranslate(self) -> None:
        self.heading.setText(translate("Settings", "Settings"))
        set_field_label(self.form, self.language_combo, translate("Settings", "Language"))
        set_field_label(self.form, self.camera_combo, translate("Settings", "Camera"))
        set_field_label(self.form, self.idle_spin, translate("Settings", "Lock after idle"))
        set_field_label(self.form, self.mask_box, translate("Settings", "Privacy"))
        set_field_label(self.form, self.suffix_combo, translate("Settings", "Scanner ends each code with"))
        set_field_label(self.form, self.prefix_edit, translate("Settings", "Scanner prefix"))
        suffix_names = {"enter": translate("Settings", "Enter"), "tab": translate("Settings", "Tab"),
                        "crlf": translate("Settings", "CR LF (Enter, line feed)")}  # fmt: skip
        for i in range(self.suffix_combo.count()):
            self.suffix_combo.setItemText(i, suffix_names[self.suffix_combo.itemData(i)])
        self.prefix_edit.setPlaceholderText(translate("Settings", "none"))
        self.language_combo.setItemText(0, translate("Settings", "Follow the system"))
        self.idle_spin.setSuffix(" " + translate("Settings", "min"))
        self.mask_box.setText(translate("Settings", "Mask member names and phones on screen"))
        self.mask_note.setText(translate("Settings", "Only a supervisor can change this."))
        self.back_button.set_label(translate("Settings", "Back to the sale"))
        self.rejected_button.set_label(translate("Settings", "Events rejected by HQ"))
        self._fill_cameras()
        self._render_till()

    def _render_till(self) -> None:
        if self.session.ready:
            c = self.session.config
            hq = c.hq_url or translate("Settings", "none")
            text = translate("Settings", "Store {store} · Till {till} · HQ {hq}").format(store=c.store_id, till=c.terminal_id,
                                                                                  hq=hq)  # fmt: skip
            if c.demo:
                text += " · " + translate("Settings", "demo mode")
            self.till_label.setText(text)

    def _fill_cameras(self) -> None:
        self.camera_combo.clear()
        cameras = self.camera_lister() if self.camera_lister else []
        for cam_id, description in cameras:
            self.camera_combo.addItem(description, cam_id)
        self.camera_combo.setEnabled(bool(cameras))
        self.camera_note.setText("" if cameras else translate("Settings", "No camera found on this computer."))
        index = self.camera_combo.findData(self.session.settings.camera_id)
        if index >= 0:
            self.camera_combo.setCurrentIndex(index)

    def activate(self, **_kwargs) -> None:
        s = self.session.settings
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(s.language)))
        self.idle_spin.blockSignals(True)
        self.idle_spin.setValue(max(1, s.idle_lock_seconds // 60))
        self.idle_spin.blockSignals(False)
        self.mask_box.blockSignals(True)
        self.mask_box.setChecked(s.mask_names)
        self.mask_box.blockSignals(False)
        self.mask_box.setEnabled(self.session.is_supervisor)  # privacy on screen is a supervisor's call
        self.mask_note.setVisible(not self.session.is_supervisor)
        self.suffix_combo.setCurrentIndex(max(0, self.suffix_combo.findData(s.scanner_suffix)))
        self.prefix_edit.setText(s.scanner_prefix)
        self.rejected_button.setVisible(self.session.is_supervisor)
        self.printer_box.load()
        self._fill_cameras()
        self._render_till()
        self.language_combo.setFocus()

    def _on_language(self, index: int) -> None:
        self.session.settings.language = self.language_combo.itemData(index)
        self.session.save_settings()
        self.set_language(self.session.settings.language)

    def _on_camera(self, index: int) -> None:
        self.session.settings.camera_id = self.camera_combo.itemData(index)
        self.session.save_settings()

    def _on_idle(self, minutes: int) -> None:
        self.session.settings.idle_lock_seconds = minutes * 60
        self.session.save_settings()

    def _on_scanner(self, *_args) -> None:
        if self.configure_scanner is not None:
            self.configure_scanner(self.suffix_combo.currentData(), self.prefix_edit.text())

    def _on_mask(self, on: bool) -> None:
        if not self.session.is_supervisor:
            self.mask_box.blockSignals(True)
            self.mask_box.setChecked(self.session.settings.mask_names)
            self.mask_box.blockSignals(False)
            return
        self.session.settings.mask_names = on
        self.session.save_settings()

    def handle_escape(self) -> bool:
        self.nav.go("checkout")
        return True
