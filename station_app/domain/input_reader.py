"""Reads one JSON input object field by field, collecting every problem before refusing.

A record with three wrong fields gets three messages at once, each naming its field in Chinese,
so a clerk fixes them in one go rather than one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from station_app.domain import validation
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import InvalidValue, Problem, ValidationError
from station_app.domain.money import yuan_to_fen

T = TypeVar("T")
MAX_TEXT = 20_000  # facts of a complaint can be long; a megabyte of text is a pasting accident


class InputReader:
    def __init__(self, data: Any, catalogs: Catalogs, today: date, *, prefix: str = ""):
        if not isinstance(data, dict):
            raise ValidationError([Problem(prefix or "(record)", "记录", "应为 JSON 对象 {…}")])
        self.data = data
        self.catalogs = catalogs
        self.today = today
        self.prefix = prefix
        self.problems: list[Problem] = []

    # -- plumbing ---------------------------------------------------------------------------
    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def add(self, key: str, label: str, message: str) -> None:
        self.problems.append(Problem(self.path(key), label, message))

    def raw(self, key: str) -> Any:
        value = self.data.get(key)
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def _read(self, key: str, label: str, required: bool, parse: Callable[[Any], T]) -> T | None:
        value = self.raw(key)
        if value is None:
            if required:
                self.add(key, label, "必须填写")
            return None
        try:
            return parse(value)
        except InvalidValue as exc:
            self.add(key, label, str(exc))
            return None

    def sub(self, key: str, label: str, *, required: bool = False) -> InputReader:
        value = self.data.get(key)
        if value is None:
            if required:
                self.add(key, label, "必须填写")
            value = {}
        if not isinstance(value, dict):
            self.add(key, label, "应为 JSON 对象 {…}")
            value = {}
        child = InputReader(value, self.catalogs, self.today, prefix=self.path(key))
        child.problems = self.problems  # one list: the parent reports everything
        return child

    def finish(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    # -- typed fields -------------------------------------------------------------------------
    def text(self, key: str, label: str, *, required: bool = False, max_len: int = MAX_TEXT) -> str:
        def parse(value: Any) -> str:
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                raise InvalidValue("应为文字")
            validation.check_plain_text(str(value))  # before normalising turns some of them into spaces
            text = validation.normalize_text(str(value)) if max_len <= 200 else str(value).strip()
            if len(text) > max_len:
                raise InvalidValue(f"过长（最多 {max_len} 字）")
            return text

        return self._read(key, label, required, parse) or ""

    def date(
        self, key: str, label: str, *, required: bool = False, default: date | None = None, allow_future: bool = False
    ) -> date | None:
        def parse(value: Any) -> date:
            return validation.check_record_date(validation.parse_date(value), self.today, allow_future=allow_future)

        value = self._read(key, label, required and default is None, parse)
        if value is None and self.raw(key) is None:
            return default
        return value

    def money(self, key: str, label: str, *, required: bool = False) -> int | None:
        return self._read(key, label, required, yuan_to_fen)

    def count(self, key: str, label: str, *, minimum: int = 0, default: int = 0) -> int:
        def parse(value: Any) -> int:
            if isinstance(value, bool):
                raise InvalidValue("应为整数")
            try:
                number = int(str(value).strip())
            except ValueError:
                raise InvalidValue("应为整数") from None
            if number < minimum:
                raise InvalidValue(f"不能小于 {minimum}")
            if number > 100_000_000:
                raise InvalidValue("数字过大，请核对")
            return number

        value = self._read(key, label, False, parse)
        return default if value is None else value

    def flag(self, key: str, label: str, *, default: bool = False) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "是"}:
            return True
        if isinstance(value, str) and value.strip().lower() in {"false", "no", "0", "否"}:
            return False
        self.add(key, label, "应为 true 或 false")
        return default

    def code(
        self, key: str, label: str, kind: str, *, required: bool = False, default: str | None = None
    ) -> str | None:
        value = self._read(key, label, required and default is None, lambda v: self.catalogs.resolve(kind, str(v)))
        if value is None and self.raw(key) is None:
            return default
        return value

    def codes(self, key: str, label: str, kind: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.add(key, label, "应为列表 [...]")
            return []
        result: list[str] = []
        for item in value:
            try:
                code = self.catalogs.resolve(kind, str(item))
            except InvalidValue as exc:
                self.add(key, label, str(exc))
                continue
            if code not in result:
                result.append(code)
        return result

    def phone(self, key: str, label: str, *, required: bool = False, business: bool = False) -> str:
        return self._read(key, label, required, lambda v: validation.normalize_phone(str(v), business=business)) or ""

    def id_number(self, key: str, label: str) -> str:
        return self._read(key, label, False, lambda v: validation.normalize_id_number(str(v), today=self.today)) or ""

    def credit_code(self, key: str, label: str) -> str:
        return self._read(key, label, False, lambda v: validation.normalize_credit_code(str(v))) or ""
