from datetime import date

import pytest

from station_app.domain.errors import NotFound, RuleViolation, ValidationError
from station_app.services import complaint_views, complaints
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY, complaint_payload


def add(session, **overrides):
    return complaints.add_complaints(session, [complaint_payload(**overrides)], TODAY)[0]


def test_register_a_complaint_gives_number_and_acceptance_deadline(session):
    result = add(session)
    assert result["number"] == "XJ-2026-0001"
    shown = complaint_views.show(session, result["id"], TODAY)
    assert shown["status"] == "registered"
    assert shown["amount_fen"] == 155000
    assert shown["acceptance_due"] == "2026-11-11"  # 7 working days after Mon 2 Nov
    assert shown["mediation_due"] is None
    assert shown["rule_version"] == "order121"
    assert shown["overdue"] is True  # today is 23 Nov and no decision yet
    assert shown["history"][0]["kind"] == "registered"
    assert shown["audit"][0]["action"] == "create" and shown["audit"][0]["actor"] == "李站长"


def test_numbers_follow_the_receipt_year_per_station(session):
    assert add(session, received_on="2025-12-30", purchased_on="2025-12-01")["number"] == "XJ-2025-0001"
    assert add(session)["number"] == "XJ-2026-0001"
    assert add(session, consumer={"name": "李四", "phone": "13900139000"})["number"] == "XJ-2026-0002"


def test_full_workflow_with_settlement(session):
    ref = add(session)["number"]
    complaints.transition(session, ref, "accepted", {"on": "2026-11-03"}, TODAY)
    shown = complaints.transition(session, ref, "mediating", {"on": "2026-11-05", "mediator": "王调解"}, TODAY)
    # order121: 60 calendar days after acceptance, Sat 2 Jan moved to Mon 4 Jan (民法典 Art. 203 ¶1)
    assert shown["mediation_due"] == "2027-01-04"
    shown = complaints.transition(
        session,
        ref,
        "settled",
        {
            "on": "2026-11-20",
            "method": "mediation",
            "recovered_yuan": "1550.00",
            "punitive_yuan": "500.00",
            "agreement": "商家退还货款并赔偿 500 元",
            "outcomes": ["return_refund", "compensate"],
        },
        TODAY,
    )
    assert shown["status"] == "settled" and shown["closed_on"] == "2026-11-20"
    assert shown["recovered_fen"] == 155000 and shown["punitive_fen"] == 50000
    assert shown["revision"] == 4
    assert [e["to"] for e in shown["history"][1:]] == ["accepted", "mediating", "settled"]
    assert shown["audit"][-1]["before"]["status"] == "mediating"
    assert shown["audit"][-1]["after"]["status"] == "settled"


def test_illegal_transition_is_refused_and_changes_nothing(session):
    ref = add(session)["number"]
    with pytest.raises(RuleViolation, match="不能从已登记"):
        complaints.transition(session, ref, "settled", {"method": "mediation", "recovered_yuan": "1"}, TODAY)
    shown = complaint_views.show(session, ref, TODAY)
    assert shown["status"] == "registered" and shown["revision"] == 1 and len(shown["audit"]) == 1


def test_step_fields_are_checked(session):
    ref = add(session)["number"]
    with pytest.raises(ValidationError, match="ground"):
        complaints.transition(session, ref, "not_accepted", {}, TODAY)
    with pytest.raises(ValidationError, match="不适用"):  # order121-only ground on an order20 case
        old = add(session, received_on="2026-03-01", purchased_on="2026-02-01")["number"]
        complaints.transition(session, old, "not_accepted", {"ground": "na_false_identity"}, TODAY)
    with pytest.raises(RuleViolation, match="不能早于"):
        complaints.transition(session, ref, "accepted", {"on": "2026-11-01"}, TODAY)


def test_rule_version_follows_receipt_date(session):
    old = add(session, received_on="2026-04-14", purchased_on="2026-04-01")["number"]
    new = add(
        session,
        received_on="2026-04-15",
        purchased_on="2026-04-01",
        consumer={"name": "王五", "phone": "13700137000"},
    )["number"]
    complaints.transition(session, old, "accepted", {"on": "2026-04-15"}, TODAY)
    complaints.transition(session, new, "accepted", {"on": "2026-04-15"}, TODAY)
    assert complaint_views.show(session, old, TODAY)["rule_version"] == "order20"
    assert complaint_views.show(session, new, TODAY)["rule_version"] == "order121"
    # order20: 45 working days; order121: 60 calendar days
    assert complaint_views.show(session, new, TODAY)["mediation_due"] == "2026-06-15"  # Sun 14 Jun moved
    assert complaint_views.show(session, old, TODAY)["mediation_due"] > "2026-06-14"


