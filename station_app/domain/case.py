"""A complaint case as a whole: applying workflow steps and computing its deadlines.

Works on plain dicts of the case's columns (as the store holds them), so the same rules serve a
case typed at the desk, a case brought in with its earlier ``transitions``, and the demo register.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from station_app.domain import workflow
from station_app.domain.catalogs import RuleVersion
from station_app.domain.deadlines import (
    Limit,
    Pause,
    acceptance_due,
    due_state,
    earliest,
    mediation_due,
    termination_notice_due,
)
from station_app.domain.errors import RuleViolation
from station_app.domain.workdays import WorkCalendar

# Columns a step copies from its fields onto the case.
_STEP_COLUMNS = {
    workflow.NOT_ACCEPTED: ("ground",),
    workflow.MEDIATING: ("mediator",),
    workflow.SETTLED: ("method", "recovered_fen", "punitive_fen", "agreement", "outcomes", "performed_by"),
    workflow.TERMINATED: ("ground", "route"),
    workflow.TRANSFERRED: ("to_unit",),
}


@dataclass(frozen=True)
class StationLimits:
    """A station's own, shorter limits in working days (None: the rule's limit alone)."""

    acceptance_days: int | None = None
    mediation_days: int | None = None


def last_action_on(case: dict[str, Any]) -> date:
    """The latest date already on the case: a new step may not be dated before it."""
    dates = [
        case.get(column)
        for column in ("received_on", "accepted_on", "mediation_started_on", "closed_on", "paused_since")
    ]
    return max(date.fromisoformat(d) for d in dates if d)


def apply_transition(case: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """Check one step against the state machine and the case's dates; return the column changes.

    ``fields`` comes from ``records.parse_transition`` (already validated on its own).
    """
    current, target = case["status"], fields["to"]
    workflow.check_transition(current, target)
    on = date.fromisoformat(fields["on"])
    floor = last_action_on(case)
    if on < floor:
        raise RuleViolation(
            f"{workflow.label(target)}的日期（{on.isoformat()}）不能早于案件上一步的日期（{floor.isoformat()}）"
        )
    changes: dict[str, Any] = {"status": target}
    if target == workflow.ACCEPTED:
        changes["accepted_on"] = on.isoformat()
    elif target == workflow.MEDIATING:
        changes["mediation_started_on"] = on.isoformat()
    if target in workflow.CLOSED_STATES:
        changes["closed_on"] = on.isoformat()
        changes["paused_since"] = None  # a case closed during testing no longer waits for it
    for column in _STEP_COLUMNS.get(target, ()):
        if fields.get(column) is not None:
            changes[column] = fields[column]
    if target == workflow.SETTLED and fields.get("recovered_fen", 0) < fields.get("punitive_fen", 0):
        raise RuleViolation("加倍赔偿金额是挽回经济损失的一部分，不能大于挽回经济损失")
    return changes


def compute_deadlines(
    case: dict[str, Any],
    rule: RuleVersion,
    pauses: Sequence[Pause],
    calendar: WorkCalendar,
    limits: StationLimits = StationLimits(),
) -> dict[str, str | None]:
    """acceptance_due and mediation_due (ISO dates) for the case as it now stands."""
    received_on = date.fromisoformat(case["received_on"])
    amount, unit = rule.acceptance_limit
    acc_due = acceptance_due(received_on, calendar, Limit(amount, unit, rest_day_moves=True))  # type: ignore[arg-type]
    if limits.acceptance_days:
        acc_due = earliest(acc_due, calendar.add_working_days(received_on, limits.acceptance_days))
    med_due: date | None = None
    if case.get("accepted_on"):
        accepted_on = date.fromisoformat(case["accepted_on"])
        amount, unit = rule.mediation_limit
        extension = int(case.get("extension_days") or 0)
        limit = Limit(amount, unit, rest_day_moves=True)  # type: ignore[arg-type]
        med_due = mediation_due(accepted_on, limit, calendar, pauses, extension)
        if limits.mediation_days and med_due is not None:
            own = mediation_due(accepted_on, Limit(limits.mediation_days, "working_days"), calendar, pauses, extension)
            med_due = earliest(med_due, own)
    return {
        "acceptance_due": acc_due.isoformat() if acc_due else None,
        "mediation_due": med_due.isoformat() if med_due else None,
    }


def current_due(case: dict[str, Any]) -> str | None:
    """The deadline that matters now: acceptance while registered, mediation while accepted/mediating."""
    if case["status"] == workflow.REGISTERED:
        return case.get("acceptance_due")
    if case["status"] in (workflow.ACCEPTED, workflow.MEDIATING):
        return case.get("mediation_due")
    return None


def case_due_state(case: dict[str, Any], today: date, calendar: WorkCalendar, soon_days: int = 2) -> str:
    due = current_due(case)
    if case["status"] in (workflow.ACCEPTED, workflow.MEDIATING) and case.get("paused_since"):
        return "paused"
    return due_state(date.fromisoformat(due) if due else None, today, calendar, soon_days)


# Where the 7 working days to tell both parties of a termination come from. Order 121's forms carry no deadline and
# its article was not found (docs/legal-basis.md §2.5): Order 20's rule is kept for it until the text is read.
NOTICE_BASIS = {
    "order20": "《市场监督管理投诉举报处理暂行办法》第二十一条第二款",
    "order121": "沿用《市场监督管理投诉举报处理暂行办法》第二十一条第二款（第121号令的对应条文未核实）",
}

# How both parties were told of a termination: the case log says it in these words ("电话告知双方").
NOTICE_WAYS = {"phone": "电话", "letter": "书面", "sms": "短信", "in_person": "当面"}


def termination_notice(
    case: dict[str, Any], notified_on: str | None, calendar: WorkCalendar, today: date, soon_days: int = 2
) -> dict[str, Any] | None:
    """The deadline to tell both parties of a termination (decision day + 7 working days); None unless terminated.

    ``due_state`` is "done" once the notice is recorded, else overdue / due_soon / on_time as for other deadlines.
    """
    if case["status"] != workflow.TERMINATED or not case.get("closed_on"):
        return None
    due = termination_notice_due(date.fromisoformat(case["closed_on"]), calendar)
    state = "done" if notified_on else due_state(due, today, calendar, soon_days)
    basis = NOTICE_BASIS.get(case.get("rule_version") or "", NOTICE_BASIS["order20"])
    return {"due": due.isoformat(), "notified_on": notified_on, "due_state": state, "basis": basis}


def entrusted(history: list[dict[str, Any]]) -> dict[str, str] | None:
    """The market-regulation office that entrusted this case to the station for mediation (Order 20 Art. 17), as
    ``{"office", "on"}`` from the case's last "entrusted" event, or None (never entrusted, or the flag cleared).

    Kept as a history event, not a column: events already travel in exchange packages whatever their kind, so a
    county on an older release reads the package unchanged (a new complaint column would be refused there)."""
    last = next((e for e in reversed(history) if e["kind"] == "entrusted"), None)
    office = str(((last or {}).get("data") or {}).get("office") or "")
    return {"office": office, "on": last["on"]} if last and office else None
