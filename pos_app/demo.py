"""Demo mode: a local HQ on loopback, a till registered with it, and a few demo members.

`start_demo(data_dir)` is what the UI calls for "demo mode". It is idempotent
across restarts: the HQ database (data_dir/hq.sqlite3), the port (demo.json)
and the terminal token (secrets/hq_token) are reused, and the demo data is
seeded only once. The caller then builds the App as usual
(`build_app(data_dir)`), starts its sync engine, and calls `handle.stop()`
on the way out.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from loyalty_core import signing
from loyalty_core.errors import DomainError

from . import config

if TYPE_CHECKING:  # the demo's local HQ: its stack loads only when the demo runs
    import uvicorn

log = logging.getLogger(__name__)

STORE_ID = "DEMO"
STORE_NAME = "Demo store 示範門市"
TERMINAL_ID = "T01"
STATE_FILE = "demo.json"
HQ_DB = "hq.sqlite3"

CASHIERS = [("1001", "Amy 林", "1234", "cashier"), ("9001", "Supervisor 陳", "9999", "supervisor")]
# (phone, name, birthday, basket: [(sku, category, unit price cents, qty)])
MEMBERS = [
    ("0912345678", "王小明", "1990-03-04", [("GIFT-CARD", "gift", 100000, 21)]),  # Gold: 21,000.00
    ("0922333444", "李美玲", "1985-07-19", [("CREAM-50", "skincare", 68000, 8)]),  # Silver: 5,440.00
    ("0933444555", "Alice Chen", "1992-11-02", [("TEA-500", "drinks", 15000, 2), ("CUP-01", "homeware", 9990, 1)]),
    ("0955666777", "陈伟", None, [("CAKE-PINE", "food", 45000, 1)]),
    ("0966777888", "Bob Lin", "1978-01-30", [("SOAP-3", "skincare", 12000, 3), ("BAG-ECO", "homeware", 2500, 2)]),
    ("0977888999", "張家豪", "2001-05-05", []),
]


@dataclass
class DemoHandle:
    url: str
    token: str
    data_dir: Path
    _server: uvicorn.Server | None = field(repr=False, default=None)
    _thread: threading.Thread | None = field(repr=False, default=None)

    def stop(self, timeout: float = 10.0) -> None:
        """Stops the local HQ (the till's data and HQ's database stay for next time)."""
        server, self._server = self._server, None
        if server is None:
            return
        server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def start_demo(data_dir: Path) -> DemoHandle:
    """Starts the local HQ, sets the till up against it if needed, seeds demo data once."""
    from hq.app import create_app
    from hq.storage import db as hq_db

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    state = _load_state(data_dir)
    if config.is_initialized(data_dir) and not config.load(data_dir).demo:
        raise DomainError(
            "not_demo", f"This till is set up for a real store ({data_dir}); demo mode needs its own folder"
        )

    app = create_app(f"sqlite:///{data_dir / HQ_DB}")
    engine = app.state.engine
    port = _free_port(state.get("port"))
    url = f"http://127.0.0.1:{port}"
    token = _register(engine, hq_db, data_dir, url)
    server, thread = _serve(app, port)
    state["port"] = port
    _save_state(data_dir, state)
    handle = DemoHandle(url, token, data_dir, server, thread)
    try:
        if not state.get("seeded"):
            _seed(data_dir)
            state["seeded"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            _save_state(data_dir, state)
    except Exception:
        handle.stop()
        raise
    return handle


# -- the local HQ ------------------------------------------------------------------------------


def _free_port(preferred: int | None) -> int:
    """The saved port if it is still free, else a new one."""
    for candidate in ([preferred] if preferred else []) + [0]:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: TIME_WAIT is fine
            try:
                s.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return s.getsockname()[1]
    raise DomainError("no_port", "No free port on 127.0.0.1 for the demo HQ")


def _serve(app, port: int):
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="demo-hq", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise DomainError("demo_hq_failed", f"The demo HQ could not start on port {port}")
        time.sleep(0.01)
    return server, thread


def _register(engine, hq_db, data_dir: Path, url: str) -> str:
    """Store, terminal (token) and the till's signing key at HQ; the till set up (or re-pointed) to `url`."""
    from hq.services import admin, auth
    from hq.storage.schema import stores

    now = dt.datetime.now(dt.UTC)
    if not config.is_initialized(data_dir):

        def first(conn) -> str:
            if conn.execute(stores.select().where(stores.c.store_id == STORE_ID)).first() is None:
                admin.add_store(conn, STORE_ID, STORE_NAME, now)
            return admin.add_terminal(conn, STORE_ID, TERMINAL_ID, now, rotate=True)["token"]

        token = hq_db.write(engine, first)
        config.init_terminal(data_dir, STORE_ID, TERMINAL_ID, url, token, demo=True)
    cfg = config.load(data_dir)
    token = config.load_token(data_dir)
    with hq_db.read(engine) as conn:
        valid = token is not None and auth.authenticate(conn, token) is not None
    if not valid:  # HQ's database was reset: a new token for the same terminal

        def again(conn) -> str:
            if conn.execute(stores.select().where(stores.c.store_id == cfg.store_id)).first() is None:
                admin.add_store(conn, cfg.store_id, STORE_NAME, now)
            return admin.add_terminal(conn, cfg.store_id, cfg.terminal_id, now, rotate=True)["token"]

        token = hq_db.write(engine, again)
        _write_secret(data_dir / "secrets" / "hq_token", token)
    if cfg.hq_url != url:
        _rewrite_config(data_dir, replace(cfg, hq_url=url))
    signer = config.load_signer(data_dir, cfg)
    public = signing.b64(signer.public_bytes())
    # As the terminal itself registers it (its first sync does the same: then HQ answers "unchanged").
    register = admin.register_key
    hq_db.write(engine, lambda conn: register(conn, cfg.store_id, signer.key_id, public, now, terminal_id=cfg.terminal_id))
    return token


def _rewrite_config(data_dir: Path, cfg: config.TerminalConfig) -> None:
    path = data_dir / "config.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(cfg), indent=2), encoding="utf-8")
    os.replace(tmp, path)


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


# -- demo data -----------------------------------------------------------------------------------


def _seed(data_dir: Path) -> None:
    """Cashiers, members (one Silver, one Gold) and a few sales, pushed to the demo HQ."""
    from loyalty_core.pricing import CartLine

    from .bootstrap import build_app

    app = build_app(data_dir)
    try:
        if app.cashiers.count() == 0:
            for cashier_id, name, pin, role in CASHIERS:
                app.cashiers.add(cashier_id, name, pin, role, actor="demo")
        for phone, name, birthday, basket in MEMBERS:
            if app.pos.member_by_phone(phone) is not None:
                continue
            member = app.pos.enroll(phone=phone, name=name, birthday=birthday, consent_terms=True,
                                    consent_marketing=True, actor="demo")  # fmt: skip
            if basket:
                lines = [CartLine(*line) for line in basket]
                app.pos.confirm_sale(member.member_code, lines, cashier_id="1001")
        if app.sync is not None:
            try:
                app.sync.run_once()
            except Exception as exc:  # the data is safe in the outbox; the app's engine pushes it later
                log.warning("demo data not pushed yet: %s", exc)
    finally:
        app.close()


def _load_state(data_dir: Path) -> dict:
    path = data_dir / STATE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_state(data_dir: Path, state: dict) -> None:
    path = data_dir / STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2), encoding="utf-8")
    os.replace(tmp, path)
