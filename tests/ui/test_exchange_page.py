"""数据交换 page: export to a folder (a USB stick), import at the county with the key checked by phone."""

from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from station_app.domain import periods
from station_app.services import demo, tallies
from station_app.services.exchange import reading as exchange_read
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.ui.exchange_page import ExchangePage

TODAY = date(2026, 11, 23)


def test_export_then_import_with_the_fingerprint(qtbot, tmp_path, monkeypatch):
    station_db = tmp_path / "station.sqlite3"
    s = Session.open(station_db)
    demo.build_demo(s, 30, TODAY)
    s.act_as("setup", "head")
    page = ExchangePage(s, station_db, lambda: TODAY)
    qtbot.addWidget(page)
    assert "指纹" in page.key_label.text() and not page.rollup.isVisibleTo(page) and not page.rollup.isChecked()
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.export(str(stick))
    qtbot.waitUntil(lambda: page.result is not None or "失败" in page.report.toPlainText(), timeout=30_000)
    assert "已导出并读回校验" in page.report.toPlainText(), page.report.toPlainText()
    assert "可以安全拔出U盘" not in page.report.toPlainText()  # a folder on the PC, not a stick
    fingerprint = page.result["fingerprint"]

    county_db = tmp_path / "county.sqlite3"
    c = Session.open(county_db)
    init_station(c, {"code": "XQ", "name": "县消协", "kind": "branch", "venue_type": "other"}, TODAY)
    c.act_as("setup", "head")
    county = ExchangePage(c, county_db, lambda: TODAY)
    qtbot.addWidget(county)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (fingerprint, True))
    monkeypatch.setenv("STATION_APP_IMPORT_READERS", "processes")  # as for a big stick: spawned from the worker
    pools = []
    monkeypatch.setattr(exchange_read, "ProcessPoolExecutor", lambda **kw: pools.append(1) or ProcessPoolExecutor(**kw))
    county.import_packages([stick])
    qtbot.waitUntil(lambda: "已导入" in county.report.toPlainText(), timeout=30_000)
    year = periods.year("2026")
    here = tallies.tally(s, year, TODAY, with_previous=False)["complaints"]["accepted"]
    there = tallies.tally(c, year, TODAY, stations=("XJ",), with_previous=False)["complaints"]["accepted"]
    assert here == there and pools
    s.close()
    c.close()


def test_county_views_show_the_grid_and_duplicates(qtbot, tmp_path, capsys, frozen_clock):
    """A county register gets the completeness grid and the cross-station duplicates on its exchange page."""
    from pathlib import Path

    from station_app.cli import main
    from station_app.services import exchange
    from station_app.services.exchange import county
    from station_app.services.exchange import importing as exchange_import
    from station_app.services.session import Session
    from station_app.ui.county_views import STATUS
    from station_app.ui.exchange_page import ExchangePage
    from tests.cli.county_registers import BASE, station

    register = tmp_path / "county" / "register.sqlite3"
    register.parent.mkdir()
    assert main(["--db", str(register), *BASE, "init", "--mode", "county", "--county", "示例县"]) == 0
    pub = tmp_path / "county.pub"
    assert main(["--db", str(register), *BASE, "keys", "export", "--out", str(pub)]) == 0
    stick = tmp_path / "stick"
    stick.mkdir()
    capsys.readouterr()
    for code in ("XJ", "HL"):
        session = Session.open(station(tmp_path, capsys, code, pub))
        path, fingerprint = (
            exchange.export_package(session, stick)["file"],
            exchange.station_key(session)["fingerprint"],
        )
        session.close()
        county_session = Session.open(register)
        [result] = exchange_import.import_packages(county_session, [Path(path)], accept_key=fingerprint)
        county_session.close()
        assert result["status"] == "imported"
    session = Session.open(register)
    page = ExchangePage(session, register, lambda: TODAY)
    qtbot.addWidget(page)
    views = page.county_views
    assert views is not None and views.grid.rowCount() == 2
    expected = county.completeness(session, views.year.value(), TODAY)
    for row, line in enumerate(expected["stations"]):
        for column, month in enumerate(line["months"].values(), start=1):
            assert views.grid.item(row, column).text().startswith(STATUS[month["status"]][0])
    assert views.duplicates.rowCount() == 2 and "*" in views.duplicates.item(0, 3).text()  # both cases twice
    from station_app.store import months as month_store

    row = views.codes.index("XJ")
    views.grid.setCurrentCell(row, 10)
    assert not views.answer(True) and "还没有收到" in views.summary.text()  # XJ closed nothing yet
    close = {"station_code": "XJ", "month": "2026-10", "closed_at": "2026-11-02T08:00:00+00:00", "closed_by": "x"}
    month_store.save_close(session.db, {**close, "figures": {}})
    views.grid.setCurrentCell(row, 10)
    assert views.answer(False, "数字不符") and month_store.get(session.db, "XJ", "2026-10")["state"] == "returned"
    views.grid.setCurrentCell(row, 10)
    assert views.answer(True) and views.grid.item(row, 10).text().startswith("已接收")
    written = views.export_answers(str(tmp_path))
    assert written.endswith(".stpkg") and "1 条" in views.summary.text()
    # The county reports upward from the same page: the export is the roll-up of its stations, for the city.
    assert page.rollup.isVisibleTo(page) and page.rollup.isChecked() and "市级" in page.key_label.text()
    assert not page.close_row.isVisibleTo(page)  # no month close toward the city: its roll-up carries no months
    city = tmp_path / "报市级"
    city.mkdir()
    page.export(str(city))
    qtbot.waitUntil(lambda: page.result is not None or "失败" in page.report.toPlainText(), timeout=30_000)
    assert "已导出并读回校验" in page.report.toPlainText(), page.report.toPlainText()
    assert "可以安全拔出U盘" not in page.report.toPlainText()  # a folder on the PC, not a stick
    from station_app.formats import package

    manifest = package.parse(Path(page.result["file"]).read_bytes(), max_schema=99).manifest
    assert manifest["kind"] == "rollup" and {s["code"] for s in manifest["stations"]} == {"XJ", "HL"}
    session.close()


