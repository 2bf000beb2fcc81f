"""Preview, print and save a document (QtPdf); print a month's receipts in the background, cancellable."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation
from station_app.services import print_queue, printing
from station_app.services.session import Session
from station_app.ui.i18n import tr
from station_app.ui.jobs import Job, JobControl

PAINTED_DPI = 300  # where pages must be painted (Windows): sharp on paper, a tenth of a 1200-dpi job


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Paint every page as an image, on white (QPdfDocument renders transparent): the fallback where the spooler
    does not take the PDF itself. At most 300 dpi: a receipt's job is 1.2 MB, against 7 MB at the printer's
    1200 dpi (grey instead of colour saves nothing more: Qt stores the image the same way)."""
    painter = QPainter(printer)
    try:
        first, last = _page_range(printer, document.pageCount())
        for page in range(first - 1, last):
            if page > first - 1:
                printer.newPage()
            target = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(target.width() / points.width(), target.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            dots = min(PAINTED_DPI, printer.resolution())
            image = document.render(page, QSize(int(points.width() * dots / 72), int(points.height() * dots / 72)))
            white = QImage(image.size(), QImage.Format.Format_RGB32)
            white.fill(QColor("white"))
            on_white = QPainter(white)
            on_white.drawImage(0, 0, image)
            on_white.end()
            painter.drawImage(QRect(0, 0, size.width(), size.height()), white)
    finally:
        painter.end()


def _page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The pages chosen in the print dialog (from 1), all when none were."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        return max(printer.fromPage(), 1), min(printer.toPage() or count, count)
    return 1, count


def send_to_printer(pdf: Path, document: QPdfDocument, printer: QPrinter, title: str) -> str:
    """The document to the printer chosen: the PDF itself where it can go as it is (a printer queue of CUPS, or
    "print to file" as PDF), else painted page by page. Returns what happened, in the clerk's words."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        shutil.copyfile(pdf, printer.outputFileName())
        return tr("已保存为 {0}").format(printer.outputFileName())
    if print_queue.spooler_takes_pdf():
        pages = _page_range(printer, document.pageCount())
        job = print_queue.send_pdf(
            pdf,
            printer.printerName(),
            title=title,
            copies=printer.copyCount(),
            pages=None if pages == (1, document.pageCount()) else pages,
        )
        return tr("已发送到打印机 {0}（任务 {1}）").format(printer.printerName(), job)
    print_pdf(document, printer)
    return tr("已发送到打印机 {0}").format(printer.printerName())


class PreviewDialog(QDialog):
    """The document as it will print, with 打印… and 另存为 PDF…."""

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = pdf
        self.setWindowTitle(title)
        self.resize(900, 700)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        print_button = QPushButton(tr("打印…"))
        save_button = QPushButton(tr("另存为 PDF…"))
        close_button = QPushButton(tr("关闭"))
        print_button.clicked.connect(self.print_document)
        save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.accept)
        self.printed = ""
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status)
        buttons.addStretch(1)
        for button in (print_button, save_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.printed = send_to_printer(self.pdf, self.document, printer, self.windowTitle())
        except RuleViolation as exc:
            QMessageBox.warning(self, tr("打印"), str(exc))
            return
        self.status.setText(self.printed)

    def save_as(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, tr("另存为 PDF"), self.windowTitle() + ".pdf", tr("PDF 文件 (*.pdf)")
        )
        if target:
            shutil.copyfile(self.pdf, target)


def preview_case_document(session: Session, action: str, ref: str, today: date, parent: QWidget) -> PreviewDialog:
    """Write the document to a temporary file and open its preview (refusals are raised to the caller)."""
    folder = Path(tempfile.mkdtemp(prefix="station-print-"))
    path, number = printing.print_case(session, action, ref, folder / f"{action}-{ref}.pdf", today)
    label = printing.CASE_DOCUMENTS[action][0].split("（")[0]
    return PreviewDialog(path, f"{label} {number}", parent)


def receipts_work(db_path: Path, actor: str, role: str, month: str, folder: Path, today: date) -> Callable[..., int]:
    """One receipt per case of a month into a folder, in the job's thread; stops between two receipts when asked."""

    def work(control: JobControl) -> int:
        written = 0
        session = Session.open(db_path)
        try:
            session.act_as(actor, role)
            numbers = printing.month_numbers(session, month, today)
            for index, number in enumerate(numbers):
                if control.cancelled():
                    break
                printing.print_case(session, "receipt", number, folder / tr("回执-{0}.pdf").format(number), today)
                written += 1
                control.progress(index + 1, len(numbers))
        finally:
            session.close()
        return written

    return work


class BatchRun(QObject):
    """A month's receipts printed by a job, with a progress dialog whose cancel button stops it."""

    def __init__(self, session: Session, db_path: Path, month: str, folder: Path, today: date, parent: QWidget):
        super().__init__(parent)
        self.parent_widget, self.folder = parent, folder
        self.dialog = QProgressDialog(tr("正在生成 {0} 的投诉登记回执……").format(month), tr("取消"), 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        work = receipts_work(db_path, session.actor, session.role or "head", month, folder, today)
        self.job = Job(work, self)
        self.job.progress.connect(self.show_progress)
        self.job.finished.connect(self.finish)
        self.dialog.canceled.connect(self.job.cancel)
        self.written = -1
        self.error = ""

    def start(self) -> None:
        self.job.start()
        self.dialog.show()

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, _note: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)

    @Slot(object, str)
    def finish(self, written: int | None, error: str) -> None:
        self.written, self.error = written or 0, error
        self.dialog.reset()
        if error:
            QMessageBox.warning(self.parent_widget, tr("批量打印"), tr("生成回执时出错：{0}").format(error))
        elif not self.job.cancelled():
            QMessageBox.information(
                self.parent_widget, tr("批量打印"), tr("已生成 {0} 份回执：{1}").format(written, self.folder)
            )


def print_month_receipts(
    session: Session, db_path: Path, month: str, folder: Path, today: date, parent: QWidget
) -> BatchRun:
    run = BatchRun(session, db_path, month, folder, today, parent)
    run.start()
    return run
