"""Benchmark: rendering one sale receipt, off the GUI thread, as the till's print worker does it.

    .venv/bin/python bench/receipt_render.py [--runs 50] [--lines 12] [--json] [--small]

A receipt of `--lines` product lines, member discount, coupon, points, cash tender and change, laid
out in Traditional and Simplified Chinese (receipt_layout.Paper), then rendered on a plain worker
thread (not the GUI thread):
  escpos-big5 / escpos-gb18030  the ESC/POS bytes for an 80 mm printer (escpos Dummy, no I/O)
  escpos-raster                 the same with every Chinese line as a raster image
  pdf-80 / pdf-58               QTextDocument -> one roll-wide page through QPdfWriter (to a temp file)
Prints the median and p95 per kind in ms; the target is <= 200 ms each (a missed target is a
figure, not a failure: the exit code is 0 whenever the bench ran), and the noise probe
(bench/benchkit.py). Offscreen Qt. `--small`: 3 runs each (the CI smoke run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402  (first: puts this checkout ahead of any installed copy on sys.path)

TARGET_MS = 200.0


def _paper(language: str, lines: int):
    from pos_app.ui import receipt_layout
    from pos_app.ui.receipt_layout import Paper, Row

    names = {"zh_TW": ("凍頂烏龍茶 500g", "陶瓷茶杯", "現金", "找零"), "zh_CN": ("冻顶乌龙茶 500g", "陶瓷茶杯", "现金", "找零")}
    tea, cup, cash, change = names[language]
    items = tuple(Row(f"{tea if i % 2 else cup} × {i % 3 + 1}", f"{150 * (i % 3 + 1):,}.00") for i in range(lines))
    store = receipt_layout.StoreHeader("茶坊 信義店", "台北市信義區信義路五段100號")
    return Paper(
        title="收據" if language == "zh_TW" else "收据",
        header=(*store.texts(), "收銀機 T01 · 收銀員 1001", "2026/11/24 上午10:00"),
        number="R-S001-T01-000123",
        blocks=((Row("會員：王*明 (M123456789)"),), items,
                (Row("小計", "2,400.00"), Row("會員折扣", "-48.00"), Row("優惠券", "-100.00"),
                 Row("點數折抵：2,000", "-20.00"), Row("實付", "2,232.00", True)),
                (Row("付款方式", cash), Row("收款", "2,500.00"), Row(change, "268.00", True)),
                (Row("本次累積點數", "2,232"), Row("新餘額", "12,345", True), Row("30 天內到期", "500"))),
        footer=("退貨請保留收據。",),
        code="R-S001-T01-000123",
        big=Row(change, "268.00", True),
    )  # fmt: skip


def _kinds(tmp: Path, lines: int) -> dict:
    from pos_app.ui import escpos_receipt, printing

    tw, cn = _paper("zh_TW", lines), _paper("zh_CN", lines)
    return {
        "escpos-big5": lambda: escpos_receipt.paper_bytes(tw, 80, "big5", drawer=True),
        "escpos-gb18030": lambda: escpos_receipt.paper_bytes(cn, 80, "gb18030"),
        "escpos-raster": lambda: escpos_receipt.paper_bytes(tw, 80, "raster"),
        "pdf-80": lambda: printing.save_document_pdf(printing.paper_document(tw, 80), tmp / "r80.pdf", receipt_width_mm=80),
        "pdf-58": lambda: printing.save_document_pdf(printing.paper_document(cn, 58), tmp / "r58.pdf", receipt_width_mm=58),
    }


def run(runs: int, lines: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.qtfix import install

    install()  # as the Shell does: PySide6 6.12 on Python 3.11 drops references to None
    app = QApplication.instance() or QApplication([])  # noqa: F841 (fonts and QPdfWriter need it)
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:

        def worker() -> None:  # off the GUI thread, like the print worker
            for name, fn in _kinds(Path(tmp), lines).items():
                fn()  # warm: fonts and code tables loaded once
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    fn()
                    times.append((time.perf_counter() - started) * 1000)
                results[name] = times

        thread = threading.Thread(target=worker, name="print-bench")
        thread.start()
        while thread.is_alive():
            app.processEvents()
            thread.join(0.01)
    return {
        name: {"median_ms": round(statistics.median(t), 2), "p95_ms": round(sorted(t)[int(len(t) * 0.95) - 1], 2),
               "target_ms": TARGET_MS, "ok": statistics.median(t) <= TARGET_MS}
        for name, t in results.items()
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--lines", type=int, default=12)
    parser.add_argument("--json", action="store_true")
    args = benchkit.parse_args(parser, None, runs=3)
    figures = run(args.runs, args.lines)
    probe = benchkit.noise_probe()
    if args.json:
        print(json.dumps({"at": dt.datetime.now(dt.UTC).isoformat(), "runs": args.runs, "lines": args.lines,
                          "results": figures, "noise_probe": probe.as_dict()}, indent=2))  # fmt: skip
    else:
        print(f"receipt rendering, {args.lines} lines, {args.runs} runs each, off the GUI thread")
        for name, f in figures.items():
            mark = "ok" if f["ok"] else "OVER"
            print(f"  {name:15s} median {f['median_ms']:7.2f} ms   p95 {f['p95_ms']:7.2f} ms   ({mark}, target {TARGET_MS:.0f})")
        print(benchkit.noise_line(probe))
    sys.stdout.flush()
    os._exit(0)  # skip Qt's teardown at exit


if __name__ == "__main__":
    main()
