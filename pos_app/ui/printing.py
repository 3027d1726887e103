"""Paper and files: the member card (screen, PNG, PDF, printer) and the sale / return receipts.

Everything is painted with QPainter or laid out as a QTextDocument, so the same
code draws on the screen, into an image, into a PDF (QPdfWriter) and on a
printer (QtPrintSupport).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from . import qrpaint
from .i18n import translate
from .receipt_layout import Paper, Row

CARD_MM = QSizeF(85.6, 53.98)  # ID-1, a bank card
CARD_PX = (1011, 638)  # at 300 dpi


# -- the member card --------------------------------------------------------------------------


def paint_card(painter: QPainter, rect: QRectF, *, name: str, member_code: str, tier: str, store: str,
               payload: str) -> None:  # fmt: skip
    """The card, scaled to `rect` (any size, same proportions as a bank card)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = rect.height() / 100  # everything in hundredths of the card's height
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#fdfaf3"))
    painter.drawRoundedRect(rect, 4 * unit, 4 * unit)
    painter.setBrush(QColor("#9c2f2f"))
    painter.drawRect(QRectF(rect.left(), rect.top(), rect.width(), 18 * unit))
    qr_side = 74 * unit
    qr_rect = QRectF(rect.right() - qr_side - 5 * unit, rect.top() + 22 * unit, qr_side, qr_side)
    qrpaint.paint(painter, payload, qr_rect)
    text_left = rect.left() + 6 * unit
    text_width = qr_rect.left() - text_left - 3 * unit

    def text(y: float, size: float, value: str, color: str = "#222222", bold: bool = False, lines: int = 1) -> None:
        """One line shrunk until it fits (a long name must not run under the QR), or up to `lines` wrapped."""
        font = QFont()
        font.setBold(bold)
        pixels = max(1, int(size * unit))
        font.setPixelSize(pixels)
        while lines == 1 and pixels > 6 and QFontMetricsF(font).horizontalAdvance(value) > text_width:
            pixels -= 1
            font.setPixelSize(pixels)
        painter.setFont(font)
        painter.setPen(QColor(color))
        flags = Qt.AlignmentFlag.AlignLeft | (Qt.AlignmentFlag.AlignTop if lines > 1 else Qt.AlignmentFlag.AlignVCenter)
        if lines > 1:
            flags |= Qt.TextFlag.TextWordWrap
        painter.drawText(QRectF(text_left, rect.top() + y * unit, text_width, size * unit * 1.5 * lines), flags, value)

    text(2, 10, translate("Printing", "Member card") + f" · {store}", "#ffffff", bold=True)
    text(28, 12, name, bold=True)
    text(48, 8, tier, "#9c2f2f", bold=True)
    text(62, 8, member_code, "#444444")
    text(78, 5.5, translate("Printing", "Show this code at the till to collect points."), "#666666", lines=2)
    painter.restore()


def card_fields(session, member) -> dict:
    return {
        "name": member.name,
        "member_code": member.member_code,
        "tier": session.tier_name(member.tier, member.tier_names),
        "store": session.config.store_id if session.ready else "",
        "payload": member.qr_payload,
    }


def card_image(fields: dict, size: tuple[int, int] = CARD_PX) -> QImage:
    img = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    img.fill(QColor(0, 0, 0, 0))
    painter = QPainter(img)
    paint_card(painter, QRectF(0, 0, size[0], size[1]), **fields)
    painter.end()
    return img


def save_card_png(fields: dict, path: Path) -> None:
    # the stubs ask for bytes; this PySide6 refuses them at run time and takes str
    if not card_image(fields).save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")


def _card_pdf(fields: dict, writer) -> None:
    writer.setPageLayout(QPageLayout(QPageSize(CARD_MM, QPageSize.Unit.Millimeter), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))  # fmt: skip
    painter = QPainter(writer)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    paint_card(painter, QRectF(page), **fields)
    painter.end()


