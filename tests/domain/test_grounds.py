"""Each ground's condition, pinned to its article (docs/legal-basis.md §2.3–2.4)."""

from datetime import date

import pytest

from station_app.domain.errors import RuleViolation
from station_app.domain.grounds import CaseFacts, check, limit_text, plus_years

CASE = {
    "received_on": "2026-05-06",
    "accepted_on": "2026-05-06",
    "purchased_on": "2026-04-20",
    "consumer_address": "城关镇建设路1号",
    "business_address": "新华街2号",
    "request": "退货退款",
    "business_name": "新集镇家电城",
}
RUNNING = CaseFacts(mediation_due=date(2026, 7, 6), limit_text="60日")


def step(ground: str, on: str = "2026-07-20", note: str = "") -> dict:
    return {"ground": ground, "on": on, "note": note}


def refused(case, fields, rule="order121", facts=RUNNING) -> str:
    with pytest.raises(RuleViolation) as exc:
        check(case, fields, rule, facts)
    return str(exc.value)


# -- Order 121 Art. 23 ¶1(五) / Order 20 Art. 21 ¶1(五): the limit has run out on the termination day ----------
def test_time_limit_refused_before_the_limit_runs_out():
    message = refused(CASE, step("t_time_limit", "2026-05-08"))
    assert message == "调解期限（60日）到 2026-07-06 才届满，不能以“超过调解期限”终止"
    refused(CASE, step("t_time_limit", "2026-07-06"))  # the last day is still within the limit


def test_time_limit_holds_the_day_after_the_last_day():
    check(CASE, step("t_time_limit", "2026-07-07"), "order121", RUNNING)


def test_time_limit_refused_while_the_clock_is_paused_for_testing():
    paused = CaseFacts(mediation_due=None, paused=True, testing_recorded=True)
    assert "暂停计时" in refused(CASE, step("t_time_limit", "2026-12-01"), facts=paused)


def test_limit_text_names_unit_and_extension():
    assert limit_text(60, "calendar_days") == "60日"
    assert limit_text(45, "working_days", 10) == "45个工作日，延长 10个工作日"


# -- Art. 21 ¶1(一) / 23 ¶1(一): a withdrawal or the parties' own settlement, stated ----------------------------
def test_withdrawal_must_be_stated():
    assert "撤回或和解" in refused(CASE, step("t_withdrawn"))
    check(CASE, step("t_withdrawn", note="投诉人11月5日电话撤回投诉"), "order121", RUNNING)
    check(CASE, step("t_withdrawn", note="双方自行和解"), "order20", RUNNING)


# -- Art. 21 ¶1(四) / 23 ¶1(三): "经组织调解" ------------------------------------------------------------------
def test_no_agreement_needs_a_mediation_held():
    assert "开始调解" in refused(CASE, step("t_no_agreement"))
    check({**CASE, "mediation_started_on": "2026-05-07"}, step("t_no_agreement"), "order121", RUNNING)


# -- Art. 21 ¶1(三) (Order 20: only the respondent's refusal) / Art. 23 ¶1(二) (either party) ----------------
def test_refusal_by_the_complainant_counts_only_under_order_121():
    refusal = step("t_absent_or_refused", note="投诉人明确拒绝调解")
    check(CASE, refusal, "order121", RUNNING)
    assert "被投诉人明确拒绝" in refused(CASE, refusal, rule="order20")
    check(CASE, step("t_absent_or_refused", note="被投诉人明确拒绝调解"), "order20", RUNNING)
    check(CASE, step("t_absent_or_refused", note="投诉人无正当理由未参加调解"), "order20", RUNNING)
    assert "哪一方" in refused(CASE, step("t_absent_or_refused"))


# -- Art. 21 ¶1(二) / 23 ¶1(四): testing recorded or named -----------------------------------------------------
def test_testing_fee_needs_testing():
    assert "检测" in refused(CASE, step("t_testing_fee"))
    check(CASE, step("t_testing_fee"), "order121", CaseFacts(testing_recorded=True))
    check(CASE, step("t_testing_fee", note="双方对鉴定费用承担无法协商一致"), "order121", RUNNING)


@pytest.mark.parametrize("ground", ["t_inadmissible", "t_party_death", "t_other", "na_other"])
def test_grounds_resting_on_an_unrecorded_fact_need_it_stated(ground):
    assert "备注" in refused(CASE, step(ground))
    check(CASE, step(ground, note="被投诉人已于3月2日注销"), "order121", RUNNING)


# -- Art. 15(四) / 16(四): more than three years since the complainant knew (the purchase is the earliest) ---------
def test_time_barred_needs_three_years_since_purchase():
    message = refused(CASE, step("na_time_barred", "2026-05-07"))
    assert message.startswith("自购买日期（2026-04-20）起三年到 2029-04-20 才届满")
    assert "购买日期" in refused({**CASE, "purchased_on": None}, step("na_time_barred"))
    check({**CASE, "purchased_on": "2023-05-05"}, step("na_time_barred"), "order121", RUNNING)
    refused({**CASE, "purchased_on": "2023-05-06"}, step("na_time_barred"))  # exactly three years: not more


def test_three_years_from_29_february():
    assert plus_years(date(2024, 2, 29), 3) == date(2027, 2, 28)


# -- Art. 15(五) (Art. 9 ¶1 materials) / 16(五) (also false materials) ----------------------------------------
def test_missing_materials_holds_when_something_is_missing_or_stated():
    check({**CASE, "business_address": ""}, step("na_missing_materials"), "order20", RUNNING)
    message = refused(CASE, step("na_missing_materials"))
    assert "都已填写" in message and "虚假" in message
    assert "虚假" not in refused(CASE, step("na_missing_materials"), rule="order20")
    check(CASE, step("na_missing_materials", note="代理人未提供授权委托书原件"), "order20", RUNNING)


# -- Art. 15(二) (with "其他调解组织") / 16(二) (without) ------------------------------------------------------
def test_already_handled_needs_the_body_or_an_earlier_case():
    assert "前案" in refused(CASE, step("na_already_handled"))
    check(CASE, step("na_already_handled"), "order121", CaseFacts(earlier_cases=["XJ-2026-0001"]))
    check(CASE, step("na_already_handled", note="该争议已由县人民法院受理"), "order121", RUNNING)
    other_body = step("na_already_handled", note="村人民调解委员会已调解过")
    check(CASE, other_body, "order20", RUNNING)
    assert "其他调解组织" in refused(CASE, other_body)


@pytest.mark.parametrize("ground", ["na_no_authority", "na_not_consumption", "na_false_identity"])
def test_grounds_of_staff_judgment_are_not_second_guessed(ground):
    check(CASE, step(ground), "order121", RUNNING)
