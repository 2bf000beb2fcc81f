"""The case history and the audit trail read as the clerk's log, in Chinese and English, without Qt."""

import json
import re
from datetime import UTC

from station_app.domain.money import grouped_yuan, money_words
from station_app.selfcheck import plain_lines
from station_app.services import case_log, complaint_views, complaints
from tests.conftest import TODAY, complaint_payload

# What must never reach a clerk: codes, field names, fen figures, the set-up actor's code.
INTERNALS = re.compile(
    r"order\d+|_fen|recovered_|punitive_|mediator:|method:|\(setup\)|（setup）|transition|\bcreate\b|\{|\}|\d{5,}"
)


def settled_case(session):
    ref = complaints.add_complaints(session, [complaint_payload()], TODAY)[0]["number"]
    complaints.transition(session, ref, "accepted", {"on": "2026-11-03"}, TODAY)
    complaints.transition(session, ref, "mediating", {"on": "2026-11-05", "mediator": "王调解"}, TODAY)
    complaints.pause(session, ref, "送检测", TODAY, TODAY)
    complaints.resume(session, ref, TODAY, TODAY)
    payload = {
        "on": "2026-11-20",
        "method": "mediation",
        "recovered_yuan": "6200.00",
        "punitive_yuan": "4650.00",
        "outcomes": ["return_refund", "compensate"],
    }
    complaints.transition(session, ref, "settled", payload, TODAY)
    return complaint_views.show(session, ref, TODAY)


def test_money_reads_in_yuan_with_separators_and_two_decimals():
    assert grouped_yuan(620000) == "6,200.00" and grouped_yuan(5) == "0.05"
    assert money_words(123456789) == "1,234,567.89 元" and money_words(620000, english=True) == "6,200.00 yuan"


def test_the_history_reads_as_a_clerks_log_in_chinese(session):
    case = settled_case(session)
    lines = case_log.history_lines(case, session.catalogs)
    assert lines[0] == "2026-11-02 登记（李站长）"
    assert lines[1] == "2026-11-03 受理（李站长）"
    assert lines[2] == "2026-11-05 开始调解：调解员 王调解（李站长）"
    assert "暂停计时：送检测" in lines[3] and "恢复计时" in lines[4]
    assert lines[5].startswith("2026-11-20 调解结案：挽回 6,200.00 元，其中加倍赔偿 4,650.00 元；方式：调解")
    assert "结果：退货退款、赔偿" in lines[5]
    assert not any(INTERNALS.search(line) for line in lines), lines


def test_the_history_in_english(session):
    lines = case_log.history_lines(settled_case(session), session.catalogs, english=True)
    assert lines[1] == "2026-11-03 Accepted (李站长)"
    assert lines[5].startswith("2026-11-20 Settled: recovered 6,200.00 yuan, of which punitive compensation 4,650.00")
    assert not any(INTERNALS.search(line) for line in lines), lines
    assert not any(re.search(r"[\u4e00-\u9fff]", re.sub("李站长|王调解|送检测", "", line)) for line in lines)


def test_rule_versions_are_named_by_their_titles(session):
    assert (
        case_log.rule_title(session.catalogs, "order121")
        == "《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）"
    )
    assert "Order No. 20" in case_log.rule_title(session.catalogs, "order20", english=True)


def test_the_set_up_step_is_named_not_coded():
    event = {"kind": "registered", "on": "2026-11-16", "data": {}, "actor": "setup"}
    assert case_log.event_line(event) == "2026-11-16 登记（初始设置）"


def test_grounds_are_the_rule_versions_wording_with_the_article(session):
    event = {"kind": "transition", "to": "not_accepted", "on": "2026-02-08", "data": {"ground": "na_missing_materials"}}
    line = case_log.event_line(event, session.catalogs, "order20")
    assert line == "2026-02-08 不予受理：投诉材料不齐全（第十五条第（五）项）（初始设置）"
    event = {
        "kind": "transition",
        "to": "terminated",
        "on": "2026-02-08",
        "data": {"ground": "t_withdrawn", "route": "court"},
    }
    assert "建议途径：诉讼" in case_log.event_line(event, session.catalogs, "order121")


def test_the_audit_trail_in_words(session):
    case = settled_case(session)
    entries = [{"entity": "complaint", "number": case["number"], **e} for e in case["audit"]]  # as the trail has them
    rows = [case_log.audit_row(e, zone=UTC) for e in entries]
    assert rows[0] == {"time": "2026-11-23 09:30", "who": "李站长", "what": "登记投诉", "record": case["number"]}
    assert [r["what"] for r in rows[1:3]] == ["受理", "开始调解"]
    assert rows[-1]["what"] == "调解结案：挽回 6,200.00 元，其中加倍赔偿 4,650.00 元"
    english = [case_log.audit_row(e, english=True, zone=UTC)["what"] for e in entries]
    assert english[0] == "Complaint registered" and english[1] == "Accepted"
    assert not any(INTERNALS.search(r["what"]) for r in rows)


def test_unknown_actions_say_so_in_words():
    row = case_log.audit_row({"at": "2026-11-23T09:30:00+00:00", "actor": "setup", "action": "something:new"}, zone=UTC)
    assert row["what"] == "其他操作" and row["who"] == "初始设置"
    setting = {"at": "x", "actor": "李站长", "action": "setting", "after": {"font_size": "14"}}
    assert case_log.action_words(setting) == "修改设置：界面字号"


def test_the_self_check_reads_as_sentences():
    result = {
        "version": "0.1.0",
        "schema_version": 9,
        "database": "/data/register.sqlite3",
        "database_state": "ok",
        "records": {"complaints": 40, "audit": 72},
        "database_mb": 0.5,
        "fonts": ["uming.ttc"],
        "free_disk_mb": 80094,
        "last_backup": None,
        "backups": 0,
        "printers": ["StationPDF"],
    }
    chinese = plain_lines(result)
    assert "登记簿完好。" in chinese and "记录：投诉 40 条，审计记录 72 条。" in chinese
    assert "磁盘剩余空间：80,094 MB。" in chinese and "还没有做过备份。" in chinese
    assert not any(re.search(r"[a-z]+_[a-z]+|: ", line) for line in chinese)
    english = plain_lines(result, english=True)
    assert "The register is in good order." in english and "No backup has been made yet." in english
    assert json.dumps(english, ensure_ascii=False).isascii()
