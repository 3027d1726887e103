"""Numbers, money and dates for display, in the current locale.

Money arrives as integer cents and is formatted from integers: the whole part
through QLocale (grouping), the two decimals by hand. No float ever appears.
"""

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def money(cents: int, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    whole, frac = divmod(abs(int(cents)), 100)
    sign = locale.negativeSign() if cents < 0 else ""
    return f"{sign}{locale.toString(whole)}{locale.decimalPoint()}{frac:02d}"


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
