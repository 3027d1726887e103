"""Name, birthday, codes and quantities: cleaned, or refused with a clear code (phones: test_phones.py)."""

import datetime as dt

import pytest

from loyalty_core import member as member_rules
from loyalty_core import validation as v

from .support import TUESDAY, refused

TODAY = TUESDAY.date()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("王小明", "王小明"),
        ("Alice Chen", "Alice Chen"),
        ("  Alice   Chen ", "Alice Chen"),
        ("O'Brien", "O'Brien"),
        ("Jean-Luc Picard", "Jean-Luc Picard"),
        ("J. R. Smith", "J. R. Smith"),
        ("山田・太郎", "山田・太郎"),
        ("Zoë", "Zoë"),
        ("Zoe\u0308", "Zoë"),  # decomposed, stored composed (NFC)
        ("x" * 60, "x" * 60),
    ],
)
def test_a_name_is_cleaned_and_kept_in_any_script(typed, stored):
    assert v.clean_name(typed) == stored


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "<script>alert(1)</script>", "Robert'); DROP TABLE members;--", "R2D2",
     "Alice\x00", "Alice\u200b", "Alice@example.com", "Bob\tSmith\x07", "😀"],
)  # fmt: skip
def test_a_name_that_is_not_a_name_is_refused(junk):
    refused("invalid_name", v.clean_name, junk)


@pytest.mark.parametrize("long", ["x" * 61, "王" * 61, "y" * 10_000])
def test_a_name_over_60_characters_is_refused_as_too_long_not_as_not_a_name(long):
    exc = refused("name_too_long", v.clean_name, long)
    assert exc.params == {"max": 60}


@pytest.mark.parametrize(
    ("typed", "day"), [("1990-03-04", dt.date(1990, 3, 4)), (" 2000-02-29 ", dt.date(2000, 2, 29))]
)
def test_a_birthday_is_a_real_past_date(typed, day):
    assert v.parse_birthday(typed, TODAY) == day


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_a_birthday_is_optional(empty):
    assert v.parse_birthday(empty, TODAY) is None


@pytest.mark.parametrize(
    "junk",
    ["1990-02-30", "1990-13-01", "04/03/1990", "yesterday", "2026-11-25", "2999-01-01", "1899-12-31", "x" * 10_000],
)
def test_an_impossible_birthday_is_refused(junk):
    refused("invalid_birthday", v.parse_birthday, junk, TODAY)


@pytest.mark.parametrize(
    "junk", ["1990-03-04'; DROP TABLE members;--", "1990-03-04<script>", "1990-03-04" + "x" * 10_000]
)
def test_a_birthday_with_trailing_junk_is_refused_not_silently_cut(junk):
    refused("invalid_birthday", v.parse_birthday, junk, TODAY)


def test_a_birthday_today_is_fine_and_one_120_years_ago_is_the_limit():
    assert v.parse_birthday(TODAY.isoformat(), TODAY) == TODAY
    assert v.parse_birthday("1906-01-01", TODAY) == dt.date(1906, 1, 1)


@pytest.mark.parametrize("good", ["SHIRT-1", "TEA_500", "a", "A" * 40])
def test_skus_and_categories_are_short_plain_codes(good):
    assert v.clean_code(good, "sku") == good


@pytest.mark.parametrize(
    "junk",
    ["", " ", "-LEAD", "has space", "A" * 41, "'; DROP TABLE members;--", "<script>", "SKU\n2", "ü-1", "x" * 10_000],
)
def test_a_code_with_anything_else_is_refused(junk):
    refused("invalid_sku", v.clean_code, junk, "sku")
    refused("invalid_category", v.clean_code, junk, "category")


@pytest.mark.parametrize("qty", [1, 2, 999])
def test_a_quantity_is_a_whole_number_from_1_to_999(qty):
    assert v.check_quantity(qty) == qty


@pytest.mark.parametrize("qty", [0, -1, 1000, 10**12, 1.5, 2.0, "2", None, True])
def test_an_impossible_quantity_is_refused(qty):
    refused("invalid_quantity", v.check_quantity, qty)


@pytest.mark.parametrize("points", [10_000_001, -1, 1.0, "5", None, False])
def test_an_impossible_number_of_points_is_refused(points):
    refused("invalid_points", v.check_points, points)


def test_an_adjustment_may_be_negative_but_not_zero():
    assert v.check_points(-500, allow_negative=True) == -500
    refused("invalid_points", v.check_points, 0, allow_negative=True)


def test_enrolling_needs_consent_to_the_terms():
    refused(
        "consent_required", member_rules.new_member, member_code="M23456789AB", phone="0912345678", name="Alice",
        birthday=None, consent_terms=False, consent_marketing=False, tier_code="basic", now=TUESDAY, home_store="S001",
    )  # fmt: skip


def test_a_profile_edit_is_cleaned_like_an_enrollment_and_unknown_fields_are_refused():
    m = member_rules.new_member(
        member_code="M23456789AB", phone="0912345678", name="Alice", birthday=None, consent_terms=True,
        consent_marketing=False, tier_code="basic", now=TUESDAY, home_store="S001",
    )  # fmt: skip
    updated, cleaned = member_rules.with_changes(m, {"name": " Alice  Chen ", "phone": "0912-000-111"}, TODAY)
    assert (updated.name, updated.phone) == ("Alice Chen", "+886912000111")
    assert cleaned == {"name": "Alice Chen", "phone": "+886912000111"}
    refused("invalid_field", member_rules.with_changes, m, {"tier_code": "diamond"}, TODAY)
    refused("invalid_name", member_rules.with_changes, m, {"name": "<script>"}, TODAY)
