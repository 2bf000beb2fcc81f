"""The monthly aggregates that new cases add, counted in Python where the cases are parsed (a reader process).

The same figures as ``tally_months.add_rows_after`` (and the insert trigger) compute in SQL, for a package's
cases that are all new to the register: that SQL, six GROUP BYs over each package's new rows, cost a county's
merging process 8 s per million cases, while the readers already hold the rows as dicts. Only plain values are
counted here — text where the register stores text, whole numbers for money, every tallied field present — so
that the figures cannot differ from SQL's through a type conversion; for anything else ``count_new`` answers
None and the SQL does the counting. Tests compare both on generated cases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from station_app.store.tally_months import _UPSERT_ADD, DIMENSIONS

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = tuple[str, str, str, str, str, int, int, int, int, int, str]  # a tally_months row, its columns in order
_TEXT = ("station_code", "received_on", "status")
_DAYS = ("accepted_on", "mediation_started_on", "closed_on", "deleted_at")
_MONEY = ("recovered_fen", "punitive_fen")


def _plain(row: dict[str, Any]) -> bool:
    return (
        all(k in row and type(row[k]) is str for k in _TEXT)
        and all(k in row and (row[k] is None or type(row[k]) is str) for k in (*_DAYS, *DIMENSIONS))
        and all(type(row.get(k)) is int for k in _MONEY)
    )


def count_new(cases: list[dict[str, Any]]) -> list[Row] | None:
    """What adding these cases to the register adds to ``tally_months``; None when SQL must count them."""
    if not all(map(_plain, cases)):
        return None
    counted: dict[tuple[str, str, str, str, str, int], list[Any]] = {}

    def add(key: tuple[str, str, str, str, str, int], recovered: int, punitive: int, latest: str) -> None:
        found = counted.get(key)
        if found is None:
            counted[key] = [1, recovered, int(punitive > 0), punitive, latest]
            return
        found[0] += 1
        found[1] += recovered
        found[2] += punitive > 0
        found[3] += punitive
        if latest > found[4]:
            found[4] = latest

    for case in cases:
        if case["deleted_at"] is not None:
            continue
        station, received, status = case["station_code"], case["received_on"], case["status"]
        accepted, closed = case["accepted_on"], case["closed_on"]
        latest = max(received, accepted or "", case["mediation_started_on"] or "", closed or "")
        month = received[:7]
        add(
            (station, month, "all", "", status, int(accepted is not None)),
            case["recovered_fen"],
            case["punitive_fen"],
            latest,
        )
        if accepted is not None:
            for dim in DIMENSIONS:
                value = case[dim]
                add((station, month, dim, "unknown" if value is None else value, "", 1), 0, 0, latest)
        if status == "settled" and closed is not None:
            add((station, closed[:7], "settled_in", "", "settled", 1), case["recovered_fen"], 0, latest)
    return [(*key, *figures) for key, figures in counted.items()]  # type: ignore[misc]


def add_counted(db: Database, rows: list[Row]) -> None:
    """Add rows counted by ``count_new`` (the same upsert as the SQL path)."""
    db.conn.executemany(f"INSERT INTO tally_months VALUES ({', '.join('?' * 11)}){_UPSERT_ADD}", rows)
