"""Working days in mainland China: official holidays and weekend make-up working days (调休上班).

The ``holidays`` package carries the State Council's holiday notices up to ``LAST_OFFICIAL_PACKAGE_YEAR``;
for later years it only guesses. A local override table (resources/holidays/cn_overrides.json) replaces the
package's data for every year it lists, so a station can enter a new notice without a program update; the
county's bulletin (services/bulletins.py) brings the same tables to every station's register, and the session's
calendar applies them last. A deadline counted through a year that none of them knows is an estimate
(domain/provisional.py).

A ``WorkCalendar`` keeps a sorted list of the working days of its span, so adding or counting working days
is two binary searches; outside the span it counts day by day with the same rule.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from station_app.domain.errors import InvalidValue
from station_app.paths import resource_dir

LAST_OFFICIAL_PACKAGE_YEAR = 2026  # holidays 0.109 carries the State Council notices up to this year
DEFAULT_YEARS = range(2015, 2036)
_ONE_DAY = timedelta(days=1)


def default_overrides_path() -> Path:
    return resource_dir() / "holidays" / "cn_overrides.json"


class WorkCalendar:
    """Which days are working days. Immutable: build a new calendar to change it."""

    __slots__ = ("_days", "_first", "_last", "_off", "_on", "known_years")

    _off: frozenset[date]
    _on: frozenset[date]
    known_years: frozenset[int]
    _first: date
    _last: date
    _days: tuple[date, ...]

    def __init__(
        self,
        holidays_off: Iterable[date],
        workdays_on: Iterable[date],
        known_years: Iterable[int],
        *,
        span: tuple[date, date] = (date(DEFAULT_YEARS[0], 1, 1), date(DEFAULT_YEARS[-1], 12, 31)),
    ) -> None:
        """``holidays_off``: days off (weekday holidays; weekend days may be listed too, they change nothing);
        ``workdays_on``: weekend days that are working days; ``span``: the days precomputed for fast lookups."""
        setattr_ = object.__setattr__
        setattr_(self, "_off", frozenset(holidays_off))
        setattr_(self, "_on", frozenset(workdays_on))
        setattr_(self, "known_years", frozenset(known_years))
        first, last = span
        setattr_(self, "_first", first)
        setattr_(self, "_last", last)
        days: list[date] = []
        day = first
        while day <= last:
            if self.is_working_day(day):
                days.append(day)
            day += _ONE_DAY
        setattr_(self, "_days", tuple(days))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("WorkCalendar is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("WorkCalendar is immutable")

    def __repr__(self) -> str:
        return f"WorkCalendar(span={self._first}..{self._last}, known_years={sorted(self.known_years)})"

    # -- building ---------------------------------------------------------------------------------------

    @classmethod
    def china(
        cls,
        overrides_path: Path | None = None,
        years: range = DEFAULT_YEARS,
        tables: dict[int, tuple[set[date], set[date]]] | None = None,
    ) -> WorkCalendar:
        """The State Council calendar from the ``holidays`` package, with the local override table applied.

        ``overrides_path`` defaults to resources/holidays/cn_overrides.json; a missing file means no overrides.
        ``tables`` (the register's holiday tables, from the county's bulletins) are applied last: a year listed
        there replaces the package's and the file's data for that year, and becomes a known year.
        """
        if not years:
            raise ValueError("years must not be empty")
        off, on = official_days(years)
        known = {y for y in years if y <= LAST_OFFICIAL_PACKAGE_YEAR}
        path = overrides_path if overrides_path is not None else default_overrides_path()
        for year, (year_off, year_on) in [*load_overrides(path).items(), *(tables or {}).items()]:
            off = {d for d in off if d.year != year} | year_off
            on = {d for d in on if d.year != year} | year_on
            known.add(year)
        return cls(off, on, known, span=(date(min(years), 1, 1), date(max(years), 12, 31)))

    # -- questions --------------------------------------------------------------------------------------

    def is_known_year(self, year: int) -> bool:
        """Whether the calendar has the official holiday notice for ``year`` (else weekends/holidays are guessed)."""
        return year in self.known_years

    def unknown_years(self, first: date, last: date) -> list[int]:
        """The years from ``first`` to ``last`` (inclusive) without an official notice: a deadline counted
        across one of them is an estimate (the State Council may move a holiday or add a make-up day)."""
        return [y for y in range(first.year, last.year + 1) if y not in self.known_years]

    def is_working_day(self, day: date) -> bool:
        if day in self._on:
            return True
        return day.weekday() < 5 and day not in self._off

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; ``start`` itself never counts, even if it is a working day."""
        if n < 1:
            raise ValueError("n must be at least 1")
        day = start
        # Before the precomputed span: walk up to the day before it.
        while day < self._first - _ONE_DAY:
            day += _ONE_DAY
            if self.is_working_day(day):
                n -= 1
                if n == 0:
                    return day
        if day < self._last:
            position = bisect_right(self._days, day)  # working days in the span after `day` start here
            index = position + n - 1
            if index < len(self._days):
                return self._days[index]
            n -= len(self._days) - position
            day = self._last
        # After the span.
        while True:
            day += _ONE_DAY
            if self.is_working_day(day):
                n -= 1
                if n == 0:
                    return day

    def working_days_between(self, a: date, b: date) -> int:
        """The number of working days d with a < d <= b (0 when b <= a)."""
        if b <= a:
            return 0
        before_span = self._first - _ONE_DAY
        count = 0
        if a < before_span:
            count += self._count_slowly(a, min(b, before_span))
        low, high = max(a, before_span), min(b, self._last)
        if low < high:
            count += bisect_right(self._days, high) - bisect_right(self._days, low)
        if b > self._last:
            count += self._count_slowly(max(a, self._last), b)
        return count

    def _count_slowly(self, a: date, b: date) -> int:
        count, day = 0, a
        while day < b:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count


