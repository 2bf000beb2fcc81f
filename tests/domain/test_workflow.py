import pytest

from station_app.domain import workflow
from station_app.domain.errors import RuleViolation


@pytest.mark.parametrize(
    "current,target",
    [
        ("registered", "accepted"),
        ("registered", "not_accepted"),
        ("registered", "transferred"),
        ("accepted", "mediating"),
        ("accepted", "settled"),
        ("accepted", "terminated"),
        ("mediating", "settled"),
        ("mediating", "terminated"),
        ("mediating", "transferred"),
    ],
)
def test_allowed_transitions(current, target):
    workflow.check_transition(current, target)


@pytest.mark.parametrize(
    "current,target",
    [
        ("registered", "settled"),
        ("registered", "mediating"),
        ("registered", "terminated"),
        ("not_accepted", "accepted"),
        ("settled", "mediating"),
        ("terminated", "settled"),
        ("transferred", "accepted"),
        ("mediating", "accepted"),
        ("accepted", "accepted"),
    ],
)
def test_refused_transitions_say_why_in_chinese(current, target):
    with pytest.raises(RuleViolation) as info:
        workflow.check_transition(current, target)
    message = str(info.value)
    assert workflow.label(target) in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_unknown_state_lists_the_valid_ones():
    with pytest.raises(RuleViolation, match="未知的状态"):
        workflow.check_transition("registered", "closed")


def test_closed_states_have_no_way_out():
    for state in workflow.CLOSED_STATES:
        assert workflow.TRANSITIONS[state] == frozenset()
    assert set(workflow.STATES) == workflow.OPEN_STATES | workflow.CLOSED_STATES


def test_contract_state_codes_are_stable():
    assert workflow.STATES == (
        "registered",
        "accepted",
        "not_accepted",
        "mediating",
        "settled",
        "terminated",
        "transferred",
    )
