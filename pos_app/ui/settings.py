"""The window's own preferences (language, camera, auto-lock), in ui_settings.json next to the data."""

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)

FILE = "ui_settings.json"


@dataclass
class UiSettings:
    language: str | None = None  # None: follow the system locale
    camera_id: str | None = None
    idle_lock_seconds: int = 300
    mask_names: bool = True
    scanner_suffix: str = "enter"  # what the store's scanners send after a code: enter | tab | crlf
    scanner_prefix: str = ""  # what they send before it, if they are set up to (stripped from scans)
    printer: dict = field(default_factory=dict)  # printer_device.PrinterChoice: where receipts and cards print

    @staticmethod
    def load(data_dir: Path | None) -> "UiSettings":
        if data_dir is None:
            return UiSettings()
        path = Path(data_dir) / FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return UiSettings()
        except (OSError, ValueError):
            log.warning("ignoring unreadable %s", path)
            return UiSettings()
        known = {f.name for f in fields(UiSettings)}
        return UiSettings(**{k: v for k, v in raw.items() if k in known})

    def save(self, data_dir: Path) -> None:
        path = Path(data_dir) / FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        tmp.replace(path)
