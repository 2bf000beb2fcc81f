"""Staged records: an in-memory database made apart from the register, merged set-based."""

from __future__ import annotations

import pickle

import pytest

from station_app.store import seals, staging


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


def test_a_stage_of_another_size_is_read_as_itself_not_as_the_previous_one(session):
    """Two stages made alike have the same schema cookie; the second's second table starts on another page. The
    statement prepared for the first stage (the same SQL) must not run on the first stage's pages."""
    db = session.db
    db.execute("CREATE TABLE t_small (id TEXT PRIMARY KEY, n INTEGER)")
    db.execute("CREATE TABLE t_other (id TEXT PRIMARY KEY, n INTEGER)")
    db.execute("INSERT INTO t_other VALUES ('y', 1)")

    def stage(first_rows: int, other_id: str) -> staging.Staged:
        filler = [{"id": f"f{i}", "n": i} for i in range(first_rows)]
        return staging.build({"t_small": (("id", "n"), filler), "t_other": (("id", "n"), [{"id": other_id, "n": 2}])})

    with staging.attached(db), db.conn:
        staging.load(db, stage(1, "x"))
        assert staging.existing_rows(db, "t_other", ("id", "n")) == []
        staging.load(db, stage(5_000, "y"))  # t_other's root page is far past the first stage's
        assert staging.existing_rows(db, "t_other", ("id", "n")) == [{"_stage_row": 1, "id": "y", "n": 2}]


LAYOUT = (("id", "TEXT"), ("n", "INTEGER"), ("w", "TEXT"))


@pytest.mark.parametrize(
    ("rows", "sealed"),
    [
        ([{"id": "a", "n": 1, "w": "日本"}, {"id": "b", "n": None, "w": None}], True),
        ([{"id": "a", "n": "1", "w": "x"}], False),  # text in an INTEGER column: SQLite would store 1
        ([{"id": "a", "n": 1, "w": 2}], False),  # an integer in a TEXT column: stored as "2"
        ([{"id": "a", "n": 1.0, "w": "x"}], False),  # a real in an INTEGER column: stored as 1
        ([{"id": "a", "n": True, "w": "x"}], False),  # a bool: stored as 1, its seal would be True's
        ([{"id": "a", "n": 1, "w": "x"}, {"id": "b", "n": 2, "w": 3}], False),  # the wrong type in a later row
        ([{"id": "a", "w": "x", "n": 1}], True),  # another order of the same columns
    ],
)
def test_rows_stored_exactly_as_staged_bring_their_seals(rows, sealed):
    names = tuple(rows[0])
    staged = staging.build({"complaints": (names, rows)}, {"complaints": LAYOUT})
    if not sealed:
        assert staged.seal_sums == {}
        return
    in_register_order = [tuple(row[name] for name, _kind in LAYOUT) for row in rows]
    assert staged.seal_sums == {"complaints": sum(int(seals.seal_of("complaints", v), 16) for v in in_register_order)}


def test_rows_missing_a_column_of_the_register_are_not_sealed_beside_the_merge():
    staged = staging.build({"complaints": (("id", "n"), [{"id": "a", "n": 1}])}, {"complaints": LAYOUT})
    assert staged.seal_sums == {}  # the missing column gets the register's default: resealed after the merge
