from datetime import date, datetime, timedelta

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


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def _with_check(body: str) -> str:
    return body + v.id_check_char(body)


@st.composite
def id_numbers(draw, min_born=date(1900, 1, 1), max_born=TODAY):
    area = draw(st.integers(min_value=110000, max_value=659999))
    born = draw(st.dates(min_value=min_born, max_value=max_born))
    seq = draw(st.integers(min_value=0, max_value=999))
    return _with_check(f"{area}{born:%Y%m%d}{seq:03d}")


@st.composite
def credit_codes(draw):
    body = "".join(draw(st.sampled_from(USCC_CHARS)) for _ in range(17))
    return body + v.credit_code_check_char(body)


mobiles = st.from_regex(r"\A1[3-9][0-9]{9}\Z")


# -- ID numbers ---------------------------------------------------------------------------------
def test_known_id_vectors():
    assert v.id_check_char("34052419800101001") == "X"
    assert v.normalize_id_number("34052419800101001X", today=TODAY) == "34052419800101001X"
    assert v.normalize_id_number("360426199101010071", today=TODAY) == "360426199101010071"


@given(st.from_regex(r"\A[0-9]{17}\Z"))
def test_id_check_char_agrees_with_stdnum(first17):
    assert v.id_check_char(first17) == ric.calc_check_digit(first17 + "0")


@pytest.mark.parametrize("bad", ["1234", "3405241980010100X", "340524198001010011"])
def test_id_check_char_refuses_bad_input(bad):
    with pytest.raises(InvalidValue):
        v.id_check_char(bad)


@given(id_numbers())
def test_valid_id_numbers_are_accepted_and_agree_with_stdnum(number):
    assert v.normalize_id_number(number, today=TODAY) == number
    assert ric.calc_check_digit(number) == number[17]


