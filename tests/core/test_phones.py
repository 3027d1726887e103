"""Phone numbers: one person whatever the format, read in the store's country; mobiles to enroll."""

import random

import phonenumbers
import pytest

from loyalty_core import member as member_rules
from loyalty_core import phones

from .support import TUESDAY, refused


@pytest.mark.parametrize("typed", ["0922333444", "0922-333-444", "+886 922 333 444", "+886-922-333-444",
                                   "(0922) 333 444", " 0922333444\n", "０９２２３３３４４４", "+886.922.333.444"])  # fmt: skip
def test_every_common_way_of_writing_a_taiwanese_mobile_is_one_number(typed):
    assert phones.normalize(typed, "TW") == "+886922333444"
    assert phones.normalize_mobile(typed, "TW") == "+886922333444"


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("138 1234 5678", "CN", "+8613812345678"),
        ("+86 138-1234-5678", "TW", "+8613812345678"),  # a visitor's number keeps its own country
        ("6123 4567", "HK", "+85261234567"),
        ("+852 6123 4567", "CN", "+85261234567"),
    ],
)
def test_a_number_without_a_country_code_is_read_in_the_stores_country(typed, region, e164):
    assert phones.normalize_mobile(typed, region) == e164


def test_a_landline_is_a_phone_but_not_a_mobile_to_enroll_with():
    assert phones.normalize("(02) 2345-6789", "TW") == "+886223456789"
    refused("not_mobile", phones.normalize_mobile, "(02) 2345-6789", "TW")


@pytest.mark.parametrize(
    "junk",
    ["", "   ", "abc", "12345678", "1234567", "0912abc678", "09123456789012345", "++886912345678", "886+912345678",
     "0912345678;DROP", "'; DROP TABLE members;--", "<script>", "0" * 10_000, "0912 345 678 ext 12", "+",
     "0922333444" * 3],
)  # fmt: skip
def test_a_phone_that_is_not_a_phone_is_refused_and_the_error_never_repeats_it(junk):
    exc = refused("invalid_phone", phones.normalize_mobile, junk, "TW")
    assert junk.strip() == "" or junk[:8] not in str(exc.params) + exc.message


def test_12345678_is_refused_as_a_mobile_in_every_supported_country():
    for region in phones.SUPPORTED_REGIONS:
        with pytest.raises(Exception) as info:
            phones.normalize_mobile("12345678", region)
        assert info.value.code in ("invalid_phone", "not_mobile")


def test_an_unknown_country_is_refused():
    refused("invalid_country", phones.normalize, "0922333444", "XX")


def test_looks_like_phone_is_about_shape_only():
    assert phones.looks_like_phone("0912-345-678")
    assert phones.looks_like_phone("12345678")  # shaped like one: a look-up says "not a phone", not "no name"
    assert not phones.looks_like_phone("Alice")
    assert not phones.looks_like_phone("M23456789AB")


def test_the_counter_shows_a_home_number_the_local_way_and_a_visitors_internationally():
    assert phones.for_display("+886922333444", "TW") == "0922 333 444"
    assert phones.for_display("+85261234567", "TW") == "+852 6123 4567"


def test_enrollment_stores_the_e164_form_and_refuses_a_landline():
    kwargs = dict(member_code="M23456789AB", name="Alice", birthday=None, consent_terms=True,
                  consent_marketing=False, tier_code="basic", now=TUESDAY, home_store="S001")  # fmt: skip
    assert member_rules.new_member(phone="0922-333-444", **kwargs).phone == "+886922333444"
    assert member_rules.new_member(phone="6123 4567", region="HK", **kwargs).phone == "+85261234567"
    refused("not_mobile", member_rules.new_member, phone="02 2345 6789", **kwargs)


@pytest.mark.parametrize("country", ["886", "86", "852", "853", "1", "44", "81", "65", "60", "61", "33", "49"])
def test_a_valid_numbers_national_digits_are_what_the_full_formatter_writes(country):
    """The cached trunk prefix (HQ masks a million phones per bootstrap) never changes a valid number's mask."""
    rnd = random.Random(int(country))
    checked = 0
    for _ in range(6000):
        e164 = "+" + country + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(8, 12)))
        if not phonenumbers.is_valid_number(phonenumbers.parse(e164, None)):
            continue
        checked += 1
        assert phones.national_digits(e164) == phones._formatted_national_digits(e164), e164
    assert checked > 100


def test_a_taiwanese_mobile_is_written_with_its_trunk_zero():
    assert phones.national_digits("+886912345678") == "0912345678"
    assert phones.national_digits("+8613912345678") == "13912345678"
    assert phones.national_digits("+85261234567") == "61234567"
    assert phones.national_digits("not a phone 12") == "12"
