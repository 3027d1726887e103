"""The ledger: lots that expire at the end of the 12th month after earning, used oldest-expiry
first, and debt that later earnings pay off."""

import datetime as dt

import pytest

from loyalty_core import ledger
from loyalty_core.ledger import Entry
from loyalty_core.pricing import CartLine
from tests.support.clock import end_of_12th_month_after

from .support import TUESDAY, ledger_rows

D = dt.date
CODE = "M23456789AB"
EARNED_ON = D(2026, 1, 10)


def entry(n: int, kind: str, points: int, on=EARNED_ON, expires=None) -> Entry:
    return Entry(f"e{n}", CODE, kind, points, on, expires)


@pytest.mark.parametrize(
    ("earned", "expires"),
    [
        (D(2026, 11, 24), D(2027, 11, 30)),
        (D(2026, 11, 1), D(2027, 11, 30)),
        (D(2026, 1, 31), D(2027, 1, 31)),
        (D(2026, 12, 31), D(2027, 12, 31)),
        (D(2027, 2, 3), D(2028, 2, 29)),  # leap year
        (D(2027, 3, 1), D(2028, 3, 31)),
        (D(2028, 2, 29), D(2029, 2, 28)),
    ],
)
def test_a_lot_expires_at_the_end_of_the_12th_month_after_the_month_it_was_earned(earned, expires):
    assert ledger.lot_expiry(earned) == expires


def test_the_expiry_follows_the_months_the_rules_say():
    assert ledger.lot_expiry(D(2026, 11, 24), 6) == D(2027, 5, 31)
    assert ledger.lot_expiry(D(2026, 11, 24), 1) == D(2026, 12, 31)


def test_a_balance_is_the_sum_of_the_entries():
    entries = [entry(1, "signup", 100), entry(2, "earn", 446), entry(3, "redeem", -200), entry(4, "adjust", -1000)]
    assert ledger.balance(entries) == -654
    assert ledger.wallet(entries).balance == -654


def test_points_are_taken_from_the_lot_that_expires_first_even_if_it_was_added_later():
    entries = [
        entry(1, "earn", 100, expires=D(2027, 3, 31)),
        entry(2, "return_redeem", 100, expires=D(2027, 1, 31)),  # older expiry, recorded later
        entry(3, "redeem", -150),
    ]
    w = ledger.wallet(entries)
    assert [(lot.expires_on, lot.remaining) for lot in w.lots] == [(D(2027, 3, 31), 50)]
    assert w.debt == 0 and w.balance == 50


def test_a_redemption_spanning_lots_empties_the_oldest_before_touching_the_next():
    entries = [
        entry(1, "earn", 300, expires=D(2027, 5, 31)),
        entry(2, "earn", 200, expires=D(2027, 2, 28)),
        entry(3, "earn", 400, expires=D(2027, 8, 31)),
        entry(4, "redeem", -350),
    ]
    w = ledger.wallet(entries)
    assert [(lot.expires_on, lot.remaining) for lot in w.lots] == [(D(2027, 5, 31), 150), (D(2027, 8, 31), 400)]


def test_an_expiry_entry_only_takes_points_from_the_lot_that_expired():
    entries = [
        entry(1, "earn", 300, expires=D(2027, 2, 28)),
        entry(2, "earn", 200, expires=D(2027, 5, 31)),
        entry(3, "expire", -300, on=D(2027, 3, 1), expires=D(2027, 2, 28)),
    ]
    w = ledger.wallet(entries)
    assert [(lot.expires_on, lot.remaining) for lot in w.lots] == [(D(2027, 5, 31), 200)]
    assert w.balance == 200


