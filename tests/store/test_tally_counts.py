"""The aggregates of new cases counted in Python (a reader process) equal the ones SQL computes for them."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.services.session import Session
from station_app.store import tally_counts, tally_months
from tests.services.test_tallies import _random_register
from tests.store.test_tally_months import move_cases_on

WITH_LATEST = (
    "SELECT station_code, month, dim, value, status, accepted, n, recovered_fen, punitive_cases, punitive_fen, latest"
    " FROM tally_months WHERE n != 0 ORDER BY 1, 2, 3, 4, 5, 6"
)


def rebuilt(db) -> list[tuple]:
    """What SQL counts for the register's cases as they stand (the rebuild, in a savepoint rolled back)."""
    db.execute("SAVEPOINT recount")
    try:
        for statement in tally_months.statements(tally_months.REBUILD):
            db.execute(statement)
        return db.execute(WITH_LATEST).fetchall()
    finally:
        db.execute("ROLLBACK TO recount")
        db.execute("RELEASE recount")


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), stations=st.integers(1, 3))
def test_python_counts_equal_sql_for_the_same_cases(tmp_path, seed, stations):
    s = _random_register(tmp_path / "source", seed, stations)
    empty = Session.open(tmp_path / "empty.sqlite3")
    try:
        move_cases_on(s, random.Random(seed))  # accepted, settled with money, deleted cases
        cursor = s.db.execute("SELECT * FROM complaints")
        names = [d[0] for d in cursor.description]
        cases = [{k: v for k, v in zip(names, values, strict=True) if k != "pk"} for values in cursor]
        counted = tally_counts.count_new(cases)
        assert counted is not None
        with empty.db.atomic():
            empty.db.execute("DELETE FROM tally_months")
            tally_counts.add_counted(empty.db, counted)
        assert empty.db.execute(WITH_LATEST).fetchall() == rebuilt(s.db)
    finally:
        s.close()
        empty.close()


def test_anything_but_plain_values_is_left_to_sql():
    case = {
        "station_code": "XJ",
        "received_on": "2026-11-02",
        "status": "settled",
        "accepted_on": "2026-11-03",
        "mediation_started_on": None,
        "closed_on": "2026-12-01",
        "deleted_at": None,
        "recovered_fen": 1200,
        "punitive_fen": 0,
        "nature": "quality",
        "category_class": "goods",
        "amount_band": None,
        "channel": "phone",
    }
    assert tally_counts.count_new([case]) is not None
    for key, odd in (("received_on", 20261102), ("recovered_fen", 12.0), ("recovered_fen", True), ("nature", 1)):
        assert tally_counts.count_new([case, {**case, key: odd}]) is None, key
    assert tally_counts.count_new([{k: v for k, v in case.items() if k != "channel"}]) is None
