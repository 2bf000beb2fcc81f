"""Validation of single values: ID numbers, credit codes, phones, dates, names; and masking.

Every check returns the normalised value or raises ``InvalidValue`` with a Chinese message that
says what is wrong (the caller names the field).
"""

from __future__ import annotations

import re
from datetime import date

from station_app.domain.errors import InvalidValue

_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)} | {0x3000: 0x20}


def normalize_text(raw: str) -> str:
    """Full-width ASCII → half-width, trimmed, inner whitespace runs collapsed."""
    text = str(raw).translate(_FULL_WIDTH)
    return re.sub(r"\s+", " ", text).strip()


# -- 公民身份号码 (GB 11643) --------------------------------------------------------------------
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_char(first17: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _birth_date(text: str, today: date) -> date:
    try:
        born = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidValue("身份证号码中的出生日期不是有效日期") from None
    if born > today:
        raise InvalidValue("身份证号码中的出生日期晚于今天")
    if born.year < 1900:
        raise InvalidValue("身份证号码中的出生日期早于 1900 年")
    return born


def normalize_id_number(raw: str, *, today: date) -> str:
    text = re.sub(r"[\s-]", "", normalize_text(raw)).upper()
    if len(text) == 15:
        if not text.isdigit():
            raise InvalidValue("15 位身份证号码应全部为数字")
        if text[0] == "0":
            raise InvalidValue("身份证号码不能以 0 开头")
        _birth_date("19" + text[6:12], today)
        body = text[:6] + "19" + text[6:]
        return body + id_check_char(body)
    if len(text) != 18:
        raise InvalidValue(f"身份证号码应为 18 位（或旧式 15 位），现在是 {len(text)} 位")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise InvalidValue("身份证号码只能包含数字，最后一位可以是 X")
    if text[0] == "0":
        raise InvalidValue("身份证号码不能以 0 开头")
    _birth_date(text[6:14], today)
    if id_check_char(text[:17]) != text[17]:
        raise InvalidValue("身份证号码校验位不正确，请核对每一位数字")
    return text


# -- 统一社会信用代码 (GB 32100) ----------------------------------------------------------------
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def normalize_credit_code(raw: str) -> str:
    text = re.sub(r"[\s-]", "", normalize_text(raw)).upper()
    if len(text) != 18:
        raise InvalidValue(f"统一社会信用代码应为 18 位，现在是 {len(text)} 位")
    bad = sorted({ch for ch in text if ch not in _USCC_ALPHABET})
    if bad:
        raise InvalidValue(f"统一社会信用代码含有不允许的字符：{''.join(bad)}（不使用 I、O、Z、S、V）")
    if credit_code_check_char(text[:17]) != text[17]:
        raise InvalidValue("统一社会信用代码校验位不正确，请核对")
    return text


# -- phones -------------------------------------------------------------------------------------
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})(\d{7,8})((?:-|转|ext)\d{1,6})?$")


def normalize_phone(raw: str, *, business: bool = False) -> str:
    text = normalize_text(raw)
    text = re.sub(r"[\s()（）]", "", text)
    extension = ""
    match = re.search(r"(?:-|转|ext\.?)(\d{1,6})$", text)
    compact = text.replace("-", "")
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    elif len(compact) == 13 and compact.startswith("86"):
        compact = compact[2:]
    if _MOBILE.match(compact):
        return compact
    if business and re.fullmatch(r"(400|800)\d{7}", compact):
        return f"{compact[:3]}-{compact[3:6]}-{compact[6:]}"
    if business and re.fullmatch(r"9[56]\d{3,6}", compact):
        return compact
    if match and compact.startswith("0"):
        extension = match.group(1)
        compact = re.sub(r"(?:-|转|ext\.?)\d{1,6}$", "", text).replace("-", "")
    if compact.startswith("0") and compact.isdigit():
        area_len = 3 if compact.startswith(("010", "02")) else 4
        area, number = compact[:area_len], compact[area_len:]
        if 7 <= len(number) <= 8:
            result = f"{area}-{number}"
            return f"{result}-{extension}" if extension else result
    raise InvalidValue("电话号码格式不正确：手机号应为 11 位，固定电话应带区号（如 0550-7654321）")


# -- dates --------------------------------------------------------------------------------------
def parse_date(value: object) -> date:
    if isinstance(value, date):
        return value
    text = normalize_text(str(value))
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ].*)?", text)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise InvalidValue(f"“{text}”不是有效日期") from None
    raise InvalidValue("日期格式应为 YYYY-MM-DD，例如 2026-03-15")


def check_not_future(d: date, today: date) -> date:
    if d > today:
        raise InvalidValue(f"日期不能晚于今天（{today.isoformat()}）")
    return d


def check_not_after(earlier: date, later: date, message: str) -> None:
    if earlier > later:
        raise InvalidValue(message)


# -- names and masking ------------------------------------------------------------------------
def normalize_business_name(raw: str) -> str:
    """Key for duplicate detection: no spaces or punctuation, latin letters in lower case."""
    text = normalize_text(raw)
    return re.sub(r"[\s()（）·.。\-—_,，、'\"“”]", "", text).lower()


def mask_name(name: str) -> str:
    if not name:
        return ""
    return name[0] + "*" * (len(name) - 1) if len(name) > 1 else name


def mask_phone(phone: str) -> str:
    if not phone:
        return ""
    if _MOBILE.match(phone):
        return f"{phone[:3]}****{phone[7:]}"
    if "-" in phone and phone.startswith("0"):
        area, number = phone.split("-", 1)
        return f"{area}-{'*' * (len(number) - 4)}{number[-4:]}" if len(number) > 4 else f"{area}-****"
    return phone[0] + "*" * (len(phone) - 2) + phone[-1] if len(phone) > 2 else phone


def mask_id_number(idn: str) -> str:
    if not idn:
        return ""
    if len(idn) <= 7:
        return "*" * len(idn)
    return idn[:3] + "*" * (len(idn) - 7) + idn[-4:]
