"""After an idle time the window hides the register until the user's password is typed again."""

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_app.services import demo, users
from station_app.services.session import Session
from station_app.ui import idle_lock
from station_app.ui.main_window import create_main_window
from tests.ui.windows import type_into

TODAY = date(2026, 11, 23)


def test_idle_window_locks_until_the_password(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 10, TODAY)
    users.add_user(s, "李站长", "head", "secret-1")
    s.close()
    window = create_main_window(path, ("李站长", "secret-1"), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    seen = []

    def answer(password, then=None):
        def type_and_click():
            dialog = QApplication.activeModalWidget()
            seen.append(
                (not window.centralWidget().isVisible(), dialog.ui.user.currentText(), dialog.ui.message.text())
            )
            type_into(dialog.ui.password, password)
            ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
            if then is not None:
                QTimer.singleShot(0, then)

        return type_and_click

    QTimer.singleShot(0, answer("wrong", then=answer("secret-1")))
    window.idle_lock.lock()
    assert [s[:2] for s in seen] == [(True, "李站长"), (True, "李站长")] and "不正确" in seen[1][2]
    assert window.centralWidget().isVisible() and not window.idle_lock.locked


def open_demo_window(qtbot, tmp_path, *, show: bool = True):
    path = tmp_path / "r.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, 5, TODAY)
    s.close()
    window = create_main_window(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    if show:
        window.show()
    return window


def test_a_register_without_users_does_not_lock(qtbot, tmp_path):
    window = open_demo_window(qtbot, tmp_path, show=False)
    window.idle_lock.lock()
    assert not window.idle_lock.locked


def test_key_and_mouse_use_restarts_the_idle_clock_once_the_window_is_up(qtbot, tmp_path):
    window = open_demo_window(qtbot, tmp_path)
    lock = window.idle_lock
    assert not lock.watching  # the first paint's events do not go through Python
    qtbot.waitUntil(lambda: lock.watching, timeout=idle_lock.WATCH_AFTER_MS + 3000)
    lock.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer's remaining time jitters by 5 %
    lock.timer.setInterval(60_000)
    lock.timer.start()
    qtbot.wait(300)
    before = lock.timer.remainingTime()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert lock.timer.remainingTime() > before


def test_a_closed_window_stops_watching(qtbot, tmp_path):
    """A closed window's lock must not stay in the application's event filters (the garbage collector may
    destroy it in the middle of an event: a crash seen in the suite)."""
    window = open_demo_window(qtbot, tmp_path)
    lock = window.idle_lock
    qtbot.waitUntil(lambda: lock.watching, timeout=idle_lock.WATCH_AFTER_MS + 3000)
    window.close()
    assert not lock.watching and not lock.timer.isActive()
    lock.watch()  # a late timer on a closed window installs nothing
    assert not lock.watching
