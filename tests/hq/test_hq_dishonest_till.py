"""Three tills push to one HQ; two are honest and the third forges what it sends: inflated earn and spend,
entries for other members, fabricated huge baskets, redemptions beyond the balance, coupon claims over
the face or on ids HQ never issued, adjustments back-dated to slip under the daily cap, returns of more
than was sold, replays and an honest till's event re-sent as its own.

The invariant, after every step, read from HQ's database: HQ's ledger, event by event, is exactly the
model's — an honest event as its till priced it, a forged one as the model reprices its facts with the
shared core (`loyalty_core.pricing` / `returns`) or nothing when HQ must hold or reject it — every
implausible event waits as a `held` row instead, and every balance is the sum of its member's ledger.
So no balance ever exceeds what the honest events and the forged events' own facts explain.
"""

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from hq.storage import db
from hq.storage.schema import held_adjustments, members, spend
from hq.storage.schema import ledger as ledger_table
from loyalty_core import coupons, ledger, pricing
from loyalty_core.returns import return_line
from tests.support.clock import NOW
from tests.support.events import Till, default_rules, entry

HONEST, DISHONEST = (0, 1), 2
SILVER = 500_000  # the default rules' first tier above basic (rolling spend, cents)
MILLION_SALE = 99_999_999  # 999,999.99: far over the rules' max_sale_cents
Figures = list[tuple[str, str, int]]  # (member, kind, points) of one event's ledger rows, sorted


@dataclass
class SaleOnFile:
    """A sale HQ booked: what a return may take back (the model's own priced line)."""

    receipt_no: str
    member: str
    line: pricing.PricedLine
    returned: int = 0


def repriced(code: str, lines: list[dict], day: str, redeem: int, coupon_cents: int = 0) -> pricing.Quote:
    """The model's price of a sale's facts (its lines, points tendered, coupon amount) for a basic member."""
    cart = [pricing.CartLine(x["sku"], x["category"], x["unit_price_cents"], x["qty"]) for x in lines]
    coupon = coupons.Coupon("model", coupons.AMOUNT, coupon_cents) if coupon_cents else None
    terms = pricing.MemberTerms(code, "basic", None, redeem)
    return pricing.quote(default_rules(), terms, cart, dt.date.fromisoformat(day), redeem, coupon)


def sale_figures(code: str, q: pricing.Quote) -> Figures:
    out = [(code, ledger.REDEEM, -q.points_redeemed)] if q.points_redeemed else []
    return sorted(out + ([(code, ledger.EARN, q.points_earned)] if q.points_earned else []))


def coupon_sale(till: Till, code: str, gross: int, coupon_id: str, claimed: int) -> dict:
    """A one-line sale of `gross` cents with `claimed` cents off on `coupon_id`, priced as a till prices it."""
    q = repriced(code, [{"sku": "SKU-1", "category": "general", "unit_price_cents": gross, "qty": 1}],
                 till.day(), 0, claimed)  # fmt: skip
    event = till.sale(code, paid=gross)
    event["payload"].update(coupon_id=coupon_id, coupon_cents=q.coupon_cents, paid_cents=q.paid_cents,
                            spend_cents=q.paid_cents, points_earned=q.points_earned,
                            lines=[line.to_dict() for line in q.lines],
                            ledger=[entry(code, ledger.EARN, q.points_earned, on=till.day())])  # fmt: skip
    return event


