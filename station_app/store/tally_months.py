"""Monthly complaint aggregates kept by triggers, so a tally of whole months reads hundreds of rows, not cases.

``tally_months`` holds, per station and month of receipt, the count and money of the complaints in each
state (dim ``all``) and the accepted complaints per nature, category class, amount band and channel; and,
under dim ``settled_in``, the settled complaints per month of settlement (the workbench's chart).
Triggers add a case's contribution when it is written and take it back when it changes or goes, in
the same transaction (a key emptied by a change keeps a row of zeros: harmless, and cheaper than
finding it again), so the table always equals a GROUP BY over the live register (tested, property
tests included). ``latest`` keeps the latest day any contribution carried (received, accepted,
mediation started, closed): the aggregates describe the cases as they stand now, which equals "as of
a day" only when no step of theirs is later than that day; the tally checks that before using them.

The schema below is migration m006's: never edit it; change it with a new migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


DIMENSIONS = ("nature", "category_class", "amount_band", "channel")
_TRACKED = (
    "station_code, received_on, status, accepted_on, mediation_started_on, closed_on, deleted_at, "
    "nature, category_class, amount_band, channel, recovered_fen, punitive_fen"
)


def _contribution(row: str, sign: str) -> str:
    """Statements adding (sign '+') or removing ('-') the contribution of ``row`` (NEW or OLD)."""
    month = f"substr({row}.received_on, 1, 7)"
    latest = (
        f"max({row}.received_on, coalesce({row}.accepted_on, ''), coalesce({row}.mediation_started_on, ''),"
        f" coalesce({row}.closed_on, ''))"
    )
    values = " UNION ALL ".join(
        f"SELECT '{dim}' AS dim, coalesce({row}.{dim}, 'unknown') AS value" for dim in DIMENSIONS
    )
    upsert = (
        "ON CONFLICT (station_code, month, dim, value, status, accepted) DO UPDATE SET"
        " n = n + excluded.n, recovered_fen = recovered_fen + excluded.recovered_fen,"
        " punitive_cases = punitive_cases + excluded.punitive_cases,"
        " punitive_fen = punitive_fen + excluded.punitive_fen, latest = max(latest, excluded.latest)"
    )
    return f"""
        INSERT INTO tally_months
        SELECT {row}.station_code, {month}, 'all', '', {row}.status, {row}.accepted_on IS NOT NULL,
               {sign}1, {sign}{row}.recovered_fen, {sign}({row}.punitive_fen > 0), {sign}{row}.punitive_fen, {latest}
        WHERE {row}.deleted_at IS NULL
        {upsert};
        INSERT INTO tally_months
        SELECT {row}.station_code, {month}, d.dim, d.value, '', 1, {sign}1, 0, 0, 0, {latest}
        FROM ({values}) AS d
        WHERE {row}.deleted_at IS NULL AND {row}.accepted_on IS NOT NULL
        {upsert};
        INSERT INTO tally_months
        SELECT {row}.station_code, substr({row}.closed_on, 1, 7), 'settled_in', '', 'settled', 1, {sign}1,
               {sign}{row}.recovered_fen, 0, 0, {latest}
        WHERE {row}.deleted_at IS NULL AND {row}.status = 'settled' AND {row}.closed_on IS NOT NULL
        {upsert};
    """


SCHEMA = f"""
    CREATE TABLE tally_months (
        station_code TEXT NOT NULL,
        month TEXT NOT NULL,
        dim TEXT NOT NULL,
        value TEXT NOT NULL,
        status TEXT NOT NULL,
        accepted INTEGER NOT NULL,
        n INTEGER NOT NULL,
        recovered_fen INTEGER NOT NULL,
        punitive_cases INTEGER NOT NULL,
        punitive_fen INTEGER NOT NULL,
        latest TEXT NOT NULL,
        PRIMARY KEY (station_code, month, dim, value, status, accepted)
    ) WITHOUT ROWID;
    CREATE TRIGGER tally_months_ai AFTER INSERT ON complaints BEGIN
        {_contribution("new", "+")}
    END;
    CREATE TRIGGER tally_months_ad AFTER DELETE ON complaints BEGIN
        {_contribution("old", "-")}
    END;
    CREATE TRIGGER tally_months_au AFTER UPDATE OF {_TRACKED} ON complaints BEGIN
        {_contribution("old", "-")}
        {_contribution("new", "+")}
    END;
