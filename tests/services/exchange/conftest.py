"""Fixtures of the exchange tests: stations and a county on files (helpers in registers.py)."""

from __future__ import annotations

import pytest

from station_app.services import complaints, demo
from station_app.services.session import Session
from tests.conftest import TODAY, complaint_payload
from tests.services.exchange.registers import PERSON, open_register


@pytest.fixture
def make_station(tmp_path):
    opened: list[Session] = []

    def make(code: str = "XJ", complaints_count: int = 24, seed: int = 7, folder: str | None = None) -> Session:
        session = open_register(tmp_path / (folder or code), code)
        demo.build_demo(session, complaints_count, TODAY, seed=seed)
        # Two fresh cases with known personal data (张三, 13800138000, an ID number) still registered.
        complaints.add_complaints(session, [complaint_payload(consumer=PERSON), complaint_payload()], TODAY)
        opened.append(session)
        return session

    yield make
    for session in opened:
        session.close()


@pytest.fixture
def county(tmp_path):
    session = open_register(tmp_path / "county", "SXX")
    yield session
    session.close()
