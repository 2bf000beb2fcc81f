"""The self-check says, from November, when the calendar lacks next year's official holidays (issue 18)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from station_app.selfcheck import report
from station_app.services import bulletins
from tests.services.test_bulletins import TEST_2027, _office


def test_no_warning_before_november(session):
    result = report(Path(session.path), date(2026, 10, 31))
    assert result["calendar_warning"] is None and result["calendar_known_years"] == [2026]


def test_from_november_it_warns_until_a_bulletin_brings_next_year(session, tmp_path):
    warned = report(Path(session.path), date(2026, 11, 1))["calendar_warning"]
    assert "2027 年" in warned and "暂估" in warned
    from station_app.services.session import Session
    from station_app.services.station import init_county

    county = Session.open(tmp_path / "county.sqlite3", actor="县局")
    init_county(county, _office("COUNTY", "示例县"), date(2026, 11, 23))
    issued = bulletins.export(county, tmp_path, date(2026, 11, 23), holidays=TEST_2027)
    county.close()
    bulletins.import_bulletin(session, Path(issued["file"]), date(2026, 11, 23), issued["fingerprint"])
    result = report(Path(session.path), date(2026, 11, 23))
    assert result["calendar_warning"] is None and result["calendar_known_years"] == [2026, 2027]


def test_a_missing_register_still_says_what_the_program_knows(tmp_path):
    result = report(tmp_path / "none.sqlite3", date(2026, 12, 1))
    assert result["calendar_known_years"] == [2026] and "2027" in result["calendar_warning"]
