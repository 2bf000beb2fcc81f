"""A step's ground is checked against the case when it is recorded (domain/grounds.py; docs/legal-basis.md §2.3–2.4)."""

import pytest

from station_app.domain.errors import RuleViolation
from station_app.services import complaint_views, complaints
from tests.conftest import TODAY, complaint_payload


def add(session, **overrides):
    return complaints.add_complaints(session, [complaint_payload(**overrides)], TODAY)[0]


def test_the_issue_case_time_limit_two_days_after_acceptance_is_refused(session):
    """Issue 18: accepted 2026-05-06, terminated 05-08 "自投诉受理之日起六十日内…" (Order 121 Art. 23 ¶1(五))."""
    steps = [
        {"to": "accepted", "on": "2026-05-06"},
        {"to": "terminated", "on": "2026-05-08", "ground": "t_time_limit", "route": "court"},
    ]
    with pytest.raises(RuleViolation) as exc:
        add(session, received_on="2026-05-06", purchased_on="2026-05-01", transitions=steps)
    # 05-06 + 60 days = Sun 07-05, moved to Mon 07-06 (民法典 Art. 203 ¶1, see deadlines.py)
    assert "调解期限（60日）到 2026-07-06 才届满，不能以“超过调解期限”终止" in str(exc.value)


def test_time_limit_holds_once_the_limit_has_run_out(session):
    ref = add(session, received_on="2026-05-06", purchased_on="2026-05-01")["number"]
    complaints.transition(session, ref, "accepted", {"on": "2026-05-06"}, TODAY)
    with pytest.raises(RuleViolation, match="2026-07-06 才届满"):
        complaints.transition(
            session, ref, "terminated", {"on": "2026-07-06", "ground": "t_time_limit", "route": "court"}, TODAY
        )
    shown = complaints.transition(
        session, ref, "terminated", {"on": "2026-07-07", "ground": "t_time_limit", "route": "court"}, TODAY
    )
    assert shown["status"] == "terminated"


def test_a_paused_clock_refuses_the_time_limit_ground(session):
    ref = add(session, received_on="2026-05-06", purchased_on="2026-05-01")["number"]
    complaints.transition(session, ref, "accepted", {"on": "2026-05-06"}, TODAY)
    complaints.pause(session, ref, "送检测", TODAY.replace(month=6, day=1), TODAY)
    with pytest.raises(RuleViolation, match="暂停计时"):
        complaints.transition(
            session, ref, "terminated", {"on": "2026-11-20", "ground": "t_time_limit", "route": "court"}, TODAY
        )
    # testing was recorded: "no agreement on testing fees" needs no more words
    shown = complaints.transition(
        session, ref, "terminated", {"on": "2026-11-20", "ground": "t_testing_fee", "route": "court"}, TODAY
    )
    assert shown["status"] == "terminated"


def test_an_earlier_case_of_the_same_dispute_is_the_already_handled_fact(session):
    add(session, received_on="2026-11-02")
    repeat = add(session, received_on="2026-11-10")["number"]
    shown = complaints.transition(
        session, repeat, "not_accepted", {"on": "2026-11-11", "ground": "na_already_handled"}, TODAY
    )
    assert shown["status"] == "not_accepted"
    lone = add(session, received_on="2026-11-10", consumer={"name": "李四", "phone": "13900139000"})["number"]
    with pytest.raises(RuleViolation, match="没有同一争议的前案"):
        complaints.transition(
            session, lone, "not_accepted", {"on": "2026-11-11", "ground": "na_already_handled"}, TODAY
        )
    assert complaint_views.show(session, lone, TODAY)["status"] == "registered"
