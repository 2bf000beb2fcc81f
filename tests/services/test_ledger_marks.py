"""A marked-up copy of a refused ledger (issue 19): each problem cell filled and commented in Chinese, a first
sheet 问题清单 listing them all, every value of the clerk's workbook unchanged; from the service, from
`ledger import --marked-copy`, for a .csv too, and opened by LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment

from station_app.cli import main
from station_app.domain.errors import ValidationError
from station_app.services import ledger_marks
from station_app.services.ledger_import import MARKED_SHEET, import_ledger
from tests.conftest import TODAY
from tests.services.ledgers import HEADERS, ROWS, monthly_sheet


def _row(n: int, month: int, **changes) -> list:
    row = {
        "序号": n, "登记日期": datetime(2025, month, 3 + n), "姓名": f"消费者{month}-{n}",
        "电话": f"138001{month:02d}{n:03d}",
        "被投诉人": "新集镇华联超市", "商品或服务": "电饭煲", "类别": "家用电子电器类", "性质": "质量问题", "金额": 300,
        "处理结果": "调解成功", "办结日期": datetime(2025, month, 20),
    }  # fmt: skip
    row.update(changes)
    return list(row.values())


def monthly_workbook(path) -> dict[tuple[str, str], str]:
    """Two monthly sheets, each with a title merged across the top, a two-row header and a sum formula under the
    amounts, and a comment of the clerk's own; returns the problem cells (sheet, cell) → what the error names."""
    book = Workbook()
    book.remove(book.active)
    for month, bad in ((1, {"电话": "1380013800"}), (2, {"类别": "奇怪类", "登记日期": "2025-13-45"})):
        sheet = monthly_sheet(book, month)
        sheet.append(_row(1, month))
        sheet.append(_row(2, month, **bad))
        sheet.append(_row(3, month, 办结日期=datetime(2024, 12, 1)))  # closed before received: the row's rule
        sheet.append(["合计", None, None, None, None, None, None, None, "=SUM(I4:I6)"])
        sheet["C4"].comment = Comment("老客户", "站长")  # the clerk's own note, on a cell without a problem
        sheet["A6"].comment = Comment("待核实", "站长")  # …and on a cell that gets marked
    book.save(path)
    return {
        ("1月", "D5"): "投诉人电话",
        ("1月", "A6"): "整行",
        ("2月", "B5"): "登记日期",
        ("2月", "G5"): "类别",
        ("2月", "A6"): "整行",
    }


def _values(book) -> dict:
    return {(s.title, c.coordinate): c.value for s in book.worksheets if s.title != MARKED_SHEET for r in s for c in r}


def test_the_copy_marks_exactly_the_problem_cells_and_keeps_every_value(session, tmp_path):
    ledger = tmp_path / "2025台账.xlsx"
    expected = monthly_workbook(ledger)
    before = ledger.read_bytes()
    report = import_ledger(session, ledger, TODAY)
    assert report["imported"] == 0 and len(report["errors"]) == 5
    out = tmp_path / "2025台账-标注.xlsx"
    marked = ledger_marks.save_marked_copy(ledger, report["errors"], out)
    assert marked == {"file": str(out), "cells": 5, "problems": 5}
    assert ledger.read_bytes() == before  # the original untouched

    original, copy = load_workbook(ledger), load_workbook(out)
    assert _values(copy) == _values(original)  # every value and formula as the clerk left it
    assert copy["1月"]["I7"].value == "=SUM(I4:I6)"
    filled = {
        (s.title, c.coordinate)
        for s in copy.worksheets
        for r in s
        for c in r
        if c.fill.fill_type == "solid" and c.fill.fgColor.rgb.endswith(ledger_marks.FILL)
    }
    assert filled == set(expected)
    commented = {(s.title, c.coordinate): c.comment.text for s in copy.worksheets for r in s for c in r if c.comment}
    assert set(commented) == set(expected) | {("1月", "C4"), ("2月", "C4")}
    assert commented["1月", "C4"] == "老客户"  # a note on a cell without a problem stays as it was
    assert commented["1月", "A6"].startswith("待核实\n——\n")  # …and one on a marked cell is kept above ours
    phone = commented["1月", "D5"]
    assert "工作表“1月”第 5 行〔投诉人电话〕" in phone and "现在的内容：1380013800" in phone
    assert "手机号应为 11 位" in phone  # what would be accepted
    assert "现在的内容：奇怪类" in commented["2月", "G5"] and "可选：G01（家用电子电器类）" in commented["2月", "G5"]
    assert "〔整行〕" in commented["2月", "A6"] and "不能早于" in commented["2月", "A6"]

    assert copy.sheetnames[0] == MARKED_SHEET and copy.active.title == MARKED_SHEET
    listing = [list(r) for r in copy[MARKED_SHEET].iter_rows(min_row=3, values_only=True)]
    assert [(r[0], r[3]) for r in listing] == [(s, c) for s, c in expected]
    assert {r[5] for r in listing} == {e["message"] for e in report["errors"]}


