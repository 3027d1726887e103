"""Printing a receipt or a member card where Settings say: a system printer (Qt print support)
or an ESC/POS thermal printer, always on the print worker (never the GUI thread, never the
database worker: a printer that times out must not hold up the next sale)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from . import escpos_receipt, printer_device, printing
from .ops import Op
from .printer_device import PrinterChoice, PrinterError
from .receipt_layout import Paper, StoreHeader

Done = Callable[[object], None]
Failed = Callable[[BaseException], None]


class ReceiptPrinter:
    def __init__(self, session, on_started: Callable[[], None] | None = None) -> None:
        self.session = session
        self.on_started = on_started  # a job goes to the print worker (after the print dialog, if one is asked)

    def choice(self) -> PrinterChoice:
        return PrinterChoice.from_dict(self.session.settings.printer)

    def store_header(self) -> StoreHeader:
        choice = self.choice()
        name = choice.store_name or (self.session.config.store_id if self.session.ready else "")
        return StoreHeader(name, choice.store_address)

    # -- what to print ------------------------------------------------------------------------

    def print_paper(self, paper: Paper, parent: QWidget, on_done: Done, on_failed: Failed, *,
                    cash: bool = False) -> None:  # fmt: skip
        """`cash`: a cash sale, so the drawer opens too if Settings say so (ESC/POS printers only)."""
        choice = self.choice()
        if choice.escpos:
            code_page = escpos_receipt.code_page_for(choice.code_page, self.session.language)
            drawer = cash and choice.cash_drawer

            def work() -> None:
                printer_device.send(choice, escpos_receipt.paper_bytes(paper, choice.paper_mm, code_page, drawer=drawer))

            self._submit(work, parent, on_done, on_failed)
            return
        width = choice.paper_mm
        self._system(lambda printer: printing.print_document(printing.paper_document(paper, width), printer, width),
                     parent, on_done, on_failed)  # fmt: skip

    def print_card(self, fields: dict, parent: QWidget, on_done: Done, on_failed: Failed) -> None:
        choice = self.choice()
        if choice.escpos:
            def work() -> None:
                printer_device.send(choice, escpos_receipt.card_bytes(printing.card_image(fields), choice.paper_mm))

            self._submit(work, parent, on_done, on_failed)
            return
        self._system(lambda printer: printing.print_card(fields, printer), parent, on_done, on_failed)

    def save_pdf(self, paper: Paper, path, parent: QWidget, on_done: Done, on_failed: Failed) -> None:
        width = self.choice().paper_mm
        self._submit(lambda: printing.save_document_pdf(printing.paper_document(paper, width), path,
                                                        receipt_width_mm=width), parent, on_done, on_failed)  # fmt: skip

    # -- where --------------------------------------------------------------------------------

    def _system(self, draw: Callable[[object], None], parent: QWidget, on_done: Done, on_failed: Failed) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        name = self.choice().system_name
        if not name:  # ask: the system print dialog
            self.session.dialogs.printer(parent, lambda printer: self._submit(lambda: _draw_on(draw, printer), parent,
                                                                               on_done, on_failed))  # fmt: skip
            return
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            on_failed(PrinterError("printer_missing", "The printer was not found", detail=name[:60]))
            return
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        self._submit(lambda: _draw_on(draw, printer), parent, on_done, on_failed)

    def _submit(self, work: Callable[[], None], parent: QWidget, on_done: Done, on_failed: Failed) -> None:
        if self.on_started is not None:
            self.on_started()
        self.session.print_runner.submit(Op(work, parent=parent).success(on_done).failure(on_failed))


def _draw_on(draw: Callable[[object], None], printer) -> None:
    from PySide6.QtPrintSupport import QPrinter

    try:
        draw(printer)
    except OSError as exc:
        raise PrinterError("printer_failed", "The printer could not print", detail=str(exc)[:120]) from None
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise PrinterError("printer_offline", "The printer stopped answering", detail=printer.printerName()[:60])