@given(id_numbers(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_any_single_character_corruption_is_refused(number, position, replacement):
    assume(replacement != number[position])
    assume(replacement != "X" or position == 17)
    corrupted = number[:position] + replacement + number[position + 1 :]
    with pytest.raises(InvalidValue):
        v.normalize_id_number(corrupted, today=TODAY)


@given(id_numbers())
def test_lower_case_x_full_width_and_spaces_are_normalised(number):
    assert v.normalize_id_number(number.lower(), today=TODAY) == number
    assert v.normalize_id_number(_full_width(number.lower()), today=TODAY) == number
    spaced = f" {number[:6]} {number[6:14]}\u3000{number[14:]} "
    assert v.normalize_id_number(spaced, today=TODAY) == number


@given(st.integers(min_value=110000, max_value=659999), st.dates(date(1900, 1, 1), date(1999, 12, 31)))
def test_legacy_15_digit_numbers_become_valid_18_digit_ones(area, born):
    legacy = f"{area}{born:%y%m%d}123"
    converted = v.normalize_id_number(legacy, today=TODAY)
    assert converted[:6] == str(area) and converted[6:14] == f"{born:%Y%m%d}" and converted[14:17] == "123"
    assert ric.calc_check_digit(converted) == converted[17]
    assert v.normalize_id_number(converted, today=TODAY) == converted


@given(id_numbers(min_born=TODAY + timedelta(days=1), max_born=date(2099, 12, 31)))
def test_future_birth_dates_are_refused(number):
    with pytest.raises(InvalidValue, match="晚于今天"):
        v.normalize_id_number(number, today=TODAY)


def test_birth_today_is_accepted():
    number = _with_check(f"110101{TODAY:%Y%m%d}001")
    assert v.normalize_id_number(number, today=TODAY) == number


@pytest.mark.parametrize(
    "bad,reason",
    [
        ("1101011990030712", "18 位"),
        ("34052419800101001", "18 位"),
        ("3405241980010100101", "18 位"),
        ("", "18 位"),
        ("11010119900307123A", "只能包含数字"),
        ("34052419800101001Y", "只能包含数字"),
        ("1101011990030X123X", "只能包含数字"),
        ("11010190030712X", "只能包含数字"),
        (_with_check("01010119900307123"), "不能以 0 开头"),
        (_with_check("11010119900230123"), "不是有效日期"),  # 30 February
        (_with_check("11010119901301123"), "不是有效日期"),
        (_with_check("11010118991231123"), "早于 1900"),
        ("110101901301123", "不是有效日期"),  # legacy, month 13
        (FUTURE_BORN, "晚于今天"),
        ("34052419800101002X", "校验位"),
        ("340524198001010019", "校验位"),
    ],
)
def test_id_refusals_say_why(bad, reason):
    with pytest.raises(InvalidValue, match=reason):
        v.normalize_id_number(bad, today=TODAY)


# -- 统一社会信用代码 -----------------------------------------------------------------------------
def test_known_credit_code():
    assert v.normalize_credit_code("91110000600037341L") == "91110000600037341L"
    assert v.normalize_credit_code("9 1 110000 600037341l") == "91110000600037341L"
    assert v.normalize_credit_code("９１１１００００６０００３７３４１Ｌ") == "91110000600037341L"


@given(st.text(alphabet=USCC_CHARS, min_size=17, max_size=17))
def test_credit_check_char_agrees_with_stdnum(first17):
    assert v.credit_code_check_char(first17) == uscc.calc_check_digit(first17)


@given(credit_codes())
def test_valid_credit_codes_accepted_and_normalised(code):
    assert v.normalize_credit_code(code) == code
    assert v.normalize_credit_code(f" {_full_width(code.lower())[:9]} {code[9:].lower()}") == code
    if code[:8].isdigit():  # stdnum also insists on digits in the first 8 places
        assert uscc.is_valid(code)


def test_credit_codes_with_letters_up_front_are_accepted():
    # Village collectives (N…) and other registries use letters in the first places; stdnum refuses them.
    code = "N2" + "330100" + "MA2KXY901"
    code += v.credit_code_check_char(code)
    assert v.normalize_credit_code(code) == code


@given(credit_codes(), st.integers(min_value=0, max_value=17), st.sampled_from(USCC_CHARS))
def test_credit_code_single_corruption_refused(code, position, char):
    assume(code[position] != char)
    with pytest.raises(InvalidValue, match="校验位"):
        v.normalize_credit_code(code[:position] + char + code[position + 1 :])


@pytest.mark.parametrize(
    "bad,reason",
    [
        ("91110000600037341", "18 位"),
        ("91110000600037341LL", "18 位"),
        ("91110000802100433I", "不允许的字符"),
        ("9111000060003734OL", "不允许的字符"),
        ("91110000600037341S", "不允许的字符"),
        ("91110000600037341M", "校验位"),
    ],
)
def test_credit_code_refusals_say_why(bad, reason):
    with pytest.raises(InvalidValue, match=reason):
        v.normalize_credit_code(bad)


def test_credit_check_char_refuses_bad_input():
    with pytest.raises(InvalidValue):
        v.credit_code_check_char("9111000060003734I")


# -- phones -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw,expected",
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138-0013-8000", "13800138000"),
        ("(+86) 13800138000", "13800138000"),
        ("008613800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("021 6123 4567", "021-61234567"),
        ("0571 87654321", "0571-87654321"),
        ("0571-8765-4321", "0571-87654321"),
        ("(0550)7654321", "0550-7654321"),
        ("（0550）7654321", "0550-7654321"),
        ("０５５０－７６５４３２１", "0550-7654321"),
        ("+86 571 87654321", "0571-87654321"),
        ("0550-7654321-808", "0550-7654321-808"),
        ("0550-7654321转808", "0550-7654321-808"),
        ("0550 7654321 转 8", "0550-7654321-8"),
        ("0571-8765432-1", "0571-8765432-1"),
    ],
)
def test_phones(raw, expected):
    assert v.normalize_phone(raw) == expected
    assert v.normalize_phone(raw, business=True) == expected


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("4008123123", "400-812-3123"),
        ("400-812-3123", "400-812-3123"),
        ("800 810 8888", "800-810-8888"),
        ("400-812-3123转2", "400-812-3123-2"),
        ("95588", "95588"),
        ("96777", "96777"),
        ("95105888", "95105888"),
    ],
)
def test_business_phones(raw, expected):
    assert v.normalize_phone(raw, business=True) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "12800138000",  # no such mobile prefix
        "1380013800",  # 10 digits
        "138001380001",  # 12 digits
        "95588",  # business only
        "4008123123",  # business only
        "abc",
        "",
        "0550-123",
        "021-123456",  # number too short
        "7654321",  # no area code
        "013800138000",  # mobile with stray 0, not a landline
        "00112025550123",
        "13800138000转1",  # mobiles have no extension
    ],
)
def test_bad_consumer_phones(bad):
    with pytest.raises(InvalidValue, match="电话号码格式不正确"):
        v.normalize_phone(bad)


@pytest.mark.parametrize("bad", ["400812312", "9558", "955881234", "12315", "8008123"])
def test_bad_business_phones(bad):
    with pytest.raises(InvalidValue, match="400/95"):
        v.normalize_phone(bad, business=True)


