"""Order 20 Art. 21 ¶2: a termination is told to both parties within 7 working days of the decision, tracked as a
deadline on the case page and in the workbench's list (docs/legal-basis.md §2.5)."""

from datetime import date

import pytest

from station_app.domain.errors import RuleViolation
from station_app.services import complaint_views, complaints
from tests.conftest import TODAY, complaint_payload


def terminated(session, on: str, accepted: str = "2026-11-03", **overrides) -> str:
    steps = [
        {"to": "accepted", "on": accepted},
        {"to": "mediating", "on": accepted},
        {"to": "terminated", "on": on, "ground": "t_no_agreement", "route": "court"},
    ]
    payload = complaint_payload(transitions=steps, **overrides)
    return complaints.add_complaints(session, [payload], TODAY)[0]["number"]


def test_the_notice_is_due_seven_working_days_after_the_decision(session):
    late = terminated(session, "2026-11-05")  # + 7 working days = Mon 16 Nov: overdue on 23 Nov
    soon = terminated(session, "2026-11-20", consumer={"name": "李四", "phone": "13900139000"})  # Tue 1 Dec
    notice = complaint_views.show(session, late, TODAY)["termination_notice"]
    assert notice["due"] == "2026-11-16" and notice["due_state"] == "overdue" and notice["notified_on"] is None
    assert "第121号令" in notice["basis"]  # received in Nov 2026: Order 121, whose article was not found
    assert complaint_views.show(session, soon, TODAY)["termination_notice"]["due"] == "2026-12-01"
    listed = complaint_views.notices_due(session, TODAY)
    assert [(r["number"], r["due_state"]) for r in listed] == [(late, "overdue"), (soon, "on_time")]


def test_recording_the_notice_ends_the_deadline(session):
    number = terminated(session, "2026-11-05")
    with pytest.raises(RuleViolation, match="不能早于终止调解的日期"):
        complaints.record_notice(session, number, date(2026, 11, 4), TODAY)
    shown = complaints.record_notice(session, number, date(2026, 11, 9), TODAY, note="电话告知双方")
    assert shown["termination_notice"]["due_state"] == "done"
    assert shown["termination_notice"]["notified_on"] == "2026-11-09"
    assert shown["history"][-1]["kind"] == "notice" and shown["audit"][-1]["action"] == "notice"
    assert complaint_views.notices_due(session, TODAY) == []
    with pytest.raises(RuleViolation, match="已记录过"):
        complaints.record_notice(session, number, date(2026, 11, 10), TODAY)


def test_only_a_terminated_case_has_the_notice(session):
    number = complaints.add_complaints(session, [complaint_payload()], TODAY)[0]["number"]
    assert complaint_views.show(session, number, TODAY)["termination_notice"] is None
    with pytest.raises(RuleViolation, match="只有终止调解的案件"):
        complaints.record_notice(session, number, TODAY, TODAY)


def test_an_order20_case_cites_article_21_paragraph_2(session):
    number = terminated(session, "2025-06-20", "2025-06-03", received_on="2025-06-02", purchased_on="2025-05-20")
    notice = complaint_views.show(session, number, TODAY)["termination_notice"]
    assert notice["basis"] == "《市场监督管理投诉举报处理暂行办法》第二十一条第二款"


def test_cli_complaint_notified(session, tmp_path, capsys):
    from station_app.cli import main

    number = terminated(session, "2026-11-05")
    db = str(tmp_path / "register.sqlite3")  # the session fixture's register
    assert main(["--db", db, "--today", "2026-11-23", "complaint", "notified", number, "--on", "2026-11-09"]) == 0
    assert capsys.readouterr().out.strip() == f"{number}：已于 2026-11-09 告知双方终止调解（期限 2026-11-16）"
    assert main(["--db", db, "--today", "2026-11-23", "complaint", "notified", number]) == 2
    assert "已记录过" in capsys.readouterr().err


def test_the_way_told_is_one_of_four_and_the_log_says_it(session):
    """How both parties were told (电话、书面、短信、当面) is kept on the notice and read back in the clerk's words."""
    from station_app.domain.errors import ValidationError
    from station_app.services import case_log

    number = terminated(session, "2026-11-12", accepted="2026-11-09")
    with pytest.raises(ValidationError, match="电话、书面、短信、当面"):
        complaints.record_notice(session, number, TODAY, TODAY, way="email")
    shown = complaints.record_notice(session, number, TODAY, TODAY, way="letter")
    assert shown["history"][-1]["data"] == {"way": "letter"}
    assert case_log.history_lines(shown)[-1].startswith("2026-11-23 已告知双方终止调解：书面告知（")


def test_the_last_overdue_termination_day_follows_the_seven_working_days():
    """Order 20 Art. 21 ¶2 (docs/legal-basis.md §2.5): decided on Thu 2026-11-12, the parties must be told by
    Mon 11-23; on 11-23 that is still on time, on 11-24 it is overdue. The cutoff is the latest such decision day."""
    from station_app.domain.deadlines import last_overdue_termination_day, termination_notice_due
    from station_app.domain.workdays import default_calendar

    calendar = default_calendar()
    assert termination_notice_due(date(2026, 11, 12), calendar) == date(2026, 11, 23)
    assert last_overdue_termination_day(date(2026, 11, 23), calendar) == date(2026, 11, 11)
    assert last_overdue_termination_day(date(2026, 11, 24), calendar) == date(2026, 11, 12)


def test_an_untold_termination_counts_as_overdue_work(session):
    """Order 20 Art. 21 ¶2: a termination not told within 7 working days is overdue work. The tally says how many
    (termination_notice_overdue; "overdue" keeps its meaning, a part of the open cases), `complaint list
    --overdue` and the workbench's 已超期 figure count it, and recording the notice ends it."""
    from station_app.domain import periods
    from station_app.services import tallies
    from station_app.store.complaints import ComplaintFilter

    late = terminated(session, "2026-11-05")  # due 11-16: overdue on 11-23
    terminated(session, "2026-11-20", accepted="2026-11-16")  # due 12-01: on time
    block = tallies.tally(session, periods.month("2026-11"), TODAY, with_previous=False)["complaints"]
    assert block["termination_notice_overdue"] == 1 and block["overdue"] == 0
    as_then = tallies.tally(session, periods.month("2026-11"), TODAY, as_of=date(2026, 11, 16), with_previous=False)
    assert as_then["complaints"]["termination_notice_overdue"] == 0  # on its due day it was still on time
    listing = complaint_views.list_complaints(session, ComplaintFilter(), TODAY, overdue=True)
    assert listing["total"] == 0 and listing["untold_overdue_total"] == 1
    assert [n["number"] for n in listing["untold_terminations"]] == [late]
    urgent = complaint_views.list_complaints(session, ComplaintFilter(), TODAY, due_soon=True)
    assert urgent["untold_overdue_total"] == 1 and len(urgent["untold_terminations"]) == 2
    complaints.record_notice(session, late, date(2026, 11, 20), TODAY, way="phone")
    block = tallies.tally(session, periods.month("2026-11"), TODAY, with_previous=False)["complaints"]
    assert block["termination_notice_overdue"] == 0
    as_then = tallies.tally(session, periods.month("2026-11"), TODAY, as_of=date(2026, 11, 18), with_previous=False)
    assert as_then["complaints"]["termination_notice_overdue"] == 1  # told on 11-20: still untold on 11-18
    listing = complaint_views.list_complaints(session, ComplaintFilter(), TODAY, overdue=True)
    assert listing["untold_overdue_total"] == 0 and listing["untold_terminations"] == []
