"""Figures "as they stood" on an earlier day (last year beside this year's) read from the monthly aggregates,
corrected by the cases with a later step, equal the figures read from the cases themselves: on random
registers whose cases moved on after they were written, for any whole-month period and any as-of day."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.domain import periods
from station_app.services import complaints, tallies, tally_sources
from station_app.store import tallies as store_tallies
from station_app.store import tally_as_of
from tests.conftest import TODAY
from tests.services.tally_registers import random_register

PERIODS = [
    periods.year("2026"),
    periods.quarter("2026-Q2"),
    periods.quarter("2026-Q3"),
    periods.month("2026-03"),
    periods.month("2026-06"),
]


def move_cases_on(s, rng: random.Random) -> None:
    """Later steps (acceptance, mediation, settlement) days to months after receipt, and deletions: many cases
    of a month then still move on in the months after it, which is what the correction is about."""
    rows = s.db.execute("SELECT number, status, received_on FROM complaints WHERE deleted_at IS NULL").fetchall()
    for number, status, received in rows:
        day = date.fromisoformat(received)

        def later() -> str:
            nonlocal day
            day = min(day + timedelta(days=rng.randint(0, 100)), TODAY)
            return day.isoformat()

        roll = rng.random()
        if status == "registered" and roll < 0.8:
            complaints.transition(s, number, "accepted", {"on": later()}, TODAY)
            status = "accepted"
        if status == "accepted" and rng.random() < 0.5:
            complaints.transition(s, number, "mediating", {"on": later(), "mediator": "王调解"}, TODAY)
            status = "mediating"
        if status in ("accepted", "mediating") and rng.random() < 0.5:
            payload = {"on": later(), "method": "mediation", "recovered_yuan": str(rng.randint(0, 900))}
            complaints.transition(s, number, "settled", payload, TODAY)
        elif roll > 0.93:
            complaints.delete(s, number, "登记错误")


def fast_and_slow(s, period, as_of: date, stations=()):
    fast = tallies.tally(s, period, TODAY, as_of=as_of, stations=stations, with_previous=False)
    original = tally_sources.whole_months
    tally_sources.whole_months = lambda scope: None  # the cases themselves
    try:
        slow = tallies.tally(s, period, TODAY, as_of=as_of, stations=stations, with_previous=False)
    finally:
        tally_sources.whole_months = original
    return tallies.as_json(fast)["complaints"], tallies.as_json(slow)["complaints"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    stations=st.integers(1, 3),
    days=st.lists(st.integers(0, 330), min_size=3),
    county_indexes=st.booleans(),
)
def test_figures_as_of_an_earlier_day_equal_the_cases(tmp_path, seed, stations, days, county_indexes):
    """``county_indexes``: read as for a county of many stations (the moving cases by their own index, the
    overdue and terminated cases by theirs), which the few stations of a test register would not otherwise."""
    s = random_register(tmp_path, seed, stations)
    few = store_tallies.FEW_STATIONS
    store_tallies.FEW_STATIONS = -1 if county_indexes else few
    try:
        move_cases_on(s, random.Random(seed))
        for i, period in enumerate(PERIODS):
            as_of = date(2026, 1, 1) + timedelta(days=days[i % len(days)])
            fast, slow = fast_and_slow(s, period, as_of)
            assert fast == slow, (period.label, as_of)
        fast, slow = fast_and_slow(s, PERIODS[0], date(2026, 1, 1) + timedelta(days=days[0]), stations=("XJ",))
        assert fast == slow
    finally:
        store_tallies.FEW_STATIONS = few
        s.close()


def test_last_year_beside_this_year_equals_the_cases(tmp_path):
    """The previous block of a 2027 tally is 2026 as it stood a year before the as-of day."""
    s = random_register(tmp_path, 11, 2)
    try:
        move_cases_on(s, random.Random(11))
        for as_of in (date(2027, 3, 15), date(2027, 6, 30), date(2027, 8, 1), date(2027, 11, 23)):
            result = tallies.tally(s, periods.year("2027"), as_of, as_of=as_of)
            fast, slow = fast_and_slow(s, periods.year("2026"), as_of.replace(year=2026))
            assert tallies.as_json(result)["previous"]["complaints"] == fast == slow
    finally:
        s.close()


@pytest.mark.parametrize("county_indexes", [False, True])
def test_the_correction_is_exercised(tmp_path, monkeypatch, county_indexes):
    """A register whose cases moved on for months: the correction finds cases, and the figures still agree."""
    found: list[int] = []
    crossing = tally_as_of.crossing

    def spy(*args):
        rows = crossing(*args)
        found.append(len(rows))
        return rows

    monkeypatch.setattr(tally_sources.tally_as_of, "crossing", spy)
    if county_indexes:
        monkeypatch.setattr(store_tallies, "FEW_STATIONS", -1)
    s = random_register(tmp_path, 42, 3)
    try:
        move_cases_on(s, random.Random(42))
        for day in range(0, 330, 9):
            as_of = date(2026, 1, 1) + timedelta(days=day)
            fast, slow = fast_and_slow(s, PERIODS[0], as_of)
            assert fast == slow, as_of
        assert sum(found) > 20
    finally:
        s.close()


def test_the_cases_still_moving_are_found_by_their_index(tmp_path):
    s = random_register(tmp_path, 3, 1)
    try:
        plan = " ".join(
            str(row[-1])
            for row in s.db.execute(
                f"EXPLAIN QUERY PLAN SELECT 1 FROM complaints INDEXED BY complaints_crossing"
                f" WHERE {tally_as_of.MONTH} IN ('2026-01', '2026-02') AND {tally_as_of.LATEST} > '2026-02-10'"
            )
        )
        assert "complaints_crossing (<expr>=? AND <expr>>?)" in plan
    finally:
        s.close()


def test_an_as_of_month_whose_cases_did_not_move_on_reads_no_case(tmp_path, monkeypatch):
    s = random_register(tmp_path, 5, 2)
    try:

        def no_case_scan(*args):
            raise AssertionError("the aggregates should have answered")

        monkeypatch.setattr(tallies.store, "complaint_states", no_case_scan)
        # Nothing in the random register was written after October: its steps are all before this day.
        tallies.tally(s, periods.year("2026"), TODAY, as_of=date(2026, 11, 20), with_previous=False)
    finally:
        s.close()