class ThreeTills(RuleBasedStateMachine):
    def __init__(self, hq) -> None:
        super().__init__()
        self.hq = hq
        tag = uuid.uuid4().hex[:6]  # each run its own stores: the daily adjustment caps start at 0
        self.tills = [Till(f"D{tag}{i}", "T01") for i in range(3)]
        self.ledger: dict[str, Figures] = {}  # event id -> what HQ must have booked for it
        self.spend: dict[str, int] = {}  # member -> cents of qualifying spend
        self.held: set[str] = set()  # event ids HQ must hold
        self.redeems: dict[str, int] = {}  # member -> booked redemptions today (max_redeems_per_member_day)
        self.adjusted: dict[tuple[int, str], int] = {}  # (store, claimed day) -> |points| booked
        self.received = [0, 0, 0]  # |points| of adjustments booked per store on HQ's (standing) day
        self.codes: list[str] = []  # the members, in enrolment order
        self.sales: list[SaleOnFile] = []
        self.held_sales: list[tuple[str, str]] = []  # (member, receipt number) of sales HQ holds
        self.pushed: list[tuple[int, dict, str]] = []  # (store, event, model outcome)

    # -- the model -------------------------------------------------------------------------------

    def balance(self, code: str) -> int:
        return sum(p for figures in self.ledger.values() for who, _, p in figures if who == code)

    def _push(self, store: int, events: list[dict]) -> list[dict]:
        response = self.hq.push(events, self.tills[store])
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def _send(
        self, store: int, event: dict, outcome: str, figures: Figures | None = None, spend_cents: int = 0
    ) -> dict:
        """Pushes one event the model expects to be `outcome`; books the model's side of it."""
        answer = self._push(store, [event])[0]
        assert answer["status"] == outcome, (answer, outcome)
        self.pushed.append((store, event, outcome))
        if outcome == "held":
            self.held.add(event["event_id"])
        elif outcome in ("applied", "corrected"):
            if figures:
                self.ledger[event["event_id"]] = sorted(figures)
            code = event["payload"].get("member_code")
            if spend_cents:
                self.spend[code] = self.spend.get(code, 0) + spend_cents
        return answer

    def _book_sale(self, store: int, event: dict, outcome: str, q: pricing.Quote) -> None:
        p = event["payload"]
        self._send(store, event, outcome, sale_figures(p["member_code"], q), q.paid_cents)
        if q.points_redeemed:
            self.redeems[p["member_code"]] = self.redeems.get(p["member_code"], 0) + 1
        self.sales.append(SaleOnFile(p["receipt_no"], p["member_code"], q.lines[0]))

    def _adjust(self, store: int, event: dict) -> None:
        """Booked within both daily caps (the till's claimed day and HQ's day) and the per-adjustment cap."""
        policy = default_rules().trust
        points, day = event["payload"]["points"], event["payload"]["ledger"][0]["on"]
        size = abs(points)
        fits = (size <= policy.max_adjust_points
                and self.adjusted.get((store, day), 0) + size <= policy.max_adjust_store_day_points
                and self.received[store] + size <= policy.max_adjust_store_day_points)  # fmt: skip
        if not fits:
            self._send(store, event, "held")
            return
        self._send(store, event, "applied", [(event["payload"]["member_code"], ledger.ADJUST, points)])
        self.adjusted[(store, day)] = self.adjusted.get((store, day), 0) + size
        self.received[store] += size

    def _member(self, data) -> str:
        return data.draw(st.sampled_from(self._members()))

    # -- honest tills ----------------------------------------------------------------------------

    @initialize(n=st.integers(2, 3))
    def enroll(self, n):
        for i in range(n):
            self.honest_enrolment(store=i % 2)

    @rule(store=st.sampled_from(HONEST))
    def honest_enrolment(self, store):
        event = self.tills[store].enroll()
        code = event["payload"]["member"]["member_code"]
        self._send(store, event, "applied", [(code, ledger.SIGNUP, 100)])
        self.codes.append(code)

    @rule(data=st.data(), store=st.sampled_from(HONEST), paid=st.integers(1, 200).map(lambda d: d * 100),
          redeem=st.sampled_from([0, 0, 100, 500]))  # fmt: skip
    def honest_sale(self, data, store, paid, redeem):
        code = self._member(data)
        if redeem > min(self.balance(code), paid) or self.redeems.get(code, 0) >= 5:
            redeem = 0  # an honest till redeems only what the member has, five times a day at most
        event = self.tills[store].sale(code, paid=paid, redeem=redeem)
        q = repriced(code, event["payload"]["lines"], self.tills[store].day(), redeem)
        self._book_sale(store, event, "applied", q)

    @rule(data=st.data(), store=st.sampled_from(HONEST), points=st.integers(1, 1_000), sign=st.sampled_from([1, -1]))
    def honest_adjustment(self, data, store, points, sign):
        code = self._member(data)
        if sign < 0 and points > self.balance(code):
            sign = 1
        self._adjust(store, self.tills[store].adjust(code, sign * points))

    # -- the dishonest till ----------------------------------------------------------------------

    @property
    def crook(self) -> Till:
        return self.tills[DISHONEST]

    @rule(data=st.data(), paid=st.integers(1, 200).map(lambda d: d * 100),
          forged=st.sampled_from(["earn", "spend", "both"]))  # fmt: skip
    def inflated_sale(self, data, paid, forged):
        code = self._member(data)
        earn = 10_000_000 if forged in ("earn", "both") else None
        spend_cents = 99_999_999 if forged in ("spend", "both") else None
        event = self.crook.sale(code, paid=paid, earn=earn, spend=spend_cents)
        self._book_sale(DISHONEST, event, "corrected", repriced(code, event["payload"]["lines"], self.crook.day(), 0))

    @rule(data=st.data(), kind=st.sampled_from([ledger.EARN, ledger.BONUS, ledger.SIGNUP, ledger.RETURN_REDEEM]))
    def sale_with_points_for_someone_else(self, data, kind):
        code = self._member(data)
        other = data.draw(st.sampled_from([m for m in self._members() if m != code] or [code]))
        forged = self.crook.sale(code, paid=1_000, extra_entries=[entry(other, kind, 5_000, on=self.crook.day())])
        if other == code and kind in (ledger.EARN, ledger.BONUS):  # one's own extra earn is only a wrong figure
            self._book_sale(DISHONEST, forged, "corrected", repriced(code, forged["payload"]["lines"],
                                                                     self.crook.day(), 0))  # fmt: skip
        else:
            self._send(DISHONEST, forged, "rejected")

    @rule(data=st.data(), shape=st.sampled_from(["million", "units", "lines"]))
    def fabricated_huge_sale(self, data, shape):
        code = self._member(data)
        if shape == "million":
            event = self.crook.sale(code, paid=MILLION_SALE)
        elif shape == "units":
            event = self.crook.sale(code, paid=50_100, qty=501)
        else:
            line = self.crook.sale(code, paid=100)["payload"]["lines"][0]
            event = self.crook.sale(code, paid=6_100, lines=[line] * 61)
        self._send(DISHONEST, event, "held")
        self.held_sales.append((code, event["payload"]["receipt_no"]))

    @rule(data=st.data(), beyond=st.integers(1, 50))
    def redemption_beyond_balance(self, data, beyond):
        code = self._member(data)
        allowance = default_rules().offline_redeem_allowance_points
        redeem = max(100, ((self.balance(code) + allowance) // 100 + beyond) * 100)  # over balance + allowance
        event = self.crook.sale(code, paid=redeem, redeem=redeem)
        self._send(DISHONEST, event, "held")
        self.held_sales.append((code, event["payload"]["receipt_no"]))

    @precondition(lambda self: self.held_sales)
    @rule(data=st.data())
    def return_of_a_held_sale(self, data):
        """A held sale is no sale to return against: its redeemed points must not come back."""
        code, receipt_no = data.draw(st.sampled_from(self.held_sales))
        event = self.crook.give_back(code, receipt_no=receipt_no, line_qty={"0": 1}, take_back=0, give_back=5_000)
        self._send(DISHONEST, event, "rejected")

    @precondition(lambda self: self.sales and len(self._members()) > 1)
    @rule(data=st.data())
    def return_for_someone_else(self, data):
        """A sale's units returned onto another member's account (the crook's accomplice)."""
        sale = data.draw(st.sampled_from(self.sales))
        other = data.draw(st.sampled_from([m for m in self._members() if m != sale.member]))
        event = self.crook.give_back(other, receipt_no=sale.receipt_no, line_qty={"0": 1}, take_back=0,
                                     give_back=1_000)  # fmt: skip
        self._send(DISHONEST, event, "rejected")

    @rule(data=st.data(), claim=st.sampled_from(["over_face", "someone_elses", "unknown_id", "paper"]))
    def coupon_claim(self, data, claim):
        code = self._member(data)
        year = self.crook.day()[:4]
        if claim == "over_face":  # the birthday coupon is 100.00 off; the till claims 200.00
            event = coupon_sale(self.crook, code, 60_000, f"BDAY-{code}-{year}", 20_000)
            self._send(DISHONEST, event, "held")
            self.held_sales.append((code, event["payload"]["receipt_no"]))
        elif claim == "someone_elses":
            other = data.draw(st.sampled_from(self._members()))
            if other == code and self.spend.get(code, 0) + 50_000 >= SILVER:
                return  # the model prices every member as basic: no honest spend may lift a tier
            outcome = "applied" if other == code else "held"
            event = coupon_sale(self.crook, code, 60_000, f"BDAY-{other}-{year}", 10_000)
            if outcome == "held":
                self._send(DISHONEST, event, outcome)
            else:
                q = repriced(code, event["payload"]["lines"], self.crook.day(), 0, 10_000)
                self._book_sale(DISHONEST, event, outcome, q)
        else:
            coupon_id = "CMP999999-1" if claim == "unknown_id" else "PAPER-7"
            self._send(DISHONEST, coupon_sale(self.crook, code, 100_000, coupon_id, 49_900), "rejected")

    @rule(data=st.data(), burst=st.lists(st.integers(7_000, 11_000), min_size=5, max_size=8),
          days_back=st.integers(1, 30), sign=st.sampled_from([1, 1, -1]))  # fmt: skip
    def back_dated_adjustments(self, data, burst, days_back, sign):
        """Each on another past day, so only HQ's own day (when it received them) caps them all."""
        code = self._member(data)
        for i, points in enumerate(burst):
            self.crook.at = (NOW - dt.timedelta(days=days_back + i)).isoformat()
            try:
                event = self.crook.adjust(code, sign * points)
            finally:
                self.crook.at = NOW.isoformat()
            self._adjust(DISHONEST, event)

    @rule(data=st.data())
    def adjustment_for_someone_else(self, data):
        code, other = self._member(data), self._member(data)
        event = self.crook.adjust(code, 500)
        event["payload"]["ledger"] = [entry(other, ledger.ADJUST, 500, on=self.crook.day())]
        if other == code:
            self._adjust(DISHONEST, event)
        else:
            self._send(DISHONEST, event, "rejected")

    @rule(bonus=st.sampled_from([0, 50_000]))
    def enrolment_with_an_inflated_bonus(self, bonus):
        event = self.crook.enroll(signup=bonus)
        code = event["payload"]["member"]["member_code"]
        self._send(DISHONEST, event, "corrected", [(code, ledger.SIGNUP, 100)])
        self.codes.append(code)

    @precondition(lambda self: self.sales)
    @rule(data=st.data(), extra=st.integers(1, 3))
    def return_of_more_than_was_sold(self, data, extra):
        sale = data.draw(st.sampled_from(self.sales))
        event = self.crook.give_back(sale.member, receipt_no=sale.receipt_no, take_back=0, give_back=1_000_000,
                                     line_qty={"0": sale.line.qty - sale.returned + extra})  # fmt: skip
        self._send(DISHONEST, event, "rejected")

    @precondition(lambda self: any(s.returned < s.line.qty for s in self.sales))
    @rule(data=st.data())
    def full_return_with_forged_figures(self, data):
        """What a return books is the returned units' share of the sale as priced, whatever the till says."""
        sale = data.draw(st.sampled_from([s for s in self.sales if s.returned < s.line.qty]))
        units = sale.line.qty - sale.returned
        event = self.crook.give_back(sale.member, receipt_no=sale.receipt_no, take_back=0, give_back=1_000_000,
                                     line_qty={"0": units}, spend=-1)  # fmt: skip
        back = return_line(sale.line, sale.returned, units)
        figures = [(sale.member, k, p) for k, p in ((ledger.RETURN_EARN, -back.points_taken_back),
                                                    (ledger.RETURN_REDEEM, back.points_given_back)) if p]  # fmt: skip
        self._send(DISHONEST, event, "corrected", figures, -back.spend_cents)
        sale.returned += units

    @rule(data=st.data())
    def return_of_a_receipt_nobody_sold(self, data):
        ghost = self.crook.give_back(self._member(data), receipt_no=f"R-{self.crook.store_id}-T01-999999",
                                     line_qty={"0": 1}, take_back=0, give_back=10_000_000)  # fmt: skip
        self._send(DISHONEST, ghost, "rejected")

    @precondition(lambda self: any(store == DISHONEST for store, _, _ in self.pushed))
    @rule(data=st.data(), twice=st.booleans())
    def replay(self, data, twice):
        """The crook re-sends one of its events (maybe twice in a batch): HQ answers as before, books nothing."""
        _, event, outcome = data.draw(st.sampled_from([p for p in self.pushed if p[0] == DISHONEST]))
        again = {"held": "held", "rejected": "rejected"}.get(outcome, "duplicate")
        statuses = [r["status"] for r in self._push(DISHONEST, [event, event] if twice else [event])]
        assert statuses == [again] * len(statuses)

    @precondition(lambda self: any(store == DISHONEST and o != "rejected" for store, _, o in self.pushed))
    @rule(data=st.data())
    def replay_with_a_bigger_figure(self, data):
        _, event, _ = data.draw(st.sampled_from([p for p in self.pushed if p[0] == DISHONEST and p[2] != "rejected"]))
        changed = {**event, "payload": {**event["payload"], "points_earned": 9_999_999}}
        assert [r["status"] for r in self._push(DISHONEST, [changed])] == ["rejected"]

    @precondition(lambda self: any(store in HONEST for store, _, _ in self.pushed))
    @rule(data=st.data())
    def honest_event_resent_as_its_own(self, data):
        """An honest till's event, re-addressed to the crook's terminal: its id is taken, with another body."""
        store, event, _ = data.draw(st.sampled_from([p for p in self.pushed if p[0] in HONEST]))
        stolen = {**event, "store_id": self.crook.store_id, "terminal_id": self.crook.terminal_id}
        assert [r["status"] for r in self._push(DISHONEST, [stolen])] == ["rejected"]
        as_is = self.hq.push([event], self.crook)  # unchanged, it names another terminal: refused whole
        assert as_is.status_code == 403, as_is.text

    def _members(self) -> list[str]:
        """In enrolment order (codes are random: sorting them would make a replayed example pick others)."""
        return self.codes

    # -- the invariant ---------------------------------------------------------------------------

    @invariant()
    def hq_books_exactly_the_facts_and_holds_the_implausible(self):
        codes = self._members()
        stores = [t.store_id for t in self.tills]
        with db.read(self.hq.engine) as conn:
            rows = conn.execute(
                sa.select(
                    ledger_table.c.event_id, ledger_table.c.member_code, ledger_table.c.kind, ledger_table.c.points
                ).where(ledger_table.c.member_code.in_(codes))
            ).all()
            balances = dict(conn.execute(sa.select(members.c.member_code, members.c.balance)
                                         .where(members.c.member_code.in_(codes))).all())  # fmt: skip
            spent = dict(
                conn.execute(
                    sa.select(spend.c.member_code, sa.func.sum(spend.c.cents))
                    .where(spend.c.member_code.in_(codes))
                    .group_by(spend.c.member_code)
                ).all()
            )
            h = held_adjustments.c
            held = dict(conn.execute(sa.select(h.event_id, h.status).where(h.store_id.in_(stores))).all())
            tiers = set(conn.execute(sa.select(members.c.tier).where(members.c.member_code.in_(codes))).scalars())
        booked: dict[str, Figures] = {}
        for event_id, code, kind, points in rows:
            booked.setdefault(event_id, []).append((code, kind, int(points)))
        assert {e: sorted(f) for e, f in booked.items()} == self.ledger
        assert held == dict.fromkeys(self.held, "held")
        assert not set(booked) & self.held  # what HQ holds, it has not also booked
        for code in codes:
            assert balances[code] == sum(p for e in booked.values() for who, _, p in e if who == code) == \
                   self.balance(code), code  # fmt: skip
        assert {c: int(s) for c, s in spent.items() if s} == {c: s for c, s in self.spend.items() if s}
        assert tiers == {"basic"}  # no forged spend ever lifted a tier


def test_a_dishonest_till_among_honest_ones_gets_nothing_booked_beyond_the_facts(hq):
    run_state_machine_as_test(
        lambda: ThreeTills(hq),
        settings=settings(
            max_examples=6, stateful_step_count=25, deadline=None, suppress_health_check=list(HealthCheck)
        ),  # fmt: skip
    )


def test_a_held_event_sent_twice_in_one_batch_is_answered_held_both_times(hq):
    till = Till()
    enrolment = till.enroll()
    assert hq.statuses([enrolment], till) == ["applied"]
    fabricated = till.sale(enrolment["payload"]["member"]["member_code"], paid=MILLION_SALE)
    assert hq.statuses([fabricated], till) == ["held"]
    assert hq.statuses([fabricated, fabricated], till) == ["held", "held"]