def test_batch_is_all_or_nothing_and_names_the_bad_record(session):
    good = complaint_payload()
    bad = complaint_payload(consumer={"name": "李四", "phone": "12345"})
    with pytest.raises(ValidationError) as info:
        complaints.add_complaints(session, [good, good, bad], TODAY)
    assert "第 3 条" in str(info.value) and "consumer.phone" in str(info.value)
    assert complaint_views.list_complaints(session, ComplaintFilter(), TODAY)["total"] == 0


def test_earlier_cases_come_in_with_their_transitions(session):
    payload = complaint_payload(
        received_on="2025-06-02",
        purchased_on="2025-05-20",
        transitions=[
            {"to": "accepted", "on": "2025-06-03"},
            {"to": "mediating", "on": "2025-06-05"},
            {"to": "settled", "on": "2025-06-20", "method": "reconciliation", "recovered_yuan": "800"},
        ],
    )
    result = complaints.add_complaints(session, [payload], TODAY)[0]
    shown = complaint_views.show(session, result["id"], TODAY)
    assert shown["status"] == "settled" and shown["recovered_fen"] == 80000
    assert shown["rule_version"] == "order20" and shown["closed_on"] == "2025-06-20"
    assert [e["on"] for e in shown["history"]] == ["2025-06-02", "2025-06-03", "2025-06-05", "2025-06-20"]


def test_illegal_imported_transition_refuses_the_record(session):
    payload = complaint_payload(
        transitions=[{"to": "settled", "on": "2026-11-03", "method": "mediation", "recovered_yuan": "1"}]
    )
    with pytest.raises(RuleViolation):
        complaints.add_complaints(session, [payload], TODAY)
    assert complaint_views.list_complaints(session, ComplaintFilter(), TODAY)["total"] == 0


def test_validation_collects_every_problem_with_chinese_field_names(session):
    payload = complaint_payload(
        received_on="2027-01-01",
        nature="nonsense",
        amount_yuan="-5",
        consumer={"name": "", "phone": "123", "id_number": "110101199003071230"},
    )
    with pytest.raises(ValidationError) as info:
        complaints.add_complaints(session, [payload], TODAY)
    fields = {p.field for p in info.value.problems}
    assert {
        "received_on",
        "nature",
        "amount_yuan",
        "consumer.name",
        "consumer.phone",
        "consumer.id_number",
    } <= fields
    assert "投诉性质" in str(info.value) and "消费者电话" in str(info.value)


def test_purchase_after_receipt_is_refused(session):
    with pytest.raises(ValidationError, match="购买日期"):
        add(session, purchased_on="2026-11-05")


def test_likely_duplicates_same_phone_same_business_within_30_days(session):
    first = add(session)
    again = add(session, received_on="2026-11-20", business={"name": "新集镇 华联超市"})
    assert again["duplicates"] == [first["number"]]
    later = add(session, received_on="2026-11-22", business={"name": "县城国美电器"})
    assert later["duplicates"] == []
    assert complaint_views.show(session, first["id"], TODAY)["duplicates"] == [again["number"]]


def test_pause_and_extension_move_the_mediation_deadline(session):
    ref = add(session)["number"]
    complaints.transition(session, ref, "accepted", {"on": "2026-11-03"}, TODAY)
    base = complaint_views.show(session, ref, TODAY)["mediation_due"]
    assert base == "2027-01-04"  # Sat 2 Jan moved to the next working day
    paused = complaints.pause(session, ref, "送检测", date(2026, 11, 10), TODAY)
    assert paused["mediation_due"] is None and paused["due_state"] == "paused"
    resumed = complaints.resume(session, ref, date(2026, 11, 20), TODAY)
    assert resumed["mediation_due"] == "2027-01-12"  # 10 paused days
    extended = complaints.extend(session, ref, 5, "双方同意延长", date(2026, 11, 21), TODAY)
    assert extended["mediation_due"] == "2027-01-18"  # Sun 17 Jan moved
    kinds = [e["kind"] for e in extended["history"]]
    assert kinds[-3:] == ["pause", "resume", "extension"]
    assert extended["history"][-3]["data"]["reason"] == "送检测"


def test_station_shorter_limit_applies(session):
    from station_app.services.station import set_setting

    set_setting(session, "acceptance_days", "3")
    ref = add(session)["number"]
    assert complaint_views.show(session, ref, TODAY)["acceptance_due"] == "2026-11-05"


def test_followup_only_on_closed_cases(session):
    ref = add(session)["number"]
    with pytest.raises(RuleViolation, match="已结案"):
        complaints.add_followup(session, ref, {"satisfaction": "satisfied"}, TODAY)
    complaints.transition(session, ref, "not_accepted", {"on": "2026-11-04", "ground": "na_no_authority"}, TODAY)
    result = complaints.add_followup(session, ref, {"date": "2026-11-10", "satisfaction": "基本满意"}, TODAY)
    assert result["number"] == "XJ-HF-2026-0001"
    shown = complaint_views.show(session, ref, TODAY)
    assert shown["followups"][0]["satisfaction"] == "basically_satisfied"


