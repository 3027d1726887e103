"""A receipt (receipt_layout.Paper) or a member card as ESC/POS bytes for a 58 or 80 mm thermal printer.

Rendering writes into `escpos.printer.Dummy` (no I/O, so it is fast and testable); the bytes are
then sent to the real device in one go (printer_device.send).

Chinese text: thermal printers sold in Taiwan carry a Big5 font, those sold in mainland China a
GB18030 one, both entered with the standard Chinese-character mode (FS &, left with FS .). A line
the printer's code page cannot encode (简体 on a Big5 printer, Chinese on a Latin-only printer,
or every Chinese line when the code page is set to "raster") is printed as a raster image.
"""

from __future__ import annotations

import copy
import unicodedata

from escpos.printer import Dummy
from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from .receipt_layout import Paper, Row

ROLL_DOTS = {58: 384, 80: 576}  # printable width at 203 dpi
ROLL_CHARS = {58: 32, 80: 48}  # font A (12 x 24 dots)
CODE_PAGES = ("auto", "big5", "gb18030", "raster")
_ENCODINGS = {"big5": "big5", "gb18030": "gb18030"}
_BY_LANGUAGE = {"zh_TW": "big5", "zh_CN": "gb18030"}

INIT = b"\x1b@"  # ESC @: reset the printer's modes
CHINESE_ON = b"\x1c&"  # FS &: double-byte (Big5 / GB18030) character mode
CHINESE_OFF = b"\x1c."  # FS .: back to single-byte characters
ALIGN = {"left": b"\x1ba\x00", "center": b"\x1ba\x01", "right": b"\x1ba\x02"}
BOLD = (b"\x1bE\x00", b"\x1bE\x01")
SIZE = (b"\x1d!\x00", b"\x1d!\x11")  # GS !: normal, double width and height


def roll_device(paper_mm: int) -> Dummy:
    """A byte collector that knows the roll's width in dots (python-escpos asks for it before images)."""
    device = Dummy()
    device.profile.profile_data = copy.deepcopy(device.profile.profile_data)  # the profile object is shared
    device.profile.profile_data["media"]["width"]["pixels"] = ROLL_DOTS[paper_mm]
    return device


def code_page_for(setting: str, language: str) -> str:
    """'auto' follows the receipt's language (繁中 Big5, 简中 GB18030; English: images for any Chinese)."""
    if setting in _ENCODINGS or setting == "raster":
        return setting
    return _BY_LANGUAGE.get(language, "raster")


def width_of(text: str) -> int:
    """Columns on the printer: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut_to(text: str, columns: int) -> tuple[str, str]:
    used = 0
    for i, ch in enumerate(text):
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > columns:
            return text[:i], text[i:]
        used += w
    return text, ""


def wrap(text: str, columns: int) -> list[str]:
    lines, rest = [], text
    while width_of(rest) > columns:
        head, rest = _cut_to(rest, columns)
        lines.append(head)
    return [*lines, rest]


class EscposWriter:
    def __init__(self, device, paper_mm: int, code_page: str) -> None:
        if paper_mm not in ROLL_DOTS:
            raise ValueError(f"paper width {paper_mm} mm: 58 or 80")
        self.device = device
        self.dots = ROLL_DOTS[paper_mm]
        self.columns = ROLL_CHARS[paper_mm]
        self.encoding = _ENCODINGS.get(code_page)
        device._raw(INIT)

    def text(self, text: str, *, align: str = "left", bold: bool = False, big: bool = False) -> None:
        """One printed line (already fits); text the code page cannot take is drawn as an image."""
        raw = self._encode(text)
        if raw is None:
            self.device._raw(ALIGN["left"])
            self.device.image(text_image(text, self.dots, align=align, bold=bold, big=big))
            return
        self.device._raw(ALIGN[align] + BOLD[bold] + SIZE[big] + raw + b"\n" + SIZE[0] + BOLD[0] + ALIGN["left"])

    def _encode(self, text: str) -> bytes | None:
        if text.isascii():
            return text.encode("ascii")
        if self.encoding is None:
            return None
        try:
            return CHINESE_ON + text.encode(self.encoding) + CHINESE_OFF
        except UnicodeEncodeError:
            return None

    def centred(self, text: str, **style) -> None:
        for part in wrap(text, self.columns // (2 if style.get("big") else 1)):
            self.text(part, align="center", **style)

    def row(self, row: Row) -> None:
        if not row.value:
            for part in wrap(row.label, self.columns):
                self.text(part, bold=row.strong)
            return
        room = self.columns - width_of(row.value) - 1
        label = wrap(row.label, max(8, room))
        for part in label[:-1]:
            self.text(part, bold=row.strong)
        last = label[-1]
        if width_of(last) > room:
            self.text(last, bold=row.strong)
            last = ""
        gap = self.columns - width_of(last) - width_of(row.value)
        self.text(last + " " * gap + row.value, bold=row.strong)

    def rule(self) -> None:
        self.text("-" * self.columns)

    def qr(self, content: str) -> None:
        self.device._raw(ALIGN["center"])
        self.device.qr(content, native=True, size=6 if self.dots >= 576 else 5)
        self.device._raw(ALIGN["left"])

    def finish(self, *, cut: bool = True, drawer: bool = False) -> None:
        if drawer:
            self.device.cashdraw(2)  # ESC p 0: the drawer on pin 2
        if cut:
            self.device.cut()  # feeds past the tear bar, then GS V


def write_paper(paper: Paper, device, paper_mm: int, code_page: str, *, drawer: bool = False) -> None:
    w = EscposWriter(device, paper_mm, code_page)
    w.centred(paper.title, bold=True, big=True)
    for line in paper.header:
        w.centred(line)
    w.text(paper.number, align="center", bold=True)  # never wrapped: receipt numbers fit any roll
    for block in paper.blocks:
        if block:
            w.rule()
            for row in block:
                w.row(row)
    if paper.big is not None:
        w.rule()
        w.centred(f"{paper.big.label} {paper.big.value}", bold=True, big=True)
    if paper.code:
        w.qr(paper.code)
    for line in paper.footer:
        w.centred(line)
    w.finish(drawer=drawer)


def paper_bytes(paper: Paper, paper_mm: int, code_page: str, *, drawer: bool = False) -> bytes:
    device = roll_device(paper_mm)
    write_paper(paper, device, paper_mm, code_page, drawer=drawer)
    return device.output


def card_bytes(card: QImage, paper_mm: int) -> bytes:
    """The member card (printing.card_image) as a raster image across the roll, then a cut."""
    device = roll_device(paper_mm)
    device._raw(INIT)
    dots = ROLL_DOTS[paper_mm]
    scaled = card.scaledToWidth(dots, Qt.TransformationMode.SmoothTransformation)
    device.image(to_pil(scaled))
    device.cut()
    return device.output


def text_image(text: str, dots: int, *, align: str = "left", bold: bool = False, big: bool = False) -> Image.Image:
    """A line of text drawn by Qt (any script the fonts have) as a black-on-white image `dots` wide."""
    pixels = 44 if big else 22
    font = QFont()
    font.setFamilies(["Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans", "sans-serif"])
    font.setPixelSize(pixels)
    font.setBold(bold)
    img = QImage(dots, pixels + 6, QImage.Format.Format_Grayscale8)
    img.fill(QColor("white"))
    painter = QPainter(img)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    flags = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
             "right": Qt.AlignmentFlag.AlignRight}[align]  # fmt: skip
    painter.drawText(QRectF(0, 0, dots, pixels + 6), flags | Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return to_pil(img)


def to_pil(img: QImage) -> Image.Image:
    gray = img.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    return Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1).copy()
