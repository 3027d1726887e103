"""Benchmark: scan to member panel on the real checkout screen (USB scanner and camera).

    .venv/bin/python bench/ui_scan.py [--data-dir DIR] [--scans 300] [--frames 100] [--warmup 20] [--json] [--small]

The real Shell (window, DB worker, scanner filter, camera decoder thread) on a seeded till
(default bench/data/till-m1000000-l10000000, which must exist: see bench/seed.py). Offscreen Qt.

- Scanner: the card's QR text as fast key events into the focused product field (QTest, through
  QApplication's event filters, so ScannerDetector takes them), then Enter. Clock starts just
  before the Enter is sent.
- Camera: a 1280x720 frame of the member's QR (qrcode + PIL, made beforehand) handed to
  CameraScanner.feed, as the video sink does; pyzbar decodes it on the decoder thread.
  Clock starts just before feed().
- Stop: "filled" when the checkout's SaleModel announces the member and the member panel holds that
  member with the name and balance labels set; "painted" at the paint event of the panel's code label showing that member (the labels are
  painted together, in the same backing-store pass).

Each scan is a different random active member (seed.sample_members). The cashier is put in the
session by the login screen's `logged_in` signal (no PIN check: the seeded till has no cashiers
and is not written to by this benchmark). The noise probe (bench/benchkit.py) is printed at the end.
`--small`: 5 scans, 2 frames, 1 warm-up, on a 300-member till seeded in a temporary directory
unless --data-dir is given (the CI smoke run).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402
import qrcode  # noqa: E402
import seed  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pos_app.__main__ import build, start_demo  # noqa: E402
from pos_app.services.cashiers import Cashier  # noqa: E402
from pos_app.ui.app import Shell  # noqa: E402

DEFAULT_DIR = ROOT / "bench" / "data" / "till-m1000000-l10000000"
TARGET_MS = 100.0
SCANNER_GAP_MS = 1000


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))]


def frame_of(text: str, size=(1280, 720)) -> QImage:
    code = qrcode.make(text, box_size=8, border=4).convert("L")
    scene = Image.new("L", size, 170)
    scene.paste(code, ((size[0] - code.width) // 2, (size[1] - code.height) // 2))
    buf = io.BytesIO()
    scene.convert("RGB").save(buf, "PNG")
    img = QImage()
    img.loadFromData(buf.getvalue())
    return img


def spin_until(app: QApplication, done, timeout: float = 10.0) -> None:
    """Runs the event loop (sleeping while nothing happens) until done() is true."""
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("timed out waiting for the window")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


class PanelWatch(QObject):
    """Notes when the member panel holds `expected`, and when its code label is painted showing it."""

    def __init__(self, checkout) -> None:
        super().__init__()
        self.panel = checkout.member_panel
        self.expected: str | None = None
        self.filled = self.painted = None
        checkout.sale.member_changed.connect(self._changed)  # after the panel's own slot
        self.panel.code_label.installEventFilter(self)

    def arm(self, code: str) -> None:
        self.expected, self.filled, self.painted = code, None, None

    def _changed(self) -> None:
        m, p = self.panel.member, self.panel
        if (self.filled is None and m is not None and m.member_code == self.expected and p.name_label.text()
                and p.balance_value.text()):  # fmt: skip
            self.filled = time.perf_counter()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        # The panel's render can repaint synchronously (QProgressBar.setValue calls repaint()), so the
        # paint may come before our slot runs: it counts once the label shows the expected member.
        if (event.type() == QEvent.Type.Paint and self.painted is None and self.expected
                and obj.text().startswith(self.expected)):  # fmt: skip
            self.painted = time.perf_counter()
        return False


def settle(app, shell, ms: int = 30) -> None:
    spin_until(app, shell.runner.is_idle)
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def measure(app, shell, watch, go, code: str) -> tuple[float, float, float]:
    """(start, filled ms, painted ms) of one scan; `go()` starts it and returns its start time."""
    watch.arm(code)
    t0 = go()
    spin_until(app, lambda: watch.filled is not None, timeout=60)  # a hang guard: a slow scan is a figure
    spin_until(app, lambda: watch.painted is not None, timeout=30)
    return t0, (watch.filled - t0) * 1000, (watch.painted - t0) * 1000


def run(args) -> dict:
    info = seed.seed_info(args.data_dir)
    if info is None:
        raise SystemExit(f"{args.data_dir} is not seeded (no seed.json): run bench/seed.py first")
    picks = seed.sample_members(args.data_dir, args.warmup + args.scans + args.frames, rng_seed=args.rng_seed)
    scan_picks, frame_picks = picks[: args.warmup + args.scans], picks[args.warmup + args.scans :]
    frames = [frame_of(p["qr"]) for p in frame_picks]

    app = QApplication.instance() or QApplication([])
    # The keys come as fast as this process can send them, but on a busy machine two of them may be more than
    # the scanner's 30 ms apart: the scan would turn into typing. The clock starts at the Enter, so a wider gap
    # changes no figure.
    shell = Shell(args.data_dir, language="en", start_sync=False, scanner_gap_ms=SCANNER_GAP_MS, build=build,
                  start_demo=start_demo)
    shell.start()
    spin_until(app, lambda: shell.session.ready, timeout=120)
    shell.window.screen_named("login").logged_in.emit(Cashier("B01", "Bench", "cashier"))
    spin_until(app, lambda: shell.window.current_name() == "checkout")
    checkout = shell.window.screen_named("checkout")
    watch = PanelWatch(checkout)
    settle(app, shell, 200)

    def scanner(text: str):
        field = checkout.entry.code_edit
        field.setFocus()
        QTest.keyClicks(field, text)  # held back by the ScannerDetector
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        return t0

    decoded: list[float] = []
    shell.camera.frame_decoded.connect(lambda _arrived: decoded.append(time.perf_counter()))

    def camera(frame: QImage):
        decoded.clear()
        shell.camera.forget_last()
        spin_until(app, lambda: not shell.camera.busy)
        t0 = time.perf_counter()
        if not shell.camera.feed(frame):
            raise RuntimeError("the camera dropped the frame")
        return t0

    results = {"scanner": {"filled": [], "painted": []}, "camera": {"filled": [], "painted": [], "decode": []}}
    warm = []
    for i, p in enumerate(scan_picks):
        _, filled, painted = measure(app, shell, watch, lambda p=p: scanner(p["qr"]), p["member_code"])
        if i < args.warmup:
            warm.append(filled)
        else:
            results["scanner"]["filled"].append(filled)
            results["scanner"]["painted"].append(painted)
        settle(app, shell)
    for p, frame in zip(frame_picks, frames, strict=True):
        t0, filled, painted = measure(app, shell, watch, lambda f=frame: camera(f), p["member_code"])
        results["camera"]["filled"].append(filled)
        results["camera"]["painted"].append(painted)
        results["camera"]["decode"].append((decoded[0] - t0) * 1000)
        settle(app, shell)

    shell.window._force_close = True
    shell.window.close()
    shell.shutdown()
    figures = {
        f"{src} {what}": {"n": len(v), "median": statistics.median(v), "p99": pct(v, 99), "max": max(v)}
        for src, d in results.items()
        for what, v in d.items()
    }
    return {"data_dir": str(args.data_dir), "members": info["members"], "ledger": info["ledger"],
            "warmup_ms": warm, "figures": figures, "load": os.getloadavg(),
            "noise_probe": benchkit.noise_probe().as_dict()}  # fmt: skip


def table(r: dict) -> str:
    lines = [f"scan -> member panel, {r['members']:,} members / {r['ledger']:,} ledger entries ({r['data_dir']})",
             f"{'path':<34}{'n':>5}{'median ms':>11}{'p99 ms':>9}{'max ms':>9}"]  # fmt: skip
    names = {"scanner filled": "USB scanner Enter -> panel filled", "scanner painted": "USB scanner Enter -> painted",
             "camera filled": "camera frame -> panel filled", "camera painted": "camera frame -> painted",
             "camera decode": "  of which: frame -> decoded"}  # fmt: skip
    for key, label in names.items():
        f = r["figures"][key]
        lines.append(f"{label:<34}{f['n']:>5}{f['median']:>11.1f}{f['p99']:>9.1f}{f['max']:>9.1f}")
    w = r["warmup_ms"]
    if w:
        lines.append(f"warm-up scans (not counted): first {w[0]:.1f} ms, median {statistics.median(w):.1f} ms")
    for src in ("scanner", "camera"):
        med = r["figures"][f"{src} painted"]["median"]
        lines.append(f"{src}: median {med:.1f} ms to painted, target <= {TARGET_MS:.0f} ms: "
                     + ("met" if med <= TARGET_MS else "NOT met"))  # fmt: skip
    lines.append("load average at the end: " + " / ".join(f"{x:.2f}" for x in r["load"]))
    lines.append(benchkit.noise_line(benchkit.NoiseProbe(tuple(r["noise_probe"]["runs_ms"]))))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", type=Path, help=f"a seeded till (default {DEFAULT_DIR.relative_to(ROOT)})")
    p.add_argument("--scans", type=int, default=300)
    p.add_argument("--frames", type=int, default=100)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--rng-seed", type=int, default=11)
    p.add_argument("--json", action="store_true")
    args = benchkit.parse_args(p, argv, scans=5, frames=2, warmup=1)
    if args.data_dir is None and args.small:
        with benchkit.tiny_till() as till:
            args.data_dir = till
            result = run(args)
    else:
        args.data_dir = args.data_dir or DEFAULT_DIR
        result = run(args)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
