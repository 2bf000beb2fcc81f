from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_app.domain.errors import InvalidValue
from station_app.domain.money import fen_to_yuan, format_yuan, yuan_to_fen


@pytest.mark.parametrize(
    "text,fen",
    [
        ("1550.00", 155000),
        ("1550", 155000),
        ("0.01", 1),
        ("1,550.5", 155050),
        ("１２３.４５", 12345),
        (" 88元 ", 8800),
        (1550, 155000),
        ("217326.00", 21732600),
    ],
)
def test_parses_yuan(text, fen):
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("bad", ["-1", "1.001", "abc", "", None, True, "NaN", "1e400", [1]])
def test_refuses_bad_amounts(bad):
    with pytest.raises(InvalidValue):
        yuan_to_fen(bad)


@given(st.integers(min_value=0, max_value=10**10))
def test_round_trip_never_loses_a_fen(fen):
    assert yuan_to_fen(format_yuan(fen)) == fen
    assert fen_to_yuan(fen) == Decimal(fen) / 100
