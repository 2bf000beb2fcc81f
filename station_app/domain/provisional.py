"""Deadlines counted across a year whose official holiday notice the calendar does not have are estimates.

The State Council publishes next year's holidays and make-up working days (调休) late in the year; until a
station has them (from the program's ``holidays`` package, the local override file, or a county bulletin), a
working-day count into that year may be off by the days the notice moves. Such a deadline is shown as
provisional (暂估) and printed without a firm promise; the calendar's years are checked from November, when
cases start to have deadlines in the next year.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from station_app.domain.workdays import WorkCalendar

# From this month on, a register whose calendar lacks next year warns (deadlines reach into it from December).
WARN_FROM_MONTH = 11

# Each deadline of a case and the day its count starts from.
_STARTS = {"acceptance_due": "received_on", "mediation_due": "accepted_on"}


def unknown_years(start: str | None, due: str | None, calendar: WorkCalendar) -> list[int]:
    """The years without an official notice that a deadline counted from ``start`` to ``due`` runs through."""
    if not start or not due:
        return []
    return calendar.unknown_years(date.fromisoformat(start), date.fromisoformat(due))


def case_provisional(case: dict[str, Any], calendar: WorkCalendar) -> tuple[dict[str, bool], list[int]]:
    """For each deadline of ``case``: is it an estimate; and the years without a notice it runs through."""
    flags: dict[str, bool] = {}
    years: set[int] = set()
    for key, start in _STARTS.items():
        missing = unknown_years(case.get(start), case.get(key), calendar)
        flags[key] = bool(missing)
        years.update(missing)
    return flags, sorted(years)


def years_phrase(years: list[int]) -> str:
    """``2027 年`` / ``2027、2028 年`` for the printed and shown caveat."""
    return "、".join(str(y) for y in years) + " 年"


def next_year_warning(today: date, calendar: WorkCalendar) -> str | None:
    """From November: say so when the calendar lacks next year's official holiday notice."""
    if today.month < WARN_FROM_MONTH or calendar.is_known_year(today.year + 1):
        return None
    return (
        f"本机还没有 {today.year + 1} 年的法定节假日安排：跨入 {today.year + 1} 年的办理期限只是估算（显示为“暂估”）。"
        "国务院公布放假安排后，请导入县局下发的公告包（bulletin import）"
    )
