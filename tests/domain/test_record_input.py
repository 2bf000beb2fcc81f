from datetime import date

import pytest

from station_app.domain import record_input
from station_app.domain.catalogs import default_catalogs
from station_app.domain.errors import ValidationError

CAT = default_catalogs()
TODAY = date(2026, 11, 23)


def test_station_code_format():
    row = record_input.parse_station(
        {"code": "xj", "name": "新集镇站", "kind": "联络站", "venue_type": "学校"}, CAT, TODAY
    )
    assert row["code"] == "XJ" and row["kind"] == "liaison_station" and row["venue_type"] == "school"
    with pytest.raises(ValidationError, match="站点编码"):
        record_input.parse_station({"code": "1-A", "name": "x", "kind": "投诉站"}, CAT, TODAY)


def test_numbers():
    assert record_input.format_number("XJ", "complaint", 2026, 42) == "XJ-2026-0042"
    assert record_input.format_number("XJ", "consultation", 2026, 7) == "XJ-ZX-2026-0007"
    assert record_input.format_number("XJ", "complaint", 2026, 12345) == "XJ-2026-12345"


def test_consultation_defaults_and_checks():
    row = record_input.parse_consultation({"date": "2026-11-20", "topic": "预付卡"}, CAT, TODAY)
    assert row["persons"] == 1 and row["channel"] == "visit"
    with pytest.raises(ValidationError, match="咨询人数"):
        record_input.parse_consultation({"date": "2026-11-20", "topic": "x", "persons": 0}, CAT, TODAY)


def test_anonymous_reporter_keeps_no_identity():
    row = record_input.parse_report(
        {
            "received_on": "2026-11-20",
            "business": {"name": "某药店"},
            "facts": "过期药",
            "reporter": {"anonymous": True, "name": "王五", "phone": "13800138000"},
        },
        CAT,
        TODAY,
    )
    assert row["reporter_anonymous"] is True and row["reporter_name"] == "" and row["reporter_phone"] == ""
    named = record_input.parse_report(
        {
            "received_on": "2026-11-20",
            "business": {"name": "某药店"},
            "facts": "过期药",
            "reporter": {"name": "王五", "phone": "13800138000"},
            "to_case": "true",
            "fine_yuan": "2000",
        },
        CAT,
        TODAY,
    )
    assert named["reporter_anonymous"] is False and named["to_case"] is True and named["fine_fen"] == 200000


def test_outreach_counts_and_weights():
    row = record_input.parse_outreach_event(
        {
            "date": "2026-03-15",
            "kind": "3·15活动",
            "venue_type": "农村",
            "leaflets": "1200",
            "destroyed_kg": "12.5",
            "destroyed_value_yuan": "3000.50",
        },
        CAT,
        TODAY,
    )
    assert row["kind"] == "day_315" and row["leaflets"] == 1200
    assert row["destroyed_g"] == 12500 and row["destroyed_value_fen"] == 300050
    with pytest.raises(ValidationError) as info:
        record_input.parse_outreach_event(
            {"date": "2026-03-15", "kind": "lecture", "venue_type": "school", "leaflets": -1, "banners": "两条"},
            CAT,
            TODAY,
        )
    assert {p.field for p in info.value.problems} == {"leaflets", "banners"}


def test_warning_defaults():
    row = record_input.parse_warning({"date": "2026-11-01", "title": "警示", "body": "正文"}, CAT, TODAY)
    assert row["type"] == "warning"


def test_settlement_step_allows_a_future_performance_date():
    fields = record_input.parse_transition(
        "settled",
        {"method": "调解", "recovered_yuan": "100", "performed_by": "2026-12-31"},
        CAT,
        TODAY,
        rule_code="order121",
        default_on=TODAY,
    )
    assert fields["performed_by"] == "2026-12-31" and fields["method"] == "mediation"
    assert fields["recovered_fen"] == 10000 and fields["punitive_fen"] == 0


def test_non_object_input_is_refused():
    with pytest.raises(ValidationError, match="JSON 对象"):
        record_input.parse_complaint(["not", "an", "object"], CAT, TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize("old", ["百货类", "日用百货类"])
def test_an_older_category_label_is_entered_as_todays_class(old):
    """The seeds' 百货类 (year report breakdown) is today's 日用商品类 G04 (categories.json aliases)."""
    from tests.conftest import complaint_payload

    row = record_input.parse_complaint(complaint_payload(category=old), default_catalogs(), date(2026, 11, 23))
    assert row["category"] == "G04" and default_catalogs().label("categories", "G04") == "日用商品类"
