"""咨询, 举报, 宣传活动, 消费警示 pages: register a record through the form, see it in the list."""

from datetime import date

import pytest

from station_app.services import records
from station_app.ui.records_page import RecordDialog, RecordsPage

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("kind", ["consultation", "report", "outreach_event", "warning"])
def test_form_saves_and_the_list_shows_it(qtbot, session, kind):
    page = RecordsPage(session, kind, lambda: TODAY)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    dialog = RecordDialog(session, kind, lambda: TODAY, page)
    qtbot.addWidget(dialog)
    fills = {
        "topic": "预付卡退费",
        "business.name": "某药店",
        "facts": "销售过期药品",
        "title": "3·15 宣传",
        "body": "谨慎办理预付卡。",
    }
    for path, value in fills.items():
        widget = dialog.widgets.get(path)
        if widget is not None:
            widget.setPlainText(value) if hasattr(widget, "setPlainText") else widget.setText(value)
    if kind == "outreach_event":
        dialog.widgets["leaflets"].setValue(800)
    dialog.save()
    assert dialog.saved_number, dialog.general.text()
    page.refresh()
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text() == dialog.saved_number


def test_errors_show_beside_the_field(qtbot, session):
    dialog = RecordDialog(session, "report", lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.widgets["reporter.name"].setText("王五")
    dialog.widgets["reporter.phone"].setText("123")
    dialog.save()
    assert not dialog.errors["business.name"].isHidden() and not dialog.errors["reporter.phone"].isHidden()
    assert dialog.widgets["reporter.phone"].text() == "123"
    assert records.list_records(session, "report")["total"] == 0


def test_plus_one_consultation_on_the_workbench(qtbot, session, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    from station_app.ui.workbench import Workbench

    bench = Workbench(session, lambda: TODAY)
    qtbot.addWidget(bench)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    qtbot.mouseClick(bench.consult_button, Qt.MouseButton.LeftButton)  # clicked(bool) used to arrive as the topic
    assert "XJ-ZX-2026-0001" in bench.consult_note.text()
    listing = records.list_records(session, "consultation")
    assert listing["items"][0]["topic"] == "现场咨询" and listing["items"][0]["persons"] == 1