def save_card_pdf(fields: dict, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(translate("Printing", "Member card"))
    _card_pdf(fields, writer)


def print_card(fields: dict, printer) -> None:
    painter = QPainter(printer)
    page = printer.pageLayout().paintRectPixels(printer.resolution())
    width = min(page.width(), page.height() * CARD_MM.width() / CARD_MM.height())
    height = width * CARD_MM.height() / CARD_MM.width()
    paint_card(painter, QRectF(page.left(), page.top(), width, height), **fields)
    painter.end()


# -- receipts ---------------------------------------------------------------------------------

_LAYOUT_DPI = 96  # a document is laid out in these pixels, then scaled to the device's resolution
ROLL_MARGIN_MM = 3.0


def _row(row: Row) -> str:
    tag = ("<b>", "</b>") if row.strong else ("", "")
    label = f"{tag[0]}{html.escape(row.label)}{tag[1]}"
    if not row.value:
        return f"<tr><td colspan='2'>{label}</td></tr>"
    return f"<tr><td>{label}</td><td align='right' style='white-space:nowrap'>{tag[0]}{html.escape(row.value)}{tag[1]}</td></tr>"


def paper_document(paper: Paper, width_mm: float = 80) -> QTextDocument:
    """The receipt as a rich-text document, laid out for a roll `width_mm` wide (58 or 80)."""
    e = html.escape
    small = width_mm < 70
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = QFont()
    font.setPointSizeF(8 if small else 9.5)
    doc.setDefaultFont(font)
    table = "<table width='100%' cellspacing='0' cellpadding='1'>{}</table>"
    parts = [f"<h3 align='center'>{e(paper.title)}</h3>",
             "<p align='center'>" + "<br>".join(e(t) for t in paper.header) + "</p>",
             f"<p align='center' style='white-space:nowrap'><b>{e(paper.number)}</b></p>"]  # fmt: skip
    parts.append("<hr>".join(table.format("".join(_row(r) for r in block)) for block in paper.blocks if block))
    if paper.big is not None:
        parts.append(f"<p align='center' style='font-size:{14 if small else 18}pt'><b>{e(paper.big.label)}"
                     f" {e(paper.big.value)}</b></p>")  # fmt: skip
    if paper.code:
        side = 96 if small else 120
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("receipt-qr"), qrpaint.image(paper.code, 4))
        parts.append(f"<p align='center'><img src='receipt-qr' width='{side}' height='{side}'></p>")
    parts.extend(f"<p align='center'>{e(t)}</p>" for t in paper.footer)
    doc.setHtml("".join(parts))
    layout_width(doc, width_mm)
    return doc


def layout_width(doc: QTextDocument, width_mm: float) -> float:
    """Lays `doc` out `width_mm` wide (less the margins); returns the page height in mm it needs."""
    doc.setDocumentMargin(0)
    doc.setTextWidth((width_mm - 2 * ROLL_MARGIN_MM) / 25.4 * _LAYOUT_DPI)
    return doc.size().height() / _LAYOUT_DPI * 25.4 + 2 * ROLL_MARGIN_MM


def paint_one_page(doc: QTextDocument, device, width_mm: float) -> None:
    """ONE page exactly as tall as the content (no page breaks, no page numbers), on a QPdfWriter or QPrinter.

    A printer that cannot take a custom paper size (an office laser) keeps its own; the receipt is then
    drawn at the top of its page, still roll-wide.
    """
    height_mm = layout_width(doc, width_mm)
    size = QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "receipt",
                     QPageSize.SizeMatchPolicy.ExactMatch)  # fmt: skip
    device.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer could not start a page")
    try:
        scale = device.resolution() / _LAYOUT_DPI
        painter.scale(scale, scale)
        margin = ROLL_MARGIN_MM / 25.4 * _LAYOUT_DPI
        painter.translate(margin, margin)
        doc.drawContents(painter)
    finally:
        painter.end()


def save_document_pdf(doc: QTextDocument, path: Path, *, receipt_width_mm: float = 80) -> None:
    """A PDF of one page, `receipt_width_mm` wide and as tall as the content."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setCreator("store-loyalty-pos")
    paint_one_page(doc, writer, receipt_width_mm)
    if not Path(path).exists():
        raise OSError(f"could not write {path}")


def print_document(doc: QTextDocument, printer, width_mm: float = 80) -> None:
    paint_one_page(doc, printer, width_mm)
