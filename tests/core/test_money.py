"""Money is integer cents, parsed from text, never through a float."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty_core import money
from loyalty_core.errors import DomainError

from .support import refused


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("150.00", 15000),
        ("150", 15000),
        ("99.9", 9990),
        ("99.90", 9990),
        ("0.01", 1),
        ("  42.50 ", 4250),
        ("1,500.00", 150000),
        ("1000000.00", 100_000_000),
    ],
)
def test_an_amount_typed_as_text_becomes_exact_cents(text, cents):
    assert money.parse_amount(text) == cents
    assert isinstance(money.parse_amount(text), int)


def test_an_amount_that_a_float_would_round_is_still_exact():
    # 0.1 + 0.2 and friends: as floats these drift, as text they are exact.
    assert money.parse_amount("0.29") == 29
    assert money.parse_amount("1.15") == 115
    assert money.parse_amount("4.35") == 435
    assert money.parse_amount("123456.89") == 12345689
    assert money.parse_amount("999999.99") == 99_999_999


@pytest.mark.parametrize(
    "junk",
    ["", " ", "abc", "1e3", "1E2", "12.345", "150.", ".50", "--1", "1.2.3", "0x10", "nan", "inf", "150,00.00.0",
     "1 000", "₿5", "10$", "$10", "½"],
)  # fmt: skip
def test_junk_is_refused_as_an_amount(junk):
    refused("invalid_amount", money.parse_amount, junk)


@pytest.mark.parametrize("negative", ["-1", "-0.01", "-150.00", "(150.00)", "+150.00"])
def test_a_negative_or_signed_amount_is_refused(negative):
    refused("invalid_amount", money.parse_amount, negative)


@pytest.mark.parametrize("zero", ["0", "0.00", "0.0"])
def test_a_zero_amount_is_refused(zero):
    refused("invalid_amount", money.parse_amount, zero)


@pytest.mark.parametrize("absurd", ["1000000.01", "99999999", "999999999.99", "1" * 40, "9" * 10_000])
def test_an_absurd_amount_is_refused(absurd):
    refused("invalid_amount", money.parse_amount, absurd)


@pytest.mark.parametrize("misplaced", ["1,5,0", "1,50", "15,0.00", ",150"])
def test_thousands_separators_in_the_wrong_place_are_refused(misplaced):
    # '1,50' is 1.50 to half the world; reading it as 150.00 makes a sale 100x too big.
    refused("invalid_amount", money.parse_amount, misplaced)


@pytest.mark.parametrize("not_cents", [1.5, 150.0, "100", None, True, -1, 0, money.MAX_AMOUNT_CENTS + 1])
def test_check_amount_accepts_only_whole_positive_cents_within_reason(not_cents):
    refused("invalid_amount", money.check_amount, not_cents)


def test_check_amount_allows_zero_only_when_asked():
    assert money.check_amount(0, allow_zero=True) == 0
    refused("invalid_amount", money.check_amount, 0)


@pytest.mark.parametrize(("cents", "text"), [(15000, "150.00"), (1, "0.01"), (0, "0.00"), (-805, "-8.05")])
def test_cents_format_back_to_plain_text(cents, text):
    assert money.format_cents(cents) == text


def test_two_percent_of_the_worked_example_subtotal_is_eight_dollars():
    assert money.percent_of(39990, 200) == 800


def test_percent_of_rounds_half_up_to_the_cent():
    assert money.percent_of(25, 200) == 1  # 0.5 cent -> 1
    assert money.percent_of(24, 200) == 0  # 0.48 cent -> 0


@given(st.integers(min_value=1, max_value=money.MAX_AMOUNT_CENTS))
def test_formatting_and_parsing_any_amount_round_trips(cents):
    assert money.parse_amount(money.format_cents(cents)) == cents


@pytest.mark.parametrize(
    ("total", "weights", "parts"),
    [
        (100, [1, 1, 1], [34, 33, 33]),
        (800, [30000, 9990], [600, 200]),
        (-100, [1, 1, 1], [-34, -33, -33]),
        (5, [0, 0], [0, 0]),
        (0, [3, 7], [0, 0]),
        (7, [0, 1], [0, 7]),
    ],
)
def test_allocate_splits_a_total_over_weights(total, weights, parts):
    assert money.allocate(total, weights) == parts


@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=10**8), min_size=1, max_size=30).filter(lambda w: sum(w) > 0),
)
def test_allocate_parts_always_sum_exactly_to_the_total_and_stay_within_a_unit_of_the_share(total, weights):
    parts = money.allocate(total, weights)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    for part, w in zip(parts, weights, strict=True):
        exact = Fraction(abs(total) * w, sum(weights))
        assert abs(abs(part) - exact) < 1
        assert w > 0 or part == 0


def test_the_errors_are_domain_errors_with_stable_codes():
    with pytest.raises(DomainError) as info:
        money.parse_amount("junk")
    assert info.value.code == "invalid_amount"
    assert "junk" in info.value.params["value"]
