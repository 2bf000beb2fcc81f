"""Validation of single values: ID numbers, credit codes, phones, dates, names; and masking.

Every check returns the normalised value or raises ``InvalidValue`` with a Chinese message that
says what is wrong (the caller names the field).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from station_app.domain.errors import InvalidValue

# Full-width digits and latin letters → ASCII; ideographic space → space. Chinese punctuation
# (、。，（）：…) is left alone: it is part of ordinary Chinese text.
_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ\u3000",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ",
)
# For codes and numbers only: full-width signs that people type with a Chinese input method.
_FULL_WIDTH_SIGNS = str.maketrans("＋－（）／．：", "+-()/.:")


def normalize_text(raw: str) -> str:
    """Full-width letters/digits/space → half-width, trimmed, inner whitespace runs → one space."""
    return re.sub(r"\s+", " ", str(raw).translate(_FULL_WIDTH)).strip()


def _compact_code(raw: str) -> str:
    """Code-style input: half-width, upper case, without spaces or hyphens."""
    text = normalize_text(raw).translate(_FULL_WIDTH_SIGNS)
    return re.sub(r"[\s\-]", "", text).upper()


# -- 公民身份号码 (GB 11643) --------------------------------------------------------------------
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)


def id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise InvalidValue("计算校验位需要 17 位数字")
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _check_birth_date(yyyymmdd: str, today: date) -> None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise InvalidValue("身份证号码中的出生日期不是有效日期，请核对第 7–14 位") from None
    if born > today:
        raise InvalidValue("身份证号码中的出生日期晚于今天，请核对第 7–14 位")
    if born < _EARLIEST_BIRTH:
        raise InvalidValue("身份证号码中的出生日期早于 1900 年，请核对第 7–14 位")


def normalize_id_number(raw: str, *, today: date) -> str:
    """18-digit 公民身份号码 (legacy 15-digit numbers are converted to 18 digits)."""
    text = _compact_code(raw)
    if len(text) not in (15, 18):
        raise InvalidValue(f"身份证号码应为 18 位（或旧式 15 位），现在是 {len(text)} 位")
    if len(text) == 15:
        if not re.fullmatch(r"[0-9]{15}", text):
            raise InvalidValue("旧式 15 位身份证号码只能包含数字")
        body = text[:6] + "19" + text[6:]
    else:
        if not re.fullmatch(r"[0-9]{17}[0-9X]", text):
            raise InvalidValue("身份证号码只能包含数字，最后一位可以是 X")
        body = text[:17]
    if body[0] == "0":
        raise InvalidValue("身份证号码不能以 0 开头")
    _check_birth_date(body[6:14], today)
    check = id_check_char(body)
    if len(text) == 18 and text[17] != check:
        raise InvalidValue("身份证号码校验位不正确，请核对最后一位及其余各位数字")
    return body + check


# -- 统一社会信用代码 (GB 32100) ----------------------------------------------------------------
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """MOD 31 check character for the first 17 characters of a 统一社会信用代码."""
    if len(first17) != 17 or any(ch not in _USCC_ALPHABET for ch in first17):
        raise InvalidValue("计算校验位需要 17 位代码字符")
    total = sum(_USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def normalize_credit_code(raw: str) -> str:
    """18-character 统一社会信用代码, upper case. Only the alphabet and the check are verified."""
    text = _compact_code(raw)
    if len(text) != 18:
        raise InvalidValue(f"统一社会信用代码应为 18 位，现在是 {len(text)} 位")
    bad = "".join(sorted({ch for ch in text if ch not in _USCC_ALPHABET}))
    if bad:
        raise InvalidValue(f"统一社会信用代码含有不允许的字符：{bad}（只用数字和大写字母，不用 I、O、Z、S、V）")
    if credit_code_check_char(text[:17]) != text[17]:
        raise InvalidValue("统一社会信用代码校验位不正确，请核对最后一位及其余各位")
    return text


# -- phones -------------------------------------------------------------------------------------
_MOBILE = re.compile(r"1[3-9]\d{9}")
_EXTENSION = re.compile(r"(.+?)(?:转|分机|ext\.?|x|#)(\d{1,6})", re.IGNORECASE)


def _landline(digits: str) -> str | None:
    """``"057187654321"`` → ``"0571-87654321"``; None if it is not a landline with area code."""
    if not digits.isdigit() or not digits.startswith("0") or digits.startswith("00"):
        return None
    if digits.startswith("01") and not digits.startswith("010"):
        return None  # 01x is only 010 (Beijing); "013800138000" is a mobile with a stray 0
    area_len = 3 if digits.startswith(("010", "02")) else 4
    area, number = digits[:area_len], digits[area_len:]
    return f"{area}-{number}" if 7 <= len(number) <= 8 else None


def _without_country_code(digits: str) -> list[str]:
    """Readings of the number without a +86 / 0086 / 86 prefix (the number itself first)."""
    readings = [digits]
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            readings += [rest, "0" + rest]  # international form drops the area code's 0
    if len(digits) == 13 and digits.startswith("86"):
        readings.append(digits[2:])
    return readings


def _phone(text: str, business: bool) -> str | None:
    for reading in _without_country_code(text.replace("-", "")):
        if _MOBILE.fullmatch(reading):
            return reading
        landline = _landline(reading)
        if landline:
            return landline
        if business and re.fullmatch(r"(400|800)\d{7}", reading):
            return f"{reading[:3]}-{reading[3:6]}-{reading[6:]}"
        if business and re.fullmatch(r"9[56]\d{3,6}", reading):
            return reading
    return None


def normalize_phone(raw: str, *, business: bool = False) -> str:
    """Mobile → 11 digits; landline → ``0571-87654321`` (extension → ``0571-87654321-808``).

    With ``business=True`` also 400/800 numbers (``400-812-3123``) and 95xxx/96xxx service numbers.
    """
    text = normalize_text(raw).translate(_FULL_WIDTH_SIGNS)
    text = re.sub(r"[\s()（）]", "", text).replace("—", "-")
    # Hyphens as written decide between number and extension when they agree with the area rule.
    written = re.fullmatch(r"(0\d{2,3})-(\d{7,8})(?:(?:-|转|分机)(\d{1,6}))?", text)
    if written and _landline(written.group(1) + written.group(2)) == f"{written.group(1)}-{written.group(2)}":
        return "-".join(part for part in written.groups() if part)
    found = _phone(text, business)
    if found:
        return found
    # An extension: "0550-7654321转808", "0550-7654321-808", "400-812-3123 转 2".
    match = _EXTENSION.fullmatch(text)
    head, ext = (match.group(1), match.group(2)) if match else (text.rpartition("-")[0], text.rpartition("-")[2])
    if head and ext.isdigit() and len(ext) <= 6:
        found = _phone(head, business)
        if found and not _MOBILE.fullmatch(found) and not found.startswith("9"):
            return f"{found}-{ext}"
    if business:
        raise InvalidValue(
            "电话号码格式不正确：手机号应为 11 位，固定电话应带区号（如 0550-7654321），或 400/95 开头的服务号"
        )
    raise InvalidValue("电话号码格式不正确：手机号应为 11 位，固定电话应带区号（如 0550-7654321）")


# -- dates --------------------------------------------------------------------------------------
_DATE_MESSAGE = "日期格式应为 YYYY-MM-DD，例如 2026-03-15"
_DATE_FORMS = (
    re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"),
    re.compile(r"(\d{4})(年)(\d{1,2})月(\d{1,2})日?"),
)
# The time part of an ISO timestamp ("2026-03-15T10:00:00+08:00"), which is dropped.
_TIME_PART = re.compile(r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_date(value: object) -> date:
    """A ``date`` (a ``datetime`` gives its date) or "2026-03-15", "2026/3/15", "2026年3月15日"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InvalidValue(_DATE_MESSAGE)
    text = normalize_text(value).translate(_FULL_WIDTH_SIGNS)
    text = re.sub(r"\s*([-/.年月日])\s*", r"\1", text)
    for form in _DATE_FORMS:
        match = form.match(text)
        if match and _TIME_PART.fullmatch(text[match.end() :]):
            try:
                return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
            except ValueError:
                raise InvalidValue(f"“{value}”不是有效日期（月份或日子超出范围）") from None
    raise InvalidValue(_DATE_MESSAGE)


