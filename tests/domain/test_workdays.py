import json
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.domain.deadlines import Limit, Pause, acceptance_due, due_state, earliest, mediation_due
from station_app.domain.workdays import WorkCalendar, default_calendar

CAL = default_calendar()


def naive_add(cal: WorkCalendar, start: date, n: int) -> date:
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += cal.is_working_day(day)
    return day


@pytest.mark.parametrize(
    "day,working",
    [
        (date(2026, 10, 1), False),  # National Day
        (date(2026, 10, 7), False),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # Saturday make-up working day
        (date(2026, 9, 20), True),  # Sunday make-up working day
        (date(2026, 2, 14), True),  # Saturday before Spring Festival
        (date(2026, 2, 16), False),  # New Year's Eve
        (date(2026, 2, 23), False),
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Saturday make-up
        (date(2026, 11, 21), False),  # ordinary Saturday
        (date(2026, 11, 23), True),
    ],
)
def test_2026_calendar(day, working):
    assert CAL.is_working_day(day) is working


def test_acceptance_deadline_across_national_day():
    # Received Wed 30 Sep 2026: Oct 1–7 off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12–Thu 15:
    # the 7th working day is Thu 15 Oct.
    assert acceptance_due(date(2026, 9, 30), CAL) == date(2026, 10, 15)
    # Received on a holiday: the clock starts on the next working day.
    assert acceptance_due(date(2026, 10, 3), CAL) == date(2026, 10, 15)


def test_acceptance_deadline_across_spring_festival():
    # Received Fri 13 Feb 2026: Sat 14 works; 15–23 off; then 24, 25, 26, 27, Sat 28 works, Mon 2 Mar.
    assert acceptance_due(date(2026, 2, 13), CAL) == date(2026, 3, 2)


def test_receipt_day_does_not_count():
    assert acceptance_due(date(2026, 11, 2), CAL) == date(2026, 11, 11)  # Mon → Wed of the next week


def test_mediation_limits_by_unit():
    accepted = date(2026, 4, 15)
    assert mediation_due(accepted, Limit(60, "calendar_days"), CAL) == date(2026, 6, 14)
    wd = mediation_due(accepted, Limit(45, "working_days"), CAL)
    assert CAL.working_days_between(accepted, wd) == 45 and CAL.is_working_day(wd)


def test_pauses_and_extension():
    accepted = date(2026, 11, 3)
    limit = Limit(60, "calendar_days")
    assert mediation_due(accepted, limit, CAL, [Pause(date(2026, 11, 10), None, "检测")]) is None
    closed = [Pause(date(2026, 11, 10), date(2026, 11, 20), "检测")]
    assert mediation_due(accepted, limit, CAL, closed) == date(2027, 1, 12)
    assert mediation_due(accepted, limit, CAL, closed, extension=5) == date(2027, 1, 17)
    # Working-day limit: a pause over a weekend only costs the working days in it.
    wd = Limit(45, "working_days")
    base = mediation_due(accepted, wd, CAL)
    paused = mediation_due(accepted, wd, CAL, [Pause(date(2026, 11, 9), date(2026, 11, 16), "鉴定")])
    assert CAL.working_days_between(base, paused) == 5


def test_due_state():
    due = date(2026, 11, 25)
    assert due_state(due, date(2026, 11, 26), CAL) == "overdue"
    assert due_state(due, due, CAL) == "due_soon"
    assert due_state(due, date(2026, 11, 23), CAL) == "due_soon"
    assert due_state(due, date(2026, 11, 16), CAL) == "on_time"
    assert due_state(None, date(2026, 11, 16), CAL) == "none"
    assert earliest(None, due, date(2026, 11, 24)) == date(2026, 11, 24)


def test_override_table_replaces_a_year(tmp_path):
    override = tmp_path / "cn.json"
    override.write_text(
        json.dumps({"years": {"2027": {"off": ["2027-01-01", "2027-02-08"], "work": ["2027-02-06"]}}}),
        encoding="utf-8",
    )
    cal = WorkCalendar.china(override)
    assert cal.is_known_year(2027) and not CAL.is_known_year(2027)
    assert cal.is_working_day(date(2027, 2, 6))  # a Saturday made a working day
    assert not cal.is_working_day(date(2027, 2, 8))
    assert cal.is_working_day(date(2027, 2, 10))  # the package's guess for 2027 no longer applies
    assert not CAL.is_working_day(date(2027, 2, 10))
    assert cal.is_working_day(date(2026, 10, 10))  # other years untouched


@given(st.dates(date(2010, 1, 1), date(2040, 12, 31)), st.integers(min_value=1, max_value=80))
def test_fast_path_agrees_with_counting_day_by_day(start, n):
    due = CAL.add_working_days(start, n)
    assert due == naive_add(CAL, start, n)
    assert due > start and CAL.is_working_day(due)
    assert CAL.working_days_between(start, due) == n
