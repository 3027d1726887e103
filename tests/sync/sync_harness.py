"""Real tills in temp dirs against a real HQ on loopback (tests/support/hq_server.py), and a network
that misbehaves on purpose. Nothing here is faked on the HQ side."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import random
import re
import socket
import threading
import time
import uuid
from pathlib import Path

import requests
import sqlalchemy as sa
from requests.adapters import HTTPAdapter

from hq.services.operators import accounts
from loyalty_core import ids, ledger
from loyalty_core.pricing import CartLine
from pos_app import config
from pos_app.bootstrap import App, build_app
from pos_app.services import checkout
from tests.support.clock import NOW, RunningClock
from tests.support.hq_server import HqServer
from tests.support.passwords import PASSWORD, password_hash
from tests.support.tills import SUPERVISOR, SUPERVISOR_PIN, init_till

# -- tills ---------------------------------------------------------------------------------------


def make_till(data_dir: Path, hq: HqServer, store_id: str, terminal_id: str, *, clock=None, register: bool = True,
              fast: bool = True, ca_bundle: Path | None = None, template: Path | None = None) -> App:  # fmt: skip
    """A till set up against `hq` (store and terminal registered there first); its store a copy of
    `template` (tests/support/tills.py) when given, else migrated here."""
    if register:
        if hq.scalar("SELECT count(*) FROM stores WHERE store_id = :s", s=store_id) == 0:
            hq.add_store(store_id)
        token = hq.add_terminal(store_id, terminal_id)
        if template is not None:
            init_till(data_dir, template, store_id, terminal_id, hq.url, token, ca_bundle=ca_bundle)
        else:
            config.init_terminal(data_dir, store_id, terminal_id, hq.url, token, ca_bundle=ca_bundle)
    app = build_app(data_dir, clock=clock or RunningClock(NOW))  # the run's day, never the wall clock's
    if app.cashiers.count() == 0:  # adjustments need a supervisor of this till
        app.cashiers.add(SUPERVISOR, "Test Supervisor", SUPERVISOR_PIN, role="supervisor")
    if fast:
        tune(app)
    return app


def tune(app: App) -> None:
    """Test timings: quick backoff, frequent polls, no nightly reconcile on its own."""
    engine = app.sync
    engine.timing.backoff_base, engine.timing.backoff_cap, engine.timing.poll_interval = 0.02, 0.3, 0.2
    engine.timing.reconcile_hour = None
    engine.client.timeout = (2.0, 10.0)


def local_ledger(app: App) -> dict[str, tuple]:
    """entry_id -> (member_code, points, confirmed, own event id)."""
    with app.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT entry_id, member_code, points, confirmed, event_id FROM ledger"))
        return {r.entry_id: (r.member_code, int(r.points), int(r.confirmed), r.event_id) for r in rows}


def local_balances(app: App, active_only: bool = False) -> dict[str, int]:
    sql = ("SELECT m.member_code, COALESCE(SUM(l.points), 0) FROM members m "
           "LEFT JOIN ledger l ON l.member_code = m.member_code "
           + ("WHERE m.status = 'active' " if active_only else "") + "GROUP BY m.member_code")  # fmt: skip
    with app.engine.connect() as conn:
        return {code: int(total) for code, total in conn.execute(sa.text(sql))}


def outbox_counts(app: App) -> dict[str, int]:
    with app.uow(read_only=True) as uow:
        return uow.outbox.counts()


def settle(tills: list[App], hq: HqServer, timeout: float = 120.0) -> None:
    """Sync every till until nothing is waiting and every cursor is at HQ's feed head."""
    from pos_app.sync.engine import SyncError

    deadline = time.monotonic() + timeout
    while True:
        for till in tills:
            with contextlib.suppress(SyncError):
                till.sync.run_once()
        head = hq.feed_head()
        done = all(outbox_counts(t)["pending"] == 0 and t.sync.puller.cursor() == head for t in tills)
        if done:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"did not settle: {[t.sync.status() for t in tills]}")
        time.sleep(0.05)


# -- making a lot of till activity fast ----------------------------------------------------------


class Batch:
    """The real use cases, committed a thousand at a time instead of one by one (only to save time)."""

    def __init__(self, uow) -> None:
        self._uow = uow

    def __getattr__(self, name):
        return getattr(self._uow, name)

    def commit(self) -> None:
        pass


