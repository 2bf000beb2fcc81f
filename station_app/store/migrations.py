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


# Columns every register record carries (script contract and USB exchange rely on them).
_COMMON = """
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    station_code TEXT NOT NULL REFERENCES stations(code),
    number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    deleted_at TEXT,
    delete_reason TEXT
"""


@step
def m001_register(db: Database) -> None:
    _run_script(
        db,
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE stations (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            venue_type TEXT NOT NULL,
            county TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            is_local INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE counters (
            station_code TEXT NOT NULL,
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            PRIMARY KEY (station_code, kind, year)
        );
        CREATE TABLE complaints (
            {_COMMON},
            received_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            consumer_name TEXT NOT NULL,
            consumer_phone TEXT NOT NULL,
            consumer_id_number TEXT NOT NULL DEFAULT '',
            consumer_address TEXT NOT NULL DEFAULT '',
            business_name TEXT NOT NULL,
            business_key TEXT NOT NULL,
            business_address TEXT NOT NULL DEFAULT '',
            business_phone TEXT NOT NULL DEFAULT '',
            business_credit_code TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL,
            category TEXT NOT NULL,
            category_class TEXT NOT NULL,
            category_top TEXT NOT NULL,
            nature TEXT NOT NULL,
            amount_fen INTEGER,
            amount_band TEXT,
            purchased_on TEXT,
            facts TEXT NOT NULL,
            request TEXT NOT NULL DEFAULT '',
            request_types TEXT NOT NULL DEFAULT '[]',
            search_initials TEXT NOT NULL DEFAULT '',
            rule_version TEXT NOT NULL,
            status TEXT NOT NULL,
            accepted_on TEXT,
            mediation_started_on TEXT,
            closed_on TEXT,
            ground TEXT,
            route TEXT,
            method TEXT,
            recovered_fen INTEGER NOT NULL DEFAULT 0,
            punitive_fen INTEGER NOT NULL DEFAULT 0,
            agreement TEXT NOT NULL DEFAULT '',
            outcomes TEXT NOT NULL DEFAULT '[]',
            performed_by TEXT,
            to_unit TEXT NOT NULL DEFAULT '',
            mediator TEXT NOT NULL DEFAULT '',
            extension_days INTEGER NOT NULL DEFAULT 0,
            paused_since TEXT,
            acceptance_due TEXT,
            mediation_due TEXT
        );
        -- Newest first is the register's order (rowid breaks ties): pages come straight off this index.
        CREATE INDEX complaints_order ON complaints(received_on);
        CREATE INDEX complaints_status ON complaints(status, received_on);
        CREATE INDEX complaints_phone ON complaints(consumer_phone, received_on);
        CREATE INDEX complaints_business ON complaints(business_key, received_on);
        CREATE INDEX complaints_closed ON complaints(closed_on);
        -- Covering index of the tallies: a period's figures are read from it without touching the
        -- wide rows (facts, names): one narrow range scan per station and period.
        CREATE INDEX complaints_tally ON complaints(
            station_code, received_on, deleted_at, status, accepted_on, mediation_started_on, closed_on,
            nature, category_class, category_top, amount_band, channel, recovered_fen, punitive_fen,
            acceptance_due, mediation_due, paused_since
        );
        -- Covering index for 1–2 character search terms, which the trigram index cannot answer:
        -- scanning these short columns is several times faster than scanning the whole rows.
        CREATE INDEX complaints_short_text ON complaints(
            consumer_name, consumer_phone, business_name, subject, number, search_initials
        );

        CREATE TABLE complaint_events (
            pk INTEGER PRIMARY KEY,
            complaint_id TEXT NOT NULL REFERENCES complaints(id),
            kind TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT,
            on_date TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{{}}',
            at TEXT NOT NULL,
            actor TEXT NOT NULL
        );
        CREATE INDEX complaint_events_case ON complaint_events(complaint_id, pk);

        CREATE TABLE followups (
            {_COMMON},
            complaint_id TEXT NOT NULL REFERENCES complaints(id),
            date TEXT NOT NULL,
            method TEXT NOT NULL,
            satisfaction TEXT NOT NULL,
            opinion TEXT NOT NULL DEFAULT '',
            visitor TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX followups_case ON followups(complaint_id);
        CREATE INDEX followups_date ON followups(station_code, date);

        CREATE TABLE consultations (
            {_COMMON},
            date TEXT NOT NULL,
            channel TEXT NOT NULL,
            topic TEXT NOT NULL,
            persons INTEGER NOT NULL,
            category TEXT,
            answer TEXT NOT NULL DEFAULT '',
            consumer_name TEXT NOT NULL DEFAULT '',
            consumer_phone TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX consultations_date ON consultations(station_code, date);

        CREATE TABLE reports (
            {_COMMON},
            received_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            business_name TEXT NOT NULL,
            business_address TEXT NOT NULL DEFAULT '',
            business_credit_code TEXT NOT NULL DEFAULT '',
            facts TEXT NOT NULL,
            category TEXT,
            reporter_anonymous INTEGER NOT NULL,
            reporter_name TEXT NOT NULL DEFAULT '',
            reporter_phone TEXT NOT NULL DEFAULT '',
            reporter_id_number TEXT NOT NULL DEFAULT '',
            to_case INTEGER NOT NULL DEFAULT 0,
            fine_fen INTEGER NOT NULL DEFAULT 0,
            result TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX reports_date ON reports(station_code, received_on);

        CREATE TABLE outreach_events (
            {_COMMON},
            date TEXT NOT NULL,
            kind TEXT NOT NULL,
            venue_type TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            partners TEXT NOT NULL DEFAULT '',
            leaflets INTEGER NOT NULL DEFAULT 0,
            banners INTEGER NOT NULL DEFAULT 0,
            boards INTEGER NOT NULL DEFAULT 0,
            onsite_consultations INTEGER NOT NULL DEFAULT 0,
            audience INTEGER NOT NULL DEFAULT 0,
            complaints_taken INTEGER NOT NULL DEFAULT 0,
            destroyed_g INTEGER NOT NULL DEFAULT 0,
            destroyed_value_fen INTEGER NOT NULL DEFAULT 0,
            articles INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outreach_events_date ON outreach_events(station_code, date);

        CREATE TABLE warnings (
            {_COMMON},
            date TEXT NOT NULL,
            type TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            category TEXT,
            basis TEXT NOT NULL DEFAULT '',
            channels TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX warnings_date ON warnings(station_code, date);

        -- People who use the register. No row yet: the register runs as its set-up user.
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- Append-only: each entry carries the hash of the previous one (tamper evidence).
        CREATE TABLE audit (
            pk INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            number TEXT NOT NULL DEFAULT '',
            before TEXT,
            after TEXT,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_entity ON audit(entity_id);

        -- Substring search: trigram FTS for 3+ characters (store/search.py handles 1–2).
        CREATE VIRTUAL TABLE complaints_fts USING fts5(
            number, consumer_name, consumer_phone, business_name, subject, facts,
            content='complaints', content_rowid='pk', tokenize='trigram'
        );
        CREATE TRIGGER complaints_fts_ai AFTER INSERT ON complaints BEGIN
            INSERT INTO complaints_fts(rowid, number, consumer_name, consumer_phone, business_name, subject, facts)
            VALUES (new.pk, new.number, new.consumer_name, new.consumer_phone, new.business_name,
                    new.subject, new.facts);
        END;
        CREATE TRIGGER complaints_fts_ad AFTER DELETE ON complaints BEGIN
            INSERT INTO complaints_fts(complaints_fts, rowid, number, consumer_name, consumer_phone,
                                       business_name, subject, facts)
            VALUES ('delete', old.pk, old.number, old.consumer_name, old.consumer_phone, old.business_name,
                    old.subject, old.facts);
        END;
        CREATE TRIGGER complaints_fts_au AFTER UPDATE OF number, consumer_name, consumer_phone,
                business_name, subject, facts ON complaints BEGIN
            INSERT INTO complaints_fts(complaints_fts, rowid, number, consumer_name, consumer_phone,
                                       business_name, subject, facts)
            VALUES ('delete', old.pk, old.number, old.consumer_name, old.consumer_phone, old.business_name,
                    old.subject, old.facts);
            INSERT INTO complaints_fts(rowid, number, consumer_name, consumer_phone, business_name, subject, facts)
            VALUES (new.pk, new.number, new.consumer_name, new.consumer_phone, new.business_name,
                    new.subject, new.facts);
        END;
        """,
    )


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
