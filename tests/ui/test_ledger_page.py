"""导入往年台账 in the app: the guessed mapping shown and editable, a check, then the import."""

from station_app.services import complaint_views
from station_app.store.complaints import ComplaintFilter
from station_app.ui.ledger_page import LedgerImportPage
from tests.conftest import TODAY
from tests.services.ledgers import HEADERS, ROWS, write_xlsx


def test_map_check_and_import(qtbot, session, tmp_path):
    path = write_xlsx(tmp_path / "台账.xlsx", HEADERS, ROWS)
    page = LedgerImportPage(session, lambda: TODAY)
    qtbot.addWidget(page)
    assert page.load(path)
    assert page.mapping.rowCount() == len(HEADERS)
    row_of = {page.mapping.item(r, 0).text(): r for r in range(page.mapping.rowCount())}
    assert page.mapping.cellWidget(row_of["投诉人"], 1).currentData() == "consumer_name"
    checked = page.run(dry_run=True)
    assert checked["errors"] == [] and checked["imported"] == 0
    assert complaint_views.list_complaints(session, ComplaintFilter(), TODAY)["total"] == 0
    done = page.run(dry_run=False)
    assert done["imported"] == len(ROWS) and "已导入" in page.report.toPlainText()


def test_a_damaged_file_is_refused_with_a_reason(qtbot, session, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    page = LedgerImportPage(session, lambda: TODAY)
    qtbot.addWidget(page)
    assert not page.load(bad) and "无法读取" in page.report.toPlainText()
    assert not page.import_button.isEnabled()


def test_a_refused_ledger_is_saved_as_a_marked_copy(qtbot, session, tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    rows = [list(r) for r in ROWS]
    rows[0][3] = "1380013800"  # a phone one digit short, in row 3 (a title row, then the header)
    path = write_xlsx(tmp_path / "台账.xlsx", HEADERS, rows)
    out = tmp_path / "台账-已标注"  # typed without the extension
    asked = []

    def save_name(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(out), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    page = LedgerImportPage(session, lambda: TODAY)
    qtbot.addWidget(page)
    choose = next(b for b in page.findChildren(type(page.check_button)) if b.text().startswith("选择台账文件"))
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert not page.marked_button.isEnabled()  # nothing to mark before a check
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert page.marked_button.isEnabled() and "保存标注副本" in page.report.toPlainText()
    qtbot.mouseClick(page.marked_button, Qt.MouseButton.LeftButton)
    assert asked == [str(tmp_path / "台账-标注.xlsx")]  # offered beside the ledger
    saved = tmp_path / "台账-已标注.xlsx"
    sheet = load_workbook(saved)["Sheet"]
    assert sheet["D3"].value == "1380013800" and "手机号应为 11 位" in sheet["D3"].comment.text
    assert f"已另存标注副本：{saved}" in page.report.toPlainText()
