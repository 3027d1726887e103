"""File and printer choosers that never block the event loop (and that tests can replace)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


class Dialogs:
    def save_path(self, parent: QWidget, title: str, default_name: str, name_filter: str,
                  on_chosen: Callable[[Path], None]) -> None:  # fmt: skip
        dialog = QFileDialog(parent, title, str(Path.home() / default_name), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
        dialog.open()

    def printer(self, parent: QWidget, on_ready: Callable[[object], None]) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.accepted.connect(lambda: on_ready(printer))
        dialog.open()
