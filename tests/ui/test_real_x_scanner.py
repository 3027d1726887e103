"""A scanner as X delivers it: the real window on Xvfb, keys typed by xdotool (Shift for capitals)."""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_app.bootstrap import build_app

HERE = Path(__file__).parent
pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="needs xvfb and xdotool (scripts/setup.sh installs them)")  # fmt: skip


def _free_display() -> str:
    for n in range(90 + os.getpid() % 50, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display")


@pytest.fixture
def xvfb():
    display = _free_display()
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield display
    server.terminate()
    server.wait(10)


def xdo(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, env={**os.environ, "DISPLAY": display}, timeout=30)


def wait_state(path: Path, ok, timeout: float = 20.0) -> dict:
    deadline = time.monotonic() + timeout
    state: dict = {}
    while time.monotonic() < deadline:
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        if state and ok(state):
            return state
        time.sleep(0.05)
    raise AssertionError(f"the window never got there: {state}")


def test_a_real_scanner_typing_capitals_under_x_fills_the_cart_whole(xvfb, data_dir, clock, tmp_path):
    app = build_app(data_dir, clock=clock)
    member = app.pos.enroll(phone="0922333444", name="Alice Chen", consent_terms=True)
    app.close()
    state_file = tmp_path / "state.json"
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    child = subprocess.Popen([sys.executable, str(HERE / "xdo_child.py"), str(data_dir), str(state_file),
                              clock().isoformat()], env=env)  # fmt: skip
    try:
        wait_state(state_file, lambda s: s.get("screen") == "checkout" and s.get("focus") == "lookupEdit")
        # The member code has capitals: xdotool presses Shift around each one, as a USB scanner does,
        # and the Enter comes in the same burst (a second xdotool run would come too late to be a scan's).
        xdo(xvfb, "type", "--delay", "5", member.member_code + "\r")
        state = wait_state(state_file, lambda s: s.get("member") == member.member_code)
        assert state["lookup_field"] == ""
        wait_state(state_file, lambda s: s.get("focus") == "productCode")
        xdo(xvfb, "type", "--delay", "5", "TEA-500\r")
        state = wait_state(state_file, lambda s: s.get("cart") == [["TEA-500", 1]])
        assert state["product_field"] == "" and state["message"] == ""  # not "TE" and "…: A-500"
    finally:
        child.terminate()
        child.wait(15)