def bulk_sales(app, codes: list[str], n: int, start: dt.datetime) -> int:
    """n sales over a week through the real use case."""
    made = 0
    step = dt.timedelta(days=7) / n
    while made < n:
        with app.uow() as uow:
            batch = Batch(uow)
            for _ in range(min(1000, n - made)):
                at = start + step * made
                app.ctx.clock = lambda at=at: at
                req = checkout.SaleRequest(codes[made % len(codes)], [CartLine("TEA-500", "grocery", 12000, 1)], at=at)
                checkout.confirm_sale(batch, app.ctx, req)
                made += 1
            uow.commit()
    return made


def clone_sales(app, n: int, start: dt.datetime) -> None:
    """n more sale events just like the real ones this till made (fresh ids, seqs, dates), in one go."""
    with app.uow() as uow:
        conn = uow.sync.conn
        templates = [json.loads(b) for b in conn.exec_driver_sql(
            "SELECT body FROM outbox WHERE type = 'sale.confirmed' ORDER BY seq").scalars()]  # fmt: skip
        seq = uow.outbox.next_seq()
        step = dt.timedelta(days=7) / n
        outbox_rows, ledger_rows = [], []
        for i in range(n):
            event = copy.deepcopy(templates[i % len(templates)])
            at = start + step * i
            p = event["payload"]
            event.update(event_id=ids.uuid7(), seq=seq + i, occurred_at=at.isoformat())
            p.update(receipt_no=f"R-S001-T01-{900_000 + i:06d}", sale_id=ids.uuid7(), at=at.isoformat())
            for e in p["ledger"]:  # named as the till (and HQ) name a sale's entries
                entry_id = ids.till_entry_id(event["store_id"], event["terminal_id"], event["event_id"], e["kind"])
                e.update(entry_id=entry_id, on=at.date().isoformat())
                if e["expires_on"]:
                    e["expires_on"] = ledger.lot_expiry(at.date()).isoformat()
                ledger_rows.append((e["entry_id"], e["member_code"], e["kind"], e["points"], e["on"],
                                    e["expires_on"], p["receipt_no"], event["event_id"]))  # fmt: skip
            outbox_rows.append((event["seq"], event["event_id"], event["type"],
                                json.dumps(event, ensure_ascii=False, sort_keys=True), event["occurred_at"]))  # fmt: skip
        conn.exec_driver_sql("INSERT INTO outbox (seq, event_id, type, body, created_at, status, attempts) "
                             "VALUES (?, ?, ?, ?, ?, 'pending', 0)", outbox_rows)  # fmt: skip
        conn.exec_driver_sql("INSERT INTO ledger (entry_id, member_code, kind, points, on_date, expires_on, ref, "
                             "event_id, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)", ledger_rows)  # fmt: skip
        uow.commit()


# -- a network that misbehaves -------------------------------------------------------------------


