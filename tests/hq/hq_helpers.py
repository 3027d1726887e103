"""Building till events and driving HQ in tests."""

import datetime as dt
import functools
import itertools
import json
import os
import uuid
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa
from testclock import NOW

from hq.services import admin
from hq.storage import db, migrate
from loyalty_core import ledger, pricing
from loyalty_core.ids import member_code, uuid7
from loyalty_core.rules import RuleSet


@functools.cache
def default_rules() -> RuleSet:
    return RuleSet.from_dict(json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8")))


_phones = itertools.count(int.from_bytes(os.urandom(3), "big") % 10_000_000)


PG_ADMIN_URL = os.environ.get("HQ_TEST_PG_ADMIN", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def migrated_pg_database(prefix: str):
    """A fresh, migrated PostgreSQL database for a test session: yields (url, engine), then drops it.
    Skips the tests that use it when the server is unreachable."""
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {PG_ADMIN_URL} is unreachable ({str(exc.orig).strip()[:120]})")
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    engine = db.make_engine(url)
    migrate.upgrade(engine)
    yield url, engine
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def new_phone() -> str:
    return f"09{next(_phones) % 100_000_000:08d}"


@dataclass
class Till:
    store_id: str = "S001"
    terminal_id: str = "T01"
    seq: int = 0
    at: str = NOW.isoformat()  # when the till says it happened: the run's "now"

    def event(self, type_: str, payload: dict, event_id: str | None = None) -> dict:
        self.seq += 1
        return {
            "event_id": event_id or uuid7(),
            "type": type_,
            "store_id": self.store_id,
            "terminal_id": self.terminal_id,
            "seq": self.seq,
            "occurred_at": self.at,
            "rules_version": 1,
            "payload": payload,
        }

    def enroll(self, code: str | None = None, phone: str | None = None, *, enrolled_at: str | None = None,
               referrer: str | None = None, signup: int = 100, birthday: str | None = None) -> dict:  # fmt: skip
        code = code or member_code()
        member = {
            "member_code": code, "phone": phone or new_phone(), "name": "Chen Mei", "birthday": birthday,
            "consent_terms": True, "consent_marketing": False, "tier": "basic",
            "enrolled_at": enrolled_at or self.at, "home_store": self.store_id, "referrer_code": referrer,
            "status": "active", "merged_into": None,
        }  # fmt: skip
        entries = [entry(code, ledger.SIGNUP, signup)] if signup else []
        return self.event("member.enrolled", {"member": member, "ledger": entries, "actor": "C1"})

    def sale(self, code: str, *, paid: int = 10_000, earn: int | None = None, redeem: int = 0,
             coupon_id: str | None = None, extra_entries: list[dict] | None = None, tier: str = "basic",
             spend: int | None = None, lines: list[dict] | None = None, qty: int = 1) -> dict:  # fmt: skip
        """A sale priced as a real till prices it (one line, `paid` cents paid after `redeem` points);
        `earn` / `spend` / `lines` override what the till claims (a forged or mistaken till)."""
        day = dt.date.fromisoformat(self.at[:10])
        assert (paid + redeem) % qty == 0, "qty must divide the price"
        cart = [pricing.CartLine("SKU-1", "general", (paid + redeem) // qty, qty)]
        terms = pricing.MemberTerms(code, tier, None, redeem)
        q = pricing.quote(default_rules(), terms, cart, day, redeem)
        earn = q.points_earned if earn is None else earn
        entries = []
        if redeem:
            entries.append(entry(code, ledger.REDEEM, -redeem))
        if earn:
            entries.append(entry(code, ledger.EARN, earn))
        entries += extra_entries or []
        payload = {
            "receipt_no": f"R-{self.store_id}-{self.terminal_id}-{self.seq + 1:06d}", "member_code": code,
            "lines": [line.to_dict() for line in q.lines] if lines is None else lines,
            "subtotal_cents": q.subtotal_cents, "discount_cents": q.discount_cents, "coupon_id": coupon_id,
            "coupon_cents": 0, "points_redeemed": redeem, "redeem_cents": q.redeem_cents, "paid_cents": q.paid_cents,
            "points_earned": earn, "spend_cents": q.paid_cents if spend is None else spend, "tier_code": tier,
            "ledger": entries,
        }  # fmt: skip
        return self.event("sale.confirmed", payload)

    def give_back(self, code: str, *, spend: int = -5_000, take_back: int = 50, give_back: int = 0,
                  receipt_no: str | None = None, line_qty: dict | None = None,
                  supervisor_id: str | None = "SUP1") -> dict:  # fmt: skip
        """A return: of `line_qty` units of a sale HQ has (`receipt_no`), or without a receipt (a supervisor's)."""
        entries = [entry(code, ledger.RETURN_EARN, -take_back)] if take_back else []
        if give_back:
            entries.append(entry(code, ledger.RETURN_REDEEM, give_back))
        payload = {"return_no": "RT-1", "receipt_no": receipt_no, "member_code": code, "lines": [],
                   "line_qty": line_qty or {}, "refund_cents": -spend, "spend_cents": spend,
                   "supervisor_id": supervisor_id, "ledger": entries}  # fmt: skip
        return self.event("sale.returned", payload)

    def adjust(self, code: str, points: int) -> dict:
        payload = {"member_code": code, "points": points, "reason": "goodwill", "supervisor_id": "SUP1",
                   "ledger": [entry(code, ledger.ADJUST, points)]}  # fmt: skip
        return self.event("points.adjusted", payload)

    def update(self, code: str, changes: dict) -> dict:
        return self.event("member.updated", {"member_code": code, "changes": changes, "actor": "C1"})


def entry(code: str, kind: str, points: int, on: str = "2026-11-24", expires_on: str | None = None) -> dict:
    if points > 0 and expires_on is None:
        expires_on = ledger.lot_expiry(dt.date.fromisoformat(on)).isoformat()
    return {"entry_id": uuid7(), "member_code": code, "kind": kind, "points": points, "on": on,
            "expires_on": expires_on}  # fmt: skip


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
