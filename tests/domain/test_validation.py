from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from station_app.domain import validation as v
from station_app.domain.errors import InvalidValue

TODAY = date(2026, 11, 23)
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_FUTURE_BODY = f"110101{TODAY + timedelta(days=1):%Y%m%d}123"
FUTURE_BORN = _FUTURE_BODY + v.id_check_char(_FUTURE_BODY)


@st.composite
def id_numbers(draw):
    area = draw(st.integers(min_value=110000, max_value=659999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.integers(min_value=0, max_value=999))
    body = f"{area}{born:%Y%m%d}{seq:03d}"
    return body + v.id_check_char(body)


@st.composite
def credit_codes(draw):
    body = "".join(draw(st.sampled_from(USCC_CHARS)) for _ in range(17))
    return body + v.credit_code_check_char(body)


def test_known_id_vector():
    assert v.id_check_char("34052419800101001") == "X"
    assert v.normalize_id_number("34052419800101001X", today=TODAY) == "34052419800101001X"


@given(id_numbers())
def test_valid_id_numbers_are_accepted_and_agree_with_stdnum(number):
    assert v.normalize_id_number(number, today=TODAY) == number
    assert ric.calc_check_digit(number) == number[17]


@given(id_numbers(), st.integers(min_value=0, max_value=17), st.integers(min_value=1, max_value=9))
def test_any_single_digit_corruption_is_refused(number, position, delta):
    char = number[position]
    replacement = str(delta) if char == "X" else str((int(char) + delta) % 10)
    corrupted = number[:position] + replacement + number[position + 1 :]
    assume(corrupted != number)
    with pytest.raises(InvalidValue):
        v.normalize_id_number(corrupted, today=TODAY)


@given(id_numbers())
def test_lower_case_x_and_full_width_digits_are_normalised(number):
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in number.lower())
    assert v.normalize_id_number(full_width, today=TODAY) == number
    assert v.normalize_id_number(number.lower(), today=TODAY) == number


@given(st.integers(min_value=110000, max_value=659999), st.dates(date(1900, 1, 1), date(1999, 12, 31)))
def test_legacy_15_digit_numbers_become_valid_18_digit_ones(area, born):
    legacy = f"{area}{born:%y%m%d}123"
    converted = v.normalize_id_number(legacy, today=TODAY)
    assert len(converted) == 18 and converted[6:14] == f"19{born:%y%m%d}"
    assert ric.calc_check_digit(converted) == converted[17]


@pytest.mark.parametrize(
    "bad,reason",
    [
        ("1101011990030712", "18 位"),
        ("11010119900230123X", "出生日期"),  # 30 February
        (FUTURE_BORN, "晚于今天"),
        ("11010119900307123A", "只能包含数字"),
        ("34052419800101001Y", "只能包含数字"),
        ("34052419800101001", "18 位"),
        ("34052419800101002X", "校验位"),
    ],
)
def test_id_refusals_say_why(bad, reason):
    with pytest.raises(InvalidValue, match=reason):
        v.normalize_id_number(bad, today=TODAY)


@given(credit_codes())
def test_valid_credit_codes_accepted_and_agree_with_stdnum(code):
    assert v.normalize_credit_code(code.lower()) == code
    assert uscc.calc_check_digit(code[:17]) == code[17]


@given(credit_codes(), st.integers(min_value=0, max_value=17), st.sampled_from(USCC_CHARS))
def test_credit_code_single_corruption_refused(code, position, char):
    assume(code[position] != char)
    with pytest.raises(InvalidValue):
        v.normalize_credit_code(code[:position] + char + code[position + 1 :])


def test_credit_code_refuses_forbidden_letters():
    with pytest.raises(InvalidValue, match="不允许的字符"):
        v.normalize_credit_code("91110000802100433I")


@pytest.mark.parametrize(
    "raw,expected,business",
    [
        ("13800138000", "13800138000", False),
        ("138 0013 8000", "13800138000", False),
        ("+86 138-0013-8000", "13800138000", False),
        ("008613800138000", "13800138000", False),
        ("１３８００１３８０００", "13800138000", False),
        ("010-12345678", "010-12345678", False),
        ("0571 87654321", "0571-87654321", False),
        ("(0550)7654321", "0550-7654321", False),
        ("0550-7654321-808", "0550-7654321-808", False),
        ("4008123123", "400-812-3123", True),
        ("95588", "95588", True),
    ],
)
def test_phones(raw, expected, business):
    assert v.normalize_phone(raw, business=business) == expected


@pytest.mark.parametrize("bad", ["12800138000", "1380013800", "95588", "4008123123", "abc", "0550-123"])
def test_bad_consumer_phones(bad):
    with pytest.raises(InvalidValue, match="电话号码"):
        v.normalize_phone(bad)


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2026-03-15", date(2026, 3, 15)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026年3月15日", date(2026, 3, 15)),
        ("2026-03-15T10:00:00", date(2026, 3, 15)),
        ("２０２６-０３-１５", date(2026, 3, 15)),
    ],
)
def test_dates(raw, expected):
    assert v.parse_date(raw) == expected


@pytest.mark.parametrize("bad", ["15/03/2026", "2026-02-30", "yesterday", ""])
def test_bad_dates(bad):
    with pytest.raises(InvalidValue):
        v.parse_date(bad)


def test_future_dates_refused():
    with pytest.raises(InvalidValue, match="不能晚于今天"):
        v.check_not_future(TODAY + timedelta(days=1), TODAY)
    assert v.check_not_future(TODAY, TODAY) == TODAY


def test_business_key_ignores_spacing_and_punctuation():
    assert v.normalize_business_name("新集镇 华联超市（东店）") == v.normalize_business_name("新集镇华联超市(东店)")
    assert v.normalize_business_name("ＡＢＣ Store") == "abcstore"


def test_masks():
    assert v.mask_name("张三") == "张*"
    assert v.mask_name("欧阳小明") == "欧***"
    assert v.mask_phone("13800138000") == "138****8000"
    assert v.mask_phone("0571-87654321") == "0571-****4321"
    assert v.mask_id_number("11010119900307123X") == "110***********123X"
