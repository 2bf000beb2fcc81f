"""Definitions of the reported figures (docs/figures.md): rates, shares and year-on-year changes.

One definition per figure, used by every output (JSON, text, Excel, PDF, the year-end draft).
Rates and shares are percentages with one decimal, rounded half up (98.24 → 98.2, 76.35 → 76.4),
computed with Decimal from the integer counts: never a float on the way. The periods are in periods.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

ONE_DECIMAL = Decimal("0.1")


def percent(part: int, whole: int) -> Decimal | None:
    """part ÷ whole as a percentage with one decimal, half up; None when whole is 0 (never NaN)."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def shares(counts: dict[str, int], whole: int) -> dict[str, Decimal | None]:
    return {code: percent(n, whole) for code, n in counts.items()}


@dataclass(frozen=True)
class Change:
    """This period against the same period last year."""

    delta: int | Decimal | None  # 件 (or fen) difference; for rates, percentage points
    percent: Decimal | None  # growth in %, None when last year was 0 or for rates

    def as_json(self) -> dict[str, object]:
        return {"delta": _plain(self.delta), "percent": _plain(self.percent)}


def change(now: int, before: int) -> Change:
    return Change(now - before, percent(now - before, before) if before else None)


def rate_change(now: Decimal | None, before: Decimal | None) -> Change:
    if now is None or before is None:
        return Change(None, None)
    return Change((now - before).quantize(ONE_DECIMAL), None)


def _plain(value: object) -> object:
    """JSON form: a rate as a number with one decimal (98.2), counts as integers."""
    if isinstance(value, Decimal):
        return float(value)
    return value


def to_json(value: object) -> object:
    """Decimals (rates and shares) become numbers with one decimal, recursively."""
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return _plain(value)
