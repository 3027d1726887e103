"""QR codes drawn as vector squares with QPainter: sharp on screen, in PNG, PDF and print."""

import qrcode
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def matrix(text: str, error_correction=qrcode.constants.ERROR_CORRECT_M) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=error_correction, border=4)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def paint(painter: QPainter, text: str, rect: QRectF) -> None:
    """Draws the code (with its quiet zone) as large as fits in `rect`, centred."""
    modules = matrix(text)
    n = len(modules)
    side = min(rect.width(), rect.height())
    cell = side / n
    left = rect.left() + (rect.width() - side) / 2
    top = rect.top() + (rect.height() - side) / 2
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(QRectF(left, top, side, side), QColor("white"))
    painter.setBrush(QColor("black"))
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            if dark:  # a hair of overlap so no seams show between modules
                painter.drawRect(QRectF(left + x * cell, top + y * cell, cell + 0.02, cell + 0.02))
    painter.restore()


def image(text: str, pixels_per_module: int = 8) -> QImage:
    n = len(matrix(text))
    side = n * pixels_per_module
    img = QImage(side, side, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    paint(painter, text, QRectF(0, 0, side, side))
    painter.end()
    return img
