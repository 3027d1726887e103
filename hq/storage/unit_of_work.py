"""One writing transaction's working set, flushed in bulk at the end.

A push of 500 events must not cost thousands of round trips, so handlers
change members, ledger entries and feed rows here, in memory, and `flush`
writes each table with one bulk statement. Members are locked (SELECT ...
FOR NO KEY UPDATE on PostgreSQL) when first loaded, so balances and tiers
computed here cannot race another store's push for the same member.
"""

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from loyalty_core import phones
from loyalty_core.ids import TILL_ENTRY_PREFIX
from loyalty_core.ledger import Entry
from loyalty_core.member import MERGED, Member
from loyalty_core.rules import RuleSet

from . import bulk, db, feed
from .members import OVERDRAFT, MemberState, changing_columns, from_row, insert_row
from .schema import (
    coupon_conflicts,
    coupon_uses,
    coupons,
    events,
    ledger,
    members,
    pending_referrals,
    rejections,
    sales,
    spend,
    stores,
    terminals,
)

_MAX_HOPS = 20


class UnitOfWork:
    def __init__(self, conn: Connection, rules: RuleSet, now: dt.datetime, today: dt.date | None = None) -> None:
        self.conn, self.rules, self.now = conn, rules, now
        self.today = today or now.astimezone().date()
        self.spend_cutoff = self.today - dt.timedelta(days=rules.spend_window_days)
        self.members: dict[str, MemberState] = {}
        self._absent: set[str] = set()
        self._phones: set[str] = set()
        self._entries: dict[str, tuple[str, int] | None] = {}  # entry_id -> (kind, points), None = absent
        self._coupon_first: dict[str, str | None] = {}  # coupon_id -> event that used it first
        self.ledger_rows: list[dict] = []
        self.spend_rows: list[dict] = []
        self.event_rows: list[dict] = []
        self.rejection_rows: list[dict] = []
        self.coupon_rows: list[dict] = []
        self.coupon_use_rows: list[dict] = []
        self.conflict_rows: list[dict] = []
        self.feed_rows: list[tuple[str, str | None, str]] = []
        self._regions: dict[str, str] = {}
        self.fresh_events = False  # a push: till-derived entry ids are new by construction (see known_entry)
        self.rule_versions: dict | None = None  # every published version, read once (hq.services.trust)
        self.terminal: tuple[str, str] | None = None  # the pushing terminal, if a push
        self.terminal_created_at: dt.datetime | None = None
        self.clock_skew_events = 0
        self.sales: dict[str, dict | None] = {}  # receipt_no -> the sale HQ has (hq.services.sales), None = absent
        self.sale_rows: list[dict] = []
        self.returned_rows: dict[str, dict] = {}
        self.adjusted: dict[tuple[str, dt.date], int] = {}  # (store, day) -> |points| adjusted (hq.services.held)
        self.redeems: dict[tuple[str, dt.date], int] = {}  # (member, day) -> redeeming sales (hq.services.risk)
        self.coupon_faces: dict[str, dict | None] = {}  # coupon id -> what HQ issued (hq.services.coupon_claims)
        self.referral_rows: list[dict] = []  # referral bonuses waiting out the return window (hq.services.referrals)
        self.velocity_notes: list[dict] = []  # what a push counts against fraud farming (hq.services.velocity)
        self.reviewed = False  # an operator approved this held sale: book it, hold nothing (hq.services.held)

    def region_of(self, store_id: str) -> str:
        """The store's country: a phone a till sent without a country code is read in it."""
        if store_id not in self._regions:
            country = self.conn.execute(sa.select(stores.c.country).where(stores.c.store_id == store_id)).scalar()
            self._regions[store_id] = country or phones.DEFAULT_REGION
        return self._regions[store_id]

    # -- members -------------------------------------------------------------------------------

    def load(self, codes: Iterable[str] = (), phones: Iterable[str] = ()) -> None:
        """Reads and locks members by code or phone (in code order, to avoid deadlocks)."""
        codes = sorted({c for c in codes if c and c not in self.members and c not in self._absent})
        phones = sorted(set(phones) - self._phones)
        if not codes and not phones:
            return
        found: list[MemberState] = []
        for column, values in ((members.c.member_code, codes), (members.c.phone, phones)):
            for cond in bulk.among(self.conn, column, values) if values else ():
                found += self._select(cond)
        self._absent.update(c for c in codes if c not in self.members)
        self._phones.update(phones)
        self.load(s.member.merged_into for s in found if s.member.merged_into)

    def _select(self, cond: sa.ColumnElement) -> list[MemberState]:
        query = sa.select(members).where(cond).order_by(members.c.member_code).with_for_update(key_share=True)
        found = []
        for row in self.conn.execute(query):
            if row.member_code not in self.members:
                self.members[row.member_code] = state = from_row(row)
                found.append(state)
        return found

    def get(self, code: str) -> MemberState | None:
        if code not in self.members:
            self.load([code])
        return self.members.get(code)

    def resolve(self, code: str | None) -> MemberState | None:
        """The member a code stands for today: merged codes lead to their survivor."""
        state = self.get(code) if code else None
        for _ in range(_MAX_HOPS):
            if state is None or state.member.status != MERGED or not state.member.merged_into:
                return state
            state = self.get(state.member.merged_into)
        return state

    def active_with_phone(self, phone: str, exclude: str) -> MemberState | None:
        self.load(phones=[phone])
        twins = [s for s in self.members.values() if s.member.phone == phone and s.active and s.code != exclude]
        return min(twins, key=lambda s: (s.new, s.code)) if twins else None  # one HQ had before this push first

    def add_member(self, state: MemberState) -> None:
        state.new, state.spend = True, 0
        self.members[state.code] = state
        self._absent.discard(state.code)
        self.publish(feed.MEMBER, state.member.to_dict(), state.code)

    def update_member(self, state: MemberState, member: Member) -> None:
        state.member, state.dirty = member, True
        self.publish(feed.MEMBER, member.to_dict(), state.code)

    def set_tier(self, state: MemberState, tier_code: str) -> None:
        state.prev_tier, state.tier_changed_at = state.member.tier_code, self.now
        state.member, state.dirty = replace(state.member, tier_code=tier_code), True
        data = {"member_code": state.code, "tier": tier_code, "spend_cents": self.rolling_spend(state)}
        self.publish(feed.TIER, data, state.code)

    def upgrade_tier(self, state: MemberState) -> None:
        """A purchase upgrades at once over the rolling spend window; it never moves anyone down."""
        tier = self.rules.ladder.after_purchase(state.member.tier_code, self.rolling_spend(state))
        if tier.code != state.member.tier_code:
            self.set_tier(state, tier.code)

    def flag_overdrafts(self, entries: list[Entry]) -> None:
        """A redemption that left the balance below zero: accepted (the goods are gone), flagged for review."""
        for code in {e.member_code for e in entries if e.kind == "redeem" and e.points < 0}:
            state = self.members[code]
            if state.balance < 0:
                self.flag(state, OVERDRAFT)

    def flag(self, state: MemberState, flag: str, on: bool = True) -> None:
        if (flag in state.flags) != on:
            (state.flags.add if on else state.flags.discard)(flag)
            state.dirty = True

    # -- ledger --------------------------------------------------------------------------------

    def preload_entries(self, entry_ids: Iterable[str]) -> None:
        wanted = sorted({i for i in entry_ids if i not in self._entries})
        for entry_id in wanted:
            self._entries[entry_id] = None
        for cond in bulk.among(self.conn, ledger.c.entry_id, wanted) if wanted else ():
            for row in self.conn.execute(sa.select(ledger.c.entry_id, ledger.c.kind, ledger.c.points).where(cond)):
                self._entries[row.entry_id] = (row.kind, int(row.points))

    def known_entry(self, entry_id: str) -> tuple[str, int] | None:
        """(kind, points) of an entry already in the ledger (or added in this transaction)."""
        if entry_id not in self._entries:
            if entry_id.startswith(TILL_ENTRY_PREFIX) and self.fresh_events:
                # Derived from an event this push applies for the first time (hq.services.trust.entry_id): it
                # cannot be in the ledger yet, so no query (that lookup was half of a push's time).
                return None
            self.preload_entries([entry_id])
        return self._entries[entry_id]

    def add_entry(self, entry: Entry, event_id: str) -> bool:
        """Books an entry for its (loaded) member; False if that entry id is already booked."""
        if self.known_entry(entry.entry_id) is not None:
            return False
        state = self.members[entry.member_code]
        self._entries[entry.entry_id] = (entry.kind, entry.points)
        self.ledger_rows.append({
            "entry_id": entry.entry_id, "member_code": entry.member_code, "kind": entry.kind,
            "points": entry.points, "on_date": entry.on, "expires_on": entry.expires_on, "event_id": event_id,
        })  # fmt: skip
        state.balance += entry.points
        state.dirty = True
        if state.balance >= 0:
            state.flags.discard(OVERDRAFT)
        self.publish(feed.LEDGER, {**entry.to_dict(), "confirmed_event_id": event_id}, entry.member_code)
        return True

    def entries_of(self, code: str) -> list[Entry]:
        """The member's ledger in HQ order, including what this transaction added."""
        query = (
            sa.select(ledger.c.entry_id, ledger.c.member_code, ledger.c.kind, ledger.c.points, ledger.c.on_date,
                      ledger.c.expires_on)
            .where(ledger.c.member_code == code)
            .order_by(ledger.c.id)
        )  # fmt: skip
        stored = [
            Entry(r.entry_id, r.member_code, r.kind, int(r.points), r.on_date, r.expires_on)
            for r in self.conn.execute(query)
        ]
        pending = [
            Entry(r["entry_id"], code, r["kind"], r["points"], r["on_date"], r["expires_on"])
            for r in self.ledger_rows
            if r["member_code"] == code
        ]
        return stored + pending

    # -- spend ---------------------------------------------------------------------------------

    def preload_spend(self, codes: Iterable[str]) -> None:
        wanted = sorted({c for c in codes if c in self.members and self.members[c].spend is None})
        for code in wanted:
            self.members[code].spend = 0
        for cond in bulk.among(self.conn, spend.c.member_code, wanted) if wanted else ():
            query = (
                sa.select(spend.c.member_code, sa.func.sum(spend.c.cents))
                .where(cond, spend.c.on_date > self.spend_cutoff)
                .group_by(spend.c.member_code)
            )
            for code, total in self.conn.execute(query):
                self.members[code].spend = int(total or 0)

    def rolling_spend(self, state: MemberState) -> int:
        if state.spend is None:
            self.preload_spend([state.code])
        return state.spend or 0

    def add_spend(self, state: MemberState, on: dt.date, cents: int, source: str) -> None:
        spent = self.rolling_spend(state)  # load the stored part before adding to it
        self.spend_rows.append({"member_code": state.code, "on_date": on, "cents": cents, "source": source})
        if on > self.spend_cutoff:
            state.spend = spent + cents

    def spend_rows_of(self, code: str) -> list[tuple[dt.date, int]]:
        query = sa.select(spend.c.on_date, spend.c.cents).where(spend.c.member_code == code).order_by(spend.c.id)
        stored = [(r.on_date, int(r.cents)) for r in self.conn.execute(query)]
        return stored + [(r["on_date"], r["cents"]) for r in self.spend_rows if r["member_code"] == code]

    # -- coupons -------------------------------------------------------------------------------

    def preload_coupon_uses(self, coupon_ids: Iterable[str]) -> None:
        wanted = sorted({c for c in coupon_ids if c not in self._coupon_first})
        for coupon_id in wanted:
            self._coupon_first[coupon_id] = None
        for cond in bulk.among(self.conn, coupon_uses.c.coupon_id, wanted) if wanted else ():
            for row in self.conn.execute(sa.select(coupon_uses.c.coupon_id, coupon_uses.c.event_id).where(cond)):
                self._coupon_first[row.coupon_id] = row.event_id

    def use_coupon(self, coupon_id: str, event_id: str, store_id: str, code: str | None) -> bool:
        """Marks the coupon used chain-wide; False (and a conflict row) if a different sale used it first."""
        self.preload_coupon_uses([coupon_id])
        first = self._coupon_first[coupon_id]
        if first == event_id:
            return True
        if first is None:
            self._coupon_first[coupon_id] = event_id
            self.coupon_use_rows.append({"coupon_id": coupon_id, "event_id": event_id, "store_id": store_id,
                                         "member_code": code, "used_at": self.now})  # fmt: skip
            self.publish(feed.COUPON_USED, {"coupon_id": coupon_id}, code)
            return True
        self.conflict_rows.append({"coupon_id": coupon_id, "event_id": event_id, "store_id": store_id,
                                   "member_code": code, "at": self.now})  # fmt: skip
        return False

    def add_coupon(self, row: dict) -> None:
        self.coupon_rows.append(row)

    # -- sales HQ has (for returns) -----------------------------------------------------------

    def preload_sales(self, receipt_nos: Iterable[str]) -> None:
        wanted = sorted({r for r in receipt_nos if r and r not in self.sales})
        for receipt_no in wanted:
            self.sales[receipt_no] = None
        for cond in bulk.among(self.conn, sales.c.receipt_no, wanted) if wanted else ():
            for row in self.conn.execute(sa.select(sales).where(cond).with_for_update()):
                self.sales[row.receipt_no] = {
                    "receipt_no": row.receipt_no, "member_code": row.member_code, "on_date": row.on_date,
                    "lines": json.loads(row.lines), "returned": json.loads(row.returned),
                }  # fmt: skip

    def sale(self, receipt_no: str) -> dict | None:
        if receipt_no not in self.sales:
            self.preload_sales([receipt_no])
        return self.sales[receipt_no]

    def add_sale(self, receipt_no: str, event_id: str, member_code: str, on: dt.date, lines: list[dict]) -> None:
        self.sales[receipt_no] = {"receipt_no": receipt_no, "member_code": member_code, "on_date": on,
                                  "lines": lines, "returned": {}, "new": True}  # fmt: skip
        self.sale_rows.append({"receipt_no": receipt_no, "event_id": event_id, "member_code": member_code,
                               "on_date": on, "lines": feed.dumps(lines), "returned": "{}"})  # fmt: skip

    def set_returned(self, receipt_no: str, returned: dict[str, int]) -> None:
        sale = self.sales[receipt_no]
        assert sale is not None, receipt_no  # a return is only booked against a sale HQ has
        sale["returned"] = returned
        if sale.get("new"):  # not written yet: the insert carries it
            row = next(r for r in self.sale_rows if r["receipt_no"] == receipt_no)
            row["returned"] = feed.dumps(returned)
        else:
            self.returned_rows[receipt_no] = {"receipt_no": receipt_no, "returned": feed.dumps(returned)}

    def _touch_terminal(self) -> None:
        if self.terminal is None:
            return
        store_id, terminal_id = self.terminal
        values: dict = {"last_contact_at": self.now}
        if self.clock_skew_events:
            values.update(clock_skew_at=self.now,
                          clock_skew_events=terminals.c.clock_skew_events + self.clock_skew_events)  # fmt: skip
        key = (terminals.c.store_id == store_id) & (terminals.c.terminal_id == terminal_id)
        self.conn.execute(sa.update(terminals).where(key).values(**values))
        self.clock_skew_events = 0

    # -- feed and flush ------------------------------------------------------------------------

    def publish(self, kind: str, data: dict, member_code: str | None = None) -> None:
        self.feed_rows.append((kind, member_code, feed.dumps(data)))

    def flush(self) -> None:
        """Writes everything with one statement per table; the feed goes last (see hq.storage.feed)."""
        conn = self.conn
        bulk.insert(conn, members, [insert_row(s, self.now) for s in self.members.values() if s.new])
        bulk.update(
            conn, members, "member_code", [changing_columns(s) for s in self.members.values() if s.dirty and not s.new]
        )
        for table, rows in (
            (events, self.event_rows),
            (ledger, self.ledger_rows),
            (spend, self.spend_rows),
            (coupon_uses, self.coupon_use_rows),
            (coupon_conflicts, self.conflict_rows),
            (rejections, self.rejection_rows),
        ):
            bulk.insert(conn, table, rows)
        bulk.insert(conn, sales, self.sale_rows)
        bulk.update(conn, sales, "receipt_no", list(self.returned_rows.values()))
        self._touch_terminal()
        if self.coupon_rows:  # a coupon issued twice is the same coupon
            conn.execute(db.insert_ignore(conn, coupons), self.coupon_rows)
        if self.referral_rows:  # one per referee, ever (the entry id's rule)
            conn.execute(db.insert_ignore(conn, pending_referrals), self.referral_rows)
            self.referral_rows = []
        feed.append(conn, self.feed_rows, self.now)
        for state in self.members.values():
            state.new = state.dirty = False