def check_not_future(d: date, today: date) -> date:
    if d > today:
        raise InvalidValue(f"日期不能晚于今天（{today.isoformat()}）")
    return d


# No station kept this register before 2000: an earlier date (1899, year 0001) is a typing slip or a forged
# record, and would sit at the head of every register and tally.
EARLIEST_RECORD_DATE = date(2000, 1, 1)
FUTURE_YEARS = 10  # a deadline set in an agreement (履行期限) may lie ahead, not a lifetime ahead


def check_record_date(d: date, today: date, *, allow_future: bool = False) -> date:
    """A date in a record: not before 2000-01-01, not after ``today`` (a deadline: within ten years)."""
    if d < EARLIEST_RECORD_DATE:
        raise InvalidValue(f"日期不能早于 {EARLIEST_RECORD_DATE.isoformat()}，请核对年份")
    if not allow_future:
        return check_not_future(d, today)
    latest = date(today.year + FUTURE_YEARS, 12, 31)
    if d > latest:
        raise InvalidValue(f"日期不能晚于 {latest.isoformat()}，请核对年份")
    return d


def check_not_after(earlier: date, later: date, message: str) -> None:
    """Raise ``InvalidValue(message)`` if ``earlier`` falls after ``later`` (equal is fine)."""
    if earlier > later:
        raise InvalidValue(message)


