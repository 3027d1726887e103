"""Properties that must hold for every input, checked by Hypothesis on the pure domain."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_core import coupons, ledger, pricing, returns
from loyalty_core.errors import DomainError
from loyalty_core.ledger import Entry
from loyalty_core.pricing import CartLine, MemberTerms

from .support import default_rules

RULES = default_rules()
TIERS = [t.code for t in RULES.ladder.tiers]
START = dt.date(2026, 1, 1)

# --- the ledger -------------------------------------------------------------------------------

POSITIVE = ["earn", "signup", "referral", "bonus", "return_redeem", "adjust", "merge_in"]
NEGATIVE = ["redeem", "return_earn", "adjust", "expire"]


@st.composite
def entry_sequences(draw):
    n = draw(st.integers(min_value=0, max_value=40))
    entries, expiries = [], []
    for i in range(n):
        on = START + dt.timedelta(days=draw(st.integers(min_value=0, max_value=800)))
        if draw(st.booleans()):
            kind = draw(st.sampled_from(POSITIVE))
            points = draw(st.integers(min_value=1, max_value=50_000))
            expires = draw(st.sampled_from([None, ledger.lot_expiry(on), ledger.lot_expiry(on, 3)]))
            if expires:
                expiries.append(expires)
        else:
            kind = draw(st.sampled_from(NEGATIVE))
            points = -draw(st.integers(min_value=1, max_value=50_000))
            expires = draw(st.sampled_from(expiries)) if kind == "expire" and expiries else None
        entries.append(Entry(f"e{i}", "M23456789AB", kind, points, on, expires))
    return entries


@settings(max_examples=300, deadline=None)
@given(entry_sequences())
def test_the_wallet_balance_always_equals_the_sum_of_the_ledger(entries):
    assert ledger.wallet(entries).balance == ledger.balance(entries)


@settings(max_examples=300, deadline=None)
@given(entry_sequences())
def test_lots_are_never_over_consumed_and_debt_is_never_negative(entries):
    for k in range(len(entries) + 1):  # after every prefix, not just at the end
        w = ledger.wallet(entries[:k])
        assert w.debt >= 0
        for lot in w.lots:
            assert 0 < lot.remaining <= lot.points
        assert [lot.expires_on for lot in w.lots] == sorted(lot.expires_on for lot in w.lots)


# --- sales and returns ------------------------------------------------------------------------

lines = st.builds(
    CartLine,
    sku=st.sampled_from(["SHIRT-1", "HAT-1", "TEA-500", "CUP-01", "SOAP-3"]),
    category=st.sampled_from(["apparel", "drinks", "homeware", "skincare"]),
    unit_price_cents=st.integers(min_value=1, max_value=200_000),
    qty=st.integers(min_value=1, max_value=12),
)


@st.composite
def sales(draw):
    cart = draw(st.lists(lines, min_size=1, max_size=6))
    tier = draw(st.sampled_from(TIERS))
    day = START + dt.timedelta(days=draw(st.integers(min_value=0, max_value=365)))
    birthday = draw(st.sampled_from([None, dt.date(1990, day.month, 1), dt.date(1985, 1 + day.month % 12, 2)]))
    coupon = draw(
        st.sampled_from([
            None,
            coupons.Coupon("A", coupons.AMOUNT, draw(st.integers(min_value=1, max_value=50_000))),
            coupons.Coupon("P", coupons.PERCENT, draw(st.integers(min_value=1, max_value=10_000))),
        ])
    )  # fmt: skip
    balance = draw(st.integers(min_value=0, max_value=2_000_000))
    terms = MemberTerms("M23456789AB", tier, birthday, balance)
    probe = pricing.quote(RULES, terms, cart, day, 0, coupon)
    steps = probe.max_redeem_points // 100
    redeem = 100 * draw(st.integers(min_value=0, max_value=steps))
    return pricing.quote(RULES, terms, cart, day, redeem, coupon)


@st.composite
def return_orders(draw, quote):
    """Every unit of every line, returned in random-sized pieces, lines interleaved at random."""
    pieces = []
    for i, pl in enumerate(quote.lines):
        left = pl.qty
        while left:
            k = draw(st.integers(min_value=1, max_value=left))
            pieces.append((i, k))
            left -= k
    return draw(st.permutations(pieces))


@settings(max_examples=250, deadline=None)
@given(st.data())
def test_a_full_return_in_any_order_of_partial_returns_gives_back_exactly_what_the_sale_took(data):
    q = data.draw(sales())
    order = data.draw(return_orders(q))
    done = [0] * len(q.lines)
    paid = taken = given = spend = 0
    per_line = [[0, 0, 0] for _ in q.lines]
    for i, k in order:
        r = returns.return_line(q.lines[i], done[i], k)
        done[i] += k
        paid += r.refund_cents
        taken += r.points_taken_back
        given += r.points_given_back
        spend += r.spend_cents
        per_line[i] = [per_line[i][0] + r.refund_cents, per_line[i][1] + r.points_taken_back,
                       per_line[i][2] + r.points_given_back]  # fmt: skip
        assert r.refund_cents >= 0 and r.points_taken_back >= 0 and r.points_given_back >= 0
    assert paid == spend == q.paid_cents
    assert taken == q.points_earned
    assert given == q.points_redeemed
    for pl, back in zip(q.lines, per_line, strict=True):
        assert back == [pl.paid_cents, pl.points_earned, pl.points_redeemed]
    for i, pl in enumerate(q.lines):  # and nothing more can come back
        try:
            returns.return_line(pl, done[i], 1)
        except DomainError as exc:
            assert exc.code == "return_too_many"
        else:
            raise AssertionError("returned more than was sold")


@settings(max_examples=250, deadline=None)
@given(sales())
def test_a_quote_always_adds_up_line_by_line(q):
    assert q.subtotal_cents == sum(pl.subtotal_cents for pl in q.lines)
    assert q.discount_cents == sum(pl.discount_cents for pl in q.lines)
    assert q.coupon_cents == sum(pl.coupon_cents for pl in q.lines)
    assert q.redeem_cents == sum(pl.redeem_cents for pl in q.lines)
    assert q.points_redeemed == sum(pl.points_redeemed for pl in q.lines)
    assert q.paid_cents == sum(pl.paid_cents for pl in q.lines)
    assert q.points_earned == sum(pl.points_earned for pl in q.lines)
    assert q.due_cents == q.subtotal_cents - q.discount_cents - q.coupon_cents
    assert q.paid_cents == q.due_cents - q.redeem_cents
    assert 2 * q.redeem_cents <= q.due_cents  # never more than half the amount due
    assert q.points_redeemed % 100 == 0
    for pl in q.lines:
        assert pl.subtotal_cents == pl.unit_price_cents * pl.qty
        assert pl.paid_cents >= 0 and pl.discount_cents >= 0 and pl.coupon_cents >= 0


@settings(max_examples=250, deadline=None)
@given(sales())
def test_points_earned_are_the_paid_amount_times_the_multiplier_rounded_down_once_plus_unit_bonuses(q):
    bonus = 0
    for pl in q.lines:
        per_unit = {"TEA-500": 50}.get(pl.sku, 0)
        bonus += per_unit * pl.qty
    assert q.points_earned == q.paid_cents * q.multiplier_permille // 100_000 + bonus
