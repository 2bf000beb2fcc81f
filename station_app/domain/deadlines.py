"""Deadlines of a complaint: the acceptance decision and the mediation limit, with pauses and extensions.

Limits come from the versioned procedure rules (e.g. 7 working days to decide on acceptance; 45 working days
of mediation under SAMR Order 20, 60 calendar days under Order 121 from 2026-04-15). A station may also set
its own shorter limits: compute both and take ``earliest``.

A calendar-day limit whose last day is a rest day (a weekend or public holiday that is not a make-up working
day) ends on the next working day when ``Limit.rest_day_moves`` is set: 民法典 Art. 203 ¶1 ("期间的最后一日是
法定休假日的，以法定休假日结束的次日为期间的最后一日"), the same rule as 民事诉讼法 Art. 85 ¶3, applied by analogy
because neither order has its own counting rule (docs/legal-basis.md §2.6). The complaint rules set it
(domain/case.py); working-day limits always end on a working day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

from station_app.domain.errors import InvalidValue
from station_app.domain.workdays import WorkCalendar

Unit = Literal["working_days", "calendar_days"]
DueState = Literal["overdue", "due_soon", "on_time", "none"]
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: Unit
    rest_day_moves: bool = False  # a calendar-day limit ending on a rest day ends on the next working day

    def __post_init__(self) -> None:
        if self.unit not in get_args(Unit):
            raise InvalidValue(f"期限单位“{self.unit}”无效，应为工作日或自然日")
        if self.amount < 1:
            raise InvalidValue("期限天数必须是正整数")


@dataclass(frozen=True)
class Pause:
    """Testing or appraisal (检测、鉴定): the clock stands still on days start <= d < end.

    The day the result comes back (``end``) counts again; ``end`` None means the case is still paused.
    """

    start: date
    end: date | None
    reason: str

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidValue("中止计时的结束日期不能早于开始日期")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def _add(start: date, n: int, unit: Unit, calendar: WorkCalendar) -> date:
    """The n-th counted day after ``start`` (n >= 1)."""
    if unit == "working_days":
        return calendar.add_working_days(start, n)
    return start + timedelta(days=n)


def _count(a: date, b: date, unit: Unit, calendar: WorkCalendar) -> int:
    """Counted days d with a < d <= b."""
    if unit == "working_days":
        return calendar.working_days_between(a, b)
    return max((b - a).days, 0)


def past_rest_days(day: date, calendar: WorkCalendar) -> date:
    """``day``, or the first working day after it when it is a rest day (民法典 Art. 203 ¶1)."""
    while not calendar.is_working_day(day):
        day += _ONE_DAY
    return day


def _last_day(day: date, limit: Limit, calendar: WorkCalendar) -> date:
    if limit.unit == "calendar_days" and limit.rest_day_moves:
        return past_rest_days(day, calendar)
    return day


def acceptance_due(received_on: date, calendar: WorkCalendar, limit: Limit = Limit(7, "working_days")) -> date:
    """The last day for the acceptance decision; the day of receipt does not count."""
    return _last_day(_add(received_on, limit.amount, limit.unit, calendar), limit, calendar)


def mediation_due(
    accepted_on: date,
    limit: Limit,
    calendar: WorkCalendar,
    pauses: Sequence[Pause] = (),
    extension: int = 0,
) -> date | None:
    """The day on which the counted days after ``accepted_on`` reach ``limit.amount + extension``.

    Counted days are working days (or every day for a calendar-day limit) outside every pause; the day of
    acceptance does not count. ``extension`` is in the limit's unit. None while any pause is open: the clock
    is stopped and there is no due date.
    """
    if any(p.end is None for p in pauses):
        return None
    remaining = limit.amount + extension
    if remaining < 1:
        raise InvalidValue("延长后的期限必须至少为 1 天")
    # Walk the pauses in order; between them the calendar's fast path counts. `cursor` is the last day
    # already accounted for: counted days are those after it.
    cursor = accepted_on
    closed = sorted((p.start, p.end) for p in pauses if p.end is not None)
    for start, end in closed:
        first_paused = max(start, cursor + _ONE_DAY)
        if end <= first_paused:
            continue  # empty, before acceptance, or inside an earlier pause
        before = _count(cursor, first_paused - _ONE_DAY, limit.unit, calendar)
        if before >= remaining:
            break
        remaining -= before
        cursor = end - _ONE_DAY
    return _last_day(_add(cursor, remaining, limit.unit, calendar), limit, calendar)


def termination_notice_due(decided_on: date, calendar: WorkCalendar, limit: Limit = Limit(7, "working_days")) -> date:
    """The last day to tell both parties of a termination: 7 working days from the decision (Order 20 Art. 21 ¶2),
    the day of the decision not counted."""
    return _last_day(_add(decided_on, limit.amount, limit.unit, calendar), limit, calendar)


def last_overdue_termination_day(today: date, calendar: WorkCalendar) -> date:
    """The latest termination day whose notice to both parties is overdue on ``today`` (its 7 working days, Order 20
    Art. 21 ¶2, ended before today): a termination decided on or before it and not yet told is overdue work, so a
    query can count them without reading each case. The due day only grows with the decision day."""
    day = today - _ONE_DAY
    while termination_notice_due(day, calendar) >= today:
        day -= _ONE_DAY
    return day


def earliest(*dates: date | None) -> date | None:
    """The earliest of the given dates, ignoring None (e.g. rule due vs. the station's own shorter limit)."""
    present = [d for d in dates if d is not None]
    return min(present) if present else None


def last_due_soon_day(today: date, calendar: WorkCalendar, soon_working_days: int = 2) -> date:
    """The last due day ``due_state`` calls due soon on ``today``: a case is overdue or due soon exactly when its
    deadline is on or before it (so a query can find them without reading every open case)."""
    return calendar.add_working_days(today, soon_working_days + 1) - _ONE_DAY


def due_state(due: date | None, today: date, calendar: WorkCalendar, soon_working_days: int = 2) -> DueState:
    """overdue after the due day; due_soon when at most ``soon_working_days`` working days remain."""
    if due is None:
        return "none"
    if today > due:
        return "overdue"
    if calendar.working_days_between(today, due) <= soon_working_days:
        return "due_soon"
    return "on_time"
