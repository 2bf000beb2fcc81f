"""Searching the register page while typing: the search runs in a worker, the window keeps answering, and the table
ends with the rows of the last term typed, never those of an older term answering late.

The slow search is a ``complaint_register.first_page`` held at a gate the test opens: the test knows the search is
still running when it types on, whatever the machine's speed (a window that blocked would never see the keys).
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from station_app.services import complaint_register, complaint_views, complaints
from station_app.services.session import Session
from station_app.store.complaints import ComplaintFilter
from station_app.ui import search_worker
from tests.conftest import TODAY, complaint_payload
from tests.ui.windows import demo_register, open_window, searched

PHONE = "13900139000"  # 李四's phone: the last term typed


class Gate:
    """``first_page`` for the terms in ``held`` waits until the test opens the gate; every call is noted."""

    def __init__(self, monkeypatch, held: set[str]):
        self.held, self.calls = held, []
        self.entered, self.opened = threading.Event(), threading.Event()
        real = complaint_register.first_page

        def first_page(session, flt, today, **kwargs):
            self.calls.append(flt.search)
            if flt.search in self.held:
                self.entered.set()
                self.opened.wait(10)
            return real(session, flt, today, **kwargs)

        monkeypatch.setattr(complaint_register, "first_page", first_page)


@pytest.fixture
def page(qtbot, tmp_path):
    path = demo_register(tmp_path, 60)
    s = Session.open(path)
    s.act_as("setup", "head")
    complaints.add_complaints(
        s, [complaint_payload(), complaint_payload(consumer={"name": "李四", "phone": PHONE, "address": "东街"})], TODAY
    )
    s.close()
    window = open_window(qtbot, path)
    window.nav.setCurrentRow(1)
    searched(qtbot, window.register)
    return window.register


def numbers(page) -> set[str]:
    return {page.model.row_at(i)["number"] for i in range(page.model.rowCount())}


def expected(page, term: str) -> set[str]:
    found = complaint_views.list_complaints(page.session, ComplaintFilter(search=term), TODAY, limit=None)
    return {row["number"] for row in found["items"]}


def type_over(qtbot, page, text: str) -> None:
    """Select what the search box holds and type ``text`` over it, as a clerk does."""
    qtbot.keyClick(page.ui.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.ui.search, text)


def test_typing_goes_on_while_a_search_runs_and_the_last_term_wins(qtbot, page, monkeypatch):
    everything = numbers(page)
    gate = Gate(monkeypatch, held={"zs"})
    shown: list[set[str]] = []
    page.model.modelReset.connect(lambda: shown.append(numbers(page)))

    qtbot.keyClicks(page.ui.search, "zs")  # 张三's initials
    qtbot.waitUntil(gate.entered.is_set, timeout=5000)  # its search is held in the worker
    assert page.ui.count_label.text() == "正在查找…"
    assert numbers(page) == everything  # the rows found before stay while the new ones are looked for
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=5000)  # the window's own events go on
    type_over(qtbot, page, PHONE)
    assert page.ui.search.text() == PHONE and not gate.opened.is_set()  # the keys reached the box meanwhile
    generation = page.model.generation
    qtbot.waitUntil(lambda: page.model.generation > generation, timeout=5000)  # the debounced search was asked
    assert page.ui.count_label.text() == "正在查找…"

    gate.opened.set()  # "zs" answers now, after the phone's search was asked: its rows are dropped
    searched(qtbot, page)
    last = expected(page, PHONE)
    assert last and last != expected(page, "zs")
    assert numbers(page) == last
    assert shown == [last]  # the table never showed "zs"'s rows, not even for a moment
    assert page.ui.count_label.text().startswith(f"共 {len(last)} 件")
    assert gate.calls == ["zs", PHONE]


def test_a_search_asked_while_another_runs_and_typed_over_never_runs(qtbot, page, monkeypatch):
    gate = Gate(monkeypatch, held={"zs"})
    qtbot.keyClicks(page.ui.search, "zs")
    qtbot.waitUntil(gate.entered.is_set, timeout=5000)
    for term in ("139", PHONE):  # two searches asked in turn while "zs" is held
        generation = page.model.generation
        type_over(qtbot, page, term)
        qtbot.waitUntil(lambda g=generation: page.model.generation > g, timeout=5000)
    gate.opened.set()
    searched(qtbot, page)
    assert gate.calls == ["zs", PHONE]  # "139" waited in the queue behind "zs" and was skipped
    assert numbers(page) == expected(page, PHONE)


def test_a_slow_query_typed_over_is_stopped_in_the_middle(qtbot, page, monkeypatch):
    """A query of minutes for "zs" is interrupted when the next term is asked: the last term answers in seconds."""
    real = complaint_register.first_page
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    started = threading.Event()

    def first_page(session, flt, today, **kwargs):
        if flt.search == "zs":
            started.set()
            session.db.execute(endless).fetchone()  # never ends by itself
        return real(session, flt, today, **kwargs)

    monkeypatch.setattr(complaint_register, "first_page", first_page)
    qtbot.keyClicks(page.ui.search, "zs")
    qtbot.waitUntil(started.is_set, timeout=5000)
    type_over(qtbot, page, PHONE)
    qtbot.waitUntil(lambda: not page.model.searching, timeout=10_000)
    assert numbers(page) == expected(page, PHONE)
    assert page.ui.count_label.text().startswith("共 ")


def test_one_connection_serves_every_search_and_closes_with_the_window(qtbot, page, monkeypatch):
    opened: list[object] = []
    real_open = Session.open

    def counting_open(path, **kwargs):
        opened.append(path)
        return real_open(path, **kwargs)

    monkeypatch.setattr(search_worker.Session, "open", counting_open)
    page.model.stop_searching()  # the first show's worker gone: count from a fresh one
    for term in ("zs", "139", PHONE):
        type_over(qtbot, page, term)
        qtbot.waitUntil(lambda t=term: page.model.filter.search == t, timeout=5000)
        searched(qtbot, page)
    assert len(opened) == 1 and numbers(page) == expected(page, PHONE)
    worker = page.model._worker[0]
    assert worker is not None and worker.thread.is_alive()
    page.window().close()
    assert not worker.thread.is_alive() and worker.session is None  # its connection closed with the window


def test_a_failed_search_says_so_and_keeps_the_rows(qtbot, page, monkeypatch):
    from station_app.store.database import StoreError

    before = numbers(page)

    def failing(*_args, **_kwargs):
        raise StoreError("找不到数据库文件")

    monkeypatch.setattr(complaint_register, "first_page", failing)
    qtbot.keyClicks(page.ui.search, "zs")
    qtbot.waitUntil(lambda: "查找没有完成" in page.ui.count_label.text(), timeout=5000)
    assert "找不到数据库文件" in page.ui.count_label.text() and numbers(page) == before
