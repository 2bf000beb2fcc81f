"""Finding one person in a register: their phone and ID number in any written form, and their name in free text.

An erasure request comes as the person says it: a full-width ID number typed with a Chinese input method, an
old 15-digit number, a phone with spaces or dashes. Registers hold the same person in other forms (an old
register kept 15-digit numbers, a clerk wrote "138-0013-8000" in a note). So both sides are reduced to one key
before comparing: the phone's digits, and the ID number's 17 core digits (a 15-digit number is the 18-digit one
without the century "19" after the 6-digit area code and without the check character).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from station_app.domain.errors import InvalidValue

PHONE_GONE = "（电话已删除）"
ID_GONE = "（身份证号已删除）"
NAME_GONE = "（姓名已删除）"

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Between the digits of a number written by hand: spaces (also the ideographic one) and dashes of any width.
_SEP = "[ \t\u3000\\-－—–]{0,2}"
_NOT_DIGIT_BEFORE = "(?<![0-9０-９])"
_NOT_DIGIT_AFTER = "(?![0-9０-９])"


def _nfkc(raw: object) -> str:
    return unicodedata.normalize("NFKC", str(raw or ""))


def phone_key(raw: object) -> str:
    """The digits of a phone number (full-width ones too); a mobile without its +86/0086 prefix."""
    digits = re.sub(r"[^0-9]", "", _nfkc(raw))
    if len(digits) > 11 and digits[:-11] in ("86", "086", "0086") and _MOBILE.fullmatch(digits[-11:]):
        return digits[-11:]
    return digits


def id_core(raw: object) -> str | None:
    """The 17 core digits of an 18- or 15-digit ID number (full-width, spaced or lower-case x allowed)."""
    text = re.sub(r"[\s\-]", "", _nfkc(raw)).upper()
    if re.fullmatch(r"[0-9]{17}[0-9X]", text):
        return text[:17]
    if re.fullmatch(r"[0-9]{15}", text):
        return text[:6] + "19" + text[6:]
    return None


def request_keys(phone: str, id_number: str) -> tuple[str, str]:
    """The keys of an erasure request; ``InvalidValue`` when a given value cannot be a phone or an ID number."""
    phone_digits = phone_key(phone) if phone.strip() else ""
    if phone.strip() and len(phone_digits) < 7:
        raise InvalidValue("电话号码应至少有 7 位数字（手机 11 位，固定电话带区号）")
    core = id_core(id_number) if id_number.strip() else ""
    if core is None:
        raise InvalidValue("身份证号码应为 18 位（或旧式 15 位），全角数字也可以")
    return phone_digits, core


def _digits_pattern(digits: str) -> str:
    return _SEP.join(f"[{d}{chr(0xFF10 + int(d))}]" for d in digits)


@dataclass
class Person:
    """What is known of the person: phone keys, ID cores and the names their own records gave."""

    phones: set[str] = field(default_factory=set)
    cores: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    def owns(self, phone: object = "", id_number: object = "") -> bool:
        """Whether a record's own phone or ID number column is this person's."""
        key = phone_key(phone) if phone else ""
        core = id_core(id_number) if id_number else None
        return (bool(key) and key in self.phones) or (core is not None and core in self.cores)

    def learn(self, phone: object = "", id_number: object = "", name: object = "") -> bool:
        """Add what one of the person's records says about them; True when something new was learned."""
        before = (len(self.phones), len(self.cores), len(self.names))
        key = phone_key(phone) if phone else ""
        if len(key) >= 7:
            self.phones.add(key)
        core = id_core(id_number) if id_number else None
        if core:
            self.cores.add(core)
        text = _nfkc(name).strip()
        if len(text) >= 2 and not text.startswith("（"):
            self.names.add(text)
        return before != (len(self.phones), len(self.cores), len(self.names))

    def scrubber(self) -> Scrubber:
        return Scrubber(self)


class Scrubber:
    """Finds and replaces the person's phone, ID number and name inside free text."""

    def __init__(self, person: Person):
        numbers = []
        for key in sorted(person.phones, key=len, reverse=True):
            numbers.append((_digits_pattern(key), PHONE_GONE))
        for core in sorted(person.cores):
            numbers.append((_digits_pattern(core) + _SEP + "[0-9０-９XxＸｘ]", ID_GONE))
            if core[6:8] == "19":  # the same number in its old 15-digit form
                numbers.append((_digits_pattern(core[:6] + core[8:]), ID_GONE))
        self._numbers = [
            (re.compile(_NOT_DIGIT_BEFORE + pattern + _NOT_DIGIT_AFTER), gone) for pattern, gone in numbers
        ]
        names = sorted(person.names, key=len, reverse=True)  # 张三丰 before 张三
        self._name = (
            re.compile("|".join("[ \u3000]?".join(map(re.escape, name)) for name in names), re.IGNORECASE)
            if names
            else None
        )

    def has_number(self, text: str | None) -> bool:
        return bool(text) and any(pattern.search(text) for pattern, _gone in self._numbers)  # type: ignore[arg-type]

    def has_name(self, text: str | None) -> bool:
        return bool(text) and self._name is not None and self._name.search(text) is not None  # type: ignore[arg-type]

    def hit(self, text: str | None) -> bool:
        return self.has_number(text) or self.has_name(text)

    def scrub(self, text: str, *, names: bool) -> str:
        """``text`` without the person's numbers (and names, when the text is known to be about them)."""
        for pattern, gone in self._numbers:
            text = pattern.sub(gone, text)
        if names and self._name is not None:
            text = self._name.sub(NAME_GONE, text)
        return text
