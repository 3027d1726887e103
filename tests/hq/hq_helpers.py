"""Driving HQ's API in tests through FastAPI's TestClient (till events: tests/support/events.py)."""

import datetime as dt
from dataclasses import dataclass, field

import sqlalchemy as sa

from hq.services import admin
from hq.storage import db
from tests.support.events import Till


@dataclass
class Hq:
    client: object
    engine: object
    clock: object
    url: str
    tokens: dict = field(default_factory=dict)

    def terminal(self, store_id: str = "S001", terminal_id: str = "T01") -> str:
        key = (store_id, terminal_id)
        if key not in self.tokens:
            now = self.clock() - dt.timedelta(days=3650)  # provisioned long before the tests' sales
            self.tokens[key] = db.write(self.engine, lambda conn: _terminal(conn, store_id, terminal_id, now))
        return self.tokens[key]

    def channel(self, name: str = "shop") -> str:
        if name not in self.tokens:
            now = self.clock()
            self.tokens[name] = db.write(self.engine, lambda conn: admin.add_channel(conn, name, now)["token"])
        return self.tokens[name]

    def push(self, events: list[dict], till: Till | None = None, token: str | None = None):
        till = till or Till()
        token = token or self.terminal(till.store_id, till.terminal_id)
        return self.client.post("/api/v1/sync/push", json={"events": events}, headers=auth(token))

    def statuses(self, events: list[dict], till: Till | None = None) -> list[str]:
        response = self.push(events, till)
        assert response.status_code == 200, response.text
        return [
            r["status"] if r["status"] != "rejected" else f"rejected:{r['reason']}" for r in response.json()["results"]
        ]

    def member(self, code: str, token: str | None = None) -> dict:
        response = self.client.get(f"/api/v1/members/{code}", headers=auth(token or self.terminal()))
        assert response.status_code == 200, response.text
        return response.json()

    def member_by_phone(self, phone: str, token: str | None = None) -> dict:
        """Phones travel in the body, never in a URL (access logs, proxies)."""
        response = self.client.post("/api/v1/members/lookup", json={"query": phone},
                                    headers=auth(token or self.terminal()))  # fmt: skip
        assert response.status_code == 200, response.text
        return response.json()

    def pull_all(self, since: int = 0, token: str | None = None) -> list[dict]:
        changes = []
        while True:
            page = self.client.get(f"/api/v1/sync/pull?since={since}&limit=200", headers=auth(token or self.terminal()))
            assert page.status_code == 200, page.text
            body = page.json()
            changes += body["changes"]
            since = body["next"]
            if not body["more"]:
                return changes

    def scalar(self, sql: str, **params):
        with db.read(self.engine) as conn:
            return conn.execute(sa.text(sql), params).scalar()

    def counts(self) -> dict:
        tables = ("members", "events", "ledger", "spend", "feed", "coupon_uses")
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def _terminal(conn, store_id: str, terminal_id: str, now: dt.datetime) -> str:
    if conn.execute(sa.text("SELECT 1 FROM stores WHERE store_id = :s"), {"s": store_id}).first() is None:
        admin.add_store(conn, store_id, f"Store {store_id}", now)
    return admin.add_terminal(conn, store_id, terminal_id, now)["token"]


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}
