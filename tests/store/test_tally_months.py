"""The monthly aggregates kept by triggers always equal a recount, and a tally read from them equals one
read from the cases: after inserts, later steps, deletions and restores, for any whole-month period."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.domain import periods
from station_app.services import complaints, tallies, tally_sources
from station_app.store import tally_months
from tests.conftest import TODAY
from tests.services.tally_registers import random_register
from tests.store.tally_checks import recount

PERIODS = [periods.year("2026"), periods.quarter("2026-Q2"), periods.month("2026-03"), periods.month("2026-11")]


def move_cases_on(s, rng: random.Random) -> None:
    """Later steps, deletions: the changes a register sees after the cases were written."""
    rows = s.db.execute("SELECT number, status, received_on FROM complaints WHERE deleted_at IS NULL").fetchall()
    for number, status, received in rows:
        later = min(date.fromisoformat(received) + timedelta(days=rng.randint(0, 40)), TODAY).isoformat()
        roll = rng.random()
        if status == "registered" and roll < 0.5:
            complaints.transition(s, number, "accepted", {"on": later}, TODAY)
        elif status == "accepted" and roll < 0.5:
            payload = {"on": later, "method": "mediation", "recovered_yuan": str(rng.randint(0, 900))}
            complaints.transition(s, number, "settled", payload, TODAY)
        elif roll > 0.93:
            complaints.delete(s, number, "登记错误")


def fast_and_slow(s, period, stations=()):
    def no_case_scan(*args):
        raise AssertionError("the aggregates should have answered")

    scan, tallies.store.complaint_states = tallies.store.complaint_states, no_case_scan
    try:
        fast = tallies.tally(s, period, TODAY, stations=stations, with_previous=False)
    finally:
        tallies.store.complaint_states = scan
    original = tally_sources.whole_months
    tally_sources.whole_months = lambda scope: None  # the cases themselves
    try:
        slow = tallies.tally(s, period, TODAY, stations=stations, with_previous=False)
    finally:
        tally_sources.whole_months = original
    return tallies.as_json(fast)["complaints"], tallies.as_json(slow)["complaints"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), stations=st.integers(1, 3))
def test_aggregates_equal_a_recount_and_give_the_same_figures(tmp_path, seed, stations):
    s = random_register(tmp_path, seed, stations)
    try:
        move_cases_on(s, random.Random(seed))
        assert tally_months.all_rows(s.db) == recount(s.db)
        for period in PERIODS:
            fast, slow = fast_and_slow(s, period)
            assert fast == slow, period.label
        fast, slow = fast_and_slow(s, PERIODS[0], stations=("XJ",))
        assert fast == slow
    finally:
        s.close()


def test_a_later_step_sends_an_earlier_as_of_day_to_the_cases(tmp_path):
    s = random_register(tmp_path, 7, 1)
    try:
        year = periods.year("2026")
        scope_day = date(2026, 2, 1)  # cases of the year moved on after this day
        then = tallies.tally(s, year, TODAY, as_of=scope_day, with_previous=False)["complaints"]
        months = ("2026-01", "2026-12")
        assert tally_months.latest_step(s.db, ("XJ",), *months) > scope_day.isoformat()
        assert then["registered"] <= tallies.tally(s, year, TODAY, with_previous=False)["complaints"]["registered"]
    finally:
        s.close()


def test_rebuild_repairs_the_aggregates(session):
    from tests.conftest import complaint_payload

    complaints.add_complaints(session, [complaint_payload()], TODAY)
    expected = tally_months.all_rows(session.db)
    session.db.execute("DELETE FROM tally_months")
    tally_months.rebuild(session.db)
    assert tally_months.all_rows(session.db) == expected and expected
