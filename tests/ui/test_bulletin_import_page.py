"""A station clerk imports the county's bulletin from the exchange page: the file chosen, the county's fingerprint
typed the first time, the result said (issue 18, item 4)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from station_app.services import bulletins, complaint_views, complaints
from station_app.services.session import Session
from station_app.services.station import init_county
from tests.conftest import complaint_payload
from tests.services.test_bulletins import TEST_2027, _office

TODAY = date(2026, 12, 31)


def test_the_clerk_imports_the_bulletin_and_the_deadline_becomes_firm(qtbot, session, tmp_path, monkeypatch):
    from station_app.ui.exchange_page import ExchangePage

    number = complaints.add_complaints(session, [complaint_payload(received_on="2026-12-31")], TODAY)[0]["number"]
    county = Session.open(tmp_path / "county.sqlite3", actor="县局")
    init_county(county, _office("COUNTY", "示例县"), TODAY)
    issued = bulletins.export(county, tmp_path, TODAY, holidays=TEST_2027)
    county.close()
    page = ExchangePage(session, Path(session.path), lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (issued["file"], ""))
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: asked.append(a) or (issued["fingerprint"], True))
    qtbot.mouseClick(page.bulletin_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1  # the first bulletin: the county's fingerprint, read out by phone
    assert "节假日安排 2027" in page.report.toPlainText() and "1 件" in page.report.toPlainText()
    case = complaint_views.show(session, number, TODAY)
    assert case["acceptance_due"] == "2027-01-13" and not case["deadlines_provisional"]["acceptance_due"]
