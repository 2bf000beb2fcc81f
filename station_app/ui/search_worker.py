"""The register page's searches off the GUI thread: one thread with a register connection of its own, kept for
the page's later searches, where the newest request wins.

Not ``ui.jobs.Job``: a Job is a thread per run, and a SQLite connection stays in the thread that opened it, so
every search would open the register again. Not a QThread either: a QThread destroyed while running aborts the
whole process (a window collected before its page said goodbye), where a Python thread waiting for its next
request is harmless. The answers still come back as a Qt signal, queued into the GUI thread.

A request is numbered by the model (its generation). A request older than the newest one is skipped before it
starts, and stopped mid-query (``Session.interrupt``, which SQLite allows from another thread): the clerk's
last keystroke gets the connection as soon as possible. The model drops whatever answer is not the newest's.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from station_app.domain.workdays import WorkCalendar
from station_app.services.session import Session, describe


class _Reply(QObject):
    """Made in the GUI thread and emitted from the worker's: the connection to the model is queued."""

    arrived = Signal(int, object, str)  # generation, the work's result, "" or why it failed


@dataclass(frozen=True)
class _Request:
    generation: int
    work: Callable[[Session], Any]
    actor: str
    role: str | None
    calendar: WorkCalendar


class SearchWorker:
    """One thread serving one model's searches in turn; its connection is opened on the first request."""

    def __init__(self, path: Path, receive: Callable[[int, object, str], None]):
        self.path = path
        self.reply = _Reply()
        self.reply.arrived.connect(receive)
        self.requests: queue.SimpleQueue[_Request | None] = queue.SimpleQueue()
        self.latest = 0  # the newest generation asked for (written by the GUI thread only)
        self.running = 0  # the generation whose query runs now, 0 when idle
        self.lock = threading.Lock()  # the connection is never closed while the GUI thread interrupts it
        self.session: Session | None = None
        self.thread = threading.Thread(target=self._serve, name="register-search", daemon=True)
        self.thread.start()

    # -- the GUI thread ---------------------------------------------------------------------
    def submit(
        self, generation: int, work: Callable[[Session], Any], actor: str, role: str | None, calendar: WorkCalendar
    ) -> None:
        """Run ``work(session)`` on the worker's connection, as ``actor`` in ``role``; older requests give way."""
        self.latest = generation
        self._interrupt_stale()
        self.requests.put(_Request(generation, work, actor, role, calendar))

    def stop(self, wait_seconds: float = 0.0) -> None:
        """End the thread and close its connection (the page closing, the window closing, the model destroyed)."""
        self.latest += 1  # whatever runs now is of no use to anyone
        self._interrupt_stale()
        self.requests.put(None)
        if wait_seconds > 0:
            self.thread.join(wait_seconds)

    def _interrupt_stale(self) -> None:
        with self.lock:
            if self.session is not None and 0 < self.running < self.latest:
                self.session.interrupt()

    # -- the worker thread ------------------------------------------------------------------
    def _serve(self) -> None:
        try:
            while (request := self.requests.get()) is not None:
                if request.generation < self.latest:
                    continue  # typed over: a newer request is already in the queue
                generation, result, error = self._answer(request)
                if generation < 0:
                    continue
                try:
                    self.reply.arrived.emit(generation, result, error)
                except RuntimeError:  # the model is gone (the page closed): nobody to tell
                    return
        finally:
            with self.lock:
                session, self.session = self.session, None
            if session is not None:
                session.close()

    def _answer(self, request: _Request) -> tuple[int, object, str]:
        """(generation, result, "") or (generation, None, the failure in plain words); generation -1: dropped."""
        for attempt in (1, 2):
            try:
                session = self._session(request)
                with self.lock:
                    self.running = request.generation
                try:
                    return request.generation, request.work(session), ""
                finally:
                    with self.lock:
                        self.running = 0
            except Exception as exc:  # a locked or missing register, a role refused: said on the page
                if request.generation < self.latest:
                    return -1, None, ""  # interrupted because a newer search came: its answer counts
                if attempt == 1 and Session.interrupted(exc):
                    continue  # an interrupt meant for the request before reached this one: once more
                return request.generation, None, describe(exc)
        return request.generation, None, ""  # not reached

    def _session(self, request: _Request) -> Session:
        if self.session is None:
            session = Session.open(self.path, actor=request.actor, create=False)
            with self.lock:
                self.session = session
        session = self.session
        # The window's user and calendar at the time of the request (a log-in, a bulletin's holidays since).
        session.actor, session.role = request.actor, request.role  # role None: decided on first use, as there
        session.calendar = request.calendar
        return session
