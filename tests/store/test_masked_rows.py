"""The county's list of masked copies: by table and row number (m011), carried over from the list by id."""

from __future__ import annotations

from station_app.store import database, migrations
from station_app.store import exchange as store
from station_app.store.database import open_database


def test_masked_copies_listed_by_id_before_are_kept_on_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "county.sqlite3"
    older = [fn for fn in migrations._STEPS if fn.__name__ != "m011_masked_by_row"]
    monkeypatch.setattr(migrations, "_STEPS", older)
    migrations.migration_set.cache_clear()
    monkeypatch.setattr(database, "known_names", lambda: [fn.__name__ for fn in older])
    db = open_database(path)
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
    db.conn.close()
    monkeypatch.undo()
    migrations.migration_set.cache_clear()
    db = open_database(path)
    assert store.masked_ids(db, "consultations", ["a", "b", "c"]) == {"a", "c"}
    with db.atomic():
        store.set_masked(db, "consultations", "a", False)
        store.set_masked(db, "consultations", "b", True)
    assert store.masked_ids(db, "consultations", ["a", "b", "c"]) == {"b", "c"}
