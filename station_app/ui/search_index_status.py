"""The county's index of words, brought up to date beside the window (services/county_search.py), told in the
status bar: 检索索引建立中（还有 N 件） while a build runs, then nothing (searches are simply fast again). Before the
words, the same build makes the indexes a big import left pending (store/pending_indexes.py; any register, a
station's too): 正在整理导入的案件（还有 N 项）.

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
        """Start a build if indexes are pending or the index is behind, and none runs; True when one runs now."""
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
        indexes = county_search.indexes_waiting(self.session)
        if running and indexes:  # built first: the lists and figures are slower until they are there
            self.label.setText(tr("正在整理导入的案件（还有 {0} 项），各项功能照常可用").format(indexes))
            self.label.setToolTip(
                tr("大批导入后，本程序在后台补建查找和统计用的索引；建好前各项功能照常，只是慢一些。")
            )
            self.label.show()
            return
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
