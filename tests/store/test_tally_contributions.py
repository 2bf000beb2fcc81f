"""The monthly aggregates a county's reader computes in Python for the cases it stages (``tally_months.contributions``)
equal what SQLite adds for the same cases (``add_rows_after``, the insert trigger's rule): on generated rows with the
edge values (no dimension, empty texts, deleted cases, settled without a day) and on a register's real cases."""

from __future__ import annotations

import random
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from station_app.store import tally_months
from tests.services.tally_registers import random_register
from tests.store.test_tally_months import move_cases_on

DAYS = st.sampled_from(["2025-12-31", "2026-01-01", "2026-01-31", "2026-02-01", "2026-11-23", "2027-02-08"])
MAYBE_DAY = st.one_of(st.none(), st.just(""), DAYS)
MAYBE_TEXT = st.one_of(st.none(), st.just(""), st.sampled_from(["quality", "G01", "S07.02", "日本", "a" * 40]))
CASE = st.fixed_dictionaries(
    {
        "station_code": st.sampled_from(["S001", "S002"]),
        "received_on": DAYS,
        "deleted_at": st.one_of(st.none(), st.none(), DAYS),
        "status": st.sampled_from(["registered", "accepted", "mediating", "settled", "terminated", "not_accepted"]),
        "accepted_on": MAYBE_DAY,
        "mediation_started_on": MAYBE_DAY,
        "closed_on": MAYBE_DAY,
        "recovered_fen": st.integers(0, 10**9),
        "punitive_fen": st.one_of(st.just(0), st.integers(0, 10**7)),
        **{dim: MAYBE_TEXT for dim in tally_months.DIMENSIONS},
    }
)


KEYS = (
    "station_code",
    "received_on",
    "deleted_at",
    "status",
    "accepted_on",
    "mediation_started_on",
    "closed_on",
    "recovered_fen",
    "punitive_fen",
    *tally_months.DIMENSIONS,
)
SETTLED = {
    "station_code": "S001",
    "received_on": "2026-01-01",
    "deleted_at": None,
    "status": "settled",
    "accepted_on": "2026-01-02",
    "mediation_started_on": None,
    "closed_on": "2026-02-01",
    "recovered_fen": 500,
    "punitive_fen": 0,
    "nature": "quality",
    "category_class": None,
    "amount_band": "",
    "channel": "phone",
}


def by_sqlite(rows: list[dict]) -> list[tuple]:
    db = Database(sqlite3.connect(":memory:"))
    names = list(rows[0]) if rows else ["station_code"]
    db.execute(f"CREATE TABLE complaints (pk INTEGER PRIMARY KEY, {', '.join(names)})")
    db.execute(
        f"CREATE TABLE tally_months ({', '.join(tally_months.CONTRIBUTION_COLUMNS)},"
        " PRIMARY KEY (station_code, month, dim, value, status, accepted))"
    )
    for row in rows:
        db.execute(
            f"INSERT INTO complaints ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})", list(row.values())
        )
    if rows:
        tally_months.add_rows_after(db, 0)
    return sorted(db.execute("SELECT * FROM tally_months").fetchall())


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(CASE, max_size=40))
def test_python_and_sqlite_add_the_same_aggregates(rows):
    assert sorted(tally_months.contributions(rows)) == by_sqlite(rows)


def test_cases_holding_what_only_sqlite_decides_are_left_to_it():
    case = SETTLED
    assert tally_months.contributions([case]) is not None
    assert tally_months.contributions([{**case, "recovered_fen": None}]) is None
    assert tally_months.contributions([{**case, "received_on": 20260101}]) is None
    assert tally_months.contributions([{"id": "x"}]) is None  # not a case


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000))
def test_on_a_registers_cases_too(tmp_path, seed):
    s = random_register(tmp_path, seed, 3)
    try:
        move_cases_on(s, random.Random(seed))
        cursor = s.db.execute("SELECT * FROM complaints")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor]
        wanted = sorted(tally_months.contributions(rows))
        assert wanted == by_sqlite([{k: r[k] for k in KEYS} for r in rows])
        # and equal to the register's own aggregates, kept by its triggers (rows emptied by a change left aside)
        kept = s.db.execute(
            f"SELECT {', '.join(tally_months.CONTRIBUTION_COLUMNS)} FROM tally_months WHERE n != 0"
        ).fetchall()
        assert [r[:10] for r in wanted] == sorted(r[:10] for r in kept)
    finally:
        s.close()