def load_overrides(path: Path) -> dict[int, tuple[set[date], set[date]]]:
    """Read the override table: {year: (days off, make-up working days)}. A missing file gives {}.

    Format: ``{"note": "...", "years": {"2027": {"off": ["2027-01-01", ...], "work": ["2027-02-..."]}}}``.
    """
    if not path.exists():
        return {}
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidValue(f"节假日调整表 {path} 无法读取：{exc}") from exc
    return parse_overrides(data, str(path))


def parse_overrides(data: Any, where: str) -> dict[int, tuple[set[date], set[date]]]:
    """The override table's content (read from the file, or carried by a county's bulletin), checked: every
    date in its own year, make-up working days on a Saturday or Sunday (a typo would otherwise move a deadline)."""
    years = data.get("years", {}) if isinstance(data, dict) else None
    if not isinstance(years, dict):
        raise InvalidValue(f"节假日调整表 {where} 格式错误：缺少 years 对象")
    result: dict[int, tuple[set[date], set[date]]] = {}
    for year_text, lists in years.items():
        if not (isinstance(year_text, str) and year_text.isdigit() and len(year_text) == 4):
            raise InvalidValue(f"节假日调整表 {where} 格式错误：年份“{year_text}”应为四位数字")
        if not isinstance(lists, dict):
            raise InvalidValue(f"节假日调整表 {where} 格式错误：{year_text} 年应包含 off 和 work 两个列表")
        off = _parse_dates(where, year_text, lists.get("off", []))
        work = _parse_dates(where, year_text, lists.get("work", []))
        for day in sorted(off | work):
            if day.year != int(year_text):
                raise InvalidValue(f"节假日调整表 {where} 中 {year_text} 年列出了别的年份的日期 {day}")
        for day in sorted(work):
            if day.weekday() < 5:
                raise InvalidValue(f"节假日调整表 {where} 中调休上班日 {day} 不是周六或周日")
        result[int(year_text)] = (off, work)
    return result


def _parse_dates(where: str, year_text: str, values: Any) -> set[date]:
    if not isinstance(values, list):
        raise InvalidValue(f"节假日调整表 {where} 格式错误：{year_text} 年的 off/work 应为日期列表")
    days: set[date] = set()
    for value in values:
        try:
            days.add(date.fromisoformat(value))
        except (TypeError, ValueError) as exc:
            raise InvalidValue(f"节假日调整表 {where} 中 {year_text} 年的日期“{value}”无效，应为 YYYY-MM-DD") from exc
    return days


def precomputed_path() -> Path:
    return resource_dir() / "holidays" / "cn_calendar.json"


def compute_official_days(years: range) -> tuple[set[date], set[date]]:
    """Holidays and make-up working days of ``years`` from the ``holidays`` package (~0.15 s)."""
    import holidays

    table = holidays.China(years=list(years))
    return {d for d in table if d.year in years}, {d for d in table.weekend_workdays if d.year in years}


def official_days(years: range) -> tuple[set[date], set[date]]:
    """The same, read from the table precomputed from the pinned package when it covers ``years``.

    Working out twenty years of lunar holidays cost a fifth of the app's start; the table is checked
    against the package by the tests (scripts/make_calendar_table.py writes it again).
    """
    try:
        data = json.loads(precomputed_path().read_text(encoding="utf-8"))
        first, last = data["years"]
        if first <= min(years) and max(years) <= last:
            off = {date.fromisoformat(d) for d in data["off"]}
            on = {date.fromisoformat(d) for d in data["on"]}
            return {d for d in off if d.year in years}, {d for d in on if d.year in years}
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no table or a damaged one: work the days out
    return compute_official_days(years)


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The China calendar with the bundled override table, built once per process."""
    return WorkCalendar.china()
