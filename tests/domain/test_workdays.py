"""The working-day calendar, checked by hand against the State Council's 2026 notice.

2026: New Year Jan 1–3 off (Sun Jan 4 works); Spring Festival Feb 15–23 off (Sat Feb 14 and Sat Feb 28 work);
Qingming Apr 4–6; Labour Day May 1–5 (Sat May 9 works); Dragon Boat Jun 19–21; Mid-Autumn Sep 25–27;
National Day Oct 1–7 (Sun Sep 20 and Sat Oct 10 work).
"""

import json
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.domain.errors import InvalidValue
from station_app.domain.workdays import WorkCalendar, default_calendar, default_overrides_path

CAL = default_calendar()
YEARS = range(2015, 2036)

# The same data as the default calendar, taken straight from the package (the bundled override table is empty).
_TABLE = holidays.China(years=list(YEARS))
OFF = {d for d in _TABLE if d.year in YEARS}
ON = {d for d in _TABLE.weekend_workdays if d.year in YEARS}
KNOWN = {y for y in YEARS if y <= 2026}
# A calendar with nothing precomputed (it always counts day by day), and one with a short span so random
# dates often cross its edges.
SLOW = WorkCalendar(OFF, ON, KNOWN, span=(date(2000, 1, 2), date(2000, 1, 1)))
NARROW = WorkCalendar(OFF, ON, KNOWN, span=(date(2024, 1, 1), date(2025, 12, 31)))


def naive_is_working(day: date) -> bool:
    return day in ON or (day.weekday() < 5 and day not in OFF)


def naive_add(start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += naive_is_working(day)
    return day


def naive_between(a: date, b: date) -> int:
    return sum(naive_is_working(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))


@pytest.mark.parametrize(
    "day,working",
    [
        (date(2026, 1, 1), False),
        (date(2026, 1, 2), False),
        (date(2026, 1, 4), True),  # Sunday make-up working day
        (date(2026, 2, 13), True),
        (date(2026, 2, 14), True),  # Saturday make-up before Spring Festival
        (date(2026, 2, 16), False),  # New Year's Eve
        (date(2026, 2, 20), False),
        (date(2026, 2, 23), False),
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Saturday make-up
        (date(2026, 5, 5), False),
        (date(2026, 5, 9), True),
        (date(2026, 6, 19), False),
        (date(2026, 9, 20), True),  # Sunday make-up before National Day
        (date(2026, 9, 25), False),  # Mid-Autumn
        (date(2026, 10, 1), False),
        (date(2026, 10, 7), False),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # Saturday make-up after National Day
        (date(2026, 11, 21), False),  # an ordinary Saturday
        (date(2026, 11, 23), True),
    ],
)
def test_2026_calendar(day, working):
    assert CAL.is_working_day(day) is working


@pytest.mark.parametrize(
    "start,n,expected",
    [
        (date(2026, 11, 23), 1, date(2026, 11, 24)),  # the start day never counts, even a working day
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Fri → Mon
        (date(2026, 9, 19), 1, date(2026, 9, 20)),  # Sat → the Sunday make-up day
        (date(2026, 9, 25), 1, date(2026, 9, 28)),  # Mid-Autumn Fri → Mon
        (date(2026, 9, 25), 7, date(2026, 10, 12)),  # 28, 29, 30, Oct 8, 9, Sat 10, Mon 12
        (date(2026, 9, 30), 1, date(2026, 10, 8)),
        (date(2026, 9, 30), 3, date(2026, 10, 10)),
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 14), 1, date(2026, 2, 24)),  # Feb 15–23 off
        (date(2026, 2, 27), 1, date(2026, 2, 28)),
        (date(2026, 2, 28), 1, date(2026, 3, 2)),
    ],
)
def test_add_working_days(start, n, expected):
    assert CAL.add_working_days(start, n) == expected


def test_working_days_between():
    assert CAL.working_days_between(date(2026, 9, 30), date(2026, 10, 10)) == 3  # Oct 8, 9, 10
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 28)) == 6  # 14, 24, 25, 26, 27, 28
    assert CAL.working_days_between(date(2026, 10, 1), date(2026, 10, 7)) == 0
    assert CAL.working_days_between(date(2026, 11, 23), date(2026, 11, 23)) == 0
    assert CAL.working_days_between(date(2026, 11, 27), date(2026, 11, 23)) == 0  # b before a


def test_n_must_be_positive():
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 11, 23), 0)


def test_known_years():
    assert CAL.is_known_year(2015) and CAL.is_known_year(2026)
    assert not CAL.is_known_year(2027)  # the package only guesses 2027 and the shipped table is empty


def test_calendar_is_immutable():
    with pytest.raises(AttributeError):
        CAL.known_years = frozenset({2027})  # type: ignore[misc]
    assert default_calendar() is CAL


def test_plain_constructor():
    cal = WorkCalendar({date(2030, 1, 1)}, {date(2030, 1, 5)}, {2030})
    assert not cal.is_working_day(date(2030, 1, 1))  # Tuesday, off
    assert cal.is_working_day(date(2030, 1, 5))  # Saturday, made a working day
    assert not cal.is_working_day(date(2030, 1, 6))
    assert cal.add_working_days(date(2029, 12, 31), 1) == date(2030, 1, 2)
    assert cal.is_known_year(2030) and not cal.is_known_year(2029)


