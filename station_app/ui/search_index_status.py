"""The county's index of words, brought up to date beside the window (services/county_search.py), told in the
status bar: 检索索引建立中（还有 N 件） while a build runs, then nothing (searches are simply fast again).

The build runs in a process of its own (making the words is Python work that would hold the window's thread); this
object starts it when the window opens on a county's register that is behind and after each import, asks the
register how far it is every few seconds (one count, on the window's own connection), and stops it with the
window: a chunk cut short is rolled back and the next build goes on from there.
"""

from __future__ import annotations

from multiprocessing.process import BaseProcess

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel

from station_app.services import county_search
from station_app.services.session import Session
from station_app.ui.i18n import tr

POLL_MS = 3_000


class SearchIndexStatus(QObject):
    def __init__(self, session: Session, label: QLabel, parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.label = session, label
        self.process: BaseProcess | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        label.setContentsMargins(0, 0, 16, 0)  # apart from the user's name beside it
        label.hide()

    @Slot()
    def start(self) -> bool:
        """Start a build if the index is behind and none runs; True when one runs now."""
        if self.process is not None and self.process.is_alive():
            return True
        self.process = county_search.start_in_background(self.session)
        if self.process is None:
            self.label.hide()
            return False
        self.timer.start()
        self.poll()
        return True

    @Slot()
    def poll(self) -> None:
        running = self.process is not None and self.process.is_alive()
        left = county_search.waiting(self.session)
        if running and left:
            self.label.setText(tr("检索索引建立中（还有 {0} 件），查找照常可用").format(f"{left:,}"))
            self.label.setToolTip(tr("导入后本程序在后台为全县案件建立检索索引；建好后查找更快。"))
            self.label.show()
            return
        self.timer.stop()
        self.label.hide()

    def stop(self) -> None:
        self.timer.stop()
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(5)
        self.process = None
