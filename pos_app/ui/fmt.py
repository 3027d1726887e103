"""Numbers, money and dates for display, in the current locale.

Money arrives as integer cents and is formatted from integers: the whole part
through QLocale (grouping), the two decimals by hand. No float ever appears.
"""

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

CURRENCY_SYMBOLS = {"TW": "NT$", "CN": "¥", "HK": "HK$"}  # by the store's country (config.json)
_currency = {"symbol": ""}  # like QLocale.setDefault: set once by the window when the till is open


def use_currency(country: str | None) -> str:
    """Money shows the store's currency symbol from now on (NT$ for TW, ¥ for CN, HK$ for HK)."""
    _currency["symbol"] = CURRENCY_SYMBOLS.get(str(country or "").upper(), "")
    return _currency["symbol"]


def money(cents: int, locale: QLocale | None = None, symbol: str | None = None) -> str:
    """'NT$1,234.50', '-NT$5.00'; `symbol=""` for the bare number (an edit box, a CSV)."""
    locale = locale or QLocale()
    symbol = _currency["symbol"] if symbol is None else symbol
    whole, frac = divmod(abs(int(cents)), 100)
    sign = locale.negativeSign() if cents < 0 else ""
    return f"{sign}{symbol}{locale.toString(whole)}{locale.decimalPoint()}{frac:02d}"


def points(n: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    n = int(n)
    return (locale.negativeSign() if n < 0 else "") + locale.toString(abs(n))


def number(n: int, locale: QLocale | None = None) -> str:
    return points(n, locale)


def date(value: dt.date | str | None, locale: QLocale | None = None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    locale = locale or QLocale()
    return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date with a four-digit year: 'yyyy/M/d' in Chinese, 'M/d/yyyy' in English."""
    text = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def date_time(value: dt.datetime | str | None, locale: QLocale | None = None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone()  # the till's local time
    locale = locale or QLocale()
    qdt = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
    return locale.toString(qdt, QLocale.FormatType.ShortFormat)
