"""数据交换 page: export to a folder (a USB stick), import at the county with the key checked by phone."""

from datetime import date

from PySide6.QtWidgets import QInputDialog

from station_app.domain import tallies as periods
from station_app.services import demo, tallies
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.ui.exchange_page import ExchangePage

TODAY = date(2026, 11, 23)


def test_export_then_import_with_the_fingerprint(qtbot, tmp_path, monkeypatch):
    station_db = tmp_path / "station.sqlite3"
    s = Session.open(station_db)
    demo.build_demo(s, 30, TODAY)
    s.act_as("setup", "head")
    page = ExchangePage(s, station_db)
    qtbot.addWidget(page)
    assert "指纹" in page.key_label.text()
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.export(str(stick))
    qtbot.waitUntil(lambda: page.result is not None or "失败" in page.report.toPlainText(), timeout=30_000)
    assert "可以安全拔出U盘" in page.report.toPlainText(), page.report.toPlainText()
    fingerprint = page.result["fingerprint"]

    county_db = tmp_path / "county.sqlite3"
    c = Session.open(county_db)
    init_station(c, {"code": "XQ", "name": "县消协", "kind": "branch", "venue_type": "other"}, TODAY)
    c.act_as("setup", "head")
    county = ExchangePage(c, county_db)
    qtbot.addWidget(county)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (fingerprint, True))
    county.import_packages([stick])
    qtbot.waitUntil(lambda: "imported" in county.report.toPlainText(), timeout=30_000)
    year = periods.year("2026")
    here = tallies.tally(s, year, TODAY, with_previous=False)["complaints"]["accepted"]
    there = tallies.tally(c, year, TODAY, stations=("XJ",), with_previous=False)["complaints"]["accepted"]
    assert here == there
    s.close()
    c.close()
