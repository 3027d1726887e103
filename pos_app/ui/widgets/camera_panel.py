"""The camera preview at the checkout (F5): started and stopped on request, hidden when off."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class CameraPanel(QWidget):
    """Shows what the camera sees while it scans. `running_changed(bool)` drives the F5 button;
    `unavailable(code, detail)` says why it could not start (no camera, refused, lost)."""

    running_changed = Signal(bool)
    unavailable = Signal(str, str)  # error code, detail

    def __init__(self, camera: Any, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera = camera  # pos_app.ui.camera.CameraScanner, or None on a till without one
        self.settings = settings  # UiSettings: the camera chosen in the settings, read at each start
        self.preview: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.hide()
        if camera is not None:
            camera.unavailable.connect(self._failed)

    def toggle(self) -> None:
        if self.camera is None:
            self._failed("no_camera")
        elif self.camera.active:
            self.stop()
        else:
            self._start()

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()
        self._show(False)

    def _start(self) -> None:
        if self.preview is None:
            from PySide6.QtMultimediaWidgets import QVideoWidget  # loaded only when a camera is used

            self.preview = QVideoWidget()
            self.preview.setMinimumHeight(180)
            self._layout.addWidget(self.preview)
        self._show(bool(self.camera.start(self.settings.camera_id, self.preview)))

    def _show(self, running: bool) -> None:
        self.setVisible(running)
        self.running_changed.emit(running)

    def _failed(self, code: str) -> None:
        detail = getattr(self.camera, "last_error_detail", "") if self.camera is not None else ""
        self._show(False)
        self.unavailable.emit(code, detail)
