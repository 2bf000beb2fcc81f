"""The first window: offers the demo register on first run, then shows the register."""

from station_app.launch import has_display, launch_gui
from station_app.ui import start
from station_app.ui.fonts import register_fonts
from station_app.ui.welcome import WelcomeWindow


def test_first_run_offers_the_demo_and_opens_the_real_window_on_it(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from station_app.ui.main_window import StationMainWindow
    from tests.conftest import TODAY

    window = WelcomeWindow(tmp_path / "r.sqlite3", today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    assert window.demo_button.isVisible()
    assert not window.table.isVisible()  # no register yet: no empty table
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.next_window is not None, timeout=60_000)
    main = window.next_window
    qtbot.addWidget(main)
    assert isinstance(main, StationMainWindow) and main.isVisible() and not window.isVisible()
    assert main.nav.count() >= 8 and "新集镇" in main.windowTitle() + main.statusBar().currentMessage()
    main.show_code("complaints")
    qtbot.waitUntil(lambda: main.register.ui.table.model().rowCount() > 0)


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


def test_a_register_with_users_opens_for_a_logged_in_user(qtbot, tmp_path):
    from datetime import date

    from station_app.services import demo, users
    from station_app.services.session import Session

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 20, date(2026, 11, 23))
    users.add_user(s, "李站长", "head", "secret-1")
    s.close()
    window = WelcomeWindow(path, ("李站长", "secret-1"))
    qtbot.addWidget(window)
    assert window.table.rowCount() == 20


def test_a_damaged_register_is_replaced_by_the_newest_good_backup(qtbot, tmp_path, monkeypatch):
    from datetime import date

    from PySide6.QtWidgets import QMessageBox

    from station_app.services import backup, demo
    from station_app.services.session import Session
    from station_app.ui.start import check_register_at_start

    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 10, date(2026, 11, 23))
    backup.backup_now(s, path)
    s.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page destroyed by a power cut
    path.write_bytes(bytes(data))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert check_register_at_start(path) is True
    assert backup.check(path)["complaints"] == 10
    assert list(tmp_path.glob("r.sqlite3.before-restore-*"))


def test_qt_own_dialogs_speak_chinese_before_the_first_window(qapp, tmp_path):
    """The file chooser's "Look in:" and the buttons of Qt's message boxes come from qtbase_zh_CN, installed
    before the first dialog (log-in, the integrity check), not only with the main window."""
    from PySide6.QtCore import QCoreApplication

    assert start.install_register_language(tmp_path / "new.sqlite3") == "zh_CN"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_the_exit_backup_after_a_first_run_set_up_runs_as_the_new_head(qtbot, tmp_path, capsys):
    """The start had no user (a first run); the set-up made one; on exit the backup runs as that user."""
    from datetime import date

    from station_app.services import demo, users
    from station_app.services.session import Session
    from station_app.ui.main_window import create_main_window
    from station_app.ui.start import automatic_backup, working_user

    path = tmp_path / "r.sqlite3"
    welcome = WelcomeWindow(path)  # what a first run shows, no user yet; its set-up makes the head
    qtbot.addWidget(welcome)
    s = Session.open(path)
    demo.build_demo(s, 5, date(2026, 11, 23))
    users.add_user(s, "李站长", "head", "secret-1")
    s.close()
    welcome.next_window = create_main_window(path, ("李站长", "secret-1"))
    qtbot.addWidget(welcome.next_window)
    welcome.next_window.close()  # the program ends: aboutToQuit comes after the last window closed
    assert working_user(welcome) == ("李站长", "head")
    automatic_backup(path, None, daily=False, acting=working_user(welcome))
    assert capsys.readouterr().err == ""
    assert len(list((tmp_path / "backups").glob("register-*.sqlite3"))) == 1
