"""Benchmark: the longest GUI-thread stall while a 10,000-event sync runs in the background.

    .venv/bin/python bench/ui_stall.py [--side push|pull|both] [--events 10000] [--gc-freeze] [--json]
                                       [--idle 2.0] [--after 1.0] [--small]

Set-up (not timed), fresh each run in a temp dir, by this process: an HQ (SQLite, `python -m hq
serve` on loopback in its own process, bench/sync_seed.py) with store S001, and till A registered
with it (first sync done, so it has a feed cursor), cashier 1001, one member. With both sides, the
push side is measured first, then the pull side on the same HQ and till A (whose pushed events
stay in its database).
- push: till A makes `--events` outbox events through the real use cases (PosService.enroll for
  one in 20, PosService.confirm_sale for the rest); its sync pushes them all, then pulls what HQ's
  feed has for them.
- pull: a second till B of the store makes the events and pushes them; till A's sync pulls the
  resulting feed (HQ pages hold at most 1,000 changes: 10,000 events are about 11 pages).

Measured, in a child process that only runs the till: the real Shell on till A (offscreen Qt),
logged in through the login screen, the member scanned onto the checkout (the panel refreshes
when the sync reports changes). A QTimer (PreciseTimer, 5 ms) on the GUI thread records the gap
between its firings: 2 s idle first (the noise floor, `--idle`), then from `services.sync.start()` (the
call Shell.open_store makes) until the engine's cycle is over plus 1 s (the GUI refreshes that
follow, `--after`). The nightly reconciliation is off (reconcile_hour=None): the window holds one cycle.
Garbage collections in the child are recorded (gc.callbacks), with the thread that ran them.
`--gc-freeze`: gc.collect() + gc.freeze() before the sync (the app already does it at the first login).
The noise probe (bench/benchkit.py) is printed at the end. `--small`: 100 events, 0.2 s idle, 0.3 s
after (the CI smoke run).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import benchkit  # noqa: E402

TARGET_MS = 50.0


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- set-up (this process) -----------------------------------------------------------------------


def name_of(i: int) -> str:
    letters = "".join("abcdefghijklmnopqrstuvwxyz"[i // 26**k % 26] for k in range(3))
    return f"Bench {letters.capitalize()}"  # names hold no digits


def make_events(app, n: int, phones: int) -> int:
    """n outbox events through the real use cases; returns the pending count."""
    from loyalty_core.pricing import CartLine

    lines = [CartLine("TEA-500", "drinks", 15000, 1), CartLine("CUP-01", "homeware", 9990, 2)]
    codes: list[str] = []
    for made in range(n):
        if made % 20 == 0:
            m = app.pos.enroll(phone=benchkit.mobile(phones + len(codes)), name=name_of(len(codes)), consent_terms=True)
            codes.append(m.member_code)
        else:
            app.pos.confirm_sale(codes[made % len(codes)], lines)
    with app.uow(read_only=True) as uow:
        return uow.outbox.counts()["pending"]


class Stage:
    """HQ (SQLite, `python -m hq serve` in its own process) and till A, shared by the sides of one run."""

    def __init__(self, work: Path) -> None:
        from sync_seed import HqProcess, seed_hq

        self.work = work
        self.hq_db = f"sqlite:///{work / 'hq.sqlite3'}"
        seed_hq(self.hq_db, 0)
        self.hq = HqProcess(self.hq_db)
        self.till_a = work / "till-a"
        a = self.new_till(self.till_a)
        a.cashiers.add("1001", "Mei", "1234", "cashier")
        member = a.pos.enroll(phone=benchkit.mobile(1), name="王小明", consent_terms=True)
        a.sync.run_once()  # the cursor, our key and that member at HQ
        a.close()
        self.member = {"member": member.member_code, "qr": member.qr_payload}

    def new_till(self, path: Path):
        from sync_seed import new_terminal

        from pos_app import config

        terminal, token = new_terminal(self.hq_db)
        config.init_terminal(path, "S001", terminal, self.hq.url, token)
        return self.open(path)

    @staticmethod
    def open(path: Path):
        from pos_app.bootstrap import build_app

        app = build_app(path)
        app.sync.timing.reconcile_hour = None
        return app

    def prepare(self, side: str, n: int) -> dict:
        """push: till A's outbox holds n events; pull: a new till B made n events and pushed them."""
        t = time.monotonic()
        info = dict(self.member)
        if side == "push":
            a = self.open(self.till_a)
            info["pending"] = make_events(a, n, 10_000_000)
            a.close()
        else:
            b = self.new_till(self.work / "till-b")
            b.sync.run_once()
            info["b_pending"] = make_events(b, n, 20_000_000)
            info["b_push"] = b.sync.run_once()["push"]
            b.close()
        info["prepare_s"] = round(time.monotonic() - t, 1)
        return info


