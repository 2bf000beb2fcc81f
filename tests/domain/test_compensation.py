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


# -- the legal conditions beside each result (issue 18; docs/legal-basis.md §1.8, §2.7) -----------------------
def test_every_result_states_the_conditions_of_its_statute():
    from station_app.domain import compensation

    fraud = compensation.calculate("fraud", 9900)
    assert any("欺诈" in c for c in fraud.conditions) and any("消费者提出要求" in c for c in fraud.conditions)
    food = compensation.calculate("food", 20000, 5000)
    assert any("明知" in c for c in food.conditions)  # the seller's knowledge is a condition (148 ¶2)
    assert any("由消费者选择" in c for c in food.conditions)  # 10× price or 3× loss: the consumer's choice
    assert any("标签、说明书" in c and "不适用" in c for c in food.conditions)  # the labelling exception
    text = food.explain()
    assert "适用条件（请逐条核实" in text and "第五十五条第二款" in text and "不计算" in text


def test_fake_or_substandard_drugs_follow_144_3():
    from station_app.domain import compensation

    drug = compensation.calculate("drug", 5000, 100000)  # 10 × 50 元 = 500, 3 × 1,000 元 = 3,000
    assert drug.rule_title == "《药品管理法》第一百四十四条第三款（假药、劣药）"
    assert (drug.applied, drug.punitive_fen) == ("three_times_loss", 300000)
    assert any("受害人或者其近亲属" in c for c in drug.conditions)
    assert compensation.calculate("drug", 100).punitive_fen == 100000  # at least 1,000 元


def test_a_loss_given_for_fraud_is_refused_not_ignored():
    import pytest

    from station_app.domain import compensation
    from station_app.domain.errors import InvalidValue

    with pytest.raises(InvalidValue, match="不用损失金额"):
        compensation.calculate("fraud", 9900, 5000)
