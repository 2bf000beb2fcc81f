"""Opening the main window on a register file and typing into it as a clerk does (shared by the window tests)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from station_app.services import demo
from station_app.services.session import Session
from station_app.ui.main_window import create_main_window
from tests.conftest import TODAY

STATION = {"code": "XJ", "name": "新集镇消费维权服务站", "kind": "维权服务站", "venue_type": "农村", "county": "示例县"}


def open_window(qtbot, path):
    window = create_main_window(path, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def demo_register(tmp_path, complaints_wanted: int):
    """A demo register of that many complaints on a file (the demo generator's own station)."""
    path = tmp_path / "register.sqlite3"
    s = Session.open(path)
    demo.build_demo(s, complaints_wanted, TODAY)
    s.close()
    return path


def type_into(widget, text: str) -> None:
    """Key presses carrying the text, one character at a time (QTest.keyClicks only knows Latin keys)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def searched(qtbot, page) -> None:
    """Wait until the register page's search (run in a worker thread) has answered and its rows are shown."""
    qtbot.waitUntil(lambda: not page.model.searching, timeout=10_000)
