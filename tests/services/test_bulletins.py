"""The county's bulletin without the command line: its content checked at both ends, its signer trusted like the
county's answers, its warnings published once, the register's tables used by the calendar from then on."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from station_app.domain.errors import InvalidValue, RuleViolation
from station_app.formats.package import PackageError
from station_app.services import bulletins, complaint_views, complaints
from station_app.services.session import Session
from station_app.services.station import init_county
from tests.conftest import TODAY, complaint_payload

NEW_YEARS_EVE = date(2026, 12, 31)
TEST_2027 = Path(__file__).resolve().parents[1] / "data" / "holidays-2027-TEST-DATA.json"
WARNING = {"date": "2026-11-20", "title": "警惕“以旧换新”虚假宣传", "body": "购买家电时请索要发票。", "type": "warning"}


def _office(code: str, area: str) -> dict:
    return {"code": code, "name": f"{area}消费者协会", "kind": "branch", "venue_type": "other", "county": area}


@pytest.fixture
def county(tmp_path):
    folder = tmp_path / "county"
    folder.mkdir()
    s = Session.open(folder / "register.sqlite3", actor="县局")
    s.clock = lambda: datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    init_county(s, _office("COUNTY", "示例县"), TODAY)
    yield s
    s.close()


def _file(tmp_path, name, value) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_county_checks_what_it_issues(county, tmp_path):
    with pytest.raises(RuleViolation, match="没有内容"):
        bulletins.export(county, tmp_path, TODAY)
    wrong = _file(tmp_path, "wrong.json", {"years": {"2027": {"off": [], "work": ["2027-01-05"]}}})
    with pytest.raises(InvalidValue, match="周六或周日"):
        bulletins.export(county, tmp_path, TODAY, holidays=wrong)
    untitled = _file(tmp_path, "w.json", [{"date": "2026-11-20", "body": "x"}])
    with pytest.raises(Exception, match="标题"):
        bulletins.export(county, tmp_path, TODAY, warnings=untitled)
    catalog = _file(tmp_path, "c.json", {"aliases": {"categories": {"百货类": 3}}})
    with pytest.raises(InvalidValue, match="别名"):
        bulletins.export(county, tmp_path, TODAY, catalog=catalog)


def test_a_station_imports_trusts_and_publishes(county, session, tmp_path):
    number = complaints.add_complaints(session, [complaint_payload(received_on="2026-12-31")], NEW_YEARS_EVE)[0][
        "number"
    ]
    catalog = _file(tmp_path, "c.json", {"aliases": {"categories": {"百货类": "G01"}}})
    issued = bulletins.export(
        county,
        tmp_path,
        TODAY,
        holidays=TEST_2027,
        warnings=_file(tmp_path, "w.json", WARNING),
        catalog=catalog,
    )
    assert issued["years"] == ["2027"] and issued["warnings"] == 1
    assert county.calendar.is_known_year(2027)  # the county's own calendar uses the table it entered
    with pytest.raises(RuleViolation, match="首次导入"):
        bulletins.import_bulletin(session, Path(issued["file"]), TODAY)
    result = bulletins.import_bulletin(session, Path(issued["file"]), TODAY, issued["fingerprint"])
    assert result["calendar_warning"] is None  # 2027 known now
    assert result["deadlines_changed"] == 1 and result["catalog"]["aliases"]["categories"] == {"百货类": "G01"}
    case = complaint_views.show(session, number, TODAY)
    assert case["acceptance_due"] == "2027-01-13" and not case["deadlines_provisional"]["acceptance_due"]
    assert case["audit"][-1]["action"] == "complaint:deadlines"
    assert bulletins.import_bulletin(session, Path(issued["file"]), TODAY)["already"] is True
    # A register opened again builds its calendar with the tables it holds.
    again = Session.open(session.path, actor="李站长")
    assert again.calendar.is_known_year(2027)
    again.close()
    published = bulletins.publish_warnings(session, result["package_id"][:8], TODAY)
    assert len(published["added"]) == 1 and published["added"][0]["number"].startswith("XJ-")
    with pytest.raises(RuleViolation, match="发布过"):
        bulletins.publish_warnings(session, result["package_id"], TODAY)


def test_a_bulletin_signed_by_another_key_or_changed_is_refused(county, session, tmp_path):
    first = bulletins.export(county, tmp_path, TODAY, holidays=TEST_2027)
    bulletins.import_bulletin(session, Path(first["file"]), TODAY, first["fingerprint"])
    other = Session.open(tmp_path / "other.sqlite3", actor="冒名")
    init_county(other, _office("OTHER", "别的县"), TODAY)
    forged = bulletins.export(other, tmp_path, TODAY, holidays=TEST_2027)
    other.close()
    with pytest.raises(RuleViolation, match="不是用已登记的县局密钥签名"):
        bulletins.import_bulletin(session, Path(forged["file"]), TODAY)
    data = bytearray(Path(first["file"]).read_bytes())
    data[200] ^= 1
    tampered = tmp_path / "tampered.stpkg"
    tampered.write_bytes(bytes(data))
    with pytest.raises(PackageError):
        bulletins.import_bulletin(session, tampered, TODAY)


def test_a_station_issues_no_bulletin_and_an_answers_package_is_not_one(session, tmp_path):
    with pytest.raises(RuleViolation, match="县局"):
        bulletins.export(session, tmp_path, TODAY, holidays=TEST_2027)
