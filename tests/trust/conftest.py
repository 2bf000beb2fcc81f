"""Fixtures of the attacks: stations (from the exchange tests) and offices on files."""

from __future__ import annotations

import pytest

from tests.services.exchange.conftest import county, make_station  # noqa: F401 (shared with the exchange tests)
from tests.trust.conditions import read_only_folder, tiny_disk  # noqa: F401 (shared with tests/ui)
from tests.trust.crafted_packages import office


@pytest.fixture
def offices(tmp_path):
    """Registers of counties (or the city), made on demand: ``offices("SXX")``, ``offices("CITY", "city")``."""
    made = []

    def make(code, level="county", area="示例县"):
        made.append(office(tmp_path, code, level, area))
        return made[-1]

    yield make
    for session in made:
        session.close()
