"""Schema migrations. Append new steps at the end; never edit or reorder a released one.

Each step runs in one transaction with its record in ``_sqlite_migrations`` (sqlite-utils).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "station_app"
# The steps in order. sqlite-utils' Migrations is made from them only when a register needs migrating:
# opening an up-to-date register (every start of the app) then never imports sqlite-utils before the window
# is painted.
_STEPS: list[Callable[[Database], None]] = []


def step(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    _STEPS.append(fn)
    return fn


@cache
def migration_set() -> Migrations:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in _STEPS:
        migrations()(fn)
    return migrations


@step
def m001_register(db: Database) -> None:
    from station_app.store.schema_m001 import REGISTER

    _run_script(db, REGISTER)


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would COMMIT and break the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement[:80]}")


def known_names() -> list[str]:
    return [fn.__name__ for fn in _STEPS]


def schema_version() -> int:
    return len(known_names())


@step
def m002_exchange(db: Database) -> None:
    """USB exchange (docs/package-format.md): station keys, import log, conflicts, what was sent."""
    _run_script(
        db,
        """
        CREATE TABLE exchange_station_keys (
            station_code TEXT PRIMARY KEY,
            public_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            installation_id TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            registered_by TEXT NOT NULL
        );
        CREATE TABLE exchange_imports (
            pk INTEGER PRIMARY KEY,
            package_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            station_code TEXT NOT NULL,
            installation_id TEXT NOT NULL,
            package_created_at TEXT NOT NULL,
            masked INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            added INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            unchanged INTEGER NOT NULL,
            older INTEGER NOT NULL,
            conflicts INTEGER NOT NULL
        );
        CREATE INDEX exchange_imports_package ON exchange_imports(package_id);
        CREATE TABLE exchange_conflicts (
            pk INTEGER PRIMARY KEY,
            station_code TEXT NOT NULL,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            number TEXT NOT NULL,
            revision INTEGER NOT NULL,
            local_digest TEXT NOT NULL,
            incoming_digest TEXT NOT NULL,
            incoming TEXT NOT NULL,
            package_id TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            resolved_at TEXT,
            UNIQUE (record_id, revision, incoming_digest)
        );
        CREATE TABLE exchange_masked (record_id TEXT PRIMARY KEY);
        CREATE TABLE exchange_sent (
            record_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL,
            events INTEGER NOT NULL DEFAULT 0
        );
        """,
    )


@step
def m006_tally_months(db: Database) -> None:
    """Monthly complaint aggregates kept by triggers (store/tally_months.py), filled from the register."""
    from station_app.store import tally_months

    _run_script(db, tally_months.SCHEMA + tally_months.REBUILD)


@step
def m007_evidence(db: Database) -> None:
    """Evidence attached to complaints: the files live beside the register under their SHA-256."""
    _run_script(
        db,
        """
        CREATE TABLE evidence (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            complaint_id TEXT NOT NULL REFERENCES complaints(id),
            sha256 TEXT NOT NULL,
            file_name TEXT NOT NULL,
            suffix TEXT NOT NULL,
            size INTEGER NOT NULL,
            label TEXT NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL,
            deleted_at TEXT,
            delete_reason TEXT
        );
        CREATE INDEX evidence_complaint ON evidence(complaint_id);
        """,
    )


@step
def m008_month_close(db: Database) -> None:
    """Months a station closed (its figures frozen) and the county's answers; the county keeps the same rows
    for every station it merges."""
    _run_script(
        db,
        """
        CREATE TABLE month_closes (
            station_code TEXT NOT NULL,
            month TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            closed_by TEXT NOT NULL,
            figures TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'closed',
            reason TEXT NOT NULL DEFAULT '',
            answered_at TEXT,
            amendments INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (station_code, month)
        );
        """,
    )


@step
def m009_open_case_index(db: Database) -> None:
    """The status index also carries the deadlines: the workbench's overdue and due-soon counts and its page of
    urgent cases are read from the index alone (ten times faster on a big register) instead of from every open
    case's row."""
    _run_script(
        db,
        """
        DROP INDEX complaints_status;
        CREATE INDEX complaints_status
            ON complaints(status, received_on, acceptance_due, mediation_due, paused_since, deleted_at);
        """,
    )


@step
def m010_county_search_index(db: Database) -> None:
    """A county's register keeps no trigram search index (store/search_index.py); one made before drops it."""
    from station_app.store import search_index

    mode = db.execute("SELECT value FROM meta WHERE key = 'mode'").fetchone()
    if mode is not None and mode[0] == "county":
        search_index.switch_off(db)


@step
def m011_masked_by_row(db: Database) -> None:
    """The county's masked copies are listed by table and row number instead of by random id: a county loading a
    million cases appended to the list in order instead of inserting at a million random places (7 s of 55)."""
    db.execute(
        "CREATE TABLE exchange_masked_rows (record_table TEXT NOT NULL, record_pk INTEGER NOT NULL,"
        " PRIMARY KEY (record_table, record_pk)) WITHOUT ROWID"
    )
    for table in ("complaints", "consultations", "reports"):  # the tables with personal data
        db.execute(
            f"INSERT INTO exchange_masked_rows SELECT '{table}', t.pk FROM {table} t"
            " JOIN exchange_masked m ON m.record_id = t.id"
        )
    db.execute("DROP TABLE exchange_masked")
    db.execute("ALTER TABLE exchange_masked_rows RENAME TO exchange_masked")


