"""Driving HQ's console in tests: operators, till events pushed through the real sync API, forms with CSRF.

(tests/hq/hq_helpers.py builds events too, but that folder is not importable from here without a
sys.path change; these builders are the few the console tests need.)"""

import functools
import itertools
import json
import os
import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from hq.services import admin
from hq.services.operators import accounts
from hq.storage import db, migrate
from loyalty_core import ledger, pricing
from loyalty_core.ids import member_code, uuid7
from loyalty_core.rules import RuleSet

PASSWORD = "correct horse battery staple"
OPERATORS = {  # username: (role, store)
    "admin": ("admin", None),
    "mkt": ("marketing", None),
    "fin": ("finance", None),
    "mgr1": ("store_manager", "S001"),
    "aud": ("auditor", None),
}
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_phones = itertools.count(int.from_bytes(os.urandom(3), "big") % 10_000_000)


@functools.cache
def default_rules() -> RuleSet:
    return RuleSet.from_dict(json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8")))


def new_phone() -> str:
    return f"09{next(_phones) % 100_000_000:08d}"


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


@dataclass
class Till:
    """A till's events for one store, dated by the test clock."""

    store_id: str
    clock: object
    terminal_id: str = "T01"
    seq: int = 0

    def event(self, type_: str, payload: dict) -> dict:
        self.seq += 1
        return {"event_id": uuid7(), "type": type_, "store_id": self.store_id, "terminal_id": self.terminal_id,
                "seq": self.seq, "occurred_at": self.clock().isoformat(), "rules_version": 1, "payload": payload}

    def entry(self, code: str, kind: str, points: int) -> dict:
        on = self.clock().date()
        expires = ledger.lot_expiry(on).isoformat() if points > 0 else None
        return {"entry_id": uuid7(), "member_code": code, "kind": kind, "points": points, "on": on.isoformat(),
                "expires_on": expires}

    def enroll(self, name: str = "Chen Mei", *, marketing: bool = False, phone: str | None = None,
               code: str | None = None) -> dict:
        code = code or member_code()
        member = {"member_code": code, "phone": phone or new_phone(), "name": name, "birthday": None,
                  "consent_terms": True, "consent_marketing": marketing, "tier": "basic",
                  "enrolled_at": self.clock().isoformat(), "home_store": self.store_id, "referrer_code": None,
                  "status": "active", "merged_into": None}
        return self.event("member.enrolled", {"member": member, "ledger": [self.entry(code, ledger.SIGNUP, 100)],
                                              "actor": "C1"})

    def sale(self, code: str, paid: int, redeem: int = 0) -> dict:
        """One line priced as a real till prices it (basic tier, no promotion on the pinned Tuesday)."""
        cart = [pricing.CartLine("SKU-1", "general", paid + redeem, 1)]
        q = pricing.quote(default_rules(), pricing.MemberTerms(code, "basic", None, redeem), cart,
                          self.clock().date(), redeem)
        entries = ([self.entry(code, ledger.REDEEM, -redeem)] if redeem else []) + [
            self.entry(code, ledger.EARN, q.points_earned)]
        payload = {"receipt_no": f"R-{self.store_id}-{self.terminal_id}-{self.seq + 1:06d}", "member_code": code,
                   "lines": [line.to_dict() for line in q.lines], "subtotal_cents": q.subtotal_cents,
                   "discount_cents": q.discount_cents, "coupon_id": None, "coupon_cents": 0, "points_redeemed": redeem,
                   "redeem_cents": q.redeem_cents, "paid_cents": q.paid_cents, "points_earned": q.points_earned,
                   "spend_cents": q.paid_cents, "tier_code": "basic", "ledger": entries}
        return self.event("sale.confirmed", payload)

    def adjust(self, code: str, points: int) -> dict:
        payload = {"member_code": code, "points": points, "reason": "goodwill", "supervisor_id": "SUP1",
                   "ledger": [self.entry(code, ledger.ADJUST, points)]}
        return self.event("points.adjusted", payload)


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
                accounts.add(conn, name, role, PASSWORD, now, store)

        db.write(self.engine, work)
        self.tills = {s: Till(s, self.clock) for s in ("S001", "S002")}
        return self

    def push(self, store: str, *events: dict) -> list[str]:
        response = self.client.post("/api/v1/sync/push", json={"events": list(events)},
                                    headers={"Authorization": f"Bearer {self.tokens[store]}"})
        assert response.status_code == 200, response.text
        return [r["status"] for r in response.json()["results"]]

    def member(self, store: str, name: str = "Chen Mei", **kw) -> str:
        event = self.tills[store].enroll(name, **kw)
        assert self.push(store, event) == ["applied"]
        return event["payload"]["member"]["member_code"]

    def buy(self, store: str, code: str, paid: int, redeem: int = 0) -> None:
        assert self.push(store, self.tills[store].sale(code, paid, redeem)) == ["applied"]

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
