"""The figures: the seeds' district summary rebuilt exactly, shares, year-on-year, empty periods."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_app.domain import periods
from station_app.services import complaints, tallies
from tests.conftest import TODAY
from tests.services.tally_cases import case, settled
from tests.services.tally_registers import random_register


def district_register(session) -> None:
    """The district of the first seed: 119 complaints, 114 accepted, 112 settled, 2 referred, 5 not
    accepted, 217326.00 元 recovered; 87 of the 114 about quality."""
    payloads = []
    money = ["1940.00"] * 111 + ["1986.00"]  # 111 × 1940 + 1986 = 217326
    for i in range(112):
        nature = "quality" if i < 87 else "after_sales"
        payloads.append(case(i, "2025-05-10", settled("2025-05-10", "2025-06-01", money[i]), nature=nature))
    for i in range(112, 114):
        steps = [
            {"to": "accepted", "on": "2025-07-01"},
            {"to": "mediating", "on": "2025-07-02"},
            {"to": "terminated", "on": "2025-07-20", "ground": "t_no_agreement", "route": "court"},
        ]
        payloads.append(case(i, "2025-07-01", steps, nature="contract"))
    for i in range(114, 119):
        payloads.append(
            case(i, "2025-08-01", [{"to": "not_accepted", "on": "2025-08-02", "ground": "na_no_authority"}])
        )
    complaints.add_complaints(session, payloads, TODAY)


def test_seed_district_figures(session):
    district_register(session)
    result = tallies.tally(session, periods.year("2025"), TODAY)
    c = result["complaints"]
    assert (c["registered"], c["accepted"], c["settled"], c["terminated"], c["not_accepted"]) == (119, 114, 112, 2, 5)
    assert str(c["settlement_rate"]) == "98.2"
    assert c["recovered_fen"] == 21732600
    assert c["by_nature"]["quality"] == 87 and str(c["shares"]["by_nature"]["quality"]) == "76.3"
    assert sum(c["by_nature"].values()) == 114
    data = tallies.as_json(result)
    assert data["complaints"]["settlement_rate"] == 98.2
    assert data["complaints"]["shares"]["by_nature"]["quality"] == 76.3


def test_year_on_year(session):
    district_register(session)
    later = [case(200 + i, "2026-05-10", settled("2026-05-10", "2026-05-20", "100.00")) for i in range(163)]
    complaints.add_complaints(session, later, TODAY)
    data = tallies.as_json(tallies.tally(session, periods.year("2026"), TODAY))
    assert data["complaints"]["accepted"] == 163 and data["previous"]["complaints"]["accepted"] == 114
    assert data["changes"]["complaints"]["accepted"] == {"delta": 49, "percent": 43.0}  # 比去年同期增长 43%
    assert data["changes"]["complaints"]["settlement_rate"]["delta"] == 1.8  # 100.0 − 98.2 points


def test_outcomes_as_they_stood_on_a_day(session):
    district_register(session)
    before = tallies.tally(session, periods.year("2025"), TODAY, as_of=date(2025, 5, 31))["complaints"]
    assert before["accepted"] == 112 and before["settled"] == 0 and before["open"] == 112
    assert before["registered"] == 112  # cases received later were not known yet


def test_empty_period_has_no_division_by_zero(session):
    data = tallies.as_json(tallies.tally(session, periods.month("2024-02"), TODAY))
    c = data["complaints"]
    assert c["accepted"] == 0 and c["settlement_rate"] is None and c["satisfaction_rate"] is None
    assert all(v is None for v in c["shares"]["by_nature"].values())
    assert data["changes"]["complaints"]["accepted"] == {"delta": 0, "percent": None}
    assert "nan" not in str(data).lower()


def test_followups_and_satisfaction(session):
    district_register(session)
    numbers = [
        r["number"]
        for r in complaints.add_complaints(
            session, [case(300 + i, "2026-03-02", settled("2026-03-02", "2026-03-10", "10")) for i in range(3)], TODAY
        )
    ]
    for number, level in zip(numbers, ["satisfied", "basically_satisfied", "dissatisfied"], strict=True):
        complaints.add_followup(session, number, {"date": "2026-03-20", "satisfaction": level}, TODAY)
    c = tallies.tally(session, periods.quarter("2026-Q1"), TODAY)["complaints"]
    assert c["followups"] == 3 and str(c["satisfaction_rate"]) == "66.7"


def test_other_records_are_counted(session):
    from station_app.services.records import add_records

    add_records(session, "consultation", [{"date": "2026-03-15", "topic": "x", "persons": 4}] * 2, TODAY)
    add_records(
        session,
        "report",
        [
            {
                "received_on": "2026-03-01",
                "business": {"name": "某店"},
                "facts": "x",
                "to_case": True,
                "fine_yuan": "300",
            }
        ],
        TODAY,
    )
    add_records(
        session,
        "outreach_event",
        [
            {
                "date": "2026-03-15",
                "kind": "day_315",
                "venue_type": "school",
                "leaflets": 800,
                "banners": 2,
                "boards": 6,
                "audience": 500,
            }
        ],
        TODAY,
    )
    add_records(session, "warning", [{"date": "2026-03-01", "title": "t", "body": "b"}], TODAY)
    data = tallies.as_json(tallies.tally(session, periods.month("2026-03"), TODAY))
    assert data["consultations"] == {"records": 2, "persons": 8}
    assert data["reports"] == {"received": 1, "to_case": 1, "fine_fen": 30000}
    assert data["outreach"]["leaflets"] == 800 and data["outreach"]["by_kind"]["day_315"] == 1
    assert data["outreach"]["by_venue_type"]["school"] == 1 and data["warnings"]["issued"] == 1


def test_periods():
    assert periods.quarter("2026-Q1").end == date(2026, 3, 31)
    assert periods.month("2024-02").end == date(2024, 2, 29)
    assert periods.month("2024-02").previous_year().end == date(2023, 2, 28)
    assert periods.year("2026").previous_year().label == "2025年"


# -- property: breakdowns add up; a county tally is the sum of its stations' tallies ----------------


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), stations=st.integers(1, 4))
def test_breakdowns_add_up_and_county_is_sum_of_stations(tmp_path, seed, stations):
    s = random_register(tmp_path, seed, stations)
    try:
        year = periods.year("2026")
        county = tallies.tally(s, year, TODAY, with_previous=False)["complaints"]
        for key in ("by_nature", "by_category", "by_category_top", "by_amount_band", "by_channel", "by_station"):
            assert sum(county[key].values()) == county["accepted"], key
        parts = [
            tallies.tally(s, year, TODAY, stations=(code,), with_previous=False)["complaints"]
            for code in county["by_station"]
        ]
        for figure in ("registered", "accepted", "settled", "not_accepted", "terminated", "recovered_fen", "open"):
            assert county[figure] == sum(p[figure] for p in parts), figure
        for code in county["by_nature"]:
            assert county["by_nature"][code] == sum(p["by_nature"][code] for p in parts)
    finally:
        s.close()
