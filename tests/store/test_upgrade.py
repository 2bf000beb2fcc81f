"""Registers made by every earlier schema version open in this release, migrated, with nothing lost."""

import json
import shutil
from pathlib import Path

import pytest

from station_app.store import audit
from station_app.store.database import applied_migrations, open_database
from station_app.store.migrations import known_names

DATA = Path(__file__).resolve().parents[1] / "data"
VERSIONS = sorted(DATA.glob("register-schema*.sqlite3"))


@pytest.mark.parametrize("source", VERSIONS, ids=[p.stem for p in VERSIONS])
def test_earlier_register_opens_migrated_with_nothing_lost(source, tmp_path):
    expected = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    path = tmp_path / "登记簿.sqlite3"
    shutil.copy(source, path)
    db = open_database(path)
    assert applied_migrations(db) == known_names()
    resealed = {"audit": 1}  # the entry of m015, which reseals the records in the form without pk (store/seals.py)
    for table, count in expected["counts"].items():
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count + resealed.get(table, 0), table
    assert audit.verify(db) == [], "the migrated records add up to the seal of the last audit entry"
    [last] = audit.entries(db)[-1:]
    assert (last["action"], last["actor"]) == ("reseal", "program")
    for number, values in expected["complaints"].items():
        row = db.execute(
            "SELECT status, recovered_fen, consumer_name FROM complaints WHERE number = ?", [number]
        ).fetchone()
        assert row == (values["status"], values["recovered_fen"], values["consumer_name"]), number
    if expected["schema"] < len(known_names()):
        assert list(tmp_path.glob("登记簿.sqlite3.before-*.bak")), "a backup copy is written before migrating"


def test_every_schema_version_has_a_sample():
    assert len(VERSIONS) >= 1