def test_what_cannot_be_covered_becomes_debt_and_the_next_earnings_pay_it_off_first():
    entries = [entry(1, "earn", 100, expires=D(2027, 1, 31)), entry(2, "return_earn", -400)]
    w = ledger.wallet(entries)
    assert w.lots == () and w.debt == 300 and w.balance == -300
    w = ledger.wallet([*entries, entry(3, "earn", 200, expires=D(2027, 6, 30))])
    assert w.lots == () and w.debt == 100 and w.balance == -100
    w = ledger.wallet(
        [*entries, entry(3, "earn", 200, expires=D(2027, 6, 30)), entry(4, "earn", 250, expires=D(2027, 7, 31))]
    )
    assert w.debt == 0
    assert [(lot.points, lot.remaining) for lot in w.lots] == [(250, 150)]


def test_expiring_soon_counts_what_is_left_in_lots_ending_by_a_day():
    entries = [entry(1, "earn", 300, expires=D(2026, 12, 31)), entry(2, "earn", 200, expires=D(2027, 5, 31)),
               entry(3, "redeem", -100)]  # fmt: skip
    w = ledger.wallet(entries)
    assert w.expiring_by(D(2026, 12, 31)) == 200
    assert w.expiring_by(D(2027, 6, 1)) == 400
    assert [lot.remaining for lot in w.due_to_expire(D(2027, 1, 1))] == [200]


def test_entries_round_trip_through_their_dict_form():
    e = entry(1, "earn", 446, on=D(2026, 11, 24), expires=D(2027, 11, 30))
    assert Entry.from_dict(e.to_dict()) == e


# --- through the till -------------------------------------------------------------------------


def test_a_sale_writes_its_earning_as_a_lot_expiring_at_the_end_of_the_12th_month(app, pos, make_member, clock):
    clock.set(TUESDAY)  # 2026-11-24, not member day
    member = make_member()
    receipt = pos.confirm_sale(member.member_code, [CartLine("SHIRT-1", "apparel", 10_000, 1)])
    row = [r for r in ledger_rows(app, member.member_code) if r.ref == receipt.receipt_no][0]
    assert (row.kind, row.points, row.on_date, row.expires_on) == ("earn", 100, "2026-11-24", "2027-11-30")
    assert pos.find_member(member.member_code).expiring_on == D(2027, 11, 30)


def test_a_lot_earned_today_expires_at_the_end_of_the_12th_month_whatever_the_day(app, pos, make_member, clock):
    member = make_member()
    receipt = pos.confirm_sale(member.member_code, [CartLine("SHIRT-1", "apparel", 10_000, 1)])
    row = [r for r in ledger_rows(app, member.member_code) if r.ref == receipt.receipt_no][0]
    assert (row.on_date, row.expires_on) == (clock.today().isoformat(), end_of_12th_month_after(clock.today()).isoformat())


def test_a_negative_balance_after_a_return_is_recovered_from_later_earnings(app, pos, make_member, clock):
    clock.set(TUESDAY)  # the figures below are a plain day's (no member-day doubling)
    member = make_member()  # 100
    code = member.member_code
    first = pos.confirm_sale(code, [CartLine("TV-1", "electronics", 100_000, 1)])  # +1000 -> 1100
    pos.confirm_sale(code, [CartLine("SHIRT-1", "apparel", 2_200, 1)], redeem_points=1_100)  # -1100 +11 -> 11
    back = pos.return_sale(first.receipt_no)  # -1000 -> -989
    assert back.points_taken_back == 1_000 and back.balance_after == -989
    view = pos.find_member(code)
    assert view.balance == -989
    with app.uow(read_only=True) as uow:
        assert ledger.wallet(uow.ledger.entries(code)).debt == 989
    refused_quote = pos.quote_sale(code, [CartLine("SHIRT-1", "apparel", 10_000, 1)])
    assert refused_quote.max_redeem_points == 0
    pos.confirm_sale(code, [CartLine("TV-1", "electronics", 200_000, 1)], at=TUESDAY)  # +2000
    view = pos.find_member(code)
    assert view.balance == 1_011
    with app.uow(read_only=True) as uow:
        w = ledger.wallet(uow.ledger.entries(code))
    assert w.debt == 0 and sum(lot.remaining for lot in w.lots) == 1_011
