"""Which printer this till prints on (Settings), and sending ESC/POS bytes to it.

    system    any printer the OS knows, through Qt print support (a name, or ask with the print dialog)
    usb       an ESC/POS printer on USB, "VID:PID" in hex (04b8:0202)
    network   an ESC/POS printer on the LAN, "host" or "host:port" (port 9100 by default)
    serial    an ESC/POS printer on a serial port, "/dev/ttyUSB0" (9600 baud unless "…@19200")

Every failure becomes a PrinterError with a code the window translates (printer_missing,
printer_offline, printer_no_paper, printer_failed); the sale it prints is confirmed already.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, fields

from loyalty_core.errors import DomainError

from .escpos_receipt import CODE_PAGES, ROLL_DOTS

log = logging.getLogger(__name__)

KINDS = ("system", "usb", "network", "serial")
_USB = re.compile(r"^\s*([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\s*$")
_HOST = re.compile(r"^\s*([A-Za-z0-9.\-]{1,253}|\[[0-9A-Fa-f:]{2,45}\])(?::([0-9]{1,5}))?\s*$")
_SERIAL = re.compile(r"^\s*(/dev/[A-Za-z0-9_./\-]{1,60}|COM[0-9]{1,3})(?:@([0-9]{3,6}))?\s*$")
NETWORK_TIMEOUT_S = 4.0


class PrinterError(DomainError):
    """The printer could not print; nothing about the sale changes."""


@dataclass
class PrinterChoice:
    kind: str = "system"
    system_name: str = ""  # "" = ask with the print dialog each time
    address: str = ""  # usb "VID:PID", network "host[:port]", serial "/dev/ttyUSB0[@baud]"
    paper_mm: int = 80
    code_page: str = "auto"  # auto (by the receipt's language), big5, gb18030, raster
    cash_drawer: bool = False  # kick the drawer (ESC/POS printers) after a cash sale
    store_name: str = ""  # the receipt's letterhead; empty: the store id
    store_address: str = ""

    @staticmethod
    def from_dict(raw: object) -> PrinterChoice:
        """Whatever ui_settings.json holds, as a choice that makes sense (anything odd: the default)."""
        base = PrinterChoice()
        if not isinstance(raw, dict):
            return base
        types = {f.name: type(getattr(base, f.name)) for f in fields(PrinterChoice)}
        values = {k: v for k, v in raw.items() if k in types and type(v) is types[k]}
        choice = PrinterChoice(**values)
        if choice.kind not in KINDS:
            choice.kind = "system"
        if choice.paper_mm not in ROLL_DOTS:
            choice.paper_mm = 80
        if choice.code_page not in CODE_PAGES:
            choice.code_page = "auto"
        choice.store_name, choice.store_address = choice.store_name[:60], choice.store_address[:200]
        return choice

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def escpos(self) -> bool:
        return self.kind in ("usb", "network", "serial")


def check_address(kind: str, address: str) -> str:
    """The address for `kind`, or a DomainError naming what is wrong with it."""
    pattern = {"usb": _USB, "network": _HOST, "serial": _SERIAL}.get(kind)
    if pattern is None:
        return ""
    match = pattern.match(address or "")
    if not match:
        raise DomainError(f"invalid_printer_{kind}", f"Not a {kind} printer address: {str(address)[:60]!r}",
                          value=str(address)[:60])  # fmt: skip
    if kind == "network" and match.group(2) and not 0 < int(match.group(2)) < 65536:
        raise DomainError("invalid_printer_network", "Port out of range", value=str(address)[:60])
    return address.strip()


def _groups(pattern: re.Pattern[str], address: str) -> tuple[str, ...]:
    match = pattern.match(address)
    assert match is not None, "check_address accepted this address"
    return match.groups()


def open_device(choice: PrinterChoice):
    """The python-escpos printer for `choice`, connected (raises PrinterError)."""
    from escpos import printer as escpos_printer
    from escpos.exceptions import DeviceNotFoundError, USBNotFoundError

    address = check_address(choice.kind, choice.address)
    try:
        if choice.kind == "usb":
            vid, pid = _groups(_USB, address)
            device = escpos_printer.Usb(int(vid, 16), int(pid, 16))
        elif choice.kind == "network":
            host, port = _groups(_HOST, address)
            device = escpos_printer.Network(host.strip("[]"), int(port or 9100), timeout=NETWORK_TIMEOUT_S)
        elif choice.kind == "serial":
            dev, baud = _groups(_SERIAL, address)
            device = escpos_printer.Serial(dev, baudrate=int(baud or 9600), timeout=1)
        else:
            raise ValueError(choice.kind)
        device.open()
    except (DeviceNotFoundError, USBNotFoundError, OSError) as exc:
        raise PrinterError("printer_missing", "The printer was not found", detail=_detail(exc)) from None
    except Exception as exc:  # the USB / serial back ends raise their own kinds
        raise PrinterError("printer_missing", "The printer was not found", detail=_detail(exc)) from None
    return device


def _detail(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:120]


def _check_paper(device) -> None:
    """Asks the printer for its paper sensor (DLE EOT 4); a printer that does not answer is given the benefit."""
    try:
        status = device.paper_status()
    except Exception:  # no answer (a one-way printer, a timeout, a USB back end's own error): print anyway
        return
    if status == 0:
        raise PrinterError("printer_no_paper", "The printer is out of paper")


def send(choice: PrinterChoice, data: bytes) -> None:
    """Sends one rendered receipt (or card) to the ESC/POS printer in `choice`."""
    device = open_device(choice)
    try:
        _check_paper(device)
        device._raw(data)
    except PrinterError:
        raise
    except Exception as exc:
        raise PrinterError("printer_offline", "The printer stopped answering", detail=_detail(exc)) from None
    finally:
        try:
            device.close()
        except Exception:
            log.debug("closing the printer failed", exc_info=True)
