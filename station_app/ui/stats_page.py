"""统计: the period's figures, the same as `station-app tally`, with last year beside them.

The tally runs in a worker thread with its own connection (a county register takes seconds); the worker
never touches a widget: it hands the JSON figures to the page through a queued signal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import periods
from station_app.reports import tally_rows
from station_app.reports.tally_rows import TEXT, format_cell
from station_app.reports.tally_text import summary_sentence, title
from station_app.services import tallies
from station_app.services.session import Session
from station_app.ui.i18n import N_, entry_label, tr
from station_app.ui.jobs import Job, JobControl

KINDS = [N_("月"), N_("季度"), N_("年")]


def tally_work(db_path: Path, actor: str, role: str, period: periods.Period, today: date) -> Callable[..., str]:
    """The period's figures, computed in the job's thread on its own connection, as JSON text (a dict through a
    Qt signal loses its key order, the catalog's order)."""

    def work(control: JobControl) -> str:
        session = Session.open(db_path)  # this thread's own connection
        try:
            session.act_as(actor, role)  # the user already logged in to the window
            data = tallies.as_json(tallies.tally(session, period, today))
            data["_station_names"] = tallies.station_names(session)
        finally:
            session.close()
        return json.dumps(data, ensure_ascii=False)

    return work


class BarChart(QWidget):
    """Counts per nature (or category group) this year and last year, as horizontal bars."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, int, int]] = []
        self.setMinimumHeight(220)

    def show_rows(self, rows: list[tuple[str, int, int]]) -> None:
        self.rows = rows
        self.setMinimumHeight(24 * len(rows) + 30)
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top = max((max(now, before) for _, now, before in self.rows), default=0) or 1
        label_width = max([110, *(painter.fontMetrics().horizontalAdvance(row[0]) + 12 for row in self.rows)])
        y = 6
        width = max(self.width() - label_width - 70, 10)
        for label, now, before in self.rows:
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(0, y, label_width - 8, 20), Qt.AlignmentFlag.AlignRight, label)
            painter.fillRect(QRectF(label_width, y + 2, width * now / top, 9), QColor("#c41e3a"))
            painter.fillRect(QRectF(label_width, y + 12, width * before / top, 5), QColor("#9aa7b8"))
            # The number after the longer of the two bars: last year's bar must not run over it.
            end = label_width + width * max(now, before) / top
            painter.drawText(QRectF(end + 6, y, 60, 20), Qt.AlignmentFlag.AlignLeft, str(now))
            y += 24
        painter.setPen(QColor("#555"))
        painter.drawText(QRectF(label_width, y + 2, 300, 20), Qt.AlignmentFlag.AlignLeft, tr("■ 本期　　▬ 去年同期"))


class StatsPage(QWidget):
    def __init__(self, session: Session, db_path: Path, today=date.today):
        super().__init__()
        self.session, self.db_path, self.today = session, db_path, today
        self.data: dict[str, Any] = {}
        self.job: Job | None = None
        current = today()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(tr(kind), kind)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(current.year)
        self.year.setSuffix(tr(" 年"))
        self.part = QComboBox()
        self.kind.currentIndexChanged.connect(self._fill_parts)
        self._fill_parts()
        self.part.setCurrentIndex(current.month - 1)
        self.run_button = QPushButton(tr("统计"))
        self.run_button.clicked.connect(self.run)
        self.xlsx_button = QPushButton(tr("导出 Excel…"))
        self.pdf_button = QPushButton(tr("导出 PDF…"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        bar = QHBoxLayout()
        for widget in (QLabel(tr("统计期间：")), self.kind, self.year, self.part, self.run_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        self.heading = QLabel(tr("选择期间后按“统计”。"))
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 14px; padding: 4px;")
        self.chart = BarChart()
        self.tabs = QTabWidget()
        # Nine tables do not fit a tab bar on a 1366-pixel screen (they hid behind an arrow): every title is listed
        # beside the table instead, and the tab bar is not shown.
        self.tabs.tabBar().hide()
        self.tabs.setDocumentMode(True)
        self.sections = QListWidget()
        self.sections.setMaximumWidth(170)
        self.sections.setSpacing(4)
        self.sections.currentRowChanged.connect(self.tabs.setCurrentIndex)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.tabs, 3)
        body.addWidget(self.chart, 2)
        layout.addLayout(body, 1)
        self._enable_exports(False)
        self.shown_once = False
        self.rerun = False  # the period changed while a tally was running
        for signal in (self.kind.currentIndexChanged, self.part.currentIndexChanged, self.year.valueChanged):
            signal.connect(self.run)

    def showEvent(self, event) -> None:
        # The page opens on this month's figures: nobody should have to press a button to see them.
        super().showEvent(event)
        if not self.shown_once:
            self.shown_once = True
            self.run()

    def _fill_parts(self) -> None:
        self.part.clear()
        kind = self.kind.currentData()
        if kind == "月":
            self.part.addItems([tr("{0} 月").format(m) for m in range(1, 13)])
        elif kind == "季度":
            self.part.addItems([tr("第{0}季度").format(w) for w in periods.QUARTER_WORDS])
        self.part.setVisible(kind != "年")

    def period(self) -> periods.Period:
        year, index, kind = self.year.value(), self.part.currentIndex() + 1, self.kind.currentData()
        if kind == "月":
            return periods.month(f"{year}-{index:02d}")
        if kind == "季度":
            return periods.quarter(f"{year}-Q{index}")
        return periods.year(str(year))

    def _enable_exports(self, enabled: bool) -> None:
        self.xlsx_button.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled)

    @Slot()
    def run(self) -> None:
        if self.job is not None and self.job.running():
            self.rerun = True
            return
        self.run_button.setEnabled(False)
        self.heading.setText(tr("正在统计……"))
        work = tally_work(self.db_path, self.session.actor, self.session.role or "head", self.period(), self.today())
        self.job = Job(work, self)
        self.job.finished.connect(self.show_figures)
        self.job.start()

    @Slot(object, str)
    def show_figures(self, figures: str | None, error: str) -> None:
        self.run_button.setEnabled(True)
        if self.rerun:
            self.rerun = False
            self.run()
            return
        if error:
            self.heading.setText(tr("统计失败：{0}").format(error))
            return
        data = json.loads(figures or "{}")
        self.names = data.pop("_station_names", {})
        self.data = data
        self.heading.setText(f"<b>{title(data, self.names)}</b><br>{summary_sentence(data)}")
        shown = max(self.sections.currentRow(), 0)
        self.tabs.clear()
        self.sections.clear()
        for table in tally_rows.tables(data, self.session.catalogs, self.names):
            self.tabs.addTab(self._grid(table), table.title)
            self.sections.addItem(table.title)
        self.sections.setCurrentRow(min(shown, self.sections.count() - 1))
        natures = {e.code: entry_label(e) for e in self.session.catalogs.entries("natures")}
        before = data["previous"]["complaints"]["by_nature"]
        rows = [(natures[c], n, before.get(c, 0)) for c, n in data["complaints"]["by_nature"].items()]
        self.chart.show_rows(sorted(rows, key=lambda row: -row[1]))
        self._enable_exports(True)

    def _grid(self, table: tally_rows.Table) -> QTableWidget:
        grid = QTableWidget(len(table.rows), len(table.headers))
        grid.setHorizontalHeaderLabels(list(table.headers))
        grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        grid.verticalHeader().setVisible(False)
        grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for r, (row, kinds) in enumerate(zip(table.rows, table.kinds, strict=True)):
            for c, (value, kind) in enumerate(zip(row, kinds, strict=True)):
                text = format_cell(value, kind)
                if table.headers[c] == "增减" and isinstance(value, (int, float)) and value:
                    text = ("▲ " if value > 0 else "▼ ") + text  # year-on-year arrows
                item = QTableWidgetItem(text)
                if kind != TEXT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.setItem(r, c, item)
        return grid

    def export(self, fmt: str) -> None:
        suffix = {"xlsx": tr("Excel 文件 (*.xlsx)"), "pdf": tr("PDF 文件 (*.pdf)")}[fmt]
        default = tr("统计-{0}.{1}").format(self.data["period"]["label"], fmt)
        target, _ = QFileDialog.getSaveFileName(self, tr("导出统计"), default, suffix)
        if not target:
            return
        from station_app.reports import tally_pdf, tally_xlsx  # openpyxl and reportlab: loaded when used

        writer = tally_xlsx.write if fmt == "xlsx" else tally_pdf.write
        try:
            writer(self.data, self.session.catalogs, self.names, Path(target))
        except OSError as exc:
            QMessageBox.warning(self, tr("导出统计"), tr("无法写入文件：{0}").format(exc))
            return
        QMessageBox.information(self, tr("导出统计"), tr("已保存：{0}").format(target))

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.wait()
        super().closeEvent(event)
