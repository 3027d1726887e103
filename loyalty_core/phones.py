"""Phone numbers: one person, whatever the format (`phonenumbers`, Google's libphonenumber rules).

`0922333444`, `0922-333-444` and `+886 922 333 444` typed in a Taiwanese store are all
`+886922333444` (E.164). A number without a country code is read in the store's country
(`region`: "TW", "CN", "HK"). Everything stored, compared or hashed is the E.164 form from
`normalize`; enrollment also needs a mobile number (`normalize_mobile`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .errors import DomainError

DEFAULT_REGION = "TW"
SUPPORTED_REGIONS = ("TW", "CN", "HK")
MAX_RAW = 32

_MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
_SEPARATORS = re.compile(r"[\s\-().]")
_PHONE_SHAPE = re.compile(r"^\+?[0-9]{8,15}$")


def check_region(region: str) -> str:
    """A store's country, as the two letters phone numbers and currencies are looked up by."""
    code = str(region or "").strip().upper()
    if code not in SUPPORTED_REGIONS:
        raise DomainError("invalid_country", f"Not a supported country: {str(region)[:8]!r}", value=str(region)[:8])
    return code


def _parse(raw: str, region: str) -> phonenumbers.PhoneNumber:
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if len(text) > MAX_RAW or not looks_like_phone(text):
        raise DomainError("invalid_phone", "Not a phone number")
    try:
        number = phonenumbers.parse(text, check_region(region))
    except phonenumbers.NumberParseException:
        raise DomainError("invalid_phone", "Not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise DomainError("invalid_phone", "Not a phone number")
    return number


def normalize(raw: str, region: str) -> str:
    """Any valid phone number -> E.164 ('+886922333444'); DomainError('invalid_phone') otherwise.

    The error never carries the number: refusals are logged, and no log holds a phone."""
    return phonenumbers.format_number(_parse(raw, region), PhoneNumberFormat.E164)


def normalize_mobile(raw: str, region: str) -> str:
    """As `normalize`, for a number a member enrolls with: it must be a mobile ('12345678' is not)."""
    number = _parse(raw, region)
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise DomainError("not_mobile", "Members enroll with a mobile number")
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def looks_like_phone(text: str) -> bool:
    """Shaped like a phone number (digits, an optional +, separators): a look-up tries it as one."""
    cleaned = _SEPARATORS.sub("", unicodedata.normalize("NFKC", str(text)).strip())
    return bool(_PHONE_SHAPE.match(cleaned))


def for_display(e164: str, region: str) -> str:
    """How the counter writes it: '0922 333 444' at home, '+852 6123 4567' from elsewhere."""
    try:
        number = phonenumbers.parse(e164, check_region(region))
    except (phonenumbers.NumberParseException, DomainError):
        return e164
    home = phonenumbers.region_code_for_number(number) == region
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL)


def national_digits(phone: str) -> str:
    """'+886912345678' -> '0912345678': the digits as the member's own country writes them (what a
    masked number is made from); text that is not an E.164 number gives its digits.

    HQ masks every member of a snapshot (a million at a bootstrap), and a full parse and format
    costs ~20 us. The national form is the trunk prefix (when the number's format writes one)
    followed by the national significant number, and which format applies is decided by the
    leading digits and the length — so for long numbers the prefix is worked out once per number
    head (all but the last four digits) and cached; short or odd numbers take the full road. For a
    valid number the result is the full road's (tests/core/test_phones.py compares them over
    random valid numbers of twelve countries); an invalid one may differ by its trunk zero."""
    if not _LONG_E164.match(phone):
        return _formatted_national_digits(phone)
    head = _national_head(phone[:-_TAIL])
    if head is None:
        return _formatted_national_digits(phone)
    prefix, country_digits = head
    return prefix + phone[1 + country_digits :]


_LONG_E164 = re.compile(r"^\+[1-9][0-9]{10,14}$")  # country code + at least 9 significant digits
_TAIL = 4  # digits no format choice looks at (leading-digit patterns read the first few only)


@functools.lru_cache(maxsize=1 << 16)
def _national_head(head: str) -> tuple[str, int] | None:
    """(trunk prefix as written nationally, digits in the country code) for numbers starting `head`."""
    template = head + "0" * _TAIL
    try:
        number = phonenumbers.parse(template, None)
    except phonenumbers.NumberParseException:
        return None
    country_digits = len(str(number.country_code))
    significant = phonenumbers.national_significant_number(number)
    if template[1 + country_digits :] != significant:  # e.g. a stray 0 after the country code
        return None
    national = _formatted_national_digits(template)
    if not national.endswith(significant):
        return None
    return national[: len(national) - len(significant)], country_digits


def _formatted_national_digits(phone: str) -> str:
    try:
        number = phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException:
        return "".join(c for c in phone if c.isdigit())
    return "".join(c for c in phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL) if c.isdigit())


def normalize_stored(value: str, region: str) -> str:
    """A phone already stored (before numbers were normalized): its E.164 form, or itself if it is
    not a valid number (a migration never loses what it cannot read)."""
    try:
        return normalize(value, region)
    except DomainError:
        return value