def test_unknown_case_is_not_found(session):
    with pytest.raises(NotFound):
        complaint_views.show(session, "XJ-2026-9999", TODAY)


def test_overdue_list(session):
    late = add(session)["number"]  # acceptance due 11 Nov, still registered on 23 Nov
    fresh = add(session, received_on="2026-11-20", consumer={"name": "赵六", "phone": "13600136000"})["number"]
    overdue = complaint_views.list_complaints(session, ComplaintFilter(), TODAY, overdue=True)
    assert [r["number"] for r in overdue["items"]] == [late]
    soon = complaint_views.list_complaints(session, ComplaintFilter(), TODAY, due_soon=True)
    assert late in [r["number"] for r in soon["items"]]
    assert fresh not in [r["number"] for r in soon["items"]]


def test_audit_trail_traces_every_step_without_copying_personal_data(session):
    payload = complaint_payload(
        consumer={"name": "张三", "phone": "13800138000", "id_number": "34052419800101001X"},
        transitions=[{"to": "accepted", "on": "2026-11-03"}],
    )
    ref = complaints.add_complaints(session, [payload], TODAY)[0]["number"]
    complaints.transition(session, ref, "mediating", {"on": "2026-11-04"}, TODAY)
    trail = complaint_views.show(session, ref, TODAY)["audit"]
    assert [e["action"] for e in trail] == ["create", "transition:mediating"]
    assert trail[0]["after"]["sha256"] and trail[0]["after"]["steps"] == [{"to": "accepted", "on": "2026-11-03"}]
    text = str(trail)
    assert "张三" not in text and "13800138000" not in text and "34052419800101001X" not in text
    assert trail[1]["before"]["status"] == "accepted" and trail[1]["after"]["status"] == "mediating"
    assert trail[1]["actor"] == "李站长"


def test_last_months_counts_received_and_settled_by_their_own_month(session):
    ref = add(session, received_on="2026-10-30", purchased_on="2026-10-01")["number"]
    add(session, received_on="2025-11-30", purchased_on="2025-11-01", consumer={"name": "李四", "phone": "13900139000"})
    add(session, received_on="2025-11-01", purchased_on="2025-10-01", consumer={"name": "王五", "phone": "13700137000"})
    complaints.transition(session, ref, "accepted", {"on": "2026-11-02"}, TODAY)
    complaints.transition(session, ref, "mediating", {"on": "2026-11-03", "mediator": "王调解"}, TODAY)
    complaints.transition(
        session, ref, "settled", {"on": "2026-11-05", "method": "mediation", "recovered_yuan": "10"}, TODAY
    )
    months = complaint_views.last_months(session, TODAY)
    assert [m["month"] for m in months][:2] == ["2025-12", "2026-01"] and months[-1]["month"] == "2026-11"
    assert len(months) == 12
    by_month = {m["month"]: (m["received"], m["settled"]) for m in months}
    assert by_month["2026-10"] == (1, 0)
    assert by_month["2026-11"] == (0, 1)
    assert sum(m["received"] for m in months) == 1  # both 2025-11 cases fall outside the twelve months


def test_urgent_list_reads_a_page_yet_equals_the_rule_applied_to_every_case(tmp_path):
    from dataclasses import replace as with_
    from datetime import timedelta

    from station_app.services import demo
    from station_app.services.session import Session
    from station_app.store import complaints as complaint_store

    s = Session.open(tmp_path / "demo.sqlite3")
    demo.build_demo(s, 1500, TODAY)
    states = set()
    for day in (TODAY, TODAY + timedelta(days=4), TODAY + timedelta(days=9)):
        wide = with_(ComplaintFilter(), due_by=(day + timedelta(days=60)).isoformat())
        lines = [complaint_views.summary(s, c, day) for c in complaint_store.find(s.db, wide, limit=None)]
        expected = [line["number"] for line in lines if line["due_state"] in ("overdue", "due_soon")]
        listed = complaint_views.list_complaints(s, ComplaintFilter(), day, due_soon=True, limit=None)
        assert [r["number"] for r in listed["items"]] == expected and listed["total"] == len(expected) > 10
        assert listed["overdue_total"] == sum(line["due_state"] == "overdue" for line in lines)
        page = complaint_views.list_complaints(s, ComplaintFilter(), day, due_soon=True, limit=5, offset=3)
        assert [r["number"] for r in page["items"]] == expected[3:8] and page["total"] == len(expected)
        states |= {r["due_state"] for r in listed["items"]}
    assert states == {"overdue", "due_soon"}
    s.close()
