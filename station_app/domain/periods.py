"""The periods figures are reported for (docs/figures.md): a month, a quarter, a year or a range of days, each
with its label and the same period one year earlier."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from station_app.domain.errors import InvalidValue


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str  # month, quarter, year, range
    label: str  # 2026年3月, 2026年第一季度, 2026年, 2026-01-05至2026-02-20

    def as_json(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "kind": self.kind, "label": self.label}

    def previous_year(self) -> Period:
        """The same period one year earlier (29 February becomes 28 February)."""
        start, end = year_back(self.start), year_back(self.end)
        if self.kind == "month" and self.end.month == 2:
            end = date(end.year, 2, calendar.monthrange(end.year, 2)[1])
        label = {
            "month": f"{start.year}年{start.month}月",
            "quarter": f"{start.year}年第{QUARTER_WORDS[(start.month - 1) // 3]}季度",
            "year": f"{start.year}年",
        }.get(self.kind, f"{start.isoformat()}至{end.isoformat()}")
        return Period(start, end, self.kind, label)


QUARTER_WORDS = "一二三四"


def year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def month(text: str) -> Period:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidValue(f"月份应写成 YYYY-MM，例如 2026-03，而不是“{text}”")
    year, mon = int(match.group(1)), int(match.group(2))
    last = calendar.monthrange(year, mon)[1]
    return Period(date(year, mon, 1), date(year, mon, last), "month", f"{year}年{mon}月")


def quarter(text: str) -> Period:
    match = re.fullmatch(r"(\d{4})-?Q([1-4])", text.strip().upper())
    if not match:
        raise InvalidValue(f"季度应写成 YYYY-Qn，例如 2026-Q1，而不是“{text}”")
    year, q = int(match.group(1)), int(match.group(2))
    start = date(year, 3 * q - 2, 1)
    end_month = 3 * q
    end = date(year, end_month, calendar.monthrange(year, end_month)[1])
    return Period(start, end, "quarter", f"{year}年第{QUARTER_WORDS[q - 1]}季度")


def year(text: str | int) -> Period:
    if not re.fullmatch(r"\d{4}", str(text).strip()):
        raise InvalidValue(f"年份应写成 YYYY，例如 2026，而不是“{text}”")
    y = int(text)
    return Period(date(y, 1, 1), date(y, 12, 31), "year", f"{y}年")


def date_range(start: date, end: date) -> Period:
    if end < start:
        raise InvalidValue(f"结束日期（{end.isoformat()}）不能早于开始日期（{start.isoformat()}）")
    return Period(start, end, "range", f"{start.isoformat()}至{end.isoformat()}")