@step
def m012_key_roles(db: Database) -> None:
    """What a registered key may speak for (docs/package-format.md, "Who may speak for whom"): each key has a role
    (a station's key speaks for its own station; a county's, registered at the city, for the stations it brought),
    and the city remembers which county brought each station, so no other county can speak for it.

    Keys registered before this step were stations' keys: only a register of the level above a county (city mode,
    new with this step) accepts a county's roll-up, and no register was in that mode before."""
    db.execute("ALTER TABLE exchange_station_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'station'")
    db.execute(
        "CREATE TABLE exchange_spoken_for (station_code TEXT PRIMARY KEY, county_code TEXT NOT NULL,"
        " registered_at TEXT NOT NULL)"
    )


@step
def m013_bulletins(db: Database) -> None:
    """The county's bulletins a register holds (docs/package-format.md, "Bulletin"): the holiday tables the
    calendar uses from then on, catalog updates and the consumer warnings to publish. A county keeps the
    bulletins it issued in the same table."""
    _run_script(
        db,
        """
        CREATE TABLE bulletins (
            package_id TEXT PRIMARY KEY,
            issued_at TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_by TEXT NOT NULL,
            holidays TEXT NOT NULL,
            catalog TEXT NOT NULL,
            warnings TEXT NOT NULL,
            published_at TEXT
        );
        """,
    )


@step
def m014_audit_heads(db: Database) -> None:
    """An anchored audit (docs/package-format.md, "The audit chain's head"): each audit entry carries the seal
    sum of every record (store/seals.py), so a record changed outside the program no longer adds up; the station
    remembers the chain heads it exported (``audit_exports``) and the county the heads it saw from each station
    (``audit_heads``), so a chain cut short or rewritten below them is caught.

    The records already in the register are sealed as they are now (what happened to them before cannot be
    proved afterwards); the next audit entry carries their sum into the chain. A later step that changes a record
    table's columns changes every row's seal: it must call ``seals.seal_all`` too."""
    from station_app.store import seals

    db.execute("ALTER TABLE audit ADD COLUMN seal TEXT")
    _run_script(
        db,
        seals.SCHEMA
        + """
        CREATE TABLE audit_exports (
            count INTEGER PRIMARY KEY,
            hash TEXT NOT NULL,
            package_id TEXT NOT NULL,
            exported_at TEXT NOT NULL
        );
        CREATE TABLE audit_heads (
            station_code TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            hash TEXT NOT NULL,
            checkpoints TEXT NOT NULL,
            package_id TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        """,
    )
    seals.seal_all(db)


@step
def m015_seals_without_pk(db: Database) -> None:
    """Seals without the local ``pk`` (store/seals.py), so a county's readers seal a package's rows beside the
    merge (issue 20). Every record is resealed in the new form; when there are records, an audit entry says so
    and carries the new sum, so that ``audit verify`` compares like with like. (The clock is the machine's: a
    migration runs before any session's clock exists.)"""
    from datetime import UTC, datetime

    from station_app.store import audit, seals

    if seals.seal_all(db):
        audit.append(
            db,
            at=datetime.now(UTC).isoformat(timespec="seconds"),
            actor="program",  # services/case_log.py: PROGRAM_ACTOR
            action="reseal",
            entity="register",
            entity_id="",
        )


@step
def m016_tally_as_of_indexes(db: Database) -> None:
    """Last year's figures "as they stood a year ago" from the monthly aggregates (issue 20): the cases whose
    latest step falls after an as-of day are found per month of receipt by an index on that latest day, so the
    correction to the aggregates reads them alone; the status index carries the station, so the open cases
    past their deadline are counted for many stations from the index alone; and the terminations (a few in a
    hundred cases) have an index of their own, so the untold ones are counted without reading the cases' rows.
    Store/tally_as_of.py and store/tallies.py read them. And the monthly aggregates get their sums over every
    station (store/tally_county.py), so a county tally of every station reads hundreds of rows, not 100,000."""
    from station_app.store import tally_county

    _run_script(db, tally_county.SCHEMA)
    _run_script(
        db,
        """
        CREATE INDEX complaints_crossing ON complaints(
            substr(received_on, 1, 7),
            max(received_on, coalesce(accepted_on, ''), coalesce(mediation_started_on, ''), coalesce(closed_on, ''))
        );
        DROP INDEX complaints_status;
        CREATE INDEX complaints_status
            ON complaints(status, received_on, acceptance_due, mediation_due, paused_since, deleted_at, station_code);
        CREATE INDEX complaints_terminated ON complaints(received_on, station_code, closed_on, deleted_at, id)
            WHERE status = 'terminated';
        """,
    )
