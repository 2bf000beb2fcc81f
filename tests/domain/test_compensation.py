from hypothesis import given
from hypothesis import strategies as st

from station_app.domain.compensation import calculate


def test_fraud_floor_applies_to_cheap_goods():
    result = calculate("fraud", price_fen=9_900)  # 99 元 × 3 = 297 元 < 500 元
    assert result.punitive_fen == 50_000
    assert result.floor_applied and result.applied == "floor"


def test_fraud_triple_price():
    result = calculate("fraud", price_fen=155_000)
    assert result.punitive_fen == 465_000
    assert result.applied == "three_times_price" and not result.floor_applied


def test_fraud_tie_is_the_multiple_not_the_floor():
    result = calculate("fraud", price_fen=16_667)  # 500.01 元: triple price wins
    assert result.punitive_fen == 50_001 and result.applied == "three_times_price"


def test_food_ten_times_price_or_three_times_loss_or_1000():
    assert calculate("food", price_fen=5_000).punitive_fen == 100_000  # 50 元 → floor 1000 元
    assert calculate("food", price_fen=20_000).applied == "ten_times_price"
    big_loss = calculate("food", price_fen=20_000, loss_fen=1_000_000)
    assert big_loss.applied == "three_times_loss" and big_loss.punitive_fen == 3_000_000


def test_explanation_names_the_floor_and_says_reference_only():
    text = calculate("fraud", price_fen=100).explain()
    assert "法定最低额" in text and "仅供调解参考" in text


@given(st.integers(min_value=0, max_value=10**10), st.integers(min_value=0, max_value=10**10))
def test_never_loses_a_fen(price, loss):
    fraud = calculate("fraud", price)
    assert fraud.punitive_fen == max(3 * price, 50_000)
    food = calculate("food", price, loss)
    assert food.punitive_fen == max(10 * price, 3 * loss, 100_000)