@given(mobiles, st.sampled_from(["{}", "+86{}", "+86 {}", "0086{}", "86{}", "({}) ", "{}-{}-{}", "{} {} {}"]))
def test_every_mobile_form_normalises(mobile, form):
    written = form.format(mobile[:3], mobile[3:7], mobile[7:]) if form.count("{}") == 3 else form.format(mobile)
    assert v.normalize_phone(written) == mobile
    assert v.normalize_phone(_full_width(written), business=True) == mobile


# -- dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2026-03-15", date(2026, 3, 15)),
        (" 2026-3-5 ", date(2026, 3, 5)),
        ("2026/3/5", date(2026, 3, 5)),
        ("2026.03.15", date(2026, 3, 15)),
        ("2026年3月15日", date(2026, 3, 15)),
        ("2026 年 3 月 15 日", date(2026, 3, 15)),
        ("2026-03-15T10:00:00", date(2026, 3, 15)),
        ("2026-03-15T10:00:00.123+08:00", date(2026, 3, 15)),
        ("2026-03-15 10:00", date(2026, 3, 15)),
        ("２０２６-０３-１５", date(2026, 3, 15)),
        ("２０２６年３月１５日", date(2026, 3, 15)),
        (date(2026, 3, 15), date(2026, 3, 15)),
        (datetime(2026, 3, 15, 10, 0), date(2026, 3, 15)),
    ],
)
def test_dates(raw, expected):
    parsed = v.parse_date(raw)
    assert parsed == expected and type(parsed) is date


@pytest.mark.parametrize(
    "bad",
    ["15/03/2026", "2026-03/15", "yesterday", "", "2026-03-15abc", "2026-03-15T", "20260315", 20260315, None],
)
def test_bad_dates(bad):
    with pytest.raises(InvalidValue, match="YYYY-MM-DD"):
        v.parse_date(bad)


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "2026年2月29日"])
def test_impossible_dates(bad):
    with pytest.raises(InvalidValue, match="不是有效日期"):
        v.parse_date(bad)


@given(st.dates())
def test_iso_dates_round_trip(day):
    assume(day.year >= 1000)
    assert v.parse_date(day.isoformat()) == day


def test_future_dates_refused():
    with pytest.raises(InvalidValue, match=r"不能晚于今天（2026-11-23）"):
        v.check_not_future(TODAY + timedelta(days=1), TODAY)
    assert v.check_not_future(TODAY, TODAY) == TODAY


def test_check_not_after():
    v.check_not_after(TODAY, TODAY, "x")
    v.check_not_after(TODAY - timedelta(days=1), TODAY, "x")
    with pytest.raises(InvalidValue, match=r"^受理日期不能早于投诉日期$"):
        v.check_not_after(TODAY, TODAY - timedelta(days=1), "受理日期不能早于投诉日期")


# -- text and names -------------------------------------------------------------------------------
def test_normalize_text():
    assert v.normalize_text("  ＡＢＣ\u3000１２３  ") == "ABC 123"
    assert v.normalize_text("张三\t\n 李四") == "张三 李四"
    assert v.normalize_text("华联超市（东店）、小卖部。") == "华联超市（东店）、小卖部。"


def test_business_key_ignores_spacing_and_punctuation():
    assert v.normalize_business_name("新集镇 华联超市（东店）") == v.normalize_business_name("新集镇华联超市(东店)")
    assert v.normalize_business_name("ＡＢＣ Store") == "abcstore"
    assert v.normalize_business_name("A·B-C. 商行") == "abc商行"


# -- masks --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,masked",
    [("张三", "张*"), ("张小三", "张**"), ("欧阳小明", "欧***"), ("", ""), (None, ""), ("张", "*")],
)
def test_mask_name(name, masked):
    assert v.mask_name(name) == masked


@pytest.mark.parametrize(
    "phone,masked",
    [
        ("13800138000", "138****8000"),
        ("138 0013 8000", "138****8000"),
        ("0571-87654321", "0571-****4321"),
        ("0550-7654321", "0550-***4321"),
        ("010-12345678", "010-****5678"),
        ("0550-7654321-808", "0550-***4321-808"),
        ("95588", "9***8"),
        ("12", "**"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(phone, masked):
    assert v.mask_phone(phone) == masked


@pytest.mark.parametrize(
    "idn,masked",
    [
        ("110101199003071234", "110***********1234"),
        ("11010119900307123X", "110***********123X"),
        ("110101900307123", "110********7123"),
        ("1234567", "*******"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(idn, masked):
    assert v.mask_id_number(idn) == masked


@given(id_numbers())
def test_masked_id_keeps_only_ends(number):
    masked = v.mask_id_number(number)
    assert len(masked) == 18 and masked[3:14] == "*" * 11 and masked[:3] + masked[14:] == number[:3] + number[14:]
