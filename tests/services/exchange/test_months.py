"""Month close rules without Qt: who may close, when, and what a second import of the answers does."""

from __future__ import annotations

from datetime import date

import pytest

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import complaints
from station_app.services.exchange import months
from tests.conftest import TODAY, complaint_payload


def test_only_a_station_head_closes_an_ended_month(session):
    complaints.add_complaints(session, [complaint_payload(received_on="2026-10-20", purchased_on="2026-10-01")], TODAY)
    session.act_as("小王", "viewer")
    with pytest.raises(RuleViolation):
        months.close_month(session, "2026-10", TODAY)
    session.act_as("李站长", "head")
    with pytest.raises(ValidationError):
        months.close_month(session, "2026-13", TODAY)
    with pytest.raises(RuleViolation, match="还没有结束"):
        months.close_month(session, "2026-11", TODAY)
    closed = months.close_month(session, "2026-10", TODAY)
    assert closed["figures"]["complaints"]["registered"] == 1 and closed["state"] == "closed"
    assert months.close_month(session, "2026-12", date(2027, 1, 2))["figures"]["complaints"]["registered"] == 0


def test_a_return_needs_a_reason(session):
    with pytest.raises(RuleViolation, match="还没有收到"):
        months.answer(session, "XJ", "2026-10", accept=False, reason="x")
    months.close_month(session, "2026-10", TODAY)
    with pytest.raises(ValidationError):
        months.answer(session, "XJ", "2026-10", accept=False, reason=" ")
    assert months.answer(session, "XJ", "2026-10", accept=True)["state"] == "accepted"
