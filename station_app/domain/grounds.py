"""Does the ground given for refusing a complaint or ending its mediation hold for this case?

Each not-accepted ground (Order 20 Art. 15 / Order 121 Art. 16) and termination ground (Order 20
Art. 21 ¶1 / Order 121 Art. 23 ¶1) is checked against what the register knows: dates are computed
(the mediation limit elapsed, three years since the purchase), facts the program cannot see must be
stated in the step's note (a withdrawal, the body that already handled the dispute, the other rule
relied on). Grounds that are the staff's judgment alone (no authority, not living consumption, false
identity) are not second-guessed. docs/legal-basis.md §2.3–2.4 lists each condition and its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from station_app.domain.errors import RuleViolation

ORDER20 = "order20"


@dataclass(frozen=True)
class CaseFacts:
    """What the register knows about the case beyond its columns, as of the step."""

    mediation_due: date | None = None  # the limit's last day (None: no limit running, or the clock is paused)
    limit_text: str = ""  # e.g. "60日" or "45个工作日", for messages
    paused: bool = False
    testing_recorded: bool = False  # the clock was ever paused for testing or appraisal
    earlier_cases: Sequence[str] = ()  # numbers of likely earlier cases of the same dispute in this register


def limit_text(amount: int, unit: str, extension: int = 0) -> str:
    word = "个工作日" if unit == "working_days" else "日"
    extra = f"，延长 {extension}{word}" if extension else ""
    return f"{amount}{word}{extra}"


def plus_years(day: date, years: int) -> date:
    """The corresponding day ``years`` later; 29 February becomes 28 February (民法典 Art. 202)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# Bodies whose earlier handling bars a new complaint (Art. 15(二) / Art. 16(二)); Order 121 drops
# "依法成立的其他调解组织".
_BODIES = ("法院", "仲裁", "市场监督管理", "市场监管", "12315", "工商", "行政机关")
_BODIES += ("消费者协会", "消协", "消保委", "本站")
_BODIES_ORDER20 = ("调解组织", "调解委员会", "人民调解")
_WITHDRAWAL = ("撤回", "撤诉", "撤销投诉", "不再投诉", "和解")
_TESTING = ("检测", "检验", "鉴定", "检定")
_ABSENT = ("不参加", "未参加", "没有参加", "未到", "没有到", "缺席")
_REFUSED = ("拒绝",)
_RESPONDENT = ("被投诉人", "经营者", "商家", "店家", "公司", "厂家")


