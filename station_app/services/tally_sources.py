"""Where a tally's complaint figures come from: the monthly aggregates, corrected to the as-of day, or the cases.

The aggregates (store/tally_months.py) describe the cases as they stand now. On an earlier as-of day (last
year "as it stood a year ago") they differ only by the cases with a step after that day: those are read
(store/tally_as_of.py) and their contribution now is taken back and their contribution then added. Cases
received after the as-of day never count, so months after its month are skipped; the as-of day's own month,
when its cases moved on after that day (most of them, usually), is read from the cases for the days up to it.
A range cutting a month reads the cases. tests/store/test_tally_as_of.py checks every way equals the cases'.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from station_app.services.session import Session
from station_app.store import tallies as store
from station_app.store import tally_as_of
from station_app.store import tally_county as county_store
from station_app.store import tally_months as month_store

Groups = list[dict[str, Any]]
Breakdown = Callable[[str], dict[str, int]]


def whole_months(scope: store.Scope) -> tuple[str, str] | None:
    """First and last month when the scope is whole calendar months (every month, quarter and year is)."""
    start, end = date.fromisoformat(scope.start), date.fromisoformat(scope.end)
    if start.day != 1 or (end + timedelta(days=1)).day != 1 or end < start:
        return None
    return scope.start[:7], scope.end[:7]


def _months(first: str, last: str) -> list[str]:
    found, year, month = [], int(first[:4]), int(first[5:7])
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _month_end(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    following = date(year + 1, 1, 1) if number == 12 else date(year, number + 1, 1)
    return (following - timedelta(days=1)).isoformat()


def from_cases(session: Session, scope: store.Scope) -> tuple[Groups, Breakdown]:
    """The slow way, and the reference: every case of the scope read as it stood on the as-of day."""
    return store.complaint_states(session.db, scope), lambda column: store.complaint_breakdown(
        session.db, scope, column
    )


def _month_of_as_of(session: Session, scope: store.Scope) -> tuple[Groups, Breakdown]:
    """The cases themselves, as ``from_cases`` reads them, with the four breakdowns of values in one pass."""
    dimensions: dict[str, dict[str, int]] = {}

    def breakdown(column: str) -> dict[str, int]:
        if column not in store.DIMENSIONS:
            return store.complaint_breakdown(session.db, scope, column)
        if not dimensions:
            dimensions.update(store.accepted_dimensions(session.db, scope))
        return dimensions[column]

    return store.complaint_states(session.db, scope), breakdown


def complaint_groups(session: Session, scope: store.Scope) -> tuple[Groups, Breakdown]:
    """The state groups and a breakdown reader for ``scope`` (see the module's comment for the ways)."""
    months = whole_months(scope)
    if not months or not scope.stations:
        return from_cases(session, scope)
    db, stations, as_of = session.db, scope.stations, scope.as_of
    first, last = months[0], min(months[1], as_of[:7])
    groups: Groups = []
    counts: dict[str, dict[str, int]] = {column: defaultdict(int) for column in COLUMNS}
    tail: Breakdown | None = None
    if first <= last == as_of[:7]:
        latest = month_store.latest_step(db, stations, last, last)
        if latest is not None and latest > as_of:
            # The as-of day's month moved on after it (most of its cases, usually): read from its cases.
            groups, tail = _month_of_as_of(session, store.Scope(f"{last}-01", scope.end, as_of, stations))
            last = _months(first, last)[-2] if first < last else ""
    if first <= last:
        months = _months(first, last)
        if _every_station(session, stations):
            # The county's sums (store/tally_county.py): the same figures without reading 300 stations' rows.
            groups.extend(county_store.states(db, months))
            found = {column: county_store.breakdown(db, months, column) for column in store.DIMENSIONS}
        else:
            groups.extend(month_store.states(db, stations, months))
            found = {column: month_store.breakdown(db, stations, months, column) for column in store.DIMENSIONS}
        found["station_code"] = month_store.breakdown(db, stations, months, "station_code")
        for column, values in found.items():
            for value, n in values.items():
                counts[column][value] += n
        overdue = store.overdue_now(db, store.Scope(f"{first}-01", _month_end(last), as_of, stations))
        overdue += _fold(tally_as_of.crossing(db, stations, months, as_of), groups, counts)
        # One group carries the overdue count: the figures only ever sum the flagged groups.
        groups.append({"st": "_overdue", "acc": 0, "n": overdue, "overdue": 1, "recovered_fen": 0})

    def breakdown(column: str) -> dict[str, int]:
        summed = dict(counts[column])
        for value, n in (tail(column) if tail else {}).items():
            summed[value] = summed.get(value, 0) + n
        return {value: n for value, n in summed.items() if n}

    return groups, breakdown


COLUMNS = ("nature", "category_class", "amount_band", "channel", "station_code")


def _every_station(session: Session, stations: tuple[str, ...]) -> bool:
    return set(stations) == set(store.station_names(session.db))


def _fold(rows: list[tuple], groups: Groups, counts: dict[str, dict[str, int]]) -> int:
    """Take back the cases' contribution now (which the aggregates hold) and add it as they stood on the as-of
    day. Returns the change to the overdue count."""
    overdue = 0
    states: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:  # in the order of tally_as_of.CROSSING_COLUMNS
        station, status, acc_now, st, acc, counted, overdue_now, overdue_then = row[:8]
        values, n, money = (*row[8:12], station), row[12], [amount or 0 for amount in row[13:]]
        sums = states[(status, acc_now)]
        for i, amount in enumerate((n, *money)):
            sums[i] -= amount
        overdue -= overdue_now
        if acc_now:
            for column, value in zip(COLUMNS, values, strict=True):
                counts[column][value] -= n
        if counted:
            sums = states[(st, acc)]
            for i, amount in enumerate((n, *money)):
                sums[i] += amount
            overdue += overdue_then
            if acc:
                for column, value in zip(COLUMNS, values, strict=True):
                    counts[column][value] += n
    keys = ("n", "recovered_fen", "punitive_cases", "punitive_fen")
    groups.extend({"st": st, "acc": acc, **dict(zip(keys, sums, strict=True))} for (st, acc), sums in states.items())
    return overdue
