"""Till events as a real till builds them, for pushing through HQ's real sync API.

`Till` dates its events by a fixed ISO moment (`at`, the run's now by default) or by a clock
(`clock=`, the console tests' pinned Tuesday); ledger entries carry the till's day. Arguments that
override what the till claims (`earn`, `spend`, `lines`, `extra_entries`) build forged or mistaken tills.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass

from hq.storage import migrate
from loyalty_core import ledger, pricing
from loyalty_core.ids import member_code, uuid7
from loyalty_core.rules import RuleSet

from .clock import NOW, TODAY

_phones = itertools.count(int.from_bytes(os.urandom(3), "big") % 10_000_000)


@functools.cache
def default_rules() -> RuleSet:
    return RuleSet.from_dict(json.loads(migrate.DEFAULT_RULES.read_text(encoding="utf-8")))


def new_phone() -> str:
    """A Taiwanese mobile number no other test of this run has used."""
    return f"0912{next(_phones) % 1_000_000:06d}"


def entry(code: str, kind: str, points: int, on: str = TODAY.isoformat(), expires_on: str | None = None) -> dict:
    if points > 0 and expires_on is None:
        expires_on = ledger.lot_expiry(dt.date.fromisoformat(on)).isoformat()
    return {"entry_id": uuid7(), "member_code": code, "kind": kind, "points": points, "on": on,
            "expires_on": expires_on}  # fmt: skip


@dataclass
class Till:
    store_id: str = "S001"
    terminal_id: str = "T01"
    seq: int = 0
    at: str = NOW.isoformat()  # when the till says things happen, unless it has a clock
    clock: Callable[[], dt.datetime] | None = None

    def now(self) -> str:
        return self.clock().isoformat() if self.clock is not None else self.at

    def day(self) -> str:
        return self.now()[:10]

    def event(self, type_: str, payload: dict, event_id: str | None = None) -> dict:
        self.seq += 1
        return {
            "event_id": event_id or uuid7(),
            "type": type_,
            "store_id": self.store_id,
            "terminal_id": self.terminal_id,
            "seq": self.seq,
            "occurred_at": self.now(),
            "rules_version": 1,
            "payload": payload,
        }

    def entry(self, code: str, kind: str, points: int) -> dict:
        return entry(code, kind, points, on=self.day())

    def enroll(self, code: str | None = None, phone: str | None = None, *, name: str = "Chen Mei",
               marketing: bool = False, enrolled_at: str | None = None, referrer: str | None = None,
               signup: int = 100, birthday: str | None = None) -> dict:  # fmt: skip
        code = code or member_code()
        member = {
            "member_code": code, "phone": phone or new_phone(), "name": name, "birthday": birthday,
            "consent_terms": True, "consent_marketing": marketing, "tier": "basic",
            "enrolled_at": enrolled_at or self.now(), "home_store": self.store_id, "referrer_code": referrer,
            "status": "active", "merged_into": None,
        }  # fmt: skip
        entries = [self.entry(code, ledger.SIGNUP, signup)] if signup else []
        return self.event("member.enrolled", {"member": member, "ledger": entries, "actor": "C1"})

    def sale(self, code: str, paid: int = 10_000, *, earn: int | None = None, redeem: int = 0,
             coupon_id: str | None = None, extra_entries: list[dict] | None = None, tier: str = "basic",
             spend: int | None = None, lines: list[dict] | None = None, qty: int = 1) -> dict:  # fmt: skip
        """A sale priced as a real till prices it (one line, `paid` cents paid after `redeem` points)."""
        assert (paid + redeem) % qty == 0, "qty must divide the price"
        cart = [pricing.CartLine("SKU-1", "general", (paid + redeem) // qty, qty)]
        terms = pricing.MemberTerms(code, tier, None, redeem)
        q = pricing.quote(default_rules(), terms, cart, dt.date.fromisoformat(self.day()), redeem)
        earn = q.points_earned if earn is None else earn
        entries = []
        if redeem:
            entries.append(self.entry(code, ledger.REDEEM, -redeem))
        if earn:
            entries.append(self.entry(code, ledger.EARN, earn))
        entries += extra_entries or []
        payload = {
            "receipt_no": f"R-{self.store_id}-{self.terminal_id}-{self.seq + 1:06d}", "member_code": code,
            "lines": [line.to_dict() for line in q.lines] if lines is None else lines,
            "subtotal_cents": q.subtotal_cents, "discount_cents": q.discount_cents, "coupon_id": coupon_id,
            "coupon_cents": 0, "points_redeemed": redeem, "redeem_cents": q.redeem_cents, "paid_cents": q.paid_cents,
            "points_earned": earn, "spend_cents": q.paid_cents if spend is None else spend, "tier_code": tier,
            "ledger": entries, "identified_by": "card",  # the member's card scanned: any redemption
        }  # fmt: skip
        return self.event("sale.confirmed", payload)

    def give_back(self, code: str, *, spend: int = -5_000, take_back: int = 50, give_back: int = 0,
                  receipt_no: str | None = None, line_qty: dict | None = None,
                  supervisor_id: str | None = "SUP1") -> dict:  # fmt: skip
        """A return: of `line_qty` units of a sale HQ has (`receipt_no`), or without a receipt (a supervisor's)."""
        entries = [self.entry(code, ledger.RETURN_EARN, -take_back)] if take_back else []
        if give_back:
            entries.append(self.entry(code, ledger.RETURN_REDEEM, give_back))
        payload = {"return_no": "RT-1", "receipt_no": receipt_no, "member_code": code, "lines": [],
                   "line_qty": line_qty or {}, "refund_cents": -spend, "spend_cents": spend,
                   "supervisor_id": supervisor_id, "ledger": entries}  # fmt: skip
        return self.event("sale.returned", payload)

    def adjust(self, code: str, points: int) -> dict:
        payload = {"member_code": code, "points": points, "reason": "goodwill", "supervisor_id": "SUP1",
                   "ledger": [self.entry(code, ledger.ADJUST, points)]}  # fmt: skip
        return self.event("points.adjusted", payload)

    def update(self, code: str, changes: dict) -> dict:
        return self.event("member.updated", {"member_code": code, "changes": changes, "actor": "C1"})
