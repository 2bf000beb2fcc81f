"""Importing last year's ledger (台账): mapping, outcomes, all-or-nothing, remembered mapping, dry run."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest

from station_app.cli import main
from station_app.domain import ledger_import as ledger_rules
from station_app.domain.errors import ValidationError
from station_app.services import complaint_views
from station_app.services.ledger_import import import_ledger
from station_app.store import records as store
from station_app.store.complaints import ComplaintFilter
from tests.conftest import TODAY
from tests.services.ledgers import HEADERS, ROWS, write_xlsx


def write_csv(path, headers, rows, encoding):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def listing(session):
    return complaint_views.list_complaints(session, ComplaintFilter(), TODAY, limit=None)


def show(session, number):
    return complaint_views.show(session, number, TODAY)


def test_xlsx_ledger_is_imported_with_states_and_money(session, tmp_path):
    result = import_ledger(session, write_xlsx(tmp_path / "台账.xlsx", HEADERS, ROWS), TODAY)
    assert result["errors"] == [] and result["imported"] == 6
    assert result["mapping"]["投诉人"] == "consumer_name" and result["mapping"]["序号"] == "ignore"
    assert result["mapping_source"] == "guessed"
    assert [r["row"] for r in result["results"]] == [3, 4, 5, 6, 7, 8]  # the sheet's own row numbers
    assert result["skipped_rows"] == [9]  # 合计

    first = show(session, "XJ-2025-0001")
    assert first["status"] == "settled" and first["method"] == "mediation"
    assert first["received_on"] == "2025-03-05" and first["accepted_on"] == "2025-03-05"
    assert first["closed_on"] == "2025-03-20"
    assert first["recovered_fen"] == 155000 and first["amount_fen"] == 155000
    assert first["consumer"]["phone"] == "13800138000"
    assert first["category"] == "G01" and first["nature"] == "quality"
    assert first["facts"] == "海尔冰箱；退货退款"  # no facts column: subject + 诉求
    assert [e["to"] for e in first["history"][1:]] == ["accepted", "settled"]

    second = show(session, "XJ-2025-0002")
    assert second["status"] == "settled" and second["method"] == "reconciliation"
    assert second["recovered_fen"] == 6050 and second["amount_fen"] == 12050

    assert show(session, "XJ-2025-0003")["status"] == "not_accepted"
    assert show(session, "XJ-2025-0003")["ground"] == "na_other"
    assert show(session, "XJ-2025-0004")["status"] == "registered"
    fifth = show(session, "XJ-2025-0005")
    assert fifth["status"] == "terminated"
    assert fifth["ground"] == "t_no_agreement" and fifth["route"] == "court"
    sixth = show(session, "XJ-2025-0006")
    assert sixth["status"] == "transferred" and sixth["to_unit"] == "县市场监管局"
    assert listing(session)["total"] == 6


def test_gb18030_csv_with_other_headers(session, tmp_path):
    headers = ["受理日期", "消费者", "手机", "经营者", "商品名称", "投诉类别", "投诉性质", "投诉内容", "处理方式",
               "挽回经济损失", "结案日期"]  # fmt: skip
    rows = [
        ["2025-09-01", "周九", "13400134000", "惠民超市", "过期牛奶", "食品", "安全", "牛奶过期三天仍在销售",
         "经调解，超市退一赔十", "1000", "2025-09-05"],
    ]  # fmt: skip
    path = write_csv(tmp_path / "ledger_rules.csv", headers, rows, "gb18030")
    result = import_ledger(session, path, TODAY)
    assert result["errors"] == [], result["errors"]
    case = show(session, result["results"][0]["number"])
    assert case["consumer"]["name"] == "周九" and case["business"]["name"] == "惠民超市"
    assert case["category"] == "G03" and case["nature"] == "safety"
    assert case["facts"] == "牛奶过期三天仍在销售"
    assert case["status"] == "settled" and case["recovered_fen"] == 100000


def test_utf8_csv_with_bom(session, tmp_path):
    path = write_csv(tmp_path / "ledger_rules.csv", HEADERS, [ROWS[1]], "utf-8-sig")
    result = import_ledger(session, path, TODAY)
    assert result["imported"] == 1 and result["mapping"]["登记日期"] == "received_on"


def test_a_bad_row_refuses_the_whole_file_and_names_its_row(session, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = "123"  # sheet row 4: a phone that is no phone
    rows[3][7] = "乱收费"  # sheet row 6: not a nature
    result = import_ledger(session, write_xlsx(tmp_path / "bad.xlsx", HEADERS, rows), TODAY)
    assert result["imported"] == 0 and result["results"] == []
    by_row = {e["row"]: e for e in result["errors"]}
    assert set(by_row) == {4, 6}
    assert by_row[4]["column"] == "联系电话" and "消费者电话" in by_row[4]["message"]
    assert by_row[6]["column"] == "性质" and "乱收费" in by_row[6]["message"]
    assert listing(session)["total"] == 0
    # The mapping of a refused file is not remembered either.
    assert store.get_setting(session.db, ledger_rules.mapping_key(HEADERS)) is None


def test_an_outcome_the_rules_refuse_is_listed_too(session, tmp_path):
    rows = [list(ROWS[0]), list(ROWS[1])]
    rows[0][12] = datetime(2025, 3, 1)  # closed before it was received
    rows[1][10] = "看情况"  # an outcome nobody can read
    result = import_ledger(session, write_xlsx(tmp_path / "bad.xlsx", HEADERS, rows), TODAY)
    assert {e["row"] for e in result["errors"]} == {3, 4}
    assert any("看情况" in e["message"] for e in result["errors"])
    assert listing(session)["total"] == 0


def test_settled_without_a_closing_date_is_refused(session, tmp_path):
    rows = [list(ROWS[0])]
    rows[0][12] = None
    result = import_ledger(session, write_xlsx(tmp_path / "bad.xlsx", HEADERS, rows), TODAY)
    assert result["errors"][0]["column"] == "办结日期"


def test_the_mapping_is_remembered_for_the_same_headers(session, tmp_path):
    headers = ["日期", "当事人", "电话", "商家", "商品", "类别", "性质", "结果", "挽回", "办结日期"]
    row = ["2025-10-08", "吴十", "13300133000", "好运鞋店", "皮鞋", "服装鞋帽类", "质量", "调解成功", "300",
           "2025-10-10"]  # fmt: skip
    path = write_xlsx(tmp_path / "a.xlsx", headers, [row])
    with pytest.raises(ValidationError) as missing:
        import_ledger(session, path, TODAY)
    assert "consumer_name" in str(missing.value)  # 当事人 is not a known header: asks for --map

    first = import_ledger(session, path, TODAY, overrides=["当事人=consumer_name"])
    assert first["imported"] == 1 and first["mapping"]["当事人"] == "consumer_name"

    row2 = ["2025-11-02", "郑一", "13200132000", "好运鞋店", "运动鞋", "服装鞋帽类", "质量", "和解", "100",
            "2025-11-03"]  # fmt: skip
    second = import_ledger(session, write_xlsx(tmp_path / "b.xlsx", list(reversed(headers)), [row2[::-1]]), TODAY)
    assert second["mapping_source"] == "remembered" and second["imported"] == 1
    assert show(session, second["results"][0]["number"])["consumer"]["name"] == "郑一"


def test_dry_run_writes_nothing(session, tmp_path):
    result = import_ledger(session, write_xlsx(tmp_path / "t.xlsx", HEADERS, ROWS), TODAY, dry_run=True)
    assert result["dry_run"] and result["errors"] == [] and result["valid"] == 6 and result["imported"] == 0
    assert listing(session)["total"] == 0
    assert store.get_setting(session.db, ledger_rules.mapping_key(HEADERS)) is None
    assert import_ledger(session, tmp_path / "t.xlsx", TODAY)["results"][0]["number"] == "XJ-2025-0001"


def test_bad_map_and_unreadable_files_are_refused(session, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", HEADERS, ROWS[:1])
    with pytest.raises(ValidationError, match="没有“姓名”这一列"):
        import_ledger(session, path, TODAY, overrides=["姓名=consumer_name"])
    with pytest.raises(ValidationError, match="未知的字段"):
        import_ledger(session, path, TODAY, overrides=["投诉人=nobody"])
    (tmp_path / "x.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        import_ledger(session, tmp_path / "x.xls", TODAY)
    (tmp_path / "empty.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="表头"):
        import_ledger(session, tmp_path / "empty.csv", TODAY)


@pytest.mark.parametrize(
    "text,closed,state",
    [
        ("调解成功", "2025-03-20", "settled"),
        ("已受理，调解成功", "2025-03-20", "settled"),
        ("双方和解", "2025-03-20", "settled"),
        ("不予受理", "", "not_accepted"),
        ("调解中", "", "mediating"),
        ("未解决", "", "accepted"),
        ("终止调解", "2025-03-20", "terminated"),
        ("转交县消协", "", "transferred"),
        ("", "", "registered"),
        ("", "2025-03-20", "settled"),
    ],
)
def test_outcome_words(text, closed, state):
    assert ledger_rules.outcome({"result": text, "closed_on": closed}) == state


def test_cli_ledger_import_json_and_exit_codes(tmp_path, capsys):
    db = str(tmp_path / "r.sqlite3")
    base = ["--db", db, "--today", "2026-11-23"]
    init = ["init", "--station-code", "XJ", "--station-name", "新集站", "--kind", "维权服务站", "--venue", "农村"]
    assert main([*base, *init, "--county", "示例县"]) == 0
    bad = [list(ROWS[0])]
    bad[0][3] = "123"
    write_xlsx(tmp_path / "bad.xlsx", HEADERS, bad)
    capsys.readouterr()
    assert main([*base, "ledger", "import", str(tmp_path / "bad.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "第 3 行" in err
    write_xlsx(tmp_path / "t.xlsx", HEADERS, ROWS)
    assert main([*base, "--format", "json", "ledger", "import", str(tmp_path / "t.xlsx"), "--dry-run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] == 6 and report["imported"] == 0
    assert main([*base, "ledger", "import", str(tmp_path / "t.xlsx"), "--map", "备注=note"]) == 2  # no such column
    capsys.readouterr()
    assert main([*base, "ledger", "import", str(tmp_path / "t.xlsx")]) == 0
    assert "已导入 6 件投诉" in capsys.readouterr().out


def test_text_is_kept_as_written_and_full_width_figures_still_read(session, tmp_path):
    """Import rewrote the record's words (，（）→ ,()) and the printed agreement showed it; numbers typed full-width
    with a Chinese input method are still read."""
    headers = ["受理日期", "消费者", "手机", "经营者", "商品名称", "投诉类别", "投诉性质", "投诉内容", "挽回经济损失"]
    facts = "商品破损，商家拒绝退货（见照片）。“三包”期内！"
    rows = [["２０２５－０９－０１", "周九", "１３４００１３４０００", "惠民超市（东店）", "电饭煲",
             "家用电子电器类", "质量", facts, "１２０．５０"]]  # fmt: skip
    result = import_ledger(session, write_csv(tmp_path / "ledger.csv", headers, rows, "utf-8-sig"), TODAY)
    assert result["errors"] == [], result["errors"]
    case = show(session, result["results"][0]["number"])
    assert case["facts"] == facts and case["business"]["name"] == "惠民超市（东店）"
    assert case["received_on"] == "2025-09-01" and case["consumer"]["phone"] == "13400134000"
