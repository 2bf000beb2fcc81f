"""The county's monthly sums kept by triggers on ``tally_months`` always equal it grouped without the station:
after inserts, later steps, deletions, a bulk load (aggregates added at its end) and a rebuild; and a tally of
every station read from them equals one read from the cases."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.domain import periods
from station_app.services import tallies
from station_app.store import bulk, tally_county, tally_months
from tests.conftest import TODAY
from tests.services.tally_registers import random_register
from tests.store.test_tally_as_of import fast_and_slow, move_cases_on


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), stations=st.integers(1, 3))
def test_county_sums_equal_the_station_aggregates(tmp_path, seed, stations):
    s = random_register(tmp_path, seed, stations)
    try:
        assert tally_county.all_rows(s.db) == tally_county.recount(s.db)
        move_cases_on(s, random.Random(seed))
        assert tally_county.all_rows(s.db) == tally_county.recount(s.db)
        # not trivially equal: sums are there whenever the stations' aggregates are (a register may have no case)
        assert bool(tally_county.all_rows(s.db)) == bool(tally_months.all_rows(s.db))
        tally_months.rebuild(s.db)
        assert tally_county.all_rows(s.db) == tally_county.recount(s.db)
    finally:
        s.close()


def test_a_bulk_load_adds_its_cases_to_the_county_sums(tmp_path):
    s = random_register(tmp_path, 8, 2)
    try:
        before = sum(row[5] for row in tally_county.all_rows(s.db) if row[1] == "all")
        columns = [r[1] for r in s.db.execute("PRAGMA table_info(complaints)") if r[1] != "pk"]
        picked = ", ".join({"id": "id || '-copy'", "number": "number || '-copy'"}.get(c, c) for c in columns)
        with s.db.atomic(), bulk.complaints_indexed_at_end(s.db):
            s.db.execute(
                f"INSERT INTO complaints ({', '.join(columns)}) SELECT {picked} FROM complaints"
                " WHERE deleted_at IS NULL"
            )
        assert tally_county.all_rows(s.db) == tally_county.recount(s.db)
        assert sum(row[5] for row in tally_county.all_rows(s.db) if row[1] == "all") == 2 * before
    finally:
        s.close()


def test_a_tally_of_every_station_reads_the_county_sums(tmp_path, monkeypatch):
    s = random_register(tmp_path, 21, 3)
    try:
        move_cases_on(s, random.Random(21))
        read: list[str] = []
        monkeypatch.setattr(tally_months, "states", lambda *args: read.append("stations") or [])
        for period in (periods.year("2026"), periods.quarter("2026-Q3")):
            fast, slow = fast_and_slow(s, period, TODAY)
            assert fast == slow
        assert not read
        tallies.tally(s, periods.year("2026"), TODAY, stations=("XJ",), with_previous=False)
        assert read == ["stations"]  # one station of three: its own rows
    finally:
        s.close()
