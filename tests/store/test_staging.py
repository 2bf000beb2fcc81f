"""Staged records: an in-memory database made apart from the register, merged set-based."""

from __future__ import annotations

import pickle

import pytest

from station_app.store import staging


def test_uniform_columns_means_the_same_keys_in_the_same_order():
    assert staging.uniform_columns([{"id": "a", "n": 1}, {"id": "b", "n": 2}]) == ("id", "n")
    assert staging.uniform_columns([{"id": "a", "n": 1}, {"n": 2, "id": "b"}]) is None
    assert staging.uniform_columns([{"id": "a", "n": 1}, {"id": "b"}]) is None
    assert staging.uniform_columns([]) is None


def test_staged_values_come_back_exactly_as_parsed(session):
    rows = [{"id": "a", "v": 1, "w": "1"}, {"id": "b", "v": 2.5, "w": None}, {"id": "c", "v": "x", "w": "日\u2028本"}]
    staged = pickle.loads(pickle.dumps(staging.build({"complaints": (("id", "v", "w"), rows)})))
    assert staged.columns == {"complaints": ("id", "v", "w")} and staged.counts == {"complaints": 3}
    db = session.db
    with staging.attached(db):
        staging.load(db, staged)
        back = [
            dict(zip(("id", "v", "w"), r, strict=True)) for r in db.execute("SELECT id, v, w FROM stage.complaints")
        ]
        assert back == rows  # no type affinity: "1" stays text, 1 stays an integer
        assert staging.ids(db, "complaints") == ["a", "b", "c"]
    assert "stage" not in {r[1] for r in db.execute("PRAGMA database_list")}


@pytest.mark.parametrize("value", [2**64, "\ud800"])
def test_a_value_sqlite_cannot_hold_is_refused_not_raised_later(value):
    with pytest.raises(staging.Unstageable):
        staging.build({"complaints": (("id", "v"), [{"id": "a", "v": value}])})


def test_only_the_new_rows_are_inserted_and_the_known_ones_are_found_by_id(session):
    db = session.db
    db.execute("CREATE TABLE t_known (id TEXT PRIMARY KEY, n INTEGER)")
    db.execute("INSERT INTO t_known VALUES ('b', 1)")
    rows = [{"id": "a", "n": 10}, {"id": "b", "n": 20}, {"id": "c", "n": 30}]
    with staging.attached(db):
        staging.load(db, staging.build({"t_known": (("id", "n"), rows)}))
        with db.conn:
            known = staging.existing_rows(db, "t_known", ("id", "n"))
            assert known == [{"_stage_row": 2, "id": "b", "n": 20}]
            staging.insert_new(db, "t_known", ("id", "n"), [2])
        # a second package replaces the first in the same transaction
        with db.conn:
            staging.load(db, staging.build({"t_known": (("id", "n"), [{"id": "d", "n": 40}])}))
            staging.insert_new(db, "t_known", ("id", "n"), [])
    assert db.execute("SELECT id, n FROM t_known ORDER BY id").fetchall() == [("a", 10), ("b", 1), ("c", 30), ("d", 40)]
