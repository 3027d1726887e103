"""Driving HQ's console in tests: operators, till events pushed through the real sync API, forms with CSRF."""

import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from hq.services import admin
from hq.services.operators import accounts
from hq.storage import db
from tests.support.events import Till
from tests.support.passwords import PASSWORD, password_hash

OPERATORS = {  # username: (role, store)
    "admin": ("admin", None),
    "mkt": ("marketing", None),
    "fin": ("finance", None),
    "mgr1": ("store_manager", "S001"),
    "aud": ("auditor", None),
}
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@dataclass
class Chain:
    """HQ with stores, terminals and one operator per role; pushes events like a till would."""

    client: object
    engine: object
    clock: object
    tokens: dict = field(default_factory=dict)

    def setup(self) -> "Chain":
        def work(conn):
            now = self.clock()
            for store in ("S001", "S002"):
                admin.add_store(conn, store, f"Store {store}", now)
                self.tokens[store] = admin.add_terminal(conn, store, "T01", now)["token"]
            for name, (role, store) in OPERATORS.items():
                accounts.add_hashed(conn, name, role, password_hash(), now, store)

        db.write(self.engine, work)
        self.tills = {s: Till(s, clock=self.clock) for s in ("S001", "S002")}
        return self

    def push(self, store: str, *events: dict) -> list[str]:
        response = self.client.post("/api/v1/sync/push", json={"events": list(events)},
                                    headers={"Authorization": f"Bearer {self.tokens[store]}"})
        assert response.status_code == 200, response.text
        return [r["status"] for r in response.json()["results"]]

    def member(self, store: str, name: str = "Chen Mei", **kw) -> str:
        event = self.tills[store].enroll(name=name, **kw)
        assert self.push(store, event) == ["applied"]
        return event["payload"]["member"]["member_code"]

    def buy(self, store: str, code: str, paid: int, redeem: int = 0) -> None:
        assert self.push(store, self.tills[store].sale(code, paid, redeem=redeem)) == ["applied"]

    def scalar(self, sql: str, **params):
        with db.read(self.engine) as conn:
            return conn.execute(sa.text(sql), params).scalar()

    def execute(self, sql: str, **params) -> None:
        db.write(self.engine, lambda conn: conn.execute(sa.text(sql), params))

    def balance(self, code: str) -> int:
        return self.scalar("SELECT balance FROM members WHERE member_code = :c", c=code)

    def counts(self) -> dict:
        tables = ("members", "ledger", "spend", "feed", "stores", "terminals", "channels", "operators")
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables}


def login(client, username: str, password: str = PASSWORD):
    page = client.get("/console/login")
    return client.post("/console/login", data={"username": username, "password": password,
                                               "csrf": csrf_of(page.text)}, follow_redirects=False)


def post(client, form_page: str, action: str, data: dict):
    """Submits a form the way a browser would: with the CSRF token of the page it is on."""
    page = client.get(form_page)
    assert page.status_code == 200, page.text
    return client.post(action, data={"csrf": csrf_of(page.text), **data}, follow_redirects=False)
