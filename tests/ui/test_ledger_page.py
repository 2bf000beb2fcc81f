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
