"""The one clock every test reads. Nothing in tests/ reads the wall clock.

"Now" for a test run is `TODAY` at `TIME` in the store's time zone (Taipei, +08:00):

    POS_TEST_TODAY=2028-02-29   moves the date for the whole run (default 2026-11-24, a Tuesday)
    POS_TEST_TIME=23:59         moves the local time of day (default 10:00)

A test gets a `TestClock` from the `clock` fixture (tests/conftest.py); it stands still until the
test moves it. A test whose figures depend on the weekday or the month (member day, birthday
month) pins its own day with `clock.set(...)` or one of the named days below; everything else
must pass on whatever day the run is moved to.
"""

from __future__ import annotations

import datetime as dt
import os
import time

STORE_TZ = dt.timezone(dt.timedelta(hours=8))  # the demo chain's stores are in Taipei


def _today() -> dt.date:
    raw = os.environ.get("POS_TEST_TODAY", "").strip()
    return dt.date.fromisoformat(raw) if raw else dt.date(2026, 11, 24)


def _time_of_day() -> dt.time:
    raw = os.environ.get("POS_TEST_TIME", "").strip()
    return dt.time.fromisoformat(raw) if raw else dt.time(10, 0)


TODAY: dt.date = _today()
NOW: dt.datetime = dt.datetime.combine(TODAY, _time_of_day(), tzinfo=STORE_TZ)

# Named days for tests whose figures depend on the weekday (a fixed week: 2026-11-23 is a Monday).
TUESDAY = dt.datetime(2026, 11, 24, 10, 0, tzinfo=STORE_TZ)
WEDNESDAY = dt.datetime(2026, 11, 25, 10, 0, tzinfo=STORE_TZ)  # member day (x2)
THURSDAY = dt.datetime(2026, 11, 26, 10, 0, tzinfo=STORE_TZ)


def plain_day(at: dt.datetime | None = None) -> dt.datetime:
    """A moment close to the run's now (never after it) on a plain day: not member day (Wednesday,
    x2 in the default program) and at least an hour before midnight, so a running clock started
    there stays on that day for the test. For end-to-end tests whose figures are a plain day's and
    whose tills must not run ahead of HQ."""
    at = at or NOW
    if at.hour == 23:
        at -= dt.timedelta(hours=1)
    while at.weekday() == 2:
        at -= dt.timedelta(days=1)
    return at


def days_ago(days: int, at: dt.datetime | None = None) -> dt.datetime:
    return (at or NOW) - dt.timedelta(days=days)


class TestClock:
    """Stands still until the test moves it. Callable, as every clock in the apps is."""

    __test__ = False  # not a test class, whatever its name says

    def __init__(self, now: dt.datetime = NOW) -> None:
        if now.tzinfo is None:
            raise ValueError("a test clock is always time-zone aware")
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: dt.datetime | str) -> None:
        """`when` is a datetime or an ISO day ("2026-11-24", noon in the store's zone)."""
        if isinstance(when, str):
            when = dt.datetime.combine(dt.date.fromisoformat(when), dt.time(12, 0), tzinfo=STORE_TZ)
        self.now = when

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)

    def utc(self) -> dt.datetime:
        """The same moment in UTC: HQ's clocks (production and tests) speak UTC."""
        return self().astimezone(dt.UTC)

    def utc_clock(self):
        """This clock as HQ sees it: a callable giving UTC."""
        return self.utc

    def today(self) -> dt.date:
        return self.now.date()


class RunningClock(TestClock):
    """Starts at a given moment of the run's day and runs at real speed (by the monotonic clock, so
    never the wall clock's date). For end-to-end tests where servers and threads expect time to pass
    (HQ orders what it receives by its own clock); `set` and `advance` move it as a TestClock's do."""

    def __init__(self, start: dt.datetime = NOW) -> None:
        super().__init__(start)
        self._started = time.monotonic()

    def __call__(self) -> dt.datetime:
        return self.now + dt.timedelta(seconds=time.monotonic() - self._started)

    def set(self, when: dt.datetime | str) -> None:
        super().set(when)
        self._started = time.monotonic()


def end_of_12th_month_after(day: dt.date) -> dt.date:
    """When a lot earned on `day` expires, as DESIGN.md states it (written here independently of the
    code under test): the last day of the 12th month after the month it was earned."""
    year, month = day.year + 1, day.month
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)
