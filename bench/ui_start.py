"""Benchmark: cold start of the till to its login window, in a fresh Python process each time.

    .venv/bin/python bench/ui_start.py [--data-dir DIR] [--runs 10] [--warm-runs 1] [--json] [--small]

The parent spawns `python bench/ui_start.py --child DIR`, which runs the real entry point
(`pos_app.__main__.main(["--data-dir", DIR])`: run_app -> Shell -> window.show -> login screen,
the store opened on the DB worker). The child only adds an application event filter, installed on
a QApplication it makes first (run_app uses the existing one), and prints CLOCK_MONOTONIC
timestamps: when its first Python line ran, when the login screen got its first paint event
("shown"), and when the Shell's `ready` signal came (store open, login possible); then it quits.
Times are from just before the parent's Popen. Offscreen Qt (QT_QPA_PLATFORM=offscreen); the
OS file cache is warm (the files were read by earlier runs), as on a PC that has run the till before.
The noise probe (bench/benchkit.py) is printed at the end. `--small`: 1 run and no warm-up run, on a 300-member till
seeded in a temporary directory unless --data-dir is given (the CI smoke run).
"""

from __future__ import annotations

import time

T_PYTHON = time.monotonic()  # noqa: E402 (the child's first line of Python)

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / "bench" / "data" / "till-m1000000-l10000000"
TARGET_S = 1.5


def kit():
    """bench/benchkit.py, imported by the parent only (the child's imports are part of what is timed)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    import benchkit

    return benchkit


def child(data_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    def mark(name: str) -> None:
        print(f"{name} {time.monotonic():.6f}", flush=True)

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
            if not self.done and event.type() == QEvent.Type.Paint and type(obj).__name__ == "LoginScreen":
                self.done = True
                mark("shown")
            return False

    qt_app = QApplication(sys.argv[:1])
    watcher = FirstPaint()
    qt_app.installEventFilter(watcher)

    from pos_app import __main__ as entry
    from pos_app.ui import app as ui_app

    start = ui_app.Shell.start

    def start_and_watch(shell) -> None:  # instrumentation only: the real start, then listen for `ready`
        shell.ready.connect(lambda: (mark("ready"), QTimer.singleShot(0, qt_app.quit)))
        start(shell)

    ui_app.Shell.start = start_and_watch
    print(f"python {T_PYTHON:.6f}", flush=True)
    mark("imported")  # Qt and the till's UI modules imported, QApplication made
    return entry.main(["--data-dir", str(data_dir)])


def one_run(data_dir: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, __file__, "--child", str(data_dir)], capture_output=True, text=True,
                          env=env, timeout=120)  # fmt: skip
    marks = dict(line.split() for line in proc.stdout.splitlines() if line.count(" ") == 1)
    if proc.returncode != 0 or "shown" not in marks:
        raise RuntimeError(f"child failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out = {k: (float(v) - t0) * 1000 for k, v in marks.items()}
    out["exit"] = (time.monotonic() - t0) * 1000
    return out


def run(args) -> dict:
    if not (Path(args.data_dir) / "config.json").exists():
        raise SystemExit(f"{args.data_dir} is not an initialized till")
    for _ in range(args.warm_runs):  # not counted: fills the OS file cache, compiles nothing new
        one_run(args.data_dir)
    runs = [one_run(args.data_dir) for _ in range(args.runs)]
    figures = {k: {"median": statistics.median(r[k] for r in runs), "min": min(r[k] for r in runs),
                   "max": max(r[k] for r in runs)} for k in ("python", "imported", "shown", "ready", "exit")}  # fmt: skip
    return {"data_dir": str(args.data_dir), "runs": runs, "figures": figures, "load": os.getloadavg(),
            "noise_probe": kit().noise_probe().as_dict()}  # fmt: skip


def table(r: dict) -> str:
    lines = [f"cold start to the login window, {len(r['runs'])} fresh processes ({r['data_dir']}), offscreen Qt",
             f"{'from spawn to':<46}{'median ms':>10}{'min ms':>9}{'max ms':>9}"]  # fmt: skip
    labels = {"python": "child's first line of Python", "imported": "QApplication made, pos_app.ui imported",
              "shown": "login screen first painted",
              "ready": "store open, login possible (Shell.ready)", "exit": "child exited (info)"}  # fmt: skip
    for key, label in labels.items():
        f = r["figures"][key]
        lines.append(f"{label:<46}{f['median']:>10.0f}{f['min']:>9.0f}{f['max']:>9.0f}")
    med = r["figures"]["shown"]["median"] / 1000
    lines.append(
        f"median {med:.2f} s to the login window, target <= {TARGET_S} s: {'met' if med <= TARGET_S else 'NOT met'}"
    )
    lines.append("load average at the end: " + " / ".join(f"{x:.2f}" for x in r["load"]))
    lines.append(kit().noise_line(kit().NoiseProbe(tuple(r["noise_probe"]["runs_ms"]))))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data-dir", type=Path, help=f"a seeded till (default {DEFAULT_DIR.relative_to(ROOT)})")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warm-runs", type=int, default=1, help="runs before the counted ones, not counted")
    p.add_argument("--json", action="store_true")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv) if "--child" in (argv or sys.argv) else kit().parse_args(p, argv, runs=1, warm_runs=0)
    if args.child:
        return child(args.child)
    if args.data_dir is None and args.small:
        with kit().tiny_till() as till:
            args.data_dir = till
            result = run(args)
    else:
        args.data_dir = args.data_dir or DEFAULT_DIR
        result = run(args)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