def _has(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def check(case: dict[str, Any], fields: dict[str, Any], rule_code: str, facts: CaseFacts) -> None:
    """Raise RuleViolation, in the clerk's words, when ``fields['ground']`` does not hold for ``case``."""
    ground = fields.get("ground")
    if not ground:
        return
    on = date.fromisoformat(fields["on"])
    note = (fields.get("note") or "").strip()
    checker = _CHECKS.get(ground)
    if checker is not None:
        checker(case, on, note, rule_code, facts, fields)


def _need_note(note: str, what: str, example: str) -> None:
    if not note:
        raise RuleViolation(f"请在备注中写明{what}（例如：{example}）")


# -- not accepted ---------------------------------------------------------------------------------
def _already_handled(case, on, note, rule_code, facts, fields) -> None:
    """Art. 15(二) / 16(二): another court, arbitration body, office or 消协 took up the same dispute."""
    if facts.earlier_cases:
        return
    bodies = _BODIES + (_BODIES_ORDER20 if rule_code == ORDER20 else ())
    if note and _has(note, bodies):
        return
    if note and rule_code != ORDER20 and _has(note, _BODIES_ORDER20):
        raise RuleViolation(
            "本案适用的《市场监督管理投诉举报处理办法》第十六条第（二）项只列法院、仲裁机构、行政机关和消费者协会，"
            "其他调解组织受理过的争议不属于这一项"
        )
    raise RuleViolation(
        "本站登记簿中没有同一争议的前案；请在备注中写明已受理或处理过该争议的机构（例如：该争议已由××区人民法院受理）"
    )


def _time_barred(case, on, note, rule_code, facts, fields) -> None:
    """Art. 15(四) / 16(四): more than three years since the complainant knew (or should have known).

    The day of purchase is the earliest the complainant can have known: within three years of it the
    ground cannot hold (the staff judge a later knowing day themselves).
    """
    if not case.get("purchased_on"):
        raise RuleViolation("以“超过三年”不予受理，须先在案件中填写购买日期（投诉人最早可能知道权益受侵害的日子）")
    bought = date.fromisoformat(case["purchased_on"])
    received = date.fromisoformat(case["received_on"])
    last = plus_years(bought, 3)
    if received <= last:
        raise RuleViolation(
            f"自购买日期（{bought.isoformat()}）起三年到 {last.isoformat()} 才届满，本案 {received.isoformat()} 登记，"
            "未超过三年，不能以“超过三年”不予受理"
        )


def _missing_materials(case, on, note, rule_code, facts, fields) -> None:
    """Art. 15(五) (Art. 9 ¶1 materials) / 16(五) (also false materials)."""
    wanted = {"consumer_address": "投诉人地址", "business_address": "被投诉人地址", "request": "投诉请求"}
    if any(not (case.get(column) or "").strip() for column in wanted):
        return
    false_too = "，或者哪项材料虚假" if rule_code != ORDER20 else ""
    _need_note(
        note,
        f"缺少的材料{false_too}——登记的姓名、电话、地址、被投诉人名称和地址、投诉请求和事实都已填写",
        "代理人未提供授权委托书原件",
    )


def _other_na(case, on, note, rule_code, facts, fields) -> None:
    _need_note(note, "不予受理所依据的法律、法规或规章及理由", "依照《××条例》第×条，……")


# -- terminated -----------------------------------------------------------------------------------
def _withdrawn(case, on, note, rule_code, facts, fields) -> None:
    """Art. 21 ¶1(一) / 23 ¶1(一): a withdrawal or the parties' own settlement, stated."""
    if not (note and _has(note, _WITHDRAWAL)):
        raise RuleViolation(
            "以“撤回投诉或者双方自行和解”终止，须在备注中写明撤回或和解的情况（例如：投诉人11月5日电话撤回投诉）"
        )


def _testing_fee(case, on, note, rule_code, facts, fields) -> None:
    """Art. 21 ¶1(二) / 23 ¶1(四): no agreement on the testing body (Order 20 only) or its fees."""
    if facts.testing_recorded or (note and _has(note, _TESTING)):
        return
    raise RuleViolation("本案没有送检测、鉴定的记录；请在备注中写明双方对哪项检测、鉴定的费用承担无法协商一致")


def _absent_or_refused(case, on, note, rule_code, facts, fields) -> None:
    """Art. 21 ¶1(三): either party absent, or the *respondent* refused; Art. 23 ¶1(二): either refused."""
    absent, refused = note and _has(note, _ABSENT), note and _has(note, _REFUSED)
    if not (absent or refused):
        raise RuleViolation(
            "以“无正当理由不参加调解或者明确拒绝调解”终止，须在备注中写明哪一方、何时不参加或拒绝调解"
            "（例如：被投诉人11月5日明确拒绝调解）"
        )
    business = (case.get("business_name") or "").strip()
    names_respondent = _has(note, _RESPONDENT) or (business and business in note)
    if rule_code == ORDER20 and refused and not absent and not names_respondent:
        raise RuleViolation(
            "本案适用的《市场监督管理投诉举报处理暂行办法》第二十一条第（三）项只把被投诉人明确拒绝调解列为终止理由；"
            "请在备注中写明是被投诉人拒绝（投诉人不愿调解的，可按撤回投诉处理）"
        )


def _no_agreement(case, on, note, rule_code, facts, fields) -> None:
    """Art. 21 ¶1(四) / 23 ¶1(三): "经组织调解" — a mediation was organised first."""
    if not case.get("mediation_started_on"):
        raise RuleViolation(
            "本案还没有开始调解的记录，不能以“经组织调解，明确表示无法达成调解协议”终止；请先记录开始调解"
        )


def _time_limit(case, on, note, rule_code, facts, fields) -> None:
    """Art. 21 ¶1(五) (45 working days) / 23 ¶1(五) (60 days): the limit has run out on the termination day."""
    if facts.paused:
        raise RuleViolation("调解期限因检测、鉴定暂停计时，期限没有届满，不能以“超过调解期限”终止；请先恢复计时")
    due = facts.mediation_due
    if due is None:
        raise RuleViolation("本案没有正在计算的调解期限，不能以“超过调解期限”终止")
    if on <= due:
        raise RuleViolation(f"调解期限（{facts.limit_text}）到 {due.isoformat()} 才届满，不能以“超过调解期限”终止")


def _note_required(what: str, example: str):
    def checker(case, on, note, rule_code, facts, fields) -> None:
        _need_note(note, what, example)

    return checker


_CHECKS = {
    "na_already_handled": _already_handled,
    "na_time_barred": _time_barred,
    "na_missing_materials": _missing_materials,
    "na_other": _other_na,
    "t_withdrawn": _withdrawn,
    "t_testing_fee": _testing_fee,
    "t_absent_or_refused": _absent_or_refused,
    "t_no_agreement": _no_agreement,
    "t_time_limit": _time_limit,
    "t_inadmissible": _note_required("受理后发现的不予受理情形", "该争议已由××区人民法院于3月2日受理"),
    "t_party_death": _note_required("哪一方死亡或者主体资格灭失及日期", "被投诉人已于3月2日注销"),
    "t_other": _note_required("终止调解所依据的法律、法规或规章及理由", "依照《××条例》第×条，……"),
}
# Judged by the staff alone; the program has nothing to check them against: na_no_authority,
# na_not_consumption, na_false_identity.
