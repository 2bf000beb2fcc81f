"""The county's list of masked copies: by table and row number (m011), carried over from the list by id."""

from __future__ import annotations

from station_app.store import exchange as store
from station_app.store.database import open_database
from tests.store.migrating import register_before


def test_masked_copies_listed_by_id_before_are_kept_on_upgrade(tmp_path):
    path = tmp_path / "county.sqlite3"
    with register_before(path, "m011_masked_by_row") as db:
        db.execute(
            "INSERT INTO stations (code, name, kind, venue_type, county, contact, is_local, created_at, updated_at)"
            " VALUES ('XJ', '新集', 'k', 'v', '', '', 0, '', '')"
        )
        for n, record_id in enumerate(("a", "b", "c")):
            db.execute(
                "INSERT INTO consultations (id, station_code, number, year, created_at, updated_at, created_by, date,"
                " channel, topic, persons, consumer_name, consumer_phone)"
                " VALUES (?, 'XJ', ?, 2026, '', '', '', '2026-11-01', 'phone', 't', 1, '张*', '138****0000')",
                [record_id, f"XJ-ZX-{n}"],
            )
        db.execute("INSERT INTO exchange_masked (record_id) VALUES ('a'), ('c')")
    db = open_database(path)
    assert store.masked_ids(db, "consultations", ["a", "b", "c"]) == {"a", "c"}
    with db.atomic():
        store.set_masked(db, "consultations", "a", False)
        store.set_masked(db, "consultations", "b", True)
    assert store.masked_ids(db, "consultations", ["a", "b", "c"]) == {"b", "c"}
