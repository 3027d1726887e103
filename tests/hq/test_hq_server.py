"""The real thing: `python -m hq serve` (uvicorn) on a loopback port, driven over HTTP."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.hq.hq_helpers import auth
from tests.support.events import Till

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(hq):
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "hq", "--db", hq.url, "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def _wait_until_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise TimeoutError("HQ did not come up")


def test_real_uvicorn_on_loopback_applies_a_push_once_and_serves_it_in_the_feed(hq, server):
    till, token = Till(), hq.terminal()
    enroll = till.enroll()
    code = enroll["payload"]["member"]["member_code"]
    batch = {"events": [enroll, till.sale(code)]}
    with httpx.Client(base_url=server, headers=auth(token), timeout=10) as http:
        assert [r["status"] for r in http.post("/sync/push", json=batch).json()["results"]] == ["applied"] * 2
        assert [r["status"] for r in http.post("/sync/push", json=batch).json()["results"]] == ["duplicate"] * 2
        assert http.get(f"/members/{code}").json()["balance"] == 200
        kinds = [c["kind"] for c in http.get("/sync/pull?since=0").json()["changes"]]
        assert kinds == ["rules", "member", "ledger", "ledger"]
        garbled = http.post("/sync/push", content=b"{", headers={"Content-Type": "application/json"})
        assert garbled.status_code == 400 and garbled.json()["error"] == "invalid_json"
