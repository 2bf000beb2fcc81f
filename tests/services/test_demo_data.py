from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from stdnum.cn import ric, uscc

from station_app.domain import workflow
from station_app.services import demo_data

TODAY = date(2026, 11, 23)


def test_deterministic():
    first = list(demo_data.generate_complaints(200, today=TODAY, seed=7))
    again = list(demo_data.generate_complaints(200, today=TODAY, seed=7))
    other = list(demo_data.generate_complaints(200, today=TODAY, seed=8))
    assert first == again and first != other


def test_complaints_are_plausible_and_valid():
    cases = list(demo_data.generate_complaints(3000, today=TODAY))
    assert len(cases) == 3000
    earliest = TODAY - timedelta(days=730)
    states = Counter()
    for case in cases:
        received = date.fromisoformat(case["received_on"])
        assert earliest <= received <= TODAY
        assert date.fromisoformat(case["purchased_on"]) <= received
        assert Decimal(case["amount_yuan"]).as_tuple().exponent == -2
        if "id_number" in case["consumer"]:
            assert ric.calc_check_digit(case["consumer"]["id_number"]) == case["consumer"]["id_number"][-1]
        if case["business"].get("credit_code"):
            code = case["business"]["credit_code"]
            assert uscc.calc_check_digit(code[:17]) == code[17]
        state, last = "registered", received
        for step in case["transitions"]:
            workflow.check_transition(state, step["to"])
            on = date.fromisoformat(step["on"])
            assert last <= on <= TODAY
            state, last = step["to"], on
        states[state] += 1
    assert set(states) == set(workflow.STATES)
    assert states["settled"] / len(cases) > 0.7
    two_char = sum(len(c["consumer"]["name"]) == 2 for c in cases)
    assert 0.3 < two_char / len(cases) < 0.7


def test_other_records():
    assert len(list(demo_data.generate_consultations(50, today=TODAY))) == 50
    reports = list(demo_data.generate_reports(50, today=TODAY))
    assert any(r["reporter"].get("anonymous") for r in reports) and any(r["to_case"] for r in reports)
    events = list(demo_data.generate_outreach_events(50, today=TODAY))
    assert all(e["leaflets"] > 0 for e in events)
    assert len(list(demo_data.generate_warnings(5, today=TODAY))) == 5
