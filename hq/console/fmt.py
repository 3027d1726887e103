"""Numbers, money and times in the operator's locale (Babel). Money is integer cents until the last step."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.core import get_global
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol

from .i18n import BABEL_LOCALES


def money_pattern(currency: str, locale: str) -> str:
    """The locale's currency pattern with the digits the currency is paid in (CLDR's cash digits: NT$1,234,
    not NT$1,234.00) and a symbol no one can take for another currency's: a bare "$" (what zh_TW writes for
    its own dollar) becomes the international symbol ("NT$"), so every language shows the same."""
    standard = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    digits = _cash_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    symbol = get_currency_symbol(currency, locale)
    if symbol == "$" and currency != "USD":
        symbol = get_currency_symbol(currency, "en")
    body = standard.replace("#,##0.00", number).replace("¤", "'" + symbol.replace("'", "''") + "'")
    return body


def _cash_digits(currency: str) -> int:
    fractions = get_global("currency_fractions")
    return int(fractions.get(currency, fractions["DEFAULT"])[2])


class Formatter:
    def __init__(self, language: str, currency: str, zone: ZoneInfo) -> None:
        self.locale, self.currency, self.zone = BABEL_LOCALES[language], currency, zone
        self._money = money_pattern(currency, self.locale)

    def num(self, value: int | None) -> str:
        return "" if value is None else format_decimal(int(value), locale=self.locale)

    def money(self, cents: int | None) -> str:
        """Integer cents to the currency as paid: rounded to its cash digits only here, for display."""
        if cents is None:
            return ""
        amount = Decimal(int(cents)).scaleb(-2)
        return format_currency(amount, self.currency, format=self._money, locale=self.locale, currency_digits=False)

    def bp(self, basis_points: int | None) -> str:
        """Basis points (1/100 of a percent) as a percentage."""
        if basis_points is None:
            return ""
        return format_percent(Decimal(int(basis_points)).scaleb(-4), format="#,##0.0%", locale=self.locale)

    def when(self, value: dt.datetime | str | None) -> str:
        if value is None or value == "":
            return ""
        try:
            when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        except ValueError:
            return str(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)  # SQLite hands back naive UTC
        return when.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