"""

REBUILD = (
    """
    DELETE FROM tally_months;
    INSERT INTO tally_months
    SELECT station_code, substr(received_on, 1, 7), 'all', '', status, accepted_on IS NOT NULL, count(*),
           sum(recovered_fen), sum(punitive_fen > 0), sum(punitive_fen),
           max(max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''),
                   coalesce(closed_on, '')))
    FROM complaints WHERE deleted_at IS NULL GROUP BY 1, 2, 5, 6;
"""
    + "".join(
        f"""
    INSERT INTO tally_months
    SELECT station_code, substr(received_on, 1, 7), '{dim}', coalesce({dim}, 'unknown'), '', 1, count(*), 0, 0, 0,
           max(max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''),
                   coalesce(closed_on, '')))
    FROM complaints WHERE deleted_at IS NULL AND accepted_on IS NOT NULL GROUP BY 1, 2, 4;
    """
        for dim in DIMENSIONS
    )
    + """
    INSERT INTO tally_months
    SELECT station_code, substr(closed_on, 1, 7), 'settled_in', '', 'settled', 1, count(*), sum(recovered_fen), 0, 0,
           max(max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''),
                   coalesce(closed_on, '')))
    FROM complaints WHERE deleted_at IS NULL AND status = 'settled' AND closed_on IS NOT NULL GROUP BY 1, 2;
