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

from . import fmt, qrpaint
from .i18n import translate

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
    if not card_image(fields).save(str(path), "PNG"):
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


def _row(label: str, value: str, strong: bool = False) -> str:
    tag = ("<b>", "</b>") if strong else ("", "")
    return (f"<tr><td>{tag[0]}{html.escape(label)}{tag[1]}</td>"
            f"<td align='right'>{tag[0]}{html.escape(value)}{tag[1]}</td></tr>")  # fmt: skip


def receipt_document(session, receipt, member_name: str | None = None) -> QTextDocument:
    """A sale receipt: lines, totals, points earned and redeemed, the new balance, a QR of the receipt no."""
    from .widgets.cart_view import category_name

    doc = QTextDocument()
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("receipt-qr"),
                    qrpaint.image(receipt.receipt_no, 4))  # fmt: skip
    lines = []
    for line in receipt.lines:
        if line["sku"] == "OPEN":
            name = translate("Printing", "Open amount ({category})").format(category=category_name(line["category"]))
        else:
            name = session.product_name(line["sku"])
        lines.append(_row(f"{name} × {fmt.number(line['qty'])}", fmt.money(line["subtotal_cents"])))
    totals = [_row(translate("Printing", "Subtotal"), fmt.money(receipt.subtotal_cents))]
    if receipt.discount_cents:
        totals.append(_row(translate("Printing", "Member discount"), "-" + fmt.money(receipt.discount_cents)))
    if receipt.coupon_cents:
        totals.append(_row(translate("Printing", "Coupon"), "-" + fmt.money(receipt.coupon_cents)))
    if receipt.points_redeemed:
        label = translate("Printing", "Points redeemed: {points}").format(points=fmt.points(receipt.points_redeemed))
        totals.append(_row(label, "-" + fmt.money(receipt.redeem_cents)))
    totals.append(_row(translate("Printing", "Paid"), fmt.money(receipt.paid_cents), strong=True))
    points = [
        _row(translate("Printing", "Points earned"), fmt.points(receipt.points_earned)),
        _row(translate("Printing", "Points redeemed"), fmt.points(receipt.points_redeemed)),
        _row(translate("Printing", "New balance"), fmt.points(receipt.balance_after), strong=True),
        _row(translate("Printing", "Tier"), session.tier_name(receipt.tier_after)),
    ]
    name = member_name if member_name is not None else receipt.member_name
    e = html.escape
    title = translate("Printing", "Receipt")
    where = translate("Printing", "Store {store} · Till {till}").format(
        store=receipt.store_id, till=receipt.terminal_id
    )
    who = translate("Printing", "Member: {name} ({code})").format(name=name, code=receipt.member_code)
    keep = translate("Printing", "Keep this receipt for returns.")
    table = "<table width='100%' cellspacing='0' cellpadding='2'>{}</table>"
    body = (
        f"<div style='font-size:11pt'><h3 align='center'>{e(title)}</h3>"
        f"<p align='center'>{e(receipt.receipt_no)}<br>{e(fmt.date_time(receipt.at))}<br>{e(where)}</p>"
        f"<p>{e(who)}</p>"
        f"{table.format(''.join(lines))}<hr>{table.format(''.join(totals))}<hr>{table.format(''.join(points))}"
        f"<p align='center'><img src='receipt-qr' width='110' height='110'></p>"
        f"<p align='center'>{e(keep)}</p></div>"
    )
    doc.setHtml(body)
    return doc


def return_document(session, ret) -> QTextDocument:
    from .widgets.cart_view import category_name

    rows = []
    for line in ret.lines:
        name = (
            session.product_name(line["sku"])
            if line.get("sku") and line["sku"] != "OPEN"
            else category_name(line.get("category") or "")
        )
        rows.append(_row(f"{name} × {fmt.number(line['qty'])}", fmt.money(line["refund_cents"])))
    figures = [
        _row(translate("Printing", "Refund"), fmt.money(ret.refund_cents), strong=True),
        _row(translate("Printing", "Points taken back"), fmt.points(ret.points_taken_back)),
        _row(translate("Printing", "Points given back"), fmt.points(ret.points_given_back)),
        _row(translate("Printing", "New balance"), fmt.points(ret.balance_after), strong=True),
    ]
    original = ret.receipt_no or translate("Printing", "none (approved by {supervisor})").format(
        supervisor=ret.supervisor_id or ""
    )
    e = html.escape
    title = translate("Printing", "Return")
    source = translate("Printing", "Original receipt: {receipt}").format(receipt=original)
    who = translate("Printing", "Member: {code}").format(code=ret.member_code)
    table = "<table width='100%' cellspacing='0' cellpadding='2'>{}</table>"
    doc = QTextDocument()
    doc.setHtml(
        f"<div style='font-size:11pt'><h3 align='center'>{e(title)}</h3>"
        f"<p align='center'>{e(ret.return_no)}<br>{e(fmt.date_time(ret.at))}</p>"
        f"<p>{e(source)}<br>{e(who)}</p>"
        f"{table.format(''.join(rows))}<hr>{table.format(''.join(figures))}</div>"
    )
    return doc


def save_document_pdf(doc: QTextDocument, path: Path, *, receipt_width_mm: float = 80) -> None:
    """A receipt-roll width PDF (80 mm), as tall as the content."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    doc.setPageSize(QSizeF(receipt_width_mm / 25.4 * 96, 100000))
    doc.setTextWidth(receipt_width_mm / 25.4 * 96)
    height_mm = doc.size().height() / 96 * 25.4 + 10
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(receipt_width_mm, height_mm), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(4, 4, 4, 4),
        )  # fmt: skip
    )
    doc.print_(writer)


def print_document(doc: QTextDocument, printer) -> None:
    doc.print_(printer)
