"""The punitive-compensation calculator for mediators (a reference, never a verdict)."""

from __future__ import annotations

from dataclasses import dataclass

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
    try:
        return compensation.calculate(rule, fen[fields[0]], fen[fields[1]])
    except InvalidValue as exc:  # said beside the field it concerns: the loss for fraud, else the rule
        field, label = (fields[1], "损失") if rule == "fraud" and fen[fields[1]] else ("rule", "赔偿规则")
        raise ValidationError([Problem(field, label, str(exc))]) from None


@dataclass(frozen=True)
class Settlement:
    """What the clerk writes on settling: the refund or repair, the statutory compensation, and their sum.

    挽回经济损失 is everything the consumer got back (a refund of 1,550 元 plus 4,650 元 compensation is
    6,200 元 recovered, of which 4,650 元 加倍赔偿), so the total, not the punitive part alone, fills it.
    """

    refund_fen: int
    compensation: compensation.Compensation

    @property
    def punitive_fen(self) -> int:
        return self.compensation.punitive_fen

    @property
    def total_fen(self) -> int:
        return self.refund_fen + self.compensation.punitive_fen


def settle(rule: str, price_yuan: str, loss_yuan: str = "0", refund_yuan: str = "0") -> Settlement:
    """The statutory compensation on ``price`` plus the refund/repair amount the parties agreed."""
    result = calculate(rule, price_yuan, loss_yuan)
    try:
        refund = yuan_to_fen(refund_yuan or "0")
    except InvalidValue as exc:
        raise ValidationError([Problem("refund", "退款或修理金额", str(exc))]) from None
    return Settlement(refund, result)


def yuan(fen: int) -> str:
    return format_yuan(fen)
