"""The crawler: on a demo register, every enabled button and menu action of every page clicked as a clerk would,
every dialog answered yes / OK / a folder, and no Python exception anywhere; the register passes its check after.

The system dialogs are answered by monkeypatched static calls (QFileDialog, QMessageBox, QInputDialog); a dialog
the program builds itself is accepted by a timer that watches for the active modal window. Nothing is printed:
the print dialog is answered "cancel".
"""

from __future__ import annotations

import itertools
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from station_app.services import backup
from station_app.ui.jobs import Job
from station_app.ui.main_window import PAGE_CODES
from tests.ui.windows import demo_register, open_window

CLICKS_PER_VIEW = 40  # a guard against a page that keeps making new buttons
ROWS = 6  # rows picked in turn in a page's table: cases at different steps offer different buttons


class Answers:
    """The system dialogs' answers: a folder or file in the test's own folder, yes, OK, sensible text."""

    def __init__(self, folder: Path):
        self.folder, self.count = folder, 0
        folder.mkdir()

    def new_path(self, suffix: str) -> str:
        self.count += 1
        return str(self.folder / f"crawl-{self.count}{suffix}")

    def save_file(self, _parent=None, _caption="", directory="", file_filter="", *_a, **_k) -> tuple[str, str]:
        suffix = Path(str(directory)).suffix or _suffix_of(str(file_filter))
        return self.new_path(suffix), str(file_filter)

    def folder_chosen(self, *_a, **_k) -> str:
        return str(self.folder)


def _suffix_of(file_filter: str) -> str:
    start = file_filter.find("*.")
    return file_filter[start + 1 : file_filter.find(")", start)].split()[0] if start >= 0 else ".txt"


def answer_the_system_dialogs(monkeypatch, answers: Answers) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", answers.folder_chosen)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answers.save_file)
    # an open dialog gets a file that is not there (a package, a spreadsheet): refused with a message
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answers.new_path(".stpkg"), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([answers.new_path(".stpkg")], ""))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("巡检测试", True))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("巡检测试", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (1, True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (next(iter(items)), True))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)  # never a real printer


class ModalCloser:
    """Accepts whatever modal window the program opens itself (a popup menu is closed); progress is left."""

    def __init__(self) -> None:
        self.tries: dict[int, int] = {}
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.close_one)
        self.timer.start()

    def close_one(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
            return
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog):
            return
        tries = self.tries[id(widget)] = self.tries.get(id(widget), 0) + 1
        if tries == 1:
            self.seen.append(type(widget).__name__ + " " + widget.windowTitle())
        if isinstance(widget, QDialog):
            widget.accept() if tries < 3 else widget.reject()  # one that refuses to accept is cancelled
        else:
            widget.close()


def settle(window: QWidget, qtbot) -> None:
    """Let the click's work end: its jobs (export, receipts) and searches done and their results shown."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        QApplication.processEvents()
        searching = window._register is not None and window._register.model.searching  # the register's worker
        if not searching and not any(job.running() for job in window.findChildren(Job)):
            break
        qtbot.wait(20)
    qtbot.wait(10)


def clickable(view: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in view.findChildren(QAbstractButton)
        if isinstance(b, (QPushButton, QToolButton)) and b.isVisible() and b.isEnabled() and b.window().isVisible()
    ]


def key(widget: QWidget) -> tuple[str, ...]:
    return (type(widget.parent()).__name__, widget.text(), widget.objectName(), widget.toolTip())


def select_row(view: QWidget, row: int) -> None:
    """A clerk picks a row before the row's buttons (print, the next step) mean anything."""
    for table in view.findChildren(QAbstractItemView):
        model = table.model()
        wanted = table.isVisible() and model is not None and model.rowCount() > row
        if wanted and not table.selectionModel().isRowSelected(row, QModelIndex()):
            table.clearSelection()
            table.setCurrentIndex(model.index(row, 0))


def test_every_button_and_action_of_every_page(qtbot, tmp_path, monkeypatch):
    errors: list[str] = []

    def hook(kind, value, traceback) -> None:  # any exception escaping into Qt's event loop fails the test
        import traceback as tb

        errors.append("".join(tb.format_exception(kind, value, traceback)))

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(threading, "excepthook", lambda args: hook(args.exc_type, args.exc_value, args.exc_traceback))
    answers = Answers(tmp_path / "answers")
    answer_the_system_dialogs(monkeypatch, answers)
    path = demo_register(tmp_path, 30)
    window = open_window(qtbot, path)
    closer = ModalCloser()
    started = time.monotonic()
    clicked: list[str] = []
    try:
        for code in PAGE_CODES:
            window.show_code(code)
            page = window.pages.currentWidget()
            if code == "complaints":  # the workbench's 查看超期案件 left the register filtered: all cases again
                window.register.ui.overdue_filter.setChecked(False)
                settle(window, qtbot)
            tabs = [(tab, index) for tab in page.findChildren(QTabWidget) for index in range(tab.count())]
            rows = ROWS if any(table.isVisible() for table in page.findChildren(QTableView)) else 1
            for (tab, index), row in itertools.product([(None, -1), *tabs], range(rows)):
                done: set[tuple[str, ...]] = set()
                for _ in range(CLICKS_PER_VIEW):
                    window.show_code(code)  # a click may have led elsewhere (the form, the register)
                    if tab is not None:
                        tab.setCurrentIndex(index)
                    settle(window, qtbot)
                    select_row(page, row)
                    waiting = [b for b in clickable(page) if key(b) not in done]
                    if not waiting:
                        break
                    # the buttons that lead away (back to the register, cancel) after the others on the view
                    waiting.sort(key=lambda b: any(word in b.text() for word in ("返回", "取消", "关闭")))
                    button = waiting[0]
                    done.add(key(button))
                    clicked.append(f"{code}: {button.text() or button.toolTip()}")
                    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                    settle(window, qtbot)
            window.show_code(code)
            select_row(page, 0)
            for action in page.findChildren(QAction):
                if action.isEnabled() and action.isVisible() and action.text():
                    clicked.append(f"{code}: {action.text()}")
                    action.trigger()
                    settle(window, qtbot)
    finally:
        closer.timer.stop()
    elapsed = time.monotonic() - started
    made = {p.suffix for p in answers.folder.iterdir()}
    assert {".sqlite3", ".stpkg", ".xlsx", ".pdf"} <= made, made  # the dialogs were answered: the work was done
    assert any(seen.startswith("StepDialog") for seen in closer.seen), closer.seen  # the cases' next steps too
    assert errors == [], "\n".join(errors)
    assert len(clicked) > 30, clicked  # the crawl reached the pages' buttons and menus
    assert elapsed < 60, f"{elapsed:.0f} s"
    window.close()
    window.session.close()
    backup.check(path)
