"""The desktop register's pages: filtered, searched and sorted by any shown column, one page at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from station_app.domain import roles, workflow
from station_app.services.complaint_views import soon_days, summary
from station_app.services.session import Session
from station_app.store import complaint_pages
from station_app.store import complaints as complaint_store
from station_app.store.complaints import ComplaintFilter

SORT_KEYS = tuple(complaint_pages.ORDERS)


def _filter(flt: ComplaintFilter, today: date, overdue: bool) -> ComplaintFilter:
    return replace(flt, overdue_on=today.isoformat()) if overdue else flt


def count(session: Session, flt: ComplaintFilter, today: date, *, overdue: bool = False) -> int:
    session.require(roles.READ)
    return complaint_store.count(session.db, _filter(flt, today, overdue))


def page(
    session: Session,
    flt: ComplaintFilter,
    today: date,
    *,
    overdue: bool = False,
    sort: str = "received_on",
    descending: bool = True,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Rows ``offset`` … ``offset + limit`` of the register in the list output's shape."""
    session.require(roles.READ)
    rows = complaint_pages.find_page(
        session.db, _filter(flt, today, overdue), sort=sort, descending=descending, limit=limit, offset=offset
    )
    soon = soon_days(session)
    return [summary(session, row, today, soon) for row in rows]


def first_page(
    session: Session,
    flt: ComplaintFilter,
    today: date,
    *,
    overdue: bool = False,
    sort: str = "received_on",
    descending: bool = True,
    limit: int = 200,
) -> tuple[int, list[dict[str, Any]]]:
    """How many cases match, and the first ``limit`` of them (what the register shows on a new search)."""
    session.require(roles.READ)
    total, rows = complaint_pages.find_first_page(
        session.db, _filter(flt, today, overdue), sort=sort, descending=descending, limit=limit
    )
    soon = soon_days(session)
    return total, [summary(session, row, today, soon) for row in rows]


def business_names(session: Session, prefix_limit: int = 500) -> list[str]:
    """Names of businesses already registered (newest first), for the form's autocomplete."""
    session.require(roles.READ)
    seen: dict[str, None] = {}
    for row in complaint_store.find(session.db, ComplaintFilter(), limit=prefix_limit * 4):
        seen.setdefault(row["business_name"], None)
        if len(seen) >= prefix_limit:
            break
    return list(seen)


def allowed_steps(status: str) -> list[str]:
    """The states a case in ``status`` may move to (the state machine's own table)."""
    return [s for s in workflow.STATES if s in workflow.TRANSITIONS.get(status, frozenset())]


def check_step(status: str, target: str) -> None:
    """RuleViolation (with the Chinese reason) when the state machine refuses ``status`` → ``target``."""
    workflow.check_transition(status, target)


def step_choices(session: Session, rule_version: str, kind: str) -> list[tuple[str, str]]:
    """(code, label) for a step's picker; grounds as worded in the case's own rule version."""
    if kind in ("not_accepted_grounds", "termination_grounds"):
        rule = next(v for v in session.catalogs.rule_versions() if v.code == rule_version)
        codes = rule.not_accepted_grounds if kind == "not_accepted_grounds" else rule.termination_grounds
        return [(code, rule.ground_label(code)) for code in codes]
    return [(e.code, e.label) for e in session.catalogs.entries(kind)]
