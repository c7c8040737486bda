"""Calendar arithmetic for the time-expression normalizer (no third-party code).

Every function works on ``datetime.date`` and returns inclusive intervals.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Callable

Date = dt.date

MIN_YEAR, MAX_YEAR = 1, 9998
FUTURE_SLACK_DAYS = 7
UPCOMING_DAYS = 31
#: a bare day this close before the DCT is that day, even in a future clause
RECENT_DAYS = 45


@dataclass
class Resolved:
    """A normalized time before it becomes a TimeExpression."""

    type: str
    value: str
    start: Date | None = None
    end: Date | None = None
    granularity: str = ""
    mod: str = ""



def safe_date(year: int, month: int, day: int) -> Date | None:
    """The date, or None when it does not exist (February 30, year 0)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return Date(year, month, day)


def month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


def month_interval(year: int, month: int) -> tuple[Date, Date]:
    return Date(year, month, 1), month_end(year, month)


def year_interval(year: int) -> tuple[Date, Date]:
    return Date(year, 1, 1), Date(year, 12, 31)


def quarter_interval(year: int, quarter: int) -> tuple[Date, Date]:
    first = 3 * (quarter - 1) + 1
    return Date(year, first, 1), month_end(year, first + 2)


def add_months(day: Date, months: int) -> Date:
    """``day`` moved by whole months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    last = calendar.monthrange(year, month0 + 1)[1]
    return Date(year, month0 + 1, min(day.day, last))


def add_years(day: Date, years: int) -> Date:
    return add_months(day, 12 * years)


def add_days(day: Date, days: int) -> Date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return Date.max if days > 0 else Date.min


def iso_week_interval(day: Date) -> tuple[Date, Date]:
    """Monday..Sunday of the ISO week holding ``day``."""
    monday = add_days(day, -(day.isoweekday() - 1))
    return monday, add_days(monday, 6)


def week_value(day: Date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def pick_year(month: int, day: int | None, dct: Date, direction: str) -> int:
    """The year that puts ``month`` (and ``day``) nearest the DCT in ``direction``.

    ``past``: on or before the DCT; ``future``: on or after it; ``near``: the
    closer one (ties go to the future); ``""`` (no cue): the past one unless
    the future one is less than half as far — cables mostly report what happened,
    but "the polls on Nov. 4" in a July text is the coming November.
    """
    def when(year: int) -> int:
        if day is None:
            return month_index(year, month)
        real = safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
        return real.toordinal() if real else 0

    now = month_index(dct.year, dct.month) if day is None else dct.toordinal()
    past = max((y for y in (dct.year - 1, dct.year) if when(y) <= now), default=dct.year - 1)
    # a cable is often sent days after it was drafted: "would meet July 23" in a
    # cable of July 24 is still this year's July 23
    slack = 0 if day is None else FUTURE_SLACK_DAYS
    future = min((y for y in (dct.year, dct.year + 1) if when(y) >= now - slack), default=dct.year + 1)
    if past == future:
        return past
    choice = _YearChoice(past, future, now - when(past), when(future) - now, day is not None)
    return _YEAR_BY_DIRECTION.get(direction, _no_cue_year)(choice)


@dataclass(frozen=True)
class _YearChoice:
    """The candidate years of a yearless date and how far each is from the DCT (days, or
    months when the date has no day)."""

    past: int
    future: int
    to_past: int
    to_future: int
    has_day: bool


def _past_year(c: _YearChoice) -> int:
    # "welcomed the Trade Mission (February 20-23)" in a cable of February 11:
    # a past reporting verb around a day a few weeks ahead, not one a year back
    return c.future if c.has_day and c.to_future <= UPCOMING_DAYS and c.to_past >= 300 else c.past


def _future_year(c: _YearChoice) -> int:
    # "Following Sebelius' visit on July 2, your ... will help" in a cable of July 31:
    # a bare day a few weeks back is not the same day next year (that would be "next July 2")
    return c.past if c.has_day and c.to_past <= RECENT_DAYS and c.to_future >= 300 else c.future


def _near_year(c: _YearChoice) -> int:
    return c.future if c.to_future <= c.to_past else c.past


def _no_cue_year(c: _YearChoice) -> int:
    return c.future if 2 * c.to_future < c.to_past else c.past


#: the clause's tense → how it picks between the candidate years (no cue: ``_no_cue_year``)
_YEAR_BY_DIRECTION: dict[str, Callable[[_YearChoice], int]] = {
    "past": _past_year, "future": _future_year, "near": _near_year,
}


def pick_weekday(weekday: int, dct: Date, direction: str) -> Date:
    """The day named ``weekday`` (1 = Monday) nearest the DCT in ``direction``."""
    back = (dct.isoweekday() - weekday) % 7
    past = add_days(dct, -back)
    future = add_days(dct, (weekday - dct.isoweekday()) % 7)
    if direction == "future":
        return future
    if direction == "past" or past == future:
        return past
    to_past, to_future = back, (future - dct).days
    if direction == "near":
        return future if to_future <= to_past else past
    return future if 4 * to_future < to_past else past


def shift(day: Date, amount: float, unit: str) -> Date:
    """``day`` moved by ``amount`` units (negative = back)."""
    whole = int(amount)
    if unit == "year":
        return add_years(day, whole)
    if unit == "decade":
        return add_years(day, 10 * whole)
    if unit == "century":
        return add_years(day, 100 * whole)
    if unit == "quarter":
        return add_months(day, 3 * whole)
    if unit == "month":
        return add_months(day, whole)
    if unit == "week":
        return add_days(day, 7 * whole)
    if unit == "day":
        return add_days(day, whole)
    return day


def unit_interval(day: Date, unit: str) -> tuple[Date, Date, str, str]:
    """The calendar ``unit`` holding ``day``: (start, end, granularity, value)."""
    if unit == "day":
        return day, day, "day", day.isoformat()
    if unit == "week":
        start, end = iso_week_interval(day)
        return start, end, "week", week_value(day)
    if unit == "month":
        start, end = month_interval(day.year, day.month)
        return start, end, "month", f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        quarter = (day.month - 1) // 3 + 1
        start, end = quarter_interval(day.year, quarter)
        return start, end, "quarter", f"{day.year:04d}-Q{quarter}"
    if unit == "decade":
        first = day.year - day.year % 10
        return Date(first, 1, 1), Date(first + 9, 12, 31), "decade", f"{first // 10:03d}"
    if unit == "century":
        first = day.year - day.year % 100
        return Date(max(first, 1), 1, 1), Date(first + 99, 12, 31), "decade", f"{first // 100:02d}"
    start, end = year_interval(day.year)
    return start, end, "year", f"{day.year:04d}"