# -- control characters ------------------------------------------------------------------------------
# C0 control characters and DEL: invisible, they break printing, exports and search (a NUL ends a string in
# many programs). Tab and line breaks are ordinary text (a carriage return comes with Windows line ends).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


def check_plain_text(text: str) -> str:
    """``text`` unchanged, or InvalidValue when it holds an invisible control character."""
    if has_control(text):
        raise InvalidValue("含有看不见的控制字符（常见于从其他软件复制粘贴），请删除后重新输入")
    return text


# -- names and masking ------------------------------------------------------------------------
_NAME_NOISE = re.compile(r"[\s()（）\[\]【】·•・.。,，、\-－—_'\"‘’“”&＆]")


def normalize_business_name(raw: str) -> str:
    """Key for duplicate detection: no spaces or punctuation, latin letters in lower case."""
    return _NAME_NOISE.sub("", normalize_text(raw)).lower()


def mask_name(name: str | None) -> str:
    """``张三`` → ``张*``, ``欧阳小明`` → ``欧***``; a one-character name is fully masked."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    return name[0] + "*" * (len(name) - 1)


def _mask_middle(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return "*" * len(text) if len(text) <= 2 else text[0] + "*" * (len(text) - 2) + text[-1]
    return text[:keep_start] + "*" * (len(text) - keep_start - keep_end) + text[len(text) - keep_end :]


def mask_phone(phone: str | None) -> str:
    """``13800138000`` → ``138****8000``; ``0571-87654321`` → ``0571-****4321``; else keep the ends."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    try:
        phone = normalize_phone(phone, business=True)
    except InvalidValue:
        return _mask_middle(phone, 1, 1)
    if _MOBILE.fullmatch(phone):
        return _mask_middle(phone, 3, 4)
    if phone.startswith("0"):
        area, number, *ext = phone.split("-")
        return "-".join([area, _mask_middle(number, 0, 4), *ext])
    return _mask_middle(phone, 1, 1)  # 400-812-3123, 95588: business numbers, ends kept


def mask_id_number(idn: str | None) -> str:
    """``110101199003071234`` → ``110***********1234`` (first 3 and last 4 kept)."""
    idn = (idn or "").strip()
    if len(idn) <= 7:
        return "*" * len(idn)
    return _mask_middle(idn, 3, 4)
