"""Numbers, money and times in the operator's locale (Babel). Money is integer cents until the last step."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.numbers import format_currency, format_decimal, format_percent

from .i18n import BABEL_LOCALES


class Formatter:
    def __init__(self, language: str, currency: str, zone: ZoneInfo) -> None:
        self.locale, self.currency, self.zone = BABEL_LOCALES[language], currency, zone

    def num(self, value: int | None) -> str:
        return "" if value is None else format_decimal(int(value), locale=self.locale)

    def money(self, cents: int | None) -> str:
        return "" if cents is None else format_currency(Decimal(int(cents)).scaleb(-2), self.currency,
                                                        locale=self.locale)  # fmt: skip

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
