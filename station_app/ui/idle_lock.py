"""The app locks itself after an idle time: on a shared PC the next person sees nothing until the
logged-in user types the password again (registers with users only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station_app.services import users
from station_app.services.session import Session

DEFAULT_MINUTES = 10
# Every event of the application passes through the filter (in Python) once it watches: started this long
# after the window opens, so the thousands of events of its first layout and paint do not (they doubled the
# time to a painted workbench). Nobody is idle for ten minutes in the first two seconds.
WATCH_AFTER_MS = 2000
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class IdleLock(QObject):
    def __init__(self, window: QWidget, session: Session, minutes: int = DEFAULT_MINUTES):
        super().__init__(window)
        self.window, self.session = window, session
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        self.timer.start()
        self.watching = False
        self.watch_timer = QTimer(self)  # a child: gone with the lock if the window closes first
        self.watch_timer.setSingleShot(True)
        self.watch_timer.timeout.connect(self.watch)
        self.watch_timer.start(WATCH_AFTER_MS)

    def watch(self) -> None:
        """Restart the idle clock on every key and mouse use from now on (while the window is open)."""
        app = QApplication.instance()
        if app is not None and not self.watching and self.window.isVisible():
            app.installEventFilter(self)
            self.watching = True

    def stop(self) -> None:
        """The window is closing: no more watching. (A closed window's lock left filtering every event of the
        application could be destroyed by the garbage collector in the middle of one: a crash.)"""
        self.watch_timer.stop()
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self.watching:
            app.removeEventFilter(self)
        self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in ACTIVITY:
            self.timer.start()  # any key or mouse use restarts the idle clock
        return False

    def lock(self) -> None:
        if self.locked or not users.has_users(self.session):
            return
        from station_app.ui.login_dialog import LoginDialog  # not needed to open the window

        self.locked = True
        self.window.centralWidget().hide()  # nothing of the register stays on screen
        try:
            self.dialog = LoginDialog(self.session, self.window, locked_for=self.session.actor)
            # Only the right password opens the window again: 取消 leaves it locked.
            while self.dialog.exec() != LoginDialog.DialogCode.Accepted:
                pass
        finally:
            self.window.centralWidget().show()
            self.locked = False
            self.timer.start()
