"""Shared fixtures. Qt runs offscreen unless a test asks for a display."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# pytest-qt may make the QApplication before a test imports station_app.ui: guard None first.
import station_app.ui  # noqa: F401  (see station_app/ui/refcount_guard.py)
from tests.sticks import loop_stick  # noqa: F401  (a real loop-mounted USB stick: tests/sticks.py)

# A shared CI machine can stall any example for a moment: time is measured in bench/, never here.
settings.register_profile("station", deadline=None)
settings.load_profile("station")

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 at the station (UTC+8), the day of TODAY


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def frozen_clock(monkeypatch):
    """Sessions opened from now on read NOW from the wall clock (audit times, package stamps), whatever the day.

    For tests that compare wall-clock stamps with ``--today``/``TODAY`` (a package made "on" TODAY): without it
    they pass on the day they were written and fail from the next month on.
    """
    from station_app.services import session as session_module

    monkeypatch.setattr(session_module, "utc_now", lambda: NOW)
    return NOW


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's qtbot, keeping every widget given to ``addWidget`` alive until it has closed them.

    pytest-qt holds weak references only. A window the test no longer names, caught in a reference cycle, was
    collected by Python's garbage collector in the middle of its own paint event after the test returned
    ("Cannot destroy paint device that is being painted", then a segmentation fault): a test run alone, or in
    another order or on another day, crashed the whole run.
    """
    kept: list[object] = []
    add_widget = qtbot.addWidget

    def add_and_keep(widget, **kwargs):
        kept.append(widget)
        add_widget(widget, **kwargs)

    qtbot.addWidget = add_and_keep
    yield qtbot
    kept.clear()  # pytest-qt has closed them by now (its teardown hook runs before fixtures end)


@pytest.fixture
def session(tmp_path):
    """A fresh register with the station XJ set up, on a file (WAL, like at a station)."""
    from station_app.services.session import Session
    from station_app.services.station import init_station

    s = Session.open(tmp_path / "register.sqlite3", actor="李站长")
    s.clock = lambda: datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    init_station(
        s,
        {
            "code": "XJ",
            "name": "新集镇消费维权服务站",
            "kind": "维权服务站",
            "venue_type": "农村",
            "county": "示例县",
        },
        TODAY,
    )
    yield s
    s.close()


def complaint_payload(**overrides) -> dict:
    payload = {
        "received_on": "2026-11-02",
        "channel": "visit",
        "consumer": {"name": "张三", "phone": "13800138000", "id_number": "", "address": "新集镇东街 8 号"},
        "business": {"name": "新集镇华联超市", "address": "新集镇中心路 1 号", "phone": "0550-7654321"},
        "subject": "海尔冰箱 BCD-216",
        "category": "G01",
        "nature": "quality",
        "amount_yuan": "1550.00",
        "purchased_on": "2026-10-01",
        "facts": "消费者购买冰箱一台，使用一个月后不制冷，商家拒绝退货。",
        "request": "要求退货退款",
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def make_complaint():
    return complaint_payload