"""
)


def statements(script: str) -> list[str]:
    """Split a script into statements (a trigger's body stays whole) to run inside the caller's transaction."""
    found, statement = [], ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            found.append(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]}")
    return found


def rebuild(db: Database) -> None:
    """Recount every aggregate from the register (a repair; the triggers keep them right otherwise)."""
    with db.atomic():
        for statement in statements(REBUILD):
            db.execute(statement)


def _scope(stations: tuple[str, ...], first_month: str, last_month: str) -> tuple[str, list[Any]]:
    marks = ", ".join("?" for _ in stations)
    return f"station_code IN ({marks}) AND month BETWEEN ? AND ?", [*stations, first_month, last_month]


def latest_step(db: Database, stations: tuple[str, ...], first_month: str, last_month: str) -> str | None:
    """The latest day any aggregated case in scope carries (None when there is none)."""
    where, params = _scope(stations, first_month, last_month)
    return db.execute(f"SELECT max(latest) FROM tally_months WHERE {where}", params).fetchone()[0]


def _months(stations: tuple[str, ...], months: list[str]) -> tuple[str, list[Any]]:
    """Each month named: the key is (station, month, dim, …), so a station's month and dimension is one seek
    rather than a scan of every dimension's rows of the month range."""
    station_marks = ", ".join("?" for _ in stations)
    month_marks = ", ".join("?" for _ in months)
    return f"station_code IN ({station_marks}) AND month IN ({month_marks})", [*stations, *months]


def states(db: Database, stations: tuple[str, ...], months: list[str]) -> list[dict[str, Any]]:
    """Per state and accepted flag: cases, money recovered, punitive cases and money (as they stand)."""
    where, params = _months(stations, months)
    cursor = db.execute(
        "SELECT status AS st, accepted AS acc, sum(n) AS n, sum(recovered_fen) AS recovered_fen,"
        " sum(punitive_cases) AS punitive_cases, sum(punitive_fen) AS punitive_fen"
        f" FROM tally_months WHERE {where} AND dim = 'all' GROUP BY status, accepted",
        params,
    )
    return [
        dict(zip(("st", "acc", "n", "recovered_fen", "punitive_cases", "punitive_fen"), r, strict=True)) for r in cursor
    ]


def breakdown(db: Database, stations: tuple[str, ...], months: list[str], dim: str) -> dict[str, int]:
    """Accepted cases per value of one dimension; ``station_code`` counts the accepted cases per station."""
    where, params = _months(stations, months)
    if dim == "station_code":
        sql = f"SELECT station_code, sum(n) FROM tally_months WHERE {where} AND dim = 'all' AND accepted = 1 GROUP BY 1"
    elif dim in DIMENSIONS:
        sql = f"SELECT value, sum(n) FROM tally_months WHERE {where} AND dim = '{dim}' GROUP BY 1"
    else:
        raise ValueError(dim)
    return {value: n for value, n in db.execute(sql, params).fetchall() if n}


def received_and_settled(db: Database, station_code: str, first_month: str, last_month: str) -> dict[str, tuple]:
    """YYYY-MM → (complaints received that month, complaints settled that month)."""
    where, params = _scope((station_code,), first_month, last_month)
    counts: dict[str, list[int]] = {}
    for month, dim, n in db.execute(
        f"SELECT month, dim, sum(n) FROM tally_months WHERE {where} AND dim IN ('all', 'settled_in') GROUP BY 1, 2",
        params,
    ):
        counts.setdefault(month, [0, 0])[0 if dim == "all" else 1] = n
    return {month: (pair[0], pair[1]) for month, pair in counts.items()}


def all_rows(db: Database) -> list[tuple[Any, ...]]:
    """Every non-empty aggregate, in key order (tests compare it with a recount)."""
    return db.execute(
        "SELECT station_code, month, dim, value, status, accepted, n, recovered_fen, punitive_cases, punitive_fen"
        " FROM tally_months WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6"
    ).fetchall()


_UPSERT_ADD = (
    " ON CONFLICT (station_code, month, dim, value, status, accepted) DO UPDATE SET n = n + excluded.n,"
    " recovered_fen = recovered_fen + excluded.recovered_fen,"
    " punitive_cases = punitive_cases + excluded.punitive_cases,"
    " punitive_fen = punitive_fen + excluded.punitive_fen, latest = max(latest, excluded.latest)"
)


TALLY_COLUMNS = (
    "station_code, received_on, deleted_at, status, accepted_on, mediation_started_on, closed_on, recovered_fen,"
    " punitive_fen, " + ", ".join(DIMENSIONS)
)


def add_rows_after(db: Database, pk: int) -> None:
    """Add the contributions of the complaints inserted after ``pk`` (a bulk import with the insert trigger off).

    The new rows' tally columns are copied once into a narrow temporary table and the six aggregates read that:
    a case is over a kilobyte (facts, request), and six passes over the cases themselves read them six times.
    NOT INDEXED: the new rows are read by their rowid range; left to itself the planner scans the whole covering
    tally index to save a sort, i.e. the county's every case for each package it imports.
    """
    db.execute("DROP TABLE IF EXISTS temp.tally_new")
    db.execute(
        f"CREATE TEMP TABLE tally_new AS SELECT {TALLY_COLUMNS} FROM complaints NOT INDEXED"
        " WHERE pk > ? AND deleted_at IS NULL",
        [pk],
    )
    latest = (
        "max(max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''), coalesce(closed_on, '')))"
    )
    statements = [
        f"""INSERT INTO tally_months
        SELECT station_code, substr(received_on, 1, 7), 'all', '', status, accepted_on IS NOT NULL, count(*),
               sum(recovered_fen), sum(punitive_fen > 0), sum(punitive_fen), {latest}
        FROM temp.tally_new GROUP BY 1, 2, 5, 6 HAVING true {_UPSERT_ADD}""",
        *(
            f"""INSERT INTO tally_months
            SELECT station_code, substr(received_on, 1, 7), '{dim}', coalesce({dim}, 'unknown'), '', 1, count(*), 0, 0,
                   0, {latest}
            FROM temp.tally_new WHERE accepted_on IS NOT NULL GROUP BY 1, 2, 4 HAVING true
            {_UPSERT_ADD}"""
            for dim in DIMENSIONS
        ),
        f"""INSERT INTO tally_months
        SELECT station_code, substr(closed_on, 1, 7), 'settled_in', '', 'settled', 1, count(*), sum(recovered_fen), 0,
               0, {latest}
        FROM temp.tally_new WHERE status = 'settled' AND closed_on IS NOT NULL GROUP BY 1, 2
        HAVING true
        {_UPSERT_ADD}""",
    ]
    for statement in statements:
        db.execute(statement)
    db.execute("DROP TABLE temp.tally_new")


CONTRIBUTION_COLUMNS = (
    "station_code",
    "month",
    "dim",
    "value",
    "status",
    "accepted",
    "n",
    "recovered_fen",
    "punitive_cases",
    "punitive_fen",
    "latest",
)


def contributions(rows: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]] | None:
    """What ``add_rows_after`` (and the insert trigger) adds for these new cases, computed in Python: a county's reader
    process computes it for the cases it stages, beside the merge and three times quicker than SQLite's six sorts.
    The same rule as the SQL above, line for line (tests/store/test_tally_contributions.py compares the two on
    generated cases); None when a case holds what only SQL decides the same way (a missing amount, a non-text day).
    Text compares by code point here and by UTF-8 bytes in SQLite: the same order."""
    try:
        return _contributions(rows)
    except KeyError:  # not a case of the register's columns
        return None


