"""The register's 时限 column and the case page say （暂估） after an estimated deadline (issue 18, item 4)."""

from __future__ import annotations

from station_app.ui.row_text import due_text


def _row(**more):
    row = {
        "status": "registered",
        "acceptance_due": "2027-01-12",
        "mediation_due": None,
        "due_state": "on_time",
        "closed_on": None,
        "deadlines_provisional": {"acceptance_due": True, "mediation_due": False},
    }
    return {**row, **more}


def test_the_time_limit_column_marks_an_estimate():
    assert due_text(_row()) == "2027-01-12（暂估）"
    assert due_text(_row(deadlines_provisional={"acceptance_due": False, "mediation_due": False})) == "2027-01-12"
    assert due_text(_row(closed_on="2027-01-05")) == "结案 2027-01-05"


def test_the_case_page_marks_an_estimated_deadline(qtbot, session):
    from datetime import date

    from station_app.services import complaints
    from station_app.ui.case_dialog import CaseDialog
    from tests.conftest import complaint_payload

    today = date(2026, 12, 31)
    number = complaints.add_complaints(session, [complaint_payload(received_on="2026-12-31")], today)[0]["number"]
    dialog = CaseDialog(session, number, lambda: today)
    qtbot.addWidget(dialog)
    assert "受理决定期限：2027-01-12（暂估）　调解期限：—" in dialog.text.toPlainText()
