"""Working days in mainland China: official holidays and weekend make-up working days (调休).

The ``holidays`` package knows the State Council's announced calendars; for a year it does not know yet
(it only guesses those), a local override table in resources/holidays/cn_overrides.json replaces its data.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from station_app.paths import resource_dir

LAST_OFFICIAL_PACKAGE_YEAR = 2026  # holidays 0.109 carries the State Council notice up to this year


class WorkCalendar:
    def __init__(
        self,
        holidays_off: set[date],
        workdays_on: set[date],
        known_years: set[int],
        span: tuple[date, date] = (date(2015, 1, 1), date(2035, 12, 31)),
    ):
        self._off = frozenset(holidays_off)
        self._on = frozenset(workdays_on)
        self.known_years = frozenset(known_years)
        self._first, self._last = span
        # Every working day in the span, sorted: deadlines become two binary searches.
        days, day = [], self._first
        while day <= self._last:
            if self._is_working(day):
                days.append(day)
            day += timedelta(days=1)
        self._days = days

    @classmethod
    def china(cls, overrides_path: Path | None = None, years: range = range(2015, 2036)) -> WorkCalendar:
        import holidays

        table = holidays.China(years=list(years))
        off = {d for d in table}
        on = {d for d in table.weekend_workdays if d.year in years}
        known = {y for y in years if y <= LAST_OFFICIAL_PACKAGE_YEAR}
        path = overrides_path or resource_dir() / "holidays" / "cn_overrides.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            for year_text, lists in data.get("years", {}).items():
                year = int(year_text)
                off = {d for d in off if d.year != year} | {date.fromisoformat(d) for d in lists.get("off", [])}
                on = {d for d in on if d.year != year} | {date.fromisoformat(d) for d in lists.get("work", [])}
                known.add(year)
        return cls(off, on, known, (date(years.start, 1, 1), date(years.stop - 1, 12, 31)))

    def is_known_year(self, year: int) -> bool:
        return year in self.known_years

    def _is_working(self, day: date) -> bool:
        if day in self._on:
            return True
        return day.weekday() < 5 and day not in self._off

    def is_working_day(self, day: date) -> bool:
        return self._is_working(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself never counts)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        if self._first <= start and start < self._last:
            index = bisect_right(self._days, start) + n - 1
            if index < len(self._days):
                return self._days[index]
        day, counted = start, 0
        while counted < n:
            day += timedelta(days=1)
            if self._is_working(day):
                counted += 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b (0 when b <= a)."""
        if b <= a:
            return 0
        if self._first <= a and b <= self._last:
            return bisect_right(self._days, b) - bisect_right(self._days, a)
        count, day = 0, a
        while day < b:
            day += timedelta(days=1)
            count += self._is_working(day)
        return count

    def working_days_in(self, first: date, last: date) -> int:
        """Working days d with first <= d <= last."""
        if last < first:
            return 0
        if self._first <= first and last <= self._last:
            return bisect_right(self._days, last) - bisect_left(self._days, first)
        return self.working_days_between(first - timedelta(days=1), last)


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    return WorkCalendar.china()
