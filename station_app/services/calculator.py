"""The punitive-compensation calculator for mediators (a reference, never a verdict)."""

from __future__ import annotations

from station_app.domain import compensation
from station_app.domain.errors import InvalidValue, Problem, ValidationError
from station_app.domain.money import format_yuan, yuan_to_fen

RULES = compensation.RULES


def calculate(rule: str, price_yuan: str, loss_yuan: str = "0") -> compensation.Compensation:
    fen = {}
    for key, label, value in (("price", "价款", price_yuan), ("loss", "损失", loss_yuan or "0")):
        try:
            fen[key] = yuan_to_fen(value)
        except InvalidValue as exc:
            raise ValidationError([Problem(key, label, str(exc))]) from None
    return compensation.calculate(rule, fen["price"], fen["loss"])


def yuan(fen: int) -> str:
    return format_yuan(fen)
