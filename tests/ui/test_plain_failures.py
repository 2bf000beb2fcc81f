"""The windows say a read-only folder or another program writing in the command line's own sentence (issue 16,
finding 7): never "damaged", never a traceback; what the clerk typed stays in the form."""

from __future__ import annotations

import sqlite3
import sys

from PySide6.QtCore import Qt

from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.ui import start
from tests.conftest import TODAY
from tests.trust import conditions
from tests.ui.test_main_window import type_complaint
from tests.ui.windows import STATION, open_window, searched

read_only_folder = conditions.read_only_folder  # the fixture (a read-only tmpfs as root, else chmod 0555)


def test_saving_while_another_program_writes_says_so_and_keeps_the_form(qtbot, tmp_path):
    path = tmp_path / "register.sqlite3"
    s = Session.open(path)
    init_station(s, STATION, TODAY)
    s.close()
    window = open_window(qtbot, path)
    window.open_form()
    form = window.form
    type_complaint(qtbot, form)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock past the wait
    try:
        qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert form.ui.general_error.isVisible()
    assert "另一个程序正在写入" in form.ui.general_error.text()
    assert form.ui.consumer_name.text() == "张三" and window.register.model.total == 0
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)  # the other program is done: saved
    searched(qtbot, window.register)
    assert window.register.model.total == 1


def test_a_register_in_a_read_only_folder_is_said_read_only_at_start(qtbot, read_only_folder, monkeypatch):
    folder, make = read_only_folder
    path = folder / "register.sqlite3"
    s = Session.open(path)
    init_station(s, STATION, TODAY)
    s.close()
    make()
    said = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own: undone after the test
    monkeypatch.setattr(start.QMessageBox, "critical", lambda _parent, title, text: said.append((title, text)))
    monkeypatch.setattr(start.QMessageBox, "question", lambda *a: _no_restore())
    assert start.run_app(str(path)) == 6
    assert len(said) == 1 and "只读" in said[0][1] and "损坏" not in said[0][0] + said[0][1].replace("没有损坏", "")


def _no_restore() -> None:
    raise AssertionError("a read-only register is not damaged: no restore may be offered")