class FaultyAdapter(HTTPAdapter):
    """Between a till (or the online shop) and HQ: drops, duplicates, replays and truncates.

    - drop_request: the request never reaches HQ (connection error)
    - cut_request: half the request body is sent, then the connection is closed
    - drop_response: HQ got and committed the request; the answer is lost (read timeout)
    - truncate: the answer arrives cut short (not valid JSON)
    - duplicate: the request reaches HQ twice
    - replay: an earlier POST (kept aside) is sent again later, out of order
    """

    def __init__(self, seed: int = 0, paths: tuple[str, ...] = (), **rates: float) -> None:
        super().__init__(max_retries=0)
        self.paths = paths  # only requests to these paths misbehave (all when empty)
        self.rng = random.Random(seed)
        self.rates = {k: 0.0 for k in ("drop_request", "cut_request", "drop_response", "truncate", "duplicate",
                                        "replay")}  # fmt: skip
        self.rates.update(rates)
        self.enabled = True
        self.offline = False  # every request fails: the store's line is down
        self.kept: list = []
        self.counts: dict[str, int] = dict.fromkeys(self.rates, 0)
        self._lock = threading.Lock()

    def _roll(self, what: str) -> bool:
        with self._lock:
            hit = self.rng.random() < self.rates[what]
        if hit:
            self.counts[what] += 1
        return hit

    def send(self, request, **kwargs):
        if self.offline:
            raise requests.ConnectionError("injected: offline")
        if not self.enabled or (self.paths and not any(p in request.url for p in self.paths)):
            return super().send(request, **kwargs)
        if self._roll("drop_request"):
            raise requests.ConnectionError("injected: request dropped")
        if request.body and self._roll("cut_request"):
            self._cut(request)
            raise requests.ConnectionError("injected: connection cut mid-request")
        if request.method == "POST" and self.rates["replay"] and self.rng.random() < 0.5:
            with self._lock:
                self.kept.append(request.copy())
                self.kept = self.kept[-20:]
        if self._roll("duplicate"):
            super().send(request.copy(), **kwargs).close()
        if self.kept and self._roll("replay"):
            with self._lock:
                old = self.kept.pop(self.rng.randrange(len(self.kept)))
            with contextlib.suppress(requests.RequestException):
                super().send(old, **kwargs).close()
        response = super().send(request, **kwargs)
        if self._roll("drop_response"):
            response.close()
            raise requests.ReadTimeout("injected: the answer was lost")
        if self._roll("truncate"):
            body = response.content
            response._content = body[: max(0, len(body) // 2 - 1)]
        return response

    def _cut(self, request) -> None:
        """Send the headers and half the body by hand, then hang up."""
        from urllib.parse import urlsplit

        url = urlsplit(request.url)
        body = request.body if isinstance(request.body, bytes) else str(request.body).encode()
        head = f"{request.method} {url.path}?{url.query} HTTP/1.1\r\nHost: {url.netloc}\r\n"
        for k, v in request.headers.items():
            if k.lower() != "host":
                head += f"{k}: {v}\r\n"
        try:
            with socket.create_connection((url.hostname, url.port), timeout=2) as s:
                s.sendall(head.encode() + b"\r\n" + body[: len(body) // 2])
        except OSError:
            pass


def attach(app: App, adapter: FaultyAdapter) -> FaultyAdapter:
    app.sync.client.session.mount("http://", adapter)
    return adapter


class OnlineShop:
    """The online channel: orders idempotent by order id, retried through the same bad network."""

    def __init__(self, hq: HqServer, token: str, adapter: FaultyAdapter | None = None) -> None:
        self.hq = hq
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        if adapter is not None:
            self.session.mount("http://", adapter)

    def order(self, member_code: str, lines: list[dict], redeem_points: int = 0, order_id: str | None = None,
              retries: int = 200) -> dict:  # fmt: skip
        body = {"order_id": order_id or f"W-{uuid.uuid4().hex[:12]}", "member_code": member_code,
                "lines": lines, "redeem_points": redeem_points}  # fmt: skip
        for _ in range(retries):
            try:
                r = self.session.post(f"{self.hq.url}/api/v1/online/orders", json=body, timeout=(2, 10))
                if r.status_code < 500:
                    answer = r.json()
                    assert r.status_code == 200, answer
                    return answer
            except (requests.RequestException, ValueError):
                pass
            time.sleep(0.02)
        raise AssertionError("the online order never got through")


class Console:
    """HQ's console as an operator's browser session: logged in, posting forms with their CSRF token."""

    CSRF = re.compile(r'name="csrf" value="([^"]+)"')
    PASSWORD = PASSWORD

    def __init__(self, hq: HqServer, username: str = "boss", role: str = "admin", store: str | None = None) -> None:
        hq.write(lambda c: accounts.add_hashed(c, username, role, password_hash(), hq.clock(), store))
        self.url = hq.url
        self.web = requests.Session()
        page = self.web.get(f"{hq.url}/console/login")
        answer = self.web.post(f"{hq.url}/console/login", allow_redirects=False,
                               data={"username": username, "password": self.PASSWORD, "csrf": self.csrf(page.text)})  # fmt: skip
        assert answer.status_code == 303, answer.text

    def csrf(self, html: str) -> str:
        match = self.CSRF.search(html)
        assert match, "the page has no form with a CSRF token"
        return match.group(1)

    def get(self, path: str) -> requests.Response:
        page = self.web.get(f"{self.url}{path}")
        assert page.status_code == 200, page.text
        return page

    def submit(self, form_page: str, action: str, data: dict, **kwargs) -> requests.Response:
        """Opens `form_page`, then posts `data` to `action` with the page's CSRF token, as a browser does."""
        token = self.csrf(self.get(form_page).text)
        return self.web.post(f"{self.url}{action}", data={**data, "csrf": token}, allow_redirects=False, **kwargs)