def test_shipped_override_table_is_empty_with_a_note():
    data = json.loads(default_overrides_path().read_text(encoding="utf-8"))
    assert data["note"] and data["years"] == {}


def test_override_replaces_a_guessed_year(tmp_path):
    override = tmp_path / "cn.json"
    override.write_text(
        json.dumps({"note": "test", "years": {"2027": {"off": ["2027-01-01", "2027-02-08"], "work": ["2027-02-06"]}}}),
        encoding="utf-8",
    )
    cal = WorkCalendar.china(override)
    assert cal.is_known_year(2027)
    assert cal.is_working_day(date(2027, 2, 6))  # a Saturday made a working day
    assert not cal.is_working_day(date(2027, 2, 8))
    # The package's guesses for 2027 (Feb 10, Oct 5 off) no longer apply.
    assert not CAL.is_working_day(date(2027, 2, 10)) and cal.is_working_day(date(2027, 2, 10))
    assert not CAL.is_working_day(date(2027, 10, 5)) and cal.is_working_day(date(2027, 10, 5))
    # Other years are untouched.
    assert cal.is_working_day(date(2026, 10, 10)) and not cal.is_working_day(date(2026, 10, 1))
    assert cal.add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 6)


def test_override_replaces_an_official_year(tmp_path):
    override = tmp_path / "cn.json"
    override.write_text(json.dumps({"years": {"2026": {"off": ["2026-10-01"], "work": []}}}), encoding="utf-8")
    cal = WorkCalendar.china(override)
    assert not cal.is_working_day(date(2026, 10, 1))
    assert cal.is_working_day(date(2026, 10, 2))
    assert not cal.is_working_day(date(2026, 10, 10))  # the make-up Saturday is gone too
    assert cal.is_working_day(date(2025, 12, 31))


def test_override_outside_the_precomputed_years(tmp_path):
    override = tmp_path / "cn.json"
    override.write_text(json.dumps({"years": {"2040": {"off": ["2040-01-02"], "work": []}}}), encoding="utf-8")
    cal = WorkCalendar.china(override)
    assert cal.is_known_year(2040)
    # Fri 30 Dec → (Sat 31, Sun 1, Mon 2 off by the override) → Tue 3 Jan.
    assert cal.add_working_days(date(2039, 12, 30), 1) == date(2040, 1, 3)
    assert cal.working_days_between(date(2039, 12, 31), date(2040, 1, 6)) == 4  # Tue 3 – Fri 6


def test_missing_override_file_means_no_overrides(tmp_path):
    cal = WorkCalendar.china(tmp_path / "none.json")
    assert not cal.is_known_year(2027) and cal.is_working_day(date(2026, 10, 10))


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        '{"years": []}',
        '{"years": {"27": {"off": []}}}',
        '{"years": {"2027": {"off": "2027-01-01"}}}',
        '{"years": {"2027": {"off": ["2027-02-30"]}}}',
    ],
)
def test_malformed_override_table(tmp_path, content):
    override = tmp_path / "cn.json"
    override.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidValue):
        WorkCalendar.china(override)


def test_small_year_range():
    cal = WorkCalendar.china(years=range(2026, 2027))
    assert cal.add_working_days(date(2026, 9, 30), 3) == date(2026, 10, 10)
    # Beyond the years asked for the calendar knows weekends only (2027 New Year's Day is not loaded).
    assert cal.add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 1)
    assert CAL.add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 4)


DATES = st.dates(date(2012, 1, 1), date(2038, 12, 31))  # beyond the precomputed 2015–2035 on both sides


@settings(max_examples=300)
@given(DATES, st.integers(min_value=1, max_value=400))
def test_add_working_days_properties(start, n):
    due = CAL.add_working_days(start, n)
    assert due > start and CAL.is_working_day(due)
    assert CAL.working_days_between(start, due) == n
    assert CAL.working_days_between(start, due - timedelta(days=1)) == n - 1  # the first such day


@settings(max_examples=300)
@given(DATES, st.integers(min_value=1, max_value=400))
def test_fast_path_agrees_with_counting_day_by_day(start, n):
    expected = naive_add(start, n)
    assert CAL.add_working_days(start, n) == expected
    assert NARROW.add_working_days(start, n) == expected
    assert SLOW.add_working_days(start, n) == expected


@settings(max_examples=300)
@given(DATES, DATES)
def test_working_days_between_agrees_with_counting_day_by_day(a, b):
    expected = naive_between(a, b)
    assert CAL.working_days_between(a, b) == expected
    assert NARROW.working_days_between(a, b) == expected
    assert SLOW.working_days_between(a, b) == expected


@given(DATES)
def test_is_working_day_matches_the_rule(day):
    assert CAL.is_working_day(day) is naive_is_working(day)


def test_the_precomputed_table_equals_the_holidays_package():
    """A failure means the pinned package changed: run scripts/make_calendar_table.py."""
    from station_app.domain import workdays

    assert workdays.official_days(workdays.DEFAULT_YEARS) == workdays.compute_official_days(workdays.DEFAULT_YEARS)


def test_years_outside_the_table_are_worked_out():
    from station_app.domain import workdays

    off, _on = workdays.official_days(range(2010, 2012))
    assert date(2011, 10, 3) in off  # National Day week
