"""Stored codes and numbers as an operator reads them: the Jinja filters every template uses.

    {{ m.tier_code|code('tier') }}   {{ e.kind|code('ledger') }}   {{ h.why_held|held_reason }}   {{ r.phone|phone }}

Only the words change: pages keep the raw code in data- attributes where tests or scripts need it.
"""

from jinja2 import pass_context
from jinja2.runtime import Context

from hq.services import held_reasons
from loyalty_core import phones

from .i18n import LANGUAGES
from .i18n_codes import HELD_REASONS, TABLES

# The chain's country: its own numbers are written as at its counters ('0912 345 678'), others with
# their country code. Phones are stored in E.164.
HOME_REGION = phones.DEFAULT_REGION


def label(lang: str, kind: str, code: object, tier_names: dict | None = None) -> str:
    """A code in words; a code with no words is shown as it is (never an error, never blank)."""
    if code is None or code == "":
        return ""
    text = str(code)
    if kind == "tier" and tier_names:
        named = (tier_names.get(text) or {}).get(lang)
        if named:
            return str(named)
    row = TABLES[kind].get(text)
    return row[LANGUAGES.index(lang)] if row else text


def held_sentence(lang: str, text: str, fmt) -> str:
    """Why HQ held it, said in `lang` from the stored sentence's code and numbers; a sentence of no known
    shape is shown as stored."""
    parsed = held_reasons.parse(text)
    if parsed is None or parsed[0] not in HELD_REASONS:
        return text
    code, values = parsed
    shown = {k: _shown(k, v, fmt) for k, v in values.items()}
    return HELD_REASONS[code][LANGUAGES.index(lang)].format(**shown)


def _shown(name: str, value: int | str, fmt) -> str:
    if isinstance(value, str):
        return value
    return fmt.money(value) if name.endswith("_cents") else fmt.num(value)


def phone(value: object) -> str:
    """E.164 as the chain writes it; a masked number ('0912***678') is left as masked."""
    text = "" if value is None else str(value)
    if not text.startswith("+") or "*" in text:
        return text
    return phones.for_display(text, HOME_REGION)


def _ctx_of(context: Context):
    return context["ctx"]


@pass_context
def code_filter(context: Context, value: object, kind: str) -> str:
    ctx = _ctx_of(context)
    return label(ctx.lang, kind, value, getattr(ctx, "tier_names", None))


@pass_context
def held_filter(context: Context, value: object) -> str:
    ctx = _ctx_of(context)
    return held_sentence(ctx.lang, "" if value is None else str(value), ctx.fmt)


def install(environment) -> None:
    environment.filters["code"] = code_filter
    environment.filters["held_reason"] = held_filter
    environment.filters["phone"] = phone
