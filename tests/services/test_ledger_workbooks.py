"""Ledgers read as stations keep them (issue 19): a workbook of twelve monthly sheets, each with a title merged
across the top and a two-row header (投诉人 over 姓名 | 电话), ID numbers Excel turned into floats; every
problem of the file listed at once, with its sheet and row; an old .xls under a new name said as such."""

from __future__ import annotations

import json
from datetime import datetime

from openpyxl import Workbook

from station_app.cli import main
from station_app.services import complaint_views
from station_app.services.ledger_import import import_ledger
from tests.conftest import TODAY
from tests.services.ledgers import monthly_sheet


def _workbook(path, *, mangle: bool) -> int:
    """Twelve sheets 1月 … 12月, two cases each; with ``mangle`` March's and October's first ID is a float."""
    book = Workbook()
    book.remove(book.active)
    cases = 0
    for month in range(1, 13):
        sheet = monthly_sheet(book, month, ("身份证号",))
        for n in range(2):
            cases += 1
            id_number = 1.10101199001011e17 if mangle and month in (3, 10) and n == 0 else "11010519491231002X"
            sheet.append([
                n + 1, datetime(2025, month, 3 + n), f"消费者{month}-{n}", f"1380013{month:02d}{n:02d}",
                "新集镇华联超市", "电饭煲", "家用电子电器类", "质量问题", 300, "调解成功",
                datetime(2025, month, 20), id_number,
            ])  # fmt: skip
        sheet.append(["合计", None, None])
    book.save(path)
    return cases


def test_twelve_monthly_sheets_import_completely(session, tmp_path):
    path = tmp_path / "2025台账.xlsx"
    cases = _workbook(path, mangle=False)
    result = import_ledger(session, path, TODAY)
    assert result["errors"] == [] and result["imported"] == cases == 24
    assert [s["name"] for s in result["sheets"]] == [f"{m}月" for m in range(1, 13)]
    assert {r["sheet"] for r in result["results"]} == {f"{m}月" for m in range(1, 13)}
    assert result["mapping"]["投诉人姓名"] == "consumer_name" and result["mapping"]["投诉人电话"] == "consumer_phone"
    october = next(r for r in result["results"] if r["sheet"] == "10月")
    case = complaint_views.show(session, october["number"], TODAY)
    assert case["received_on"] == "2025-10-03" and case["consumer"]["name"] == "消费者10-0"


def test_every_problem_of_the_file_is_listed_at_once_with_its_sheet(session, tmp_path, capsys):
    path = tmp_path / "2025台账.xlsx"
    _workbook(path, mangle=True)
    result = import_ledger(session, path, TODAY)
    assert result["imported"] == 0
    where = [(e["sheet"], e["row"]) for e in result["errors"]]
    assert where == [("3月", 4), ("10月", 4)]  # both, in one pass
    assert all(
        "被 Excel 存成了数字（1.10101E+17）" in e["message"] and "文本" in e["message"] for e in result["errors"]
    )
    code = main(["--db", str(session.path), "--today", "2026-11-23", "ledger", "import", str(path)])
    said = capsys.readouterr().err
    assert code == 2 and "工作表“3月”第 4 行" in said and "工作表“10月”第 4 行" in said


def test_an_old_xls_renamed_and_a_refused_file_still_answer_in_json(session, tmp_path, capsys):
    fake = tmp_path / "台账.xlsx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE2 (.xls) header
    command = ["--db", str(session.path), "--today", "2026-11-23", "--format", "json", "ledger", "import", str(fake)]
    assert main(command) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["imported"] == 0 and "旧版 Excel" in report["errors"][0]["message"]
