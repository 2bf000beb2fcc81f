"""Deadlines of a complaint: the acceptance decision and the mediation limit, with pauses and extensions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from station_app.domain.workdays import WorkCalendar

Unit = Literal["working_days", "calendar_days"]
DueState = Literal["overdue", "due_soon", "on_time", "none"]


@dataclass(frozen=True)
class Limit:
    amount: int
    unit: Unit


@dataclass(frozen=True)
class Pause:
    """Testing or appraisal: the clock stands still on days start <= d < end (end None: still paused)."""

    start: date
    end: date | None
    reason: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def acceptance_due(received_on: date, calendar: WorkCalendar, limit: Limit = Limit(7, "working_days")) -> date:
    """The day of receipt does not count."""
    if limit.unit == "working_days":
        return calendar.add_working_days(received_on, limit.amount)
    return received_on + timedelta(days=limit.amount)


def _counts(day: date, limit: Limit, calendar: WorkCalendar) -> bool:
    return limit.unit == "calendar_days" or calendar.is_working_day(day)


def mediation_due(
    accepted_on: date,
    limit: Limit,
    calendar: WorkCalendar,
    pauses: Sequence[Pause] = (),
    extension: int = 0,
) -> date | None:
    """The day the counted days after acceptance reach the limit plus extension; None while paused."""
    if any(p.end is None for p in pauses):
        return None
    target = limit.amount + extension
    # Without pauses the fast path of the calendar answers directly.
    if limit.unit == "working_days":
        due = calendar.add_working_days(accepted_on, target)
    else:
        due = accepted_on + timedelta(days=target)
    if not pauses:
        return due
    # Each paused day that would have counted pushes the due date by one more counted day.
    day, counted = accepted_on, 0
    while counted < target:
        day += timedelta(days=1)
        if _counts(day, limit, calendar) and not any(p.covers(day) for p in pauses):
            counted += 1
    return day


def earliest(*dates: date | None) -> date | None:
    present = [d for d in dates if d is not None]
    return min(present) if present else None


def due_state(due: date | None, today: date, calendar: WorkCalendar, soon_working_days: int = 2) -> DueState:
    if due is None:
        return "none"
    if today > due:
        return "overdue"
    if calendar.working_days_between(today, due) <= soon_working_days:
        return "due_soon"
    return "on_time"
