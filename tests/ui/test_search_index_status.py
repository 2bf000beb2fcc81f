"""A county's window brings its index of words up to date beside itself and says so in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from station_app.services import county_search, demo, station
from station_app.services.session import Session
from station_app.ui import main_window
from station_app.ui.main_window import create_main_window
from tests.conftest import TODAY


def test_the_county_window_builds_its_index_in_the_background_and_says_so(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "county.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 60, TODAY, seed=4)
    station.set_mode(session, "county")
    session.close()
    monkeypatch.setattr(county_search, "BACKGROUND_FROM", 1)  # a real county starts from 5,000 cases behind
    window = create_main_window(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search_index.process is not None, timeout=5_000)  # started after the paint
    assert window.index_label.isVisible() and "检索索引建立中" in window.index_label.text()
    shown = []
    qtbot.waitUntil(
        lambda: shown.append(window.index_label.isVisible()) or not window.search_index.timer.isActive(), timeout=60_000
    )
    assert county_search.waiting(window.session) == 0 and not window.index_label.isVisible()
    window.close()
    assert window.search_index.process is None


def test_a_station_window_starts_no_build(qtbot, tmp_path):
    path = tmp_path / "station.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 20, TODAY, seed=4)
    session.close()
    window = create_main_window(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(main_window.START_INDEX_AFTER_MS + 500)  # the moment a county's window would start its build
    assert window.search_index.process is None and not window.index_label.isVisible()
    window.close()


def test_a_big_import_in_the_window_leaves_its_indexes_to_the_background_build(qtbot, tmp_path, monkeypatch):
    """A folder as big as the register, imported on the 数据交换 page, leaves the complaints' indexes pending
    (store/pending_indexes.py); the window starts the build for them although few cases wait for the index of
    words (fewer than BACKGROUND_FROM), says so in the status bar, and the register ends with every index."""
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from station_app.services import complaints
    from station_app.services.exchange import importing
    from station_app.store import pending_indexes
    from tests.conftest import complaint_payload
    from tests.services.exchange.registers import export, fingerprint, open_register

    county = open_register(tmp_path / "county", "SXX")
    station.set_mode(county, "county")
    stick = tmp_path / "stick"
    for code, seed in (("XJ", 3), ("DL", 5)):
        s = open_register(tmp_path / code, code)
        demo.build_demo(s, 20, TODAY, seed=seed)
        [first] = importing.import_packages(county, [export(s, tmp_path / f"m-{code}")], accept_key=fingerprint(s))
        assert first["status"] == "imported"  # the station's key is known from last month
        complaints.add_complaints(s, [complaint_payload()], TODAY)
        export(s, stick, since_last=True)
        s.close()
    schema = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'complaints' ORDER BY name"
    before = county.db.execute(schema).fetchall()
    path = county.path
    county.close()
    monkeypatch.setattr(importing, "_bigger_than_register", lambda *_a: True)  # as for a new county's first months
    window = create_main_window(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.wait(main_window.START_INDEX_AFTER_MS + 300)
    assert window.search_index.process is None  # few cases wait for the index of words: nothing to start
    window.nav.setCurrentRow(main_window.PAGE_CODES.index("exchange"))
    page = window.page("exchange")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    [button] = [b for b in page.findChildren(QPushButton) if b.text().startswith("导入整个文件夹")]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report.toPlainText().count("已导入") == 2, timeout=30_000)
    assert window.search_index.process is not None  # started by the import
    assert "正在整理导入的案件" in window.index_label.text() and window.index_label.isVisible()
    qtbot.waitUntil(lambda: not window.search_index.timer.isActive(), timeout=60_000)
    assert not window.index_label.isVisible()
    assert county_search.indexes_waiting(window.session) == 0 and pending_indexes.pending(window.session.db) == []
    assert window.session.db.execute(schema).fetchall() == before
    window.close()
