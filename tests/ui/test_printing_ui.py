"""Preview and batch printing from the register page."""

from datetime import date

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox

from station_app.services import demo
from station_app.services.session import Session
from station_app.ui.print_preview import BatchRun
from station_app.ui.register_page import RegisterPage

TODAY = date(2026, 11, 23)


def make_register(tmp_path, n=40):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, n, TODAY)
    session.act_as("setup", "head")
    return session


def test_preview_of_the_selected_case(qtbot, tmp_path, monkeypatch):
    session = make_register(tmp_path)
    page = RegisterPage(session, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()  # the register is read when its page is first shown
    assert page.select_number(page.model.row_at(0)["number"])
    dialog = page.preview("receipt")
    qtbot.addWidget(dialog)
    assert dialog.document.status() == QPdfDocument.Status.Ready and dialog.document.pageCount() >= 1
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    fresh = [r for r in (page.model.row_at(i) for i in range(page.model.rowCount())) if r["status"] == "registered"]
    if fresh:
        page.select_number(fresh[0]["number"])
        assert page.preview("agreement") is None and warnings  # the document does not fit: said why
    session.close()


def test_batch_receipts_run_in_the_background_and_can_be_cancelled(qtbot, tmp_path, monkeypatch):
    session = make_register(tmp_path, 200)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    out = tmp_path / "receipts"
    out.mkdir()
    run = BatchRun(session, session.path, "2026-10", out, TODAY, None)
    run.start()
    qtbot.waitUntil(lambda: run.written >= 0, timeout=60_000)
    assert run.error == "" and run.written == len(list(out.glob("*.pdf"))) > 0
    cancelled_out = tmp_path / "cancelled"
    cancelled_out.mkdir()
    run2 = BatchRun(session, session.path, "2026-10", cancelled_out, TODAY, None)
    run2.job.cancel()  # cancel before the first receipt
    run2.start()
    qtbot.waitUntil(lambda: run2.written >= 0, timeout=60_000)
    assert run2.written == 0 and not list(cancelled_out.glob("*.pdf"))
    session.close()
