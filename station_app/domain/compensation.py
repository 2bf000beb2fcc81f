"""Punitive-compensation calculator: a reference for mediation, never a verdict.

消法 Art. 55 ¶1 (fraud): extra = max(3 × price, 500 元).
食品安全法 Art. 148 ¶2 (food): extra = max(10 × price, 3 × loss, 1000 元).
All arithmetic in Decimal yuan, exact to the fen; results in integer fen.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from station_app.domain.errors import InvalidValue
from station_app.domain.money import FEN_PER_YUAN, money_words

RULES = {
    "fraud": "《消费者权益保护法》第五十五条第一款（欺诈）",
    "food": "《食品安全法》第一百四十八条第二款（不符合食品安全标准的食品）",
}
NOTICE = "计算结果仅供调解参考，不是裁决；最终金额以双方协议或法院裁判为准。"


@dataclass(frozen=True)
class Candidate:
    basis: str  # machine code: three_times_price, ten_times_price, three_times_loss, floor
    label: str  # Chinese wording shown to the mediator
    amount_fen: int


@dataclass(frozen=True)
class Compensation:
    rule: str
    rule_title: str
    price_fen: int
    loss_fen: int
    candidates: tuple[Candidate, ...]
    applied: str  # basis of the winning candidate
    floor_applied: bool
    punitive_fen: int
    notice: str = NOTICE

    def as_json(self) -> dict:
        data = asdict(self)
        data["candidates"] = [asdict(c) for c in self.candidates]
        return data

    def explain(self) -> str:
        lines = [self.rule_title]
        for c in self.candidates:
            mark = "  ← 适用" if c.basis == self.applied else ""
            lines.append(f"  {c.label}：{money_words(c.amount_fen)}{mark}")
        if self.floor_applied:
            lines.append("  不足法定最低额，按最低额计算")
        lines.append(f"增加赔偿金额：{money_words(self.punitive_fen)}")
        lines.append(NOTICE)
        return "\n".join(lines)


def _fen(amount: Decimal) -> int:
    return int((amount * FEN_PER_YUAN).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def calculate(rule: str, price_fen: int, loss_fen: int = 0) -> Compensation:
    if rule not in RULES:
        raise InvalidValue(f"未知的赔偿规则“{rule}”，可用：fraud（欺诈，退一赔三）、food（食品，十倍赔偿）")
    if price_fen < 0 or loss_fen < 0:
        raise InvalidValue("金额不能为负数")
    price = Decimal(price_fen) / FEN_PER_YUAN
    loss = Decimal(loss_fen) / FEN_PER_YUAN
    if rule == "fraud":
        candidates = (
            Candidate("three_times_price", "价款的三倍", _fen(price * 3)),
            Candidate("floor", "法定最低额", _fen(Decimal(500))),
        )
    else:
        candidates = (
            Candidate("ten_times_price", "价款的十倍", _fen(price * 10)),
            Candidate("three_times_loss", "损失的三倍", _fen(loss * 3)),
            Candidate("floor", "法定最低额", _fen(Decimal(1000))),
        )
    # Ties go to the statutory multiple, not the floor: the floor applies only when it is strictly larger.
    best = max(candidates, key=lambda c: (c.amount_fen, c.basis != "floor"))
    return Compensation(
        rule=rule,
        rule_title=RULES[rule],
        price_fen=price_fen,
        loss_fen=loss_fen,
        candidates=candidates,
        applied=best.basis,
        floor_applied=best.basis == "floor",
        punitive_fen=best.amount_fen,
    )
