"""Every record type refuses a date before 2000-01-01 or after today, and a text holding a control character
(NUL …), with the field named in Chinese (issue 16, finding 7)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from station_app.domain import record_input, stored_records, validation
from station_app.domain.catalogs import default_catalogs
from station_app.domain.errors import InvalidValue, ValidationError
from tests.conftest import complaint_payload

CAT = default_catalogs()
TODAY = date(2026, 11, 23)
CLOSED_ON = date(2026, 11, 1)


def _transition(data: dict[str, Any]) -> dict[str, Any]:
    return record_input.parse_transition("accepted", data, CAT, TODAY, rule_code="order121", default_on=TODAY)


def _settle(data: dict[str, Any]) -> dict[str, Any]:
    base = {"method": "调解", "recovered_yuan": "100"}
    return record_input.parse_transition("settled", base | data, CAT, TODAY, rule_code="order121", default_on=TODAY)


# (record type, parse(data), a valid record, its date field, the field's Chinese label, a text field)
RECORDS = [
    (
        "complaint",
        lambda d: record_input.parse_complaint(d, CAT, TODAY),
        complaint_payload(purchased_on=None),
        "received_on",
        "登记日期",
        "facts",
    ),
    (
        "consultation",
        lambda d: record_input.parse_consultation(d, CAT, TODAY),
        {"date": "2026-11-20", "topic": "预付卡"},
        "date",
        "咨询日期",
        "answer",
    ),
    (
        "report",
        lambda d: record_input.parse_report(d, CAT, TODAY),
        {"received_on": "2026-11-20", "business": {"name": "某超市"}, "facts": "售卖过期食品"},
        "received_on",
        "举报日期",
        "facts",
    ),
    (
        "outreach event",
        lambda d: record_input.parse_outreach_event(d, CAT, TODAY),
        {"date": "2026-11-20", "kind": "day_315", "venue_type": "农村"},
        "date",
        "活动日期",
        "title",
    ),
    (
        "warning",
        lambda d: record_input.parse_warning(d, CAT, TODAY),
        {"date": "2026-11-01", "title": "警示", "body": "正文"},
        "date",
        "发布日期",
        "body",
    ),
    (
        "followup",
        lambda d: record_input.parse_followup(d, CAT, TODAY, closed_on=CLOSED_ON),
        {"date": "2026-11-20", "satisfaction": "satisfied"},
        "date",
        "回访日期",
        "opinion",
    ),
    ("workflow step", _transition, {"on": "2026-11-20"}, "on", "日期", "note"),
]
IDS = [r[0] for r in RECORDS]


@pytest.mark.parametrize(("kind", "parse", "valid", "field", "label", "text"), RECORDS, ids=IDS)
def test_a_valid_record_is_taken(kind, parse, valid, field, label, text):
    assert parse(valid)[field]


@pytest.mark.parametrize(("kind", "parse", "valid", "field", "label", "text"), RECORDS, ids=IDS)
@pytest.mark.parametrize("day", ["1899-12-31", "0001-01-01", "1999-12-31"])
def test_a_date_before_2000_is_refused_with_the_field_named(kind, parse, valid, field, label, text, day):
    with pytest.raises(ValidationError) as refused:
        parse(valid | {field: day})
    problem = next(p for p in refused.value.problems if p.field == field)
    assert problem.label == label and "2000-01-01" in problem.message
    assert label in str(refused.value)


@pytest.mark.parametrize(("kind", "parse", "valid", "field", "label", "text"), RECORDS, ids=IDS)
def test_a_date_after_today_is_refused_with_the_field_named(kind, parse, valid, field, label, text):
    with pytest.raises(ValidationError) as refused:
        parse(valid | {field: "2026-11-24"})
    problem = next(p for p in refused.value.problems if p.field == field)
    assert problem.label == label and "晚于今天" in problem.message


def test_the_first_day_of_2000_and_today_are_taken():
    for day in ("2000-01-01", TODAY.isoformat()):
        assert record_input.parse_consultation({"date": day, "topic": "预付卡"}, CAT, TODAY)["date"] == day


def test_a_purchase_date_before_2000_is_refused_too():
    with pytest.raises(ValidationError, match="购买日期"):
        record_input.parse_complaint(complaint_payload(purchased_on="1999-06-01"), CAT, TODAY)


def test_a_deadline_may_lie_ahead_but_not_before_2000_nor_decades_ahead():
    assert _settle({"performed_by": "2027-06-30"})["performed_by"] == "2027-06-30"
    for day in ("1999-01-01", "2099-01-01"):
        with pytest.raises(ValidationError, match="履行期限"):
            _settle({"performed_by": day})


def test_a_step_date_given_as_an_option_is_checked_the_same_way():
    with pytest.raises(ValidationError, match="2000-01-01"):
        record_input.parse_ymd("1899-01-01", "--on", "日期", TODAY)
    with pytest.raises(ValidationError, match="暂停原因"):
        record_input.check_step(on=TODAY, today=TODAY, texts=(("reason", "暂停原因", "送检\x00测"),))
    with pytest.raises(ValidationError, match="2000-01-01"):
        record_input.check_step(on=date(1, 1, 1), today=TODAY)


@pytest.mark.parametrize(("kind", "parse", "valid", "field", "label", "text"), RECORDS, ids=IDS)
@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x1f", "\x7f", "\x0b"])
def test_a_control_character_in_a_text_is_refused_with_the_field_named(kind, parse, valid, field, label, text, bad):
    with pytest.raises(ValidationError) as refused:
        parse(valid | {text: f"正文{bad}结束"})
    problem = next(p for p in refused.value.problems if p.field == text)
    assert "控制字符" in problem.message


def test_control_characters_in_short_and_nested_texts_are_refused():
    payload = complaint_payload()
    payload["consumer"] = payload["consumer"] | {"name": "张\x00三"}
    with pytest.raises(ValidationError) as refused:
        record_input.parse_complaint(payload, CAT, TODAY)
    assert [p.field for p in refused.value.problems] == ["consumer.name"]


def test_tabs_and_line_breaks_are_ordinary_text():
    row = record_input.parse_warning(
        {"date": "2026-11-01", "title": "警示", "body": "第一行\r\n第二行\n\t缩进"}, CAT, TODAY
    )
    assert "第二行" in row["body"]
    assert validation.check_plain_text("a\tb\nc\r\n") == "a\tb\nc\r\n"
    with pytest.raises(InvalidValue):
        validation.check_plain_text("a\x00b")


def test_a_merged_record_with_a_nul_in_its_text_is_refused_with_its_number():
    row = {"number": "XJ-ZX-2026-0001", "station_code": "XJ", "topic": "预付卡\x00", "answer": "答复"}
    with pytest.raises(stored_records.StoredRecordError, match=r"XJ-ZX-2026-0001.*控制字符"):
        stored_records._check_texts("consultations", [row])
