"""The first window: offers the demo register on first run, then shows the register."""

from station_app.launch import has_display, launch_gui
from station_app.ui.app import MainWindow, register_fonts


def test_first_run_offers_the_demo_and_loads_it(qtbot, tmp_path):
    window = MainWindow(tmp_path / "r.sqlite3")
    qtbot.addWidget(window)
    window.show()
    assert window.demo_button.isVisible()
    assert window.table.rowCount() == 0
    window.demo_button.click()
    qtbot.waitUntil(lambda: window.table.rowCount() > 0, timeout=60_000)
    assert not window.demo_button.isVisible()
    assert "新集镇" in window.heading.text()
    assert window.table.item(0, 0).text().startswith("XJ-")


def test_bundled_cjk_font_is_registered(qtbot):
    assert register_fonts()


def test_no_display_says_how_to_get_one(monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert not has_display()
    assert launch_gui(None) == 2
    assert "xvfb-run" in capsys.readouterr().err
