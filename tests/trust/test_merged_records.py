"""Finding 3 of issue 16: whatever a county merges passes the domain's own checks. A station's registered key
re-signs its own package with records no station could have entered; the county refuses it whole, naming the
record, and its register does not change."""

from __future__ import annotations

import pytest

from station_app.services.exchange.importing import import_packages
from tests.services.exchange.registers import accept, add_followup_and_delete, export, snapshot
from tests.trust.crafted_packages import resigned

EDITS = {
    "unknown state": ("complaints", {"status": "pwned"}, "办理状态“pwned”"),
    "received in 1899": ("complaints", {"received_on": "1899-12-31"}, "登记日期“1899-12-31”"),
    "received in year 1": ("complaints", {"received_on": "0001-01-01"}, "登记日期"),
    "received after the package": ("complaints", {"received_on": "2031-01-01"}, "登记日期"),
    "not a date": ("complaints", {"accepted_on": "昨天"}, "受理日期"),
    "negative money": ("complaints", {"recovered_fen": -500}, "挽回经济损失"),
    "unknown nature": ("complaints", {"nature": "bogus"}, "投诉性质"),
    "unknown category": ("complaints", {"category": "Z99"}, "商品或服务类别"),
    "unknown request": ("complaints", {"request_types": '["steal"]'}, "诉求"),
    "another station's number": ("complaints", {"number": "DL-2026-0001"}, "编号"),
    "closed without a day": ("complaints", {"status": "settled", "closed_on": None}, "办结日期"),
    "consultation of no one": ("consultations", {"persons": 0}, "人数"),
    "unknown outreach": ("outreach_events", {"kind": "party"}, "活动形式"),
    "unknown satisfaction": ("followups", {"satisfaction": "meh"}, "满意度"),
    "a flag of 7": ("reports", {"to_case": 7}, "是否立案"),
    # control characters as JSON writes them: escaped (\u0000, \b, \f) or, DEL, as it is (formats/package.py)
    "a NUL in the facts": ("complaints", {"facts": "送检\x00测"}, "控制字符"),
    "a backspace in a name": ("complaints", {"consumer_name": "张\x08三"}, "控制字符"),
    "a form feed in a business": ("complaints", {"business_name": "商\x0c店"}, "控制字符"),
    "a DEL in an answer": ("consultations", {"answer": "答\x7f复"}, "控制字符"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_a_record_no_station_could_enter_is_refused_whole(make_station, county, tmp_path, name):
    table, values, named = EDITS[name]
    station = make_station("XJ")
    add_followup_and_delete(station)  # a follow-up visit to tamper with
    accept(county, station, export(station, tmp_path / "first"))
    before = snapshot(county)
    number = []

    def edit(members):
        row = members[table][0]
        number.append(row["number"])
        row.update(values, revision=row["revision"] + 1)

    crafted = resigned(export(station, tmp_path / "again"), tmp_path / "crafted.stpkg", station, records=edit)
    [result] = import_packages(county, [crafted])
    assert result["status"] == "refused" and result["code"] == "invalid_record", result
    assert named in result["reason"] and "整个数据包已拒收" in result["reason"]
    assert (values.get("number") or number[0]) in result["reason"]
    assert snapshot(county) == before


def test_an_event_with_an_unknown_state_is_refused(make_station, county, tmp_path):
    station = make_station("XJ")
    before = snapshot(county)

    def edit(members):
        members["complaint_events"][0]["to_status"] = "pwned"

    crafted = resigned(export(station, tmp_path / "p"), tmp_path / "crafted.stpkg", station, records=edit)
    result = accept(county, station, crafted)
    assert result["status"] == "refused" and result["code"] == "invalid_record"
    assert snapshot(county) == before


def test_a_followup_of_another_stations_case_is_refused(make_station, county, tmp_path):
    xj, dl = make_station("XJ"), make_station("DL", seed=8)
    add_followup_and_delete(xj)
    for station in (xj, dl):
        accept(county, station, export(station, tmp_path / station.station()["code"]))
    before = snapshot(county)
    dl_case = county.db.execute("SELECT id FROM complaints WHERE station_code = 'DL' LIMIT 1").fetchone()[0]

    def edit(members):
        row = members["followups"][0]
        row.update(complaint_id=dl_case, revision=row["revision"] + 1)

    crafted = resigned(export(xj, tmp_path / "again"), tmp_path / "crafted.stpkg", xj, records=edit)
    [result] = import_packages(county, [crafted])
    assert result["status"] == "refused" and result["code"] == "invalid_record", result
    assert "回访" in result["reason"]
    assert snapshot(county) == before
