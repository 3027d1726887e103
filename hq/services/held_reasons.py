"""Why HQ held an adjustment or a sale: one code and its numbers per reason.

`held_adjustments.why_held` keeps an English sentence (the push answers a till with it, and rows held
before this module keep theirs). The sentence is built here from a code and named values, and `parse`
reads the code and values back, so the console can say it in the operator's language
(hq/console/i18n_codes.py holds the translations, with the same value names).
"""

import re

# code -> the English sentence; {name} are the values. A name ending in `_cents` is money; `store` and
# `day` are text; every other value is a whole number.
SENTENCES: dict[str, str] = {
    "over_adjust": "{points} points is over the {limit} per adjustment",
    "over_store_day": "store {store} would adjust more than {limit} points on {day}",
    "over_store_received_day": "store {store} would adjust more than {limit} points received on {day} (HQ's day)",
    "over_basket": "a basket of {basket_cents} cents is over the {limit_cents} a sale may have",
    "over_units": "{units} units on {lines} lines is over {max_units} units / {max_lines} lines",
    "over_earn": "{points} points earned is over the {limit} a sale may earn",
    "over_balance": "redeems {points} points; balance {balance} plus the offline allowance {allowance} is less",
    "redeems_per_day": "the member's redemption number {number} or more on {day}",
    "coupon_over_face": "claims {claimed_cents} cents off a coupon that carries at most {cap_cents}",
    "coupon_other_member": "the coupon was issued to another member",
    "coupon_min_spend": "the sale ({amount_cents} cents) is below the coupon's minimum spend of {min_cents}",
}
TEXT_VALUES = ("store", "day")
_FIELD = re.compile(r"\{(\w+)\}")


def sentence(code: str, **values: object) -> str:
    return SENTENCES[code].format(**values)


def _pattern(template: str) -> re.Pattern:
    parts, at = [], 0
    for found in _FIELD.finditer(template):
        parts.append(re.escape(template[at : found.start()]))
        name = found.group(1)
        parts.append(f"(?P<{name}>\\S+?)" if name in TEXT_VALUES else f"(?P<{name}>-?\\d+)")
        at = found.end()
    parts.append(re.escape(template[at:]))
    return re.compile("^" + "".join(parts) + "$")


_PATTERNS = {code: _pattern(text) for code, text in SENTENCES.items()}


def parse(text: str) -> tuple[str, dict[str, int | str]] | None:
    """A stored sentence -> (its code, its values: whole numbers as int); None for a sentence of no known shape."""
    for code, pattern in _PATTERNS.items():
        found = pattern.match(text or "")
        if found:
            values = found.groupdict()
            return code, {k: v if k in TEXT_VALUES else int(v) for k, v in values.items()}
    return None
