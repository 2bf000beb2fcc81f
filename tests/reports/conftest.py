"""Fixtures of the document tests."""

from __future__ import annotations

import pytest

from station_app.services import complaints
from tests.conftest import TODAY, complaint_payload


@pytest.fixture
def numbers(session) -> dict[str, str]:
    """One case for every case document, in the state it needs (action → case number)."""
    accepted = {"to": "accepted", "on": "2026-11-04"}
    mediating = {"to": "mediating", "on": "2026-11-05", "mediator": "王调解"}
    payloads = {
        "receipt": complaint_payload(),
        "registration": complaint_payload(transitions=[accepted]),
        "acceptance": complaint_payload(transitions=[accepted]),
        "mediation": complaint_payload(transitions=[accepted, mediating]),
        "agreement": complaint_payload(
            transitions=[
                accepted,
                mediating,
                {
                    "to": "settled",
                    "on": "2026-11-10",
                    "method": "mediation",
                    "recovered_yuan": "1550",
                    "agreement": "商家退还货款。",
                    "outcomes": ["return_refund"],
                    "performed_by": "2026-11-15",
                },
            ]
        ),
        "not-accepted": complaint_payload(
            received_on="2026-11-05",
            purchased_on="2023-06-01",
            transitions=[{"to": "not_accepted", "on": "2026-11-06", "ground": "na_time_barred"}],
        ),
        "termination": complaint_payload(
            received_on="2026-11-06",
            transitions=[
                {"to": "accepted", "on": "2026-11-09"},
                {"to": "mediating", "on": "2026-11-10", "mediator": "王调解"},
                {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
            ],
        ),
        "transfer": complaint_payload(
            transitions=[{"to": "transferred", "on": "2026-11-06", "to_unit": "示例县城关市场监管所"}]
        ),
    }
    results = complaints.add_complaints(session, list(payloads.values()), TODAY)
    made = {name: r["number"] for name, r in zip(payloads, results, strict=True)}
    complaints.add_followup(
        session, made["agreement"], {"date": "2026-11-20", "satisfaction": "satisfied", "opinion": "好"}, TODAY
    )
    made["followup"] = made["agreement"]
    return made