def test_the_corrected_copy_imports_as_it_is(session, tmp_path):
    ledger = tmp_path / "台账.xlsx"
    monthly_workbook(ledger)
    out = tmp_path / "标注.xlsx"
    ledger_marks.save_marked_copy(ledger, import_ledger(session, ledger, TODAY, dry_run=True)["errors"], out)
    assert [(e["sheet"], e["row"]) for e in import_ledger(session, out, TODAY, dry_run=True)["errors"]] == [
        ("1月", 5),
        ("1月", 6),
        ("2月", 5),
        ("2月", 5),
        ("2月", 6),
    ]  # the list sheet is passed over
    book = load_workbook(out)
    book["1月"]["D5"] = "13800138000"
    book["2月"]["B5"], book["2月"]["G5"] = datetime(2025, 2, 5), "家用电子电器类"
    for month in ("1月", "2月"):
        book[month]["K6"] = datetime(2025, 3, 1)
    book.save(out)
    result = import_ledger(session, out, TODAY)
    assert result["errors"] == [] and result["imported"] == 6


def test_a_csv_ledger_gets_a_workbook_copy(session, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][3] = "12345"
    ledger = tmp_path / "台账.csv"
    ledger.write_text(
        "\n".join(",".join("" if v is None else str(v) for v in row) for row in [HEADERS, *rows]), encoding="utf-8"
    )
    report = import_ledger(session, ledger, TODAY)
    marked = ledger_marks.save_marked_copy(ledger, report["errors"], tmp_path / "标注.xlsx")
    copy = load_workbook(marked["file"])
    sheet = copy["台账"]
    assert sheet["D3"].value == "12345" and sheet["D3"].comment and "〔联系电话〕" in sheet["D3"].comment.text
    assert sheet["C2"].value == "张三" and sheet["C2"].comment is None


def test_the_copy_never_overwrites_the_ledger_nor_takes_another_format(tmp_path):
    ledger = tmp_path / "台账.xlsx"
    monthly_workbook(ledger)
    for out, words in ((ledger, "不能覆盖原台账"), (tmp_path / "标注.xls", ".xlsx 结尾")):
        with pytest.raises(ValidationError, match=words):
            ledger_marks.save_marked_copy(ledger, [], out)


def test_ledger_import_marked_copy_in_json_and_text(session, tmp_path, capsys):
    ledger = tmp_path / "台账.xlsx"
    monthly_workbook(ledger)
    out = tmp_path / "标注.xlsx"
    base = ["--db", str(session.path), "--today", "2026-11-23"]
    assert main([*base, "--format", "json", "ledger", "import", str(ledger), "--marked-copy", str(out)]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["marked_copy"] == str(out) and out.exists() and len(report["errors"]) == 5
    out.unlink()
    assert main([*base, "ledger", "import", str(ledger), "--dry-run", "--marked-copy", str(out)]) == 2
    said = capsys.readouterr().err
    assert f"已另存标注副本：{out}（5 个单元格标红并加批注，首页“问题清单”列出全部 5 处问题）" in said
    assert main([*base, "ledger", "import", str(ledger), "--marked-copy", str(ledger)]) == 2
    assert "不能覆盖原台账" in capsys.readouterr().err and load_workbook(ledger).sheetnames == ["1月", "2月"]


def test_libreoffice_opens_the_marked_copy(session, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is installed by `bash scripts/setup.sh test` (as root)")
    ledger = tmp_path / "台账.xlsx"
    monthly_workbook(ledger)
    ledger_marks.save_marked_copy(ledger, import_ledger(session, ledger, TODAY)["errors"], tmp_path / "marked.xlsx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    done = subprocess.run(
        [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), "marked.xlsx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0 and (tmp_path / "marked.pdf").exists(), done.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "marked.pdf"), "-"], capture_output=True, text=True).stdout
    assert "以下 5 处问题使整份台账没有导入" in text and "投诉人电话" in text  # the list, printed first
