"""A county's window brings its index of words up to date beside itself and says so in the status bar."""

from __future__ import annotations

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