def test_a_station_closes_a_month_from_the_exchange_page(qtbot, tmp_path):
    from station_app.services.exchange import months
    from station_app.services.session import Session
    from station_app.ui.exchange_page import ExchangePage

    path = tmp_path / "station.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 40, TODAY)
    session.act_as("setup", "head")
    page = ExchangePage(session, path, lambda: TODAY)
    qtbot.addWidget(page)
    assert page.close_row.isVisibleTo(page)
    assert page.close_month("2026-10", confirm=False)
    assert "2026-10" in page.months_label.text() and "已关账" in page.report.toPlainText()
    assert not page.close_month("2026-10", confirm=False)  # once
    assert [r["month"] for r in months.listing(session)] == ["2026-10"]
    assert not page.import_answers(str(tmp_path / "missing.stpkg"), "x")  # a reason, no crash
    session.close()


def test_a_stick_is_offered_while_mounted_and_safe_to_pull_only_after_the_read_back(qtbot, tmp_path, loop_stick):
    """Clicked as the clerk does: the stick from the list, 导出; unmounted, the same click writes nothing."""
    import subprocess

    from PySide6.QtCore import Qt

    station_db = tmp_path / "station.sqlite3"
    s = Session.open(station_db)
    demo.build_demo(s, 10, TODAY)
    s.act_as("setup", "head")
    page = ExchangePage(s, station_db, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.drives.currentData() == str(loop_stick) and "STICK" in page.drives.currentText()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result is not None or "失败" in page.report.toPlainText(), timeout=30_000)
    assert "可以安全拔出U盘" in page.report.toPlainText() and Path(page.result["file"]).parent == loop_stick
    subprocess.run(["umount", str(loop_stick)], check=True)  # pulled out; the list still shows it until refreshed
    page.result = None
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "已不是选择时的那个U盘" in page.report.toPlainText() and page.result is None
    assert list(loop_stick.iterdir()) == []  # nothing on the PC's disk in the stick's place
    assert page.drives.currentData() == ""  # the list refreshed: no stick offered
    s.close()


def test_an_empty_mount_folder_chosen_by_hand_is_refused(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

    from station_app.services import volumes

    station_db = tmp_path / "station.sqlite3"
    s = Session.open(station_db)
    demo.build_demo(s, 5, TODAY)
    s.act_as("setup", "head")
    page = ExchangePage(s, station_db, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    folder = tmp_path / "media" / "li" / "STICK"  # a mount folder whose stick is gone
    folder.mkdir(parents=True)
    monkeypatch.setattr(volumes, "MOUNT_PARENTS", (str(tmp_path / "media"),))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    choose = next(b for b in page.findChildren(QPushButton) if b.text() == "选择其他文件夹…")
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert warned and "U盘没有插上" in warned[0] and page.drives.findData(str(folder)) == -1
    assert not any(folder.iterdir())
    s.close()


def test_a_station_pc_shows_no_county_import_and_says_what_an_export_carries(qtbot, tmp_path):
    from station_app.services import station as station_service

    path = tmp_path / "station.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, TODAY)
    s.act_as("setup", "head")
    page = ExchangePage(s, path, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert not page.import_box.isVisible()
    assert "含本月" in page.since_last.toolTip()
    station_service.set_mode(s, "county")
    county = ExchangePage(s, path, lambda: TODAY)
    qtbot.addWidget(county)
    county.show()
    assert county.import_box.isVisible()
    s.close()
