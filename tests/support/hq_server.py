"""The real HQ (`hq.app.create_app`) under uvicorn on loopback, for tests that talk to it over HTTP.

Nothing is faked on the HQ side. On SQLite a server starts from a copy of the session's migrated
template (tests/conftest.py `hq_sqlite_template`); on PostgreSQL from a copy of a migrated template
database (tests/support/postgres.py).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
import uvicorn

from hq.services import admin
from hq.storage import db as hq_db
from hq.storage import schema as hq_schema

from .clock import NOW, RunningClock


class HqServer:
    """hq.app.create_app under uvicorn in a thread; restartable on the same port and database."""

    def __init__(self, db_url: str, port: int = 0, clock: Callable[[], dt.datetime] | None = None,
                 tls: tuple[Path, Path] | None = None) -> None:  # fmt: skip
        self.db_url = db_url
        self.port = port
        self.clock = clock or RunningClock(NOW).utc_clock()  # HQ keeps UTC, as in production
        self.tls = tls  # (certificate chain, private key): serve HTTPS
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.engine = hq_db.make_engine(db_url)  # our own, for admin work and for looking inside

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> HqServer:
        from hq.app import create_app

        app = create_app(self.db_url, clock=self.clock)
        tls = {"ssl_certfile": str(self.tls[0]), "ssl_keyfile": str(self.tls[1])} if self.tls else {}
        cfg = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error", lifespan="on",
                             timeout_graceful_shutdown=1, **tls)  # fmt: skip
        self._server = uvicorn.Server(cfg)
        self._thread = threading.Thread(target=self._server.run, name="hq-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("HQ did not start")
            time.sleep(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self, crash: bool = False) -> None:
        """Stops serving; `crash=True` cuts connections in flight instead of finishing them."""
        if self._server is None:
            return
        self._server.should_exit = True
        if crash:
            self._server.force_exit = True
        self._thread.join(15)
        self._server = None

    def restart(self, crash: bool = True) -> None:
        self.stop(crash=crash)
        for _ in range(100):
            try:
                self.start()
                return
            except (OSError, RuntimeError, SystemExit):
                time.sleep(0.05)
        raise RuntimeError("HQ did not come back")

    def close(self) -> None:
        self.stop()
        self.engine.dispose()

    # -- admin -----------------------------------------------------------------------------------

    def write(self, work):
        return hq_db.write(self.engine, work)

    def add_store(self, store_id: str, name: str | None = None) -> None:
        self.write(lambda c: admin.add_store(c, store_id, name or f"Store {store_id}", self.clock()))

    def add_terminal(self, store_id: str, terminal_id: str) -> str:
        # Provisioned long before any scenario's sales: HQ flags events dated before it (clock skew).
        provisioned = self.clock() - dt.timedelta(days=3650)
        return self.write(lambda c: admin.add_terminal(c, store_id, terminal_id, provisioned))["token"]

    def add_channel(self, name: str) -> str:
        return self.write(lambda c: admin.add_channel(c, name, self.clock()))["token"]

    # -- looking inside --------------------------------------------------------------------------

    def scalar(self, sql: str, **params):
        with hq_db.read(self.engine) as conn:
            return conn.execute(sa.text(sql), params).scalar()

    def rows(self, sql: str, **params) -> list:
        with hq_db.read(self.engine) as conn:
            return list(conn.execute(sa.text(sql), params))

    def feed_head(self) -> int:
        return int(self.scalar("SELECT last_seq FROM feed_counter WHERE id = 1"))

    def ledger(self) -> dict[str, tuple]:
        """entry_id -> (member_code, points, event_id)."""
        t = hq_schema.ledger.c
        with hq_db.read(self.engine) as conn:
            return {r.entry_id: (r.member_code, int(r.points), r.event_id)
                    for r in conn.execute(sa.select(t.entry_id, t.member_code, t.points, t.event_id))}  # fmt: skip

    def balances(self) -> dict[str, int]:
        t = hq_schema.members.c
        with hq_db.read(self.engine) as conn:
            return {r.member_code: int(r.balance) for r in conn.execute(sa.select(t.member_code, t.balance))}

    def member(self, code: str):
        with hq_db.read(self.engine) as conn:
            return conn.execute(sa.select(hq_schema.members).where(hq_schema.members.c.member_code == code)).first()

    def events_of(self, store_id: str, terminal_id: str) -> int:
        return int(self.scalar("SELECT count(*) FROM events WHERE store_id = :s AND terminal_id = :t",
                               s=store_id, t=terminal_id))  # fmt: skip
