"""Deadlines, checked by hand against the 2026 calendar (see test_workdays.py for the holidays)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station_app.domain.deadlines import (
    Limit,
    Pause,
    acceptance_due,
    due_state,
    earliest,
    last_due_soon_day,
    mediation_due,
)
from station_app.domain.errors import InvalidValue
from station_app.domain.workdays import default_calendar

CAL = default_calendar()
WD15 = Limit(15, "working_days")
CAL60 = Limit(60, "calendar_days")


@pytest.mark.parametrize(
    "received,due",
    [
        (date(2026, 11, 2), date(2026, 11, 11)),  # Mon → Wed of the next week
        # Wed 30 Sep: Oct 1–7 off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12 … Thu 15 is the 7th working day.
        (date(2026, 9, 30), date(2026, 10, 15)),
        (date(2026, 10, 3), date(2026, 10, 15)),  # received on a holiday: counting starts on Oct 8
        # Fri 25 Sep (Mid-Autumn): 28, 29, 30, Oct 8, 9, Sat 10, Mon 12.
        (date(2026, 9, 25), date(2026, 10, 12)),
        # Fri 18 Sep: Sun 20 (make-up), 21, 22, 23, 24, (25 off), 28, 29.
        (date(2026, 9, 18), date(2026, 9, 29)),
        # Fri 13 Feb: Sat 14 (make-up); 15–23 off; 24, 25, 26, 27, Sat 28 (make-up), Mon 2 Mar.
        (date(2026, 2, 13), date(2026, 3, 2)),
    ],
)
def test_acceptance_due(received, due):
    assert acceptance_due(received, CAL) == due


def test_acceptance_due_other_limits():
    assert acceptance_due(date(2026, 9, 30), CAL, Limit(1, "working_days")) == date(2026, 10, 8)
    assert acceptance_due(date(2026, 9, 30), CAL, Limit(7, "calendar_days")) == date(2026, 10, 7)


def test_mediation_limits_by_unit():
    accepted = date(2026, 4, 15)  # Order 121 in force
    assert mediation_due(accepted, CAL60, CAL) == date(2026, 6, 14)
    # 45 working days: Apr 16–17 (2), 20–24 (7), 27–30 (11), May 1–5 off, 6–8 (14), Sat 9 (15), May 11 – Jun 12
    # (40), Jun 15–18 (44), Jun 19 off, Mon Jun 22 (45).
    assert mediation_due(accepted, Limit(45, "working_days"), CAL) == date(2026, 6, 22)


def test_mediation_across_national_day():
    # Tue 15 Sep: 16, 17, 18, Sun 20, 21–24 (8), (25 off), 28, 29, 30 (11), Oct 8, 9, Sat 10, Mon 12 (15).
    assert mediation_due(date(2026, 9, 15), WD15, CAL) == date(2026, 10, 12)


def test_extension_is_in_the_limit_unit():
    assert mediation_due(date(2026, 9, 15), WD15, CAL, extension=2) == date(2026, 10, 14)
    assert mediation_due(date(2026, 9, 15), CAL60, CAL, extension=5) == date(2026, 11, 19)


def test_open_pause_stops_the_clock():
    accepted = date(2026, 11, 3)
    assert mediation_due(accepted, CAL60, CAL, [Pause(date(2026, 11, 10), None, "检测")]) is None
    pauses = [Pause(date(2026, 11, 5), date(2026, 11, 6), "鉴定"), Pause(date(2026, 11, 10), None, "检测")]
    assert mediation_due(accepted, WD15, CAL, pauses) is None


def test_closed_pause_calendar_days():
    accepted = date(2026, 11, 3)
    closed = [Pause(date(2026, 11, 10), date(2026, 11, 20), "检测")]  # Nov 10–19 stopped: 10 days
    assert mediation_due(accepted, CAL60, CAL) == date(2027, 1, 2)
    assert mediation_due(accepted, CAL60, CAL, closed) == date(2027, 1, 12)
    assert mediation_due(accepted, CAL60, CAL, closed, extension=5) == date(2027, 1, 17)


def test_closed_pause_working_days():
    accepted = date(2026, 9, 15)
    # Mon 21 – Wed 23 stopped, the result comes back Thu 24, which counts: 3 working days lost.
    pause = Pause(date(2026, 9, 21), date(2026, 9, 24), "检测")
    assert mediation_due(accepted, WD15, CAL, [pause]) == date(2026, 10, 15)
    # … plus 2 working days of extension: Fri 16, (Sat 17, Sun 18 ordinary weekend), Mon 19.
    assert mediation_due(accepted, WD15, CAL, [pause], extension=2) == date(2026, 10, 19)
    # A pause over the National Day holiday costs no working day.
    holiday = Pause(date(2026, 10, 1), date(2026, 10, 8), "鉴定")
    assert mediation_due(accepted, WD15, CAL, [holiday]) == date(2026, 10, 12)
    # A pause begun before acceptance only stops the days after it (here Wed 16).
    early = Pause(date(2026, 9, 10), date(2026, 9, 17), "检测")
    assert mediation_due(accepted, WD15, CAL, [early]) == date(2026, 10, 13)


def test_pause_edge_cases():
    accepted = date(2026, 11, 3)
    same_day = Pause(date(2026, 11, 10), date(2026, 11, 10), "检测")  # result came back the same day
    assert mediation_due(accepted, CAL60, CAL, [same_day]) == date(2027, 1, 2)
    after_due = Pause(date(2027, 1, 3), date(2027, 1, 20), "检测")
    assert mediation_due(accepted, CAL60, CAL, [after_due]) == date(2027, 1, 2)
    on_due = Pause(date(2027, 1, 2), date(2027, 1, 4), "检测")
    assert mediation_due(accepted, CAL60, CAL, [on_due]) == date(2027, 1, 4)
    overlapping = [
        Pause(date(2026, 11, 15), date(2026, 11, 25), "鉴定"),
        Pause(date(2026, 11, 10), date(2026, 11, 20), "检测"),
    ]  # Nov 10–24 stopped: 15 days, whatever the order
    assert mediation_due(accepted, CAL60, CAL, overlapping) == date(2027, 1, 17)


def test_invalid_values():
    with pytest.raises(InvalidValue):
        Pause(date(2026, 11, 10), date(2026, 11, 9), "检测")
    with pytest.raises(InvalidValue):
        Limit(0, "working_days")
    with pytest.raises(InvalidValue):
        Limit(7, "weeks")  # type: ignore[arg-type]
    with pytest.raises(InvalidValue):
        mediation_due(date(2026, 11, 3), Limit(5, "working_days"), CAL, extension=-5)


def test_station_limit_takes_the_earliest():
    accepted = date(2026, 9, 15)
    rule_due = mediation_due(accepted, CAL60, CAL)  # Nov 14
    station_due = mediation_due(accepted, WD15, CAL)  # Oct 12
    assert earliest(rule_due, station_due) == date(2026, 10, 12)
    assert earliest(None, rule_due) == rule_due
    assert earliest(None, None) is None
    assert earliest() is None


def test_due_state():
    due = date(2026, 10, 15)
    assert due_state(due, date(2026, 10, 16), CAL) == "overdue"
    assert due_state(due, due, CAL) == "due_soon"
    assert due_state(due, date(2026, 10, 13), CAL) == "due_soon"  # Oct 14, 15 remain
    assert due_state(due, date(2026, 10, 12), CAL) == "on_time"  # three remain
    assert due_state(due, date(2026, 10, 12), CAL, soon_working_days=3) == "due_soon"
    # Nine calendar days but only two working days (Oct 8, 9) across National Day.
    assert due_state(date(2026, 10, 9), date(2026, 9, 30), CAL) == "due_soon"
    assert due_state(None, date(2026, 10, 12), CAL) == "none"


# -- properties against a day-by-day reference ---------------------------------------------------------------


def naive_mediation_due(accepted: date, limit: Limit, pauses: list[Pause], extension: int) -> date:
    day, counted = accepted, 0
    while counted < limit.amount + extension:
        day += timedelta(days=1)
        counts = limit.unit == "calendar_days" or CAL.is_working_day(day)
        if counts and not any(p.covers(day) for p in pauses):
            counted += 1
    return day


DATES = st.dates(date(2014, 1, 1), date(2036, 6, 30))
LIMITS = st.builds(Limit, st.integers(min_value=1, max_value=90), st.sampled_from(["working_days", "calendar_days"]))


@st.composite
def closed_pauses(draw, accepted: date) -> list[Pause]:
    pauses = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        start = accepted + timedelta(days=draw(st.integers(min_value=-10, max_value=120)))
        end = start + timedelta(days=draw(st.integers(min_value=0, max_value=40)))
        pauses.append(Pause(start, end, "检测"))
    return pauses


@settings(max_examples=300)
@given(st.data(), DATES, LIMITS, st.integers(min_value=0, max_value=20))
def test_mediation_due_agrees_with_counting_day_by_day(data, accepted, limit, extension):
    pauses = data.draw(closed_pauses(accepted))
    assert mediation_due(accepted, limit, CAL, pauses, extension) == naive_mediation_due(
        accepted, limit, pauses, extension
    )


@settings(max_examples=300)
@given(DATES, LIMITS, st.integers(min_value=1, max_value=120), st.integers(min_value=0, max_value=40))
def test_closed_pause_shifts_by_the_paused_counted_days(accepted, limit, offset, length):
    start = accepted + timedelta(days=offset)
    end = start + timedelta(days=length)
    base = mediation_due(accepted, limit, CAL)
    paused = mediation_due(accepted, limit, CAL, [Pause(start, end, "鉴定")])
    assert base is not None and paused is not None
    if limit.unit == "working_days":
        lost = CAL.working_days_between(start - timedelta(days=1), end - timedelta(days=1))
        shifted = CAL.add_working_days(base, lost) if lost else base
    else:
        lost = length
        shifted = base + timedelta(days=lost)
    assert paused == (shifted if start <= base else base)


@settings(max_examples=400, deadline=None)
@given(
    today=st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    offset=st.integers(-30, 40),
    soon=st.integers(0, 5),
)
def test_overdue_or_due_soon_exactly_when_due_on_or_before_the_last_due_soon_day(today, offset, soon):
    """What lets the workbench count and page its urgent cases in SQL, across weekends and Spring Festival."""
    due = today + timedelta(days=offset)
    urgent = due_state(due, today, CAL, soon) in ("overdue", "due_soon")
    assert urgent == (due <= last_due_soon_day(today, CAL, soon))


def test_last_due_soon_day_across_national_day():
    # 2026-09-30: Oct 1–7 off; Oct 8 and 9 are the two working days left, Oct 10 (a Saturday worked) the third.
    assert last_due_soon_day(date(2026, 9, 30), CAL, 2) == date(2026, 10, 9)
    assert due_state(date(2026, 10, 10), date(2026, 9, 30), CAL, 2) == "on_time"


# -- 民法典 Art. 203 ¶1 by analogy: a calendar-day limit ending on a rest day ends on the next working day -----
MOVES = Limit(60, "calendar_days", rest_day_moves=True)


def test_sixty_days_ending_in_national_day_move_past_the_holiday():
    # Mon 3 Aug + 60 = Fri 2 Oct, inside the 1–7 Oct holiday: the last day is Thu 8 Oct.
    assert mediation_due(date(2026, 8, 3), CAL60, CAL) == date(2026, 10, 2)
    assert mediation_due(date(2026, 8, 3), MOVES, CAL) == date(2026, 10, 8)


def test_sixty_days_ending_on_a_sunday_move_to_monday_and_a_make_up_day_stays():
    assert mediation_due(date(2026, 4, 15), MOVES, CAL) == date(2026, 6, 15)  # Sun 14 Jun → Mon 15 Jun
    # Sat 10 Oct 2026 is a make-up working day: a limit ending on it is not moved (11 Aug + 60).
    assert mediation_due(date(2026, 8, 11), MOVES, CAL) == date(2026, 10, 10)
    assert mediation_due(date(2026, 4, 16), MOVES, CAL) == date(2026, 6, 15)  # Mon 15 Jun: a working day


def test_the_move_applies_after_pauses_and_only_to_calendar_days():
    paused = [Pause(date(2026, 9, 1), date(2026, 9, 11), "检测")]  # 10 days do not count
    assert mediation_due(date(2026, 7, 24), MOVES, CAL, paused) == date(2026, 10, 8)  # Fri 2 Oct + holiday
    assert mediation_due(date(2026, 9, 15), Limit(15, "working_days", rest_day_moves=True), CAL) == date(2026, 10, 12)
    assert acceptance_due(date(2026, 9, 27), CAL, Limit(7, "calendar_days", rest_day_moves=True)) == date(2026, 10, 8)


# -- Order 20 Art. 21 ¶2: the termination is told to both parties within 7 working days of the decision ---------
def test_termination_notice_due_in_seven_working_days():
    from station_app.domain.deadlines import termination_notice_due

    assert termination_notice_due(date(2026, 11, 2), CAL) == date(2026, 11, 11)
    assert termination_notice_due(date(2026, 9, 30), CAL) == date(2026, 10, 15)  # across National Day
