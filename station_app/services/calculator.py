"""The punitive-compensation calculator for mediators (a reference, never a verdict)."""

from __future__ import annotations

from station_app.domain import compensation
from station_app.domain.errors import InvalidValue, Problem, ValidationError
from station_app.domain.money import format_yuan, yuan_to_fen

RULES = compensation.RULES


def calculate(
    rule: str, price_yuan: str, loss_yuan: str = "0", *, fields: tuple[str, str] = ("price", "loss")
) -> compensation.Compensation:
    """``fields`` name the two amounts in a refusal as the caller's user typed them (``--price`` on the CLI)."""
    fen = {}
    for key, label, value in ((fields[0], "价款", price_yuan), (fields[1], "损失", loss_yuan or "0")):
        try:
            fen[key] = yuan_to_fen(value)
        except InvalidValue as exc:
            raise ValidationError([Problem(key, label, str(exc))]) from None
    return compensation.calculate(rule, fen[fields[0]], fen[fields[1]])


def yuan(fen: int) -> str:
    return format_yuan(fen)
