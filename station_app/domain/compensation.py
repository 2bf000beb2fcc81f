"""Punitive-compensation calculator: a reference for mediation, never a verdict.

消法 Art. 55 ¶1 (fraud): extra = max(3 × price, 500 元).
食品安全法 Art. 148 ¶2 (food) and 药品管理法 Art. 144 ¶3 (fake or substandard drugs): 10 × price or 3 × loss, as
the consumer chooses (the larger is suggested), at least 1,000 元.
All arithmetic in Decimal yuan, exact to the fen; results in integer fen. Each result states the legal conditions
the mediator must check (docs/legal-basis.md §1.8 and §2.7): the calculator never decides them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from station_app.domain.errors import InvalidValue
from station_app.domain.money import FEN_PER_YUAN, money_words

RULES = {
    "fraud": "《消费者权益保护法》第五十五条第一款（欺诈）",
    "food": "《食品安全法》第一百四十八条第二款（不符合食品安全标准的食品）",
    "drug": "《药品管理法》第一百四十四条第三款（假药、劣药）",
}
# What must hold before the formula applies, in the statutes' words (docs/legal-basis.md §2.7); shown with every
# result for the mediator to check one by one.
CONDITIONS = {
    "fraud": (
        "经营者提供商品或者服务有欺诈行为（《侵害消费者权益行为处罚办法》第十六条所列情形等）",
        "由消费者提出要求（“按照消费者的要求增加赔偿”）",
        "增加赔偿为价款或者服务费用的三倍，不足五百元的为五百元；法律另有规定的依照其规定"
        "（食品、药品可改依《食品安全法》第一百四十八条或《药品管理法》第一百四十四条，择一主张）",
    ),
    "food": (
        "食品不符合食品安全标准",
        "被投诉人是生产者，或者是明知不符合食品安全标准仍然销售的经营者（经营者须“明知”）",
        "由消费者选择价款十倍或者损失三倍（此处列出较高者）；不足一千元的为一千元；另可要求赔偿损失",
        "例外：食品的标签、说明书存在不影响食品安全且不会对消费者造成误导的瑕疵的，不适用",
    ),
    "drug": (
        "药品是假药或者劣药",
        "被投诉人是生产者，或者是明知是假药、劣药仍然销售、使用的",
        "请求人是受害人或者其近亲属",
        "由请求人选择价款十倍或者损失三倍（此处列出较高者）；不足一千元的为一千元；另可要求赔偿损失",
    ),
}
NOT_COMPUTED = (
    "《消费者权益保护法》第五十五条第二款（经营者明知缺陷仍提供，造成死亡或者健康严重损害的，"
    "可要求所受损失二倍以下的惩罚性赔偿）本计算器不计算：数额由协议或法院确定"
)
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
    conditions: tuple[str, ...] = ()
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
        lines.append("适用条件（请逐条核实，不符合的不能按此计算）：")
        lines += [f"  {n}. {text}" for n, text in enumerate(self.conditions, start=1)]
        lines.append(NOT_COMPUTED)
        lines.append(NOTICE)
        return "\n".join(lines)


def _fen(amount: Decimal) -> int:
    return int((amount * FEN_PER_YUAN).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def calculate(rule: str, price_fen: int, loss_fen: int = 0) -> Compensation:
    if rule not in RULES:
        raise InvalidValue(
            f"未知的赔偿规则“{rule}”，可用：fraud（欺诈，退一赔三）、food（食品，十倍赔偿）、drug（假药劣药，十倍赔偿）"
        )
    if price_fen < 0 or loss_fen < 0:
        raise InvalidValue("金额不能为负数")
    if rule == "fraud" and loss_fen:  # every input used or refused: a loss silently dropped misleads
        raise InvalidValue("欺诈（消法第五十五条第一款）的增加赔偿按价款计算，不用损失金额：请不要填写损失金额")
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
        conditions=CONDITIONS[rule],
    )
