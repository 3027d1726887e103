"""File, printer and tender choosers that never block the event loop (and that tests can replace)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


class Dialogs:
    def save_path(self, parent: QWidget, title: str, default_name: str, name_filter: str,
                  on_chosen: Callable[[Path], None]) -> None:  # fmt: skip
        dialog = QFileDialog(parent, title, str(Path.home() / default_name), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
        dialog.open()

    def open_path(self, parent: QWidget, title: str, name_filter: str, on_chosen: Callable[[Path], None]) -> None:
        dialog = QFileDialog(parent, title, str(Path.home()), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
        dialog.open()

    def printer(self, parent: QWidget, on_ready: Callable[[object], None]) -> None:
        """The system print dialog (any printer the OS knows, or "Print to File (PDF)"), window-modal."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_ready(printer))
        # PySide6 binds only QPrintDialog.open(receiver, member); the plain QDialog.open() is the
        # non-blocking, window-modal show we want.
        QDialog.open(dialog)

    def tender(self, parent: QWidget, due_cents: int, on_chosen: Callable[[str, int | None], None]) -> None:
        from .tender_dialog import open_tender

        open_tender(parent, due_cents, on_chosen)
