"""The PC camera as a QR reader: QtMultimedia frames, decoded with pyzbar off the GUI thread.

Every frame (from the camera's video sink, or injected by `feed`) goes the same
way: if the decoder thread is idle it gets the frame, otherwise the frame is
dropped (a camera sends 30 a second; the newest one is what matters). The
decoder converts to grey, tries zbar, and if nothing is found tries again on an
enlarged and a sharpened copy (small or blurred codes). A code seen again within
a few seconds is not reported twice.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import TYPE_CHECKING

from PIL import Image, ImageFilter, ImageOps
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage
from pyzbar import pyzbar

if TYPE_CHECKING:  # QtMultimedia loads only when a camera is started (it is slow to import)
    from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoFrame, QVideoSink
    from PySide6.QtMultimediaWidgets import QVideoWidget

log = logging.getLogger(__name__)

SYMBOLS = [pyzbar.ZBarSymbol.QRCODE, pyzbar.ZBarSymbol.EAN13, pyzbar.ZBarSymbol.CODE128]
_MAX_SIDE = 1600
_SMALL_SIDE = 700
REPEAT_SECONDS = 3.0


def _to_pil(image: QImage) -> Image.Image:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    raw = bytes(gray.constBits())[: stride * h]
    return Image.frombuffer("L", (w, h), raw, "raw", "L", stride, 1).copy()


def _zbar(img: Image.Image) -> list[str]:
    found = pyzbar.decode(img, symbols=SYMBOLS)
    return [r.data.decode("utf-8", errors="replace") for r in found]


def decode_image(image: QImage) -> list[str]:
    """Every code zbar finds in the image ([] if none); tries harder on small or blurred codes."""
    if image.isNull():
        return []
    img = _to_pil(image)
    if max(img.size) > _MAX_SIDE:
        img.thumbnail((_MAX_SIDE, _MAX_SIDE))
    texts = _zbar(img)
    if texts:
        return texts
    if max(img.size) < _SMALL_SIDE:
        img = img.resize((img.width * 2, img.height * 2), Image.Resampling.LANCZOS)
        texts = _zbar(img)
        if texts:
            return texts
    sharp = ImageOps.autocontrast(img.filter(ImageFilter.UnsharpMask(radius=3, percent=250, threshold=2)))
    texts = _zbar(sharp)
    if texts:
        return texts
    mean = sum(i * n for i, n in enumerate(sharp.histogram())) // max(1, sharp.width * sharp.height)
    return _zbar(sharp.point(lambda p: 255 if p > mean else 0))


class FrameDecoder(QObject):
    """Lives on its own thread; one frame at a time."""

    done = Signal(list, float)  # texts found, when the frame arrived (monotonic)

    @Slot(object, float)
    def decode(self, frame: QVideoFrame | QImage, arrived: float) -> None:
        try:
            image = frame if isinstance(frame, QImage) else frame.toImage()
            texts = decode_image(image)
        except Exception:
            log.exception("could not decode a camera frame")
            texts = []
        self.done.emit(texts, arrived)


class CameraScanner(QObject):
    """Owns the camera (when there is one) and the decoder thread."""

    scanned = Signal(str)
    frame_decoded = Signal(float)  # arrival time of a frame whose decode found a new code
    unavailable = Signal(str)  # an error code for errors.message_for ("no_camera", "camera_failed")
    _to_decoder = Signal(object, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("pos-camera-decoder")
        self._decoder = FrameDecoder()
        self._decoder.moveToThread(self._thread)
        self._to_decoder.connect(self._decoder.decode)
        self._decoder.done.connect(self._on_decoded)
        self._thread.start()
        self._busy = False
        self._last_text = ""
        self._last_at = 0.0
        self._camera: QCamera | None = None
        self._session: QMediaCaptureSession | None = None
        self._sink: QVideoSink | None = None
        self.last_error_detail = ""

    # -- cameras ------------------------------------------------------------------------------

    @staticmethod
    def cameras() -> list[tuple[str, str]]:
        """(id, description) of every camera the system offers."""
        from PySide6.QtMultimedia import QMediaDevices

        return [(bytes(d.id().data()).decode(errors="replace"), d.description()) for d in QMediaDevices.videoInputs()]

    @property
    def active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def start(self, camera_id: str | None = None, video_output: QVideoWidget | None = None) -> bool:
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoSink

        devices = QMediaDevices.videoInputs()
        if not devices:
            self.unavailable.emit("no_camera")
            return False
        device = next((d for d in devices if bytes(d.id().data()).decode(errors="replace") == camera_id), None)
        device = device or QMediaDevices.defaultVideoInput() or devices[0]
        self.stop()
        camera, session = QCamera(device, self), QMediaCaptureSession(self)
        camera.errorOccurred.connect(self._on_camera_error)
        session.setCamera(camera)
        if video_output is not None:
            session.setVideoOutput(video_output)
            sink = video_output.videoSink()
        else:
            sink = QVideoSink(self)
            session.setVideoSink(sink)
        sink.videoFrameChanged.connect(self.feed)
        self._camera, self._session, self._sink = camera, session, sink
        camera.start()
        return True

    def stop(self) -> None:
        if self._sink is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._sink.videoFrameChanged.disconnect(self.feed)
        if self._camera is not None:
            self._camera.stop()
            self._camera.deleteLater()
        self._camera = self._session = self._sink = None

    def _on_camera_error(self, _error, text: str) -> None:
        self.last_error_detail = text
        self.unavailable.emit("camera_failed")
        self.stop()

    # -- frames -------------------------------------------------------------------------------

    @Slot(object)
    def feed(self, frame: QVideoFrame | QImage) -> bool:
        """A frame arrived (QVideoFrame or QImage). False if it was dropped (decoder busy)."""
        if self._busy:
            return False
        if not isinstance(frame, QImage) and not frame.isValid():
            return False
        self._busy = True
        self._to_decoder.emit(frame, time.monotonic())
        return True

    @property
    def busy(self) -> bool:
        return self._busy

    def forget_last(self) -> None:
        self._last_text, self._last_at = "", 0.0

    def _on_decoded(self, texts: list, arrived: float) -> None:
        self._busy = False
        now = time.monotonic()
        for text in texts:
            if text == self._last_text and now - self._last_at < REPEAT_SECONDS:
                continue
            self._last_text, self._last_at = text, now
            self.frame_decoded.emit(arrived)
            self.scanned.emit(text)
            return

    def shutdown(self) -> None:
        self.stop()
        self._thread.quit()
        self._thread.wait(3000)