def _contributions(rows: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]] | None:
    sums: dict[tuple[Any, ...], list[Any]] = {}

    def add(key: tuple[Any, ...], recovered: int, punitive_cases: int, punitive: int, latest: str) -> None:
        found = sums.get(key)
        if found is None:
            sums[key] = [1, recovered, punitive_cases, punitive, latest]
            return
        found[0] += 1
        found[1] += recovered
        found[2] += punitive_cases
        found[3] += punitive
        if latest > found[4]:
            found[4] = latest

    for row in rows:
        if row["deleted_at"] is not None:
            continue
        received, accepted, started, closed = (
            row["received_on"],
            row["accepted_on"],
            row["mediation_started_on"],
            row["closed_on"],
        )
        recovered, punitive = row["recovered_fen"], row["punitive_fen"]
        if not all(type(v) is str for v in (received, row["status"], row["station_code"])):
            return None
        if not all(v is None or type(v) is str for v in (accepted, started, closed)):
            return None
        if type(recovered) is not int or type(punitive) is not int:
            return None
        station, month, status = row["station_code"], received[:7], row["status"]
        latest = max(received, accepted or "", started or "", closed or "")
        add(
            (station, month, "all", "", status, int(accepted is not None)),
            recovered,
            int(punitive > 0),
            punitive,
            latest,
        )
        if accepted is not None:
            for dim in DIMENSIONS:
                value = row[dim]
                if value is not None and type(value) is not str:
                    return None
                add((station, month, dim, "unknown" if value is None else value, "", 1), 0, 0, 0, latest)
        if status == "settled" and closed is not None:
            add((station, closed[:7], "settled_in", "", "settled", 1), recovered, 0, 0, latest)
    return [(*key, *values) for key, values in sums.items()]


def add_contributions(db: Database, source: str) -> None:
    """Add the rows of ``source`` (``contributions``' columns, e.g. a staged package's) to the aggregates."""
    db.execute(
        f"INSERT INTO tally_months ({', '.join(CONTRIBUTION_COLUMNS)}) SELECT {', '.join(CONTRIBUTION_COLUMNS)}"
        f" FROM {source} WHERE true {_UPSERT_ADD}"
    )
