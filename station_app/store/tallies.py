"""The tally queries: each register table is read once per period, grouped in SQL.

Definitions live in domain/periods.py and domain/figures.py and docs/figures.md; this module only counts.
A complaint's outcome is taken as it stood on the ``as_of`` day, derived from its step dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from station_app.store import pending_indexes

if TYPE_CHECKING:
    from sqlite_utils import Database


# The case's state on :as_of, from the dates of its steps (a later step is not yet known then).
STATUS_AS_OF = """
    CASE
        WHEN closed_on IS NOT NULL AND closed_on <= :as_of THEN status
        WHEN mediation_started_on IS NOT NULL AND mediation_started_on <= :as_of THEN 'mediating'
        WHEN accepted_on IS NOT NULL AND accepted_on <= :as_of THEN 'accepted'
        ELSE 'registered'
    END
"""
ACCEPTED_AS_OF = "(accepted_on IS NOT NULL AND accepted_on <= :as_of)"
OVERDUE_AS_OF = """
    CASE
        WHEN {status} = 'registered' THEN acceptance_due < :as_of
        WHEN {status} IN ('accepted', 'mediating') THEN paused_since IS NULL AND mediation_due < :as_of
        ELSE 0
    END
"""


@dataclass(frozen=True)
class Scope:
    start: str
    end: str
    as_of: str
    stations: tuple[str, ...] = ()  # empty: every station in the database

    def where(self, date_column: str) -> tuple[str, dict[str, Any]]:
        params: dict[str, Any] = {"start": self.start, "end": self.end, "as_of": self.as_of}
        clause = f"deleted_at IS NULL AND {date_column} BETWEEN :start AND :end AND {date_column} <= :as_of"
        if self.stations:
            names = [f":st{i}" for i in range(len(self.stations))]
            clause += f" AND station_code IN ({', '.join(names)})"
            params.update({f"st{i}": code for i, code in enumerate(self.stations)})
        return clause, params


def complaint_states(db: Database, scope: Scope) -> list[dict[str, Any]]:
    """Counts and money per state on the as-of day (with the accepted and overdue flags)."""
    where, params = scope.where("received_on")
    cursor = db.execute(
        f"""
        SELECT st, acc, ({OVERDUE_AS_OF.format(status="st")}) AS overdue,
               count(*) AS n, sum(recovered_fen) AS recovered_fen,
               sum(punitive_fen > 0) AS punitive_cases, sum(punitive_fen) AS punitive_fen
        FROM (
            SELECT {STATUS_AS_OF} AS st, {ACCEPTED_AS_OF} AS acc, recovered_fen, punitive_fen,
                   acceptance_due, mediation_due, paused_since
            FROM complaints {pending_indexes.indexed_by(db, "complaints_tally")} WHERE {where}
        )
        GROUP BY st, acc, overdue
        """,
        params,
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


FEW_STATIONS = 8


def overdue_now(db: Database, scope: Scope) -> int:
    """Open cases past their deadline on :as_of, for cases whose state on that day is their state now."""
    where, params = scope.where("received_on")
    # Few stations: their narrow ranges of the tally index. Many (a county): the open cases' range of the status
    # index, which carries the station since m016, instead of every case of every station.
    index = "complaints_tally" if len(scope.stations) <= FEW_STATIONS else "complaints_status"
    row = db.execute(
        f"SELECT count(*) FROM complaints {pending_indexes.indexed_by(db, index)} WHERE {where}"
        " AND status IN ('registered', 'accepted', 'mediating') AND " + OVERDUE_AS_OF.format(status="status"),
        params,
    ).fetchone()
    return row[0]


def untold_terminations(db: Database, scope: Scope, decided_by: str) -> int:
    """Terminations of the period decided on or before ``decided_by`` (whose notice deadline has passed on :as_of,
    domain.deadlines.last_overdue_termination_day) with no notice to both parties recorded by :as_of."""
    where, params = scope.where("received_on")
    # Few stations: their ranges of the tally index. Many: the terminations' own index (m016), not every case.
    index = "complaints_tally" if len(scope.stations) <= FEW_STATIONS else "complaints_terminated"
    row = db.execute(
        f"SELECT count(*) FROM complaints {pending_indexes.indexed_by(db, index)} WHERE {where}"
        " AND status = 'terminated'"
        " AND closed_on <= :decided_by AND closed_on <= :as_of AND NOT EXISTS (SELECT 1 FROM complaint_events e"
        " WHERE e.complaint_id = complaints.id AND e.kind = 'notice' AND e.on_date <= :as_of)",
        {**params, "decided_by": decided_by},
    ).fetchone()
    return row[0]


BREAKDOWN_COLUMNS = ("nature", "category_class", "category_top", "amount_band", "channel", "station_code")


def complaint_breakdown(db: Database, scope: Scope, column: str) -> dict[str, int]:
    """Accepted complaints of the period per value of ``column`` (a narrow scan of the tally index)."""
    if column not in BREAKDOWN_COLUMNS:
        raise ValueError(column)
    where, params = scope.where("received_on")
    rows = db.execute(
        f"SELECT coalesce({column}, 'unknown'), count(*) FROM complaints"
        f" {pending_indexes.indexed_by(db, 'complaints_tally')}"
        f" WHERE {where} AND {ACCEPTED_AS_OF} GROUP BY 1",
        params,
    )
    return dict(rows.fetchall())


DIMENSIONS = ("nature", "category_class", "amount_band", "channel")


def accepted_dimensions(db: Database, scope: Scope) -> dict[str, dict[str, int]]:
    """``complaint_breakdown`` of nature, category class, amount band and channel in one pass over the cases
    (their combinations are a few hundred: one grouping costs about what one breakdown does)."""
    where, params = scope.where("received_on")
    values = ", ".join(f"coalesce({column}, 'unknown')" for column in DIMENSIONS)
    counts: dict[str, dict[str, int]] = {column: {} for column in DIMENSIONS}
    for *found, n in db.execute(
        f"SELECT {values}, count(*) FROM complaints {pending_indexes.indexed_by(db, 'complaints_tally')}"
        f" WHERE {where} AND {ACCEPTED_AS_OF} GROUP BY 1, 2, 3, 4",
        params,
    ):
        for column, value in zip(DIMENSIONS, found, strict=True):
            counts[column][value] = counts[column].get(value, 0) + n
    return counts


def followups(db: Database, scope: Scope) -> dict[str, int]:
    where, params = scope.where("date")
    rows = db.execute(f"SELECT satisfaction, count(*) FROM followups WHERE {where} GROUP BY satisfaction", params)
    return dict(rows.fetchall())


def consultations(db: Database, scope: Scope) -> dict[str, int]:
    where, params = scope.where("date")
    row = db.execute(f"SELECT count(*), coalesce(sum(persons), 0) FROM consultations WHERE {where}", params)
    records, persons = row.fetchone()
    return {"records": records, "persons": persons}


def reports(db: Database, scope: Scope) -> dict[str, int]:
    where, params = scope.where("received_on")
    row = db.execute(
        f"SELECT count(*), coalesce(sum(to_case), 0), coalesce(sum(fine_fen), 0) FROM reports WHERE {where}", params
    ).fetchone()
    return {"received": row[0], "to_case": row[1], "fine_fen": row[2]}


OUTREACH_COUNTS = (
    "leaflets",
    "banners",
    "boards",
    "onsite_consultations",
    "audience",
    "complaints_taken",
    "destroyed_g",
    "destroyed_value_fen",
    "articles",
)


def outreach(db: Database, scope: Scope) -> list[dict[str, Any]]:
    where, params = scope.where("date")
    sums = ", ".join(f"sum({c}) AS {c}" for c in OUTREACH_COUNTS)
    cursor = db.execute(
        f"SELECT kind, venue_type, count(*) AS events, {sums} FROM outreach_events WHERE {where}"
        " GROUP BY kind, venue_type",
        params,
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def warnings(db: Database, scope: Scope) -> dict[str, int]:
    where, params = scope.where("date")
    return dict(db.execute(f"SELECT type, count(*) FROM warnings WHERE {where} GROUP BY type", params).fetchall())


def station_names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT code, name FROM stations ORDER BY code").fetchall())
