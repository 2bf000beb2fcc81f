"""The tally use case: the figures of a period for one station or all, with last year beside them."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from station_app.domain import deadlines, figures, periods, roles
from station_app.domain.periods import Period
from station_app.domain.workflow import OPEN_STATES
from station_app.services import tally_sources
from station_app.services.session import Session
from station_app.store import tallies as store

BREAKDOWNS = {
    "by_nature": ("nature", "natures"),
    "by_category": ("category_class", "categories"),
    "by_category_top": ("category_top", "categories"),
    "by_amount_band": ("amount_band", "amount_bands"),
    "by_channel": ("channel", "channels"),
    "by_station": ("station_code", None),
}
SATISFIED = ("satisfied", "basically_satisfied")


def tally(
    session: Session,
    period: Period,
    today: date,
    *,
    stations: tuple[str, ...] = (),
    as_of: date | None = None,
    with_previous: bool = True,
) -> dict[str, Any]:
    """All figures of ``period``; outcomes as they stood on ``as_of`` (default: today).

    ``previous`` is the same period a year earlier, its outcomes as they stood a year before ``as_of``,
    so the two are compared at the same point of their life.
    """
    session.require(roles.READ)
    as_of = as_of or today
    current = _block(session, period, as_of, stations)
    if with_previous:
        before = _block(session, period.previous_year(), periods.year_back(as_of), stations)
        current["previous"] = before
        current["changes"] = _changes(current, before)
    return current


def _block(session: Session, period: Period, as_of: date, stations: tuple[str, ...]) -> dict[str, Any]:
    names = store.station_names(session.db)
    # Every station named: the tally index starts with the station, so each is one narrow range.
    codes = stations or tuple(sorted(names))
    scope = store.Scope(period.start.isoformat(), period.end.isoformat(), as_of.isoformat(), codes)
    return {
        "period": period.as_json(),
        "as_of": as_of.isoformat(),
        "stations": list(codes),
        "complaints": _complaints(session, scope, names),
        "consultations": store.consultations(session.db, scope),
        "reports": store.reports(session.db, scope),
        "outreach": _outreach(session, store.outreach(session.db, scope)),
        "warnings": _warnings(store.warnings(session.db, scope)),
    }


def _zeroes(session: Session, kind: str | None, names: dict[str, str], column: str) -> dict[str, int]:
    """Every code of a breakdown, in catalog order, so an empty row still shows as 0."""
    if kind is None:
        return dict.fromkeys(names, 0)
    entries = session.catalogs.entries(kind)
    if column == "category_class":
        codes = [e.code for e in entries if e.parent is not None and session.catalogs.category_class(e.code) == e.code]
    elif column == "category_top":
        codes = [e.code for e in entries if e.parent is None]
    else:
        codes = [e.code for e in entries]
    zeroes = dict.fromkeys(codes, 0)
    if kind == "amount_bands":
        zeroes["unknown"] = 0
    return zeroes


def _complaints(session: Session, scope: store.Scope, names: dict[str, str]) -> dict[str, Any]:
    totals: dict[str, int] = defaultdict(int)
    states: dict[str, int] = defaultdict(int)  # apart from totals: "accepted" is a state and a figure
    groups, breakdown = tally_sources.complaint_groups(session, scope)
    for g in groups:
        n, status = g["n"], g["st"]
        if g.get("overdue"):
            totals["overdue"] += n
        if status == "_overdue":
            continue
        totals["registered"] += n
        states[status] += n
        if status in OPEN_STATES:
            totals["open"] += n
        if g["acc"]:
            totals["accepted"] += n
        if status == "settled":
            totals["recovered_fen"] += g["recovered_fen"] or 0
            totals["punitive_cases"] += g["punitive_cases"] or 0
            totals["punitive_fen"] += g["punitive_fen"] or 0
    breakdowns = {}
    for key, (column, kind) in BREAKDOWNS.items():
        counts = _zeroes(session, kind, names, column)
        if key == "by_category_top":
            found = _tops(session, breakdowns["by_category"])  # derived: one scan less
        elif key == "by_station" and len(scope.stations) == 1:
            found = {scope.stations[0]: totals["accepted"]}  # one station holds them all
        else:
            found = breakdown(column)
        for code, n in found.items():
            counts[code] = counts.get(code, 0) + n
        breakdowns[key] = counts
    visits = store.followups(session.db, scope)
    accepted = totals["accepted"]
    visit_count = sum(visits.values())
    satisfied = sum(visits.get(s, 0) for s in SATISFIED)
    block: dict[str, Any] = {
        "registered": totals["registered"],
        "accepted": accepted,
        "not_accepted": states["not_accepted"],
        "settled": states["settled"],
        "terminated": states["terminated"],
        "transferred": states["transferred"],
        "open": totals["open"],
        "overdue": totals["overdue"],
        # Order 20 Art. 21 ¶2: a termination not told to both parties within 7 working days is overdue work too;
        # a key of its own, for "overdue" stays what it always was (open cases, a part of "open").
        "termination_notice_overdue": store.untold_terminations(
            session.db,
            scope,
            deadlines.last_overdue_termination_day(date.fromisoformat(scope.as_of), session.calendar).isoformat(),
        ),
        "settlement_rate": figures.percent(states["settled"], accepted),
        "recovered_fen": totals["recovered_fen"],
        "punitive_cases": totals["punitive_cases"],
        "punitive_fen": totals["punitive_fen"],
        "followups": visit_count,
        "satisfied": satisfied,
        "satisfaction_rate": figures.percent(satisfied, visit_count),
        "followups_by_satisfaction": {code: visits.get(code, 0) for code in (*SATISFIED, "dissatisfied")},
    }
    block.update(breakdowns)
    block["shares"] = {key: figures.shares(counts, accepted) for key, counts in breakdowns.items()}
    return block


def _tops(session: Session, by_class: dict[str, int]) -> dict[str, int]:
    tops: dict[str, int] = defaultdict(int)
    for code, n in by_class.items():
        tops[session.catalogs.category_top(code) if session.catalogs.is_category(code) else "other"] += n
    return dict(tops)


def _outreach(session: Session, rows: list[dict[str, Any]]) -> dict[str, Any]:
    block: dict[str, Any] = {"events": sum(r["events"] for r in rows)}
    for column in store.OUTREACH_COUNTS:
        block[column] = sum(r[column] or 0 for r in rows)
    by_kind = {e.code: 0 for e in session.catalogs.entries("outreach_kinds")}
    by_venue = {e.code: 0 for e in session.catalogs.entries("venue_types")}
    for r in rows:
        by_kind[r["kind"]] = by_kind.get(r["kind"], 0) + r["events"]
        by_venue[r["venue_type"]] = by_venue.get(r["venue_type"], 0) + r["events"]
    block["by_kind"] = by_kind
    block["by_venue_type"] = by_venue
    return block


def _warnings(counts: dict[str, int]) -> dict[str, Any]:
    return {
        "issued": sum(counts.values()),
        "by_type": {"warning": counts.get("warning", 0), "tip": counts.get("tip", 0)},
    }


def _changes(now: Any, before: Any, key: str = "") -> Any:
    """Every figure against last year: counts and money as delta and %, rates and shares in points."""
    if isinstance(now, dict):
        return {
            k: _changes(v, before.get(k) if isinstance(before, dict) else None, k)
            for k, v in now.items()
            if k not in ("period", "as_of", "stations")
        }
    if isinstance(now, (bool, list, str)):
        return None
    if isinstance(now, Decimal) or key.endswith("_rate") or (now is None):
        return figures.rate_change(now, before).as_json()
    if isinstance(now, int):
        return figures.change(now, before if isinstance(before, int) else 0).as_json()
    return None


def as_json(result: dict[str, Any]) -> dict[str, Any]:
    return figures.to_json(result)  # type: ignore[return-value]


def station_names(session: Session) -> dict[str, str]:
    """Every station's name by its code (the county's register holds many)."""
    return store.station_names(session.db)