# -- the till's window (child process) ------------------------------------------------------------


class GcPauses:
    """Every garbage collection in this process (a collection holds the GIL throughout)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int, str]] = []  # (start, end, generation, thread)
        self._start: tuple[float, int] | None = None
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = (time.perf_counter(), info["generation"])
        elif self._start is not None:
            start, gen = self._start
            self.pauses.append((start, time.perf_counter(), gen, threading.current_thread().name))
            self._start = None

    def close(self) -> None:
        gc.callbacks.remove(self._callback)

    def during(self, start: float, end: float) -> list[tuple]:
        return [p for p in self.pauses if p[1] >= start and p[0] <= end]


def stats(ticks: list[float]) -> dict:
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    return {"n": len(gaps), "median": statistics.median(gaps), "p99": pct(gaps, 99), "max": max(gaps),
            "over_50ms": sum(g > 50 for g in gaps), "over_16ms": sum(g > 16 for g in gaps)}  # fmt: skip


def worst_gaps(ticks: list[float], gcs: GcPauses, start: float, top: int = 3) -> list[dict]:
    """The longest gaps: when (s after the sync started), and the garbage collections inside them."""
    gaps = sorted(zip(ticks, ticks[1:], strict=False), key=lambda g: g[1] - g[0], reverse=True)[:top]
    return [{"ms": round((b - a) * 1000, 1), "at_s": round(a - start, 2),
             "gc": [{"gen": g, "ms": round((e - s) * 1000, 1), "thread": th} for s, e, g, th in gcs.during(a, b)
                    if g > 0]} for a, b in gaps]  # fmt: skip


def gui(till: Path, info: dict, freeze: bool) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos_app.__main__ import build, start_demo
    from pos_app.ui.app import Shell

    app = QApplication([])

    def spin(seconds: float = 0.0, done=None, timeout: float = 600.0) -> None:
        end = time.perf_counter() + (timeout if done else seconds)
        while (done is None or not done()) and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        if done is not None and not done():
            raise TimeoutError("timed out")

    shell = Shell(till, language="en", start_sync=False, scanner_gap_ms=1000, build=build, start_demo=start_demo)  # a busy machine: see ui_scan.py
    shell.start()
    spin(done=lambda: shell.session.ready)
    login = shell.window.screen_named("login")
    login.id_edit.setText("1001")
    login.pin_edit.setText("1234")
    QTest.keyClick(login.pin_edit, Qt.Key.Key_Return)
    spin(done=lambda: shell.window.current_name() == "checkout")
    checkout = shell.window.screen_named("checkout")
    field = checkout.entry.code_edit
    field.setFocus()
    QTest.keyClicks(field, info["qr"])  # the scanner
    QTest.keyClick(field, Qt.Key.Key_Return)
    spin(done=lambda: checkout.member_panel.member is not None)
    spin(min(0.5, info["idle_s"]))  # the panel settles (at most the idle time: --small keeps it short)

    engine = shell.services.sync
    engine.timing.reconcile_hour = None
    done: dict = {}
    engine.add_change_listener(lambda what: done.update(what=what, at=time.perf_counter()))  # end of the cycle
    if freeze:
        gc.collect()
        gc.freeze()
    objects = len(gc.get_objects())
    ticks: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(5)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    gcs = GcPauses()
    probe.start()
    idle_start = time.perf_counter()
    spin(info["idle_s"])
    started = time.perf_counter()
    engine.start()
    spin(done=lambda: "at" in done)
    spin(info["after_s"])
    ended = time.perf_counter()
    probe.stop()
    gcs.close()
    status = engine.status()
    shell.window._force_close = True
    shell.window.close()
    shell.shutdown()
    in_sync = [t for t in ticks if started <= t <= ended]
    collections = gcs.during(started, ended)
    return {"sync_s": done["at"] - started, "push": done["what"]["push"], "pull": done["what"]["pull"],
            "pending_after": status["pending"], "gc_freeze": freeze, "gc_tracked_objects": objects,
            "idle": stats([t for t in ticks if idle_start <= t <= started]), "sync": stats(in_sync),
            "worst": worst_gaps(in_sync, gcs, started),
            "gc": {str(g): {"count": sum(c[2] == g for c in collections),
                            "max_ms": round(max([(c[1] - c[0]) * 1000 for c in collections if c[2] == g],
                                                default=0), 1)} for g in (0, 1, 2)}}  # fmt: skip


# -- driver ---------------------------------------------------------------------------------------


def measure(sides: list[str], n: int, freeze: bool, idle: float = 2.0, after: float = 1.0) -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix="ui-stall-"))
    stage = None
    try:
        log("preparing HQ and till A ...")
        stage = Stage(work)
        results = []
        for side in sides:
            log(f"[{side}] preparing {n:,} events ...")
            info = stage.prepare(side, n)
            log(f"[{side}] prepared in {info['prepare_s']} s; the window runs in a child process")
            info.update(idle_s=idle, after_s=after)
            result = window(stage.till_a, info, freeze)
            results.append({"side": side, "events": n, "prepare": info, **result, "load": os.getloadavg()})
        return results
    finally:
        if stage is not None:
            stage.hq.stop()
        shutil.rmtree(work, ignore_errors=True)


def window(till: Path, info: dict, freeze: bool) -> dict:
    """The measurement, in a child process that runs only the till's window."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, __file__, "--gui", str(till), json.dumps(info)] + (["--gc-freeze"] if freeze else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"the window's process failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    lines = [f"{'GUI-thread gaps (ms), 5 ms QTimer probe':<40}{'n':>6}{'median':>8}{'p99':>8}{'max':>8}"
             f"{'>16ms':>7}{'>50ms':>7}   sync"]  # fmt: skip
    for r in results:
        after = r["prepare"].get("after_s", 1.0)
        for key, label in (("idle", "idle, before the sync"), ("sync", f"during the sync (+{after:g} s)")):
            f = r[key]
            extra = f"{r['sync_s']:.1f} s" if key == "sync" else ""
            lines.append(f"{r['side'] + ': ' + label:<40}{f['n']:>6}{f['median']:>8.1f}{f['p99']:>8.1f}"
                         f"{f['max']:>8.1f}{f['over_16ms']:>7}{f['over_50ms']:>7}   {extra}")  # fmt: skip
    for r in results:
        side, push, pull = r["side"], r["push"], r["pull"]
        lines.append(f"{side}: pushed {push['applied']:,} events (+{push['duplicate']} duplicate, "
                     f"{push['rejected']} rejected) in {push['batches']} batches, pulled {pull['changes']:,} changes "
                     f"in {pull['pages']} pages; {r['pending_after']} still pending")  # fmt: skip
        worst = "; ".join(f"{w['ms']:.0f} ms at {w['at_s']:.2f} s"
                          + "".join(f" (gen-{g['gen']} GC {g['ms']:.0f} ms on {g['thread']})" for g in w["gc"])
                          for w in r["worst"])  # fmt: skip
        lines.append(f"{side}: longest gaps: {worst}")
        gcs = ", ".join(f"gen {g}: {c['count']} (longest {c['max_ms']:.0f} ms)" for g, c in r["gc"].items())
        frozen = " after gc.freeze()" if r["gc_freeze"] else ""
        lines.append(f"{side}: collections during the sync: {gcs}; {r['gc_tracked_objects']:,} objects tracked{frozen}")
        mx = r["sync"]["max"]
        lines.append(
            f"{side}: max stall {mx:.1f} ms, target <= {TARGET_MS:.0f} ms: " + ("met" if mx <= TARGET_MS else "NOT met")
        )
    lines.append("load average at the end: " + " / ".join(f"{x:.2f}" for x in results[-1]["load"]))
    lines.append(benchkit.noise_line(benchkit.NoiseProbe(tuple(results[-1]["noise_probe"]["runs_ms"]))))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--side", choices=["push", "pull", "both"], default="both")
    p.add_argument("--events", type=int, default=10_000)
    p.add_argument("--gc-freeze", action="store_true")
    p.add_argument("--json", action="store_true")
    p.add_argument("--idle", type=float, default=2.0, help="seconds of idle probing before the sync")
    p.add_argument("--after", type=float, default=1.0, help="seconds of probing after the sync's cycle")
    p.add_argument("--gui", nargs=2, help=argparse.SUPPRESS)
    args = benchkit.parse_args(p, argv, events=100, idle=0.2, after=0.3)
    if args.gui:
        print(json.dumps(gui(Path(args.gui[0]), json.loads(args.gui[1]), args.gc_freeze)))
        return 0
    sides = ["push", "pull"] if args.side == "both" else [args.side]
    results = measure(sides, args.events, args.gc_freeze, args.idle, args.after)
    results[-1]["noise_probe"] = benchkit.noise_probe().as_dict()
    print(json.dumps(results, indent=2) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
