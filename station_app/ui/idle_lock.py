"""The app locks itself after an idle time: on a shared PC the next person sees nothing until the
logged-in user types the password again (registers with users only)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from station_app.domain.errors import RuleViolation
from station_app.services import users
from station_app.services.session import Session
from station_app.ui.i18n import tr

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
        from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox  # not needed to open the window

        self.locked = True
        self.window.centralWidget().hide()  # nothing of the register stays on screen
        try:
            while True:
                password, ok = QInputDialog.getText(
                    self.window,
                    tr("已锁定"),
                    tr("长时间未操作，已锁定。\n请输入 {0} 的密码：").format(self.session.actor),
                    QLineEdit.EchoMode.Password,
                )
                if not ok:
                    continue
                try:
                    users.log_in(self.session, self.session.actor, password)
                    break
                except RuleViolation as exc:
                    QMessageBox.warning(self.window, tr("已锁定"), str(exc))
        finally:
            self.window.centralWidget().show()
            self.locked = False
            self.timer.start()
