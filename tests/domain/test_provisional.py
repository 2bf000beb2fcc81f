"""Deadlines counted into a year without the official holiday notice are estimates (issue 18, item 4)."""

from __future__ import annotations

from datetime import date

import pytest

from station_app.domain.case import compute_deadlines
from station_app.domain.catalogs import default_catalogs
from station_app.domain.errors import InvalidValue
from station_app.domain.provisional import case_provisional, next_year_warning, years_phrase
from station_app.domain.workdays import LAST_OFFICIAL_PACKAGE_YEAR, WorkCalendar, default_calendar, parse_overrides

# TEST DATA, not the State Council's 2027 notice: 2027-01-01..04 off.
TABLE_2027 = {"years": {"2027": {"off": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"], "work": []}}}


def _with_2027() -> WorkCalendar:
    return WorkCalendar.china(tables=parse_overrides(TABLE_2027, "test"))


CALENDAR = default_calendar()
ORDER121 = next(v for v in default_catalogs().rule_versions() if v.code == "order121")


def _case(received_on: str, calendar: WorkCalendar = CALENDAR, **more) -> dict:
    case = {"received_on": received_on, "status": "registered", **more}
    return {**case, **compute_deadlines(case, ORDER121, [], calendar)}


def test_the_bundled_calendar_knows_2026_but_not_2027():
    assert LAST_OFFICIAL_PACKAGE_YEAR == 2026
    assert CALENDAR.is_known_year(2026) and not CALENDAR.is_known_year(2027)


def test_received_on_new_years_eve_the_acceptance_deadline_is_provisional():
    case = _case("2026-12-31")
    assert case["acceptance_due"] == "2027-01-12"
    flags, years = case_provisional(case, CALENDAR)
    assert flags == {"acceptance_due": True, "mediation_due": False} and years == [2027]


def test_a_deadline_inside_a_known_year_is_firm():
    case = _case("2026-12-01")
    assert case["acceptance_due"] == "2026-12-10"
    assert case_provisional(case, CALENDAR) == ({"acceptance_due": False, "mediation_due": False}, [])


def test_a_mediation_limit_running_into_next_year_is_provisional():
    case = _case("2026-11-20", accepted_on="2026-11-23", status="accepted")
    case = {**case, "mediation_due": "2027-01-22"}  # 60 calendar days
    flags, years = case_provisional(case, CALENDAR)
    assert flags["mediation_due"] and not flags["acceptance_due"] and years == [2027]


def test_the_years_table_makes_the_deadline_firm_and_moves_it():
    calendar = _with_2027()
    case = _case("2026-12-31", calendar)
    assert case["acceptance_due"] == "2027-01-13"
    assert case_provisional(case, calendar) == ({"acceptance_due": False, "mediation_due": False}, [])


@pytest.mark.parametrize(
    ("today", "warns"),
    [(date(2026, 10, 31), False), (date(2026, 11, 1), True), (date(2026, 12, 31), True), (date(2026, 6, 1), False)],
)
def test_the_next_year_warning_starts_in_november(today, warns):
    message = next_year_warning(today, CALENDAR)
    assert (message is not None) == warns
    if warns:
        assert "2027 年" in message and "bulletin import" in message


def test_no_warning_once_next_year_is_known():
    assert next_year_warning(date(2026, 11, 23), _with_2027()) is None


def test_years_phrase():
    assert years_phrase([2027]) == "2027 年" and years_phrase([2027, 2028]) == "2027、2028 年"


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"off": ["2028-01-01"]}, "别的年份"),
        ({"work": ["2027-01-05"]}, "不是周六或周日"),  # a Tuesday: a typo would move deadlines
        ({"off": ["2027-13-01"]}, "无效"),
    ],
)
def test_a_holiday_table_with_a_wrong_date_is_refused(lists, message):
    with pytest.raises(InvalidValue, match=message):
        parse_overrides({"years": {"2027": lists}}, "test")
