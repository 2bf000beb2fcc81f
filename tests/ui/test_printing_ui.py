"""Preview and batch printing from the register page."""

from datetime import date

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox

from station_app.services import demo
from station_app.services.session import Session
from station_app.ui.print_preview import BatchRun
from station_app.ui.register_page import RegisterPage
from tests.ui.windows import searched

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
    searched(qtbot, page)
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


def _print_through_the_dialog(qtbot, dialog, monkeypatch, queue):
    """Click 打印…, answer the system print dialog by choosing ``queue`` (as a clerk picks the printer)."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QPushButton

    def choose(print_dialog):
        print_dialog.printer().setPrinterName(queue)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "打印…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_receipt_goes_to_the_printer_as_its_pdf_with_text(qtbot, tmp_path, monkeypatch):
    """Print jobs were 300-dpi page images (7–10 MB, no text). Through CUPS the PDF itself is sent: the job that
    comes out is as small as the file and its text can be read."""
    from tests.ui.printers import cups_pdf_queue, last_job, printed_file

    queue = cups_pdf_queue()
    session = make_register(tmp_path)
    page = RegisterPage(session, lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    searched(qtbot, page)
    page.select_number(page.model.row_at(0)["number"])
    dialog = page.preview("receipt")
    qtbot.addWidget(dialog)
    _print_through_the_dialog(qtbot, dialog, monkeypatch, queue)
    assert "已发送到打印机" in dialog.status.text()
    job = dialog.status.text().split("任务 ")[1].rstrip("）")
    out = printed_file(job)
    # The page arrives as text in its fonts (cups-pdf re-writes the job with Ghostscript, so the fonts are counted
    # rather than the text read back); painted pages carry none.
    assert _fonts(out) >= 2
    vector = out.stat().st_size
    assert vector < 2 * dialog.pdf.stat().st_size + 100_000

    # Where the spooler cannot take a PDF (Windows), pages are painted: grey, at most 300 dpi.
    from station_app.services import print_queue

    monkeypatch.setattr(print_queue, "spooler_takes_pdf", lambda: False)
    _print_through_the_dialog(qtbot, dialog, monkeypatch, queue)
    painted_file = printed_file(last_job())
    painted = painted_file.stat().st_size
    assert _fonts(painted_file) == 0
    print(f"\nreceipt print job: PDF sent as it is {vector / 1024:.0f} KB; painted at 300 dpi {painted / 1024:.0f} KB")
    assert vector < painted < 5_000_000
    session.close()


def _fonts(pdf) -> int:
    import subprocess

    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return len(listing.splitlines()[2:])
