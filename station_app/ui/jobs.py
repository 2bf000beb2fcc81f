"""Long work off the GUI thread: one helper for every page (tallies, batch printing, USB exchange, the demo).

``Job(work)`` runs ``work(control)`` in a thread of its own and reports back in the GUI thread: ``progress``
(done, total, what is being done) and ``finished`` (the result, or an error message). ``control.progress``
reports from the work; ``control.cancelled()`` is what the work checks between two steps after the user
pressed cancel (``Job.cancel``). The work never touches a widget, and opens its own register connection
(SQLite connections stay in the thread that made them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from station_app.services.session import describe


class JobControl:
    """What the work sees of its job: where to report progress, and whether the user cancelled."""

    def __init__(self, report: Callable[[int, int, str], None], stop: threading.Event):
        self._report, self._stop = report, stop

    def progress(self, done: int, total: int, note: str = "") -> None:
        self._report(done, total, note)

    def cancelled(self) -> bool:
        return self._stop.is_set()


class _Worker(QObject):
    """Lives in the job's thread; its signals reach the Job in the GUI thread queued."""

    progress = Signal(int, int, str)
    finished = Signal(object, str)

    def __init__(self, work: Callable[[JobControl], Any], stop: threading.Event):
        super().__init__()
        self.work, self.stop = work, stop

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(JobControl(self.progress.emit, self.stop))
        except Exception as exc:  # shown to the user by the page; the thread must end either way
            self.finished.emit(None, describe(exc))  # a full disk or a read-only stick in plain words
            return
        self.finished.emit(result, "")


class Job(QObject):
    """One run of ``work`` in a thread; its signals are emitted in the GUI thread."""

    progress = Signal(int, int, str)  # done, total, what is being done
    finished = Signal(object, str)  # the work's result, and "" or the error's message

    def __init__(self, work: Callable[[JobControl], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.stop = threading.Event()
        self.thread = QThread(self)
        self.worker = _Worker(work, self.stop)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.done = False

    def start(self) -> Job:
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.stop.set()  # read by the work between two steps

    def cancelled(self) -> bool:
        return self.stop.is_set()

    def running(self) -> bool:
        return self.thread.isRunning() and not self.done

    def wait(self, milliseconds: int = 10_000) -> None:
        """Ask the thread to end once the work is done, and wait for it (a page closing, the app quitting)."""
        self.thread.quit()
        self.thread.wait(milliseconds)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, note: str) -> None:
        self.progress.emit(done, total, note)

    @Slot(object, str)
    def _finished(self, result: Any, error: str) -> None:
        self.done = True
        self.thread.quit()
        self.thread.wait()  # the work has returned: its last act was this signal
        self.finished.emit(result, error)
