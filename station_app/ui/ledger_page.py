"""导入台账: bring last year's Excel/WPS ledger in — map its columns once, check, then import all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import ledger_import, ledger_marks
from station_app.services.session import Session
from station_app.ui.i18n import tr


class LedgerImportPage(QWidget):
    def __init__(self, session: Session, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.today = session, today
        self.path: Path | None = None
        self.errors: list[dict] = []  # the last check's problems, for the marked copy
        choose = QPushButton(tr("选择台账文件（.xlsx / .csv）…"))
        choose.clicked.connect(self.choose)
        self.file_label = QLabel(tr("尚未选择文件"))
        self.check_button = QPushButton(tr("检查（不导入）"))
        self.import_button = QPushButton(tr("导入"))
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        # A refused ledger: a copy of the clerk's workbook with each problem cell marked, to fix it where it is.
        self.marked_button = QPushButton(tr("保存标注副本…"))
        self.marked_button.setToolTip(
            tr("另存一份台账副本：有问题的单元格标红并加批注，首页列出全部问题；原文件不改动")
        )
        self.marked_button.clicked.connect(self.save_marked_copy)
        self.marked_button.setEnabled(False)
        top = QHBoxLayout()
        for widget in (choose, self.file_label):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.check_button)
        top.addWidget(self.import_button)
        top.addWidget(self.marked_button)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([tr("台账的列"), tr("对应登记簿的字段")])
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        explanation = QLabel(tr("每一列对应登记簿的哪个字段（第一次导入时核对，以后同样表头的台账自动沿用）："))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(self.report, 1)
        self._enable(False)

    def _enable(self, enabled: bool) -> None:
        self.check_button.setEnabled(enabled)
        self.import_button.setEnabled(enabled)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, tr("选择台账"), "", tr("台账 (*.xlsx *.csv)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        self._problems([])
        try:
            headers, mapping = ledger_import.preview_mapping(self.session, path)
        except (ValidationError, RuleViolation) as exc:
            self.report.setPlainText(str(exc))
            self._enable(False)
            return False
        self.path = path
        self.file_label.setText(path.name)
        self.mapping.setRowCount(len(headers))
        choices = [
            (tr("（不导入这一列）"), ledger_import.IGNORE),
            *((n, f) for f, n in ledger_import.FIELD_NAMES.items()),
        ]
        for row, header in enumerate(headers):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            for text, code in choices:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns.get(header, ledger_import.IGNORE))))
            self.mapping.setCellWidget(row, 1, combo)
        source = tr("沿用上次的对应") if mapping.source == "remembered" else tr("按表头自动对应，请核对")
        self.report.setPlainText(
            tr("{0}：{1} 列（{2}）。核对后按“检查”或“导入”。").format(path.name, len(headers), source)
        )
        self._enable(True)
        return True

    def overrides(self) -> list[str]:
        return [
            f"{self.mapping.item(row, 0).text()}={self.mapping.cellWidget(row, 1).currentData()}"  # type: ignore[union-attr]
            for row in range(self.mapping.rowCount())
        ]

    def run(self, *, dry_run: bool) -> dict | None:
        if self.path is None:
            return None
        try:
            result = ledger_import.import_ledger(
                self.session, self.path, self.today(), overrides=self.overrides(), dry_run=dry_run
            )
        except (ValidationError, RuleViolation) as exc:
            self.report.setPlainText(str(exc))
            self._problems([])
            return None
        self._problems([e for e in result["errors"] if e.get("row") is not None])
        lines = [tr("共 {0} 行，{1} 行检查通过。").format(result["rows"], result["valid"])]
        if len(result["sheets"]) > 1:  # a workbook kept one sheet per month: every sheet is read
            sheets = "、".join(tr("{0}（{1} 行）").format(s["name"], s["rows"]) for s in result["sheets"])
            lines.append(tr("读取的工作表：{0}").format(sheets))
        if result["errors"]:
            lines.append(tr("以下行有问题，整份台账没有导入（改正后再导入）："))
            lines += [
                tr("  {0}第 {1} 行〔{2}〕：{3}").format(
                    tr("工作表“{0}”").format(e["sheet"]) if e.get("sheet") else "",
                    e["row"],
                    e["column"] or "—",
                    e["message"],
                )
                for e in result["errors"]
            ]
            lines.append(tr("可按“保存标注副本…”另存一份标出这些问题的台账，改正后再导入。"))
        elif dry_run:
            lines.append(tr("检查通过，可以导入。"))
        else:
            lines.append(tr("已导入 {0} 件投诉。").format(result["imported"]))
        self.report.setPlainText("\n".join(lines))
        return result

    def _problems(self, errors: list[dict]) -> None:
        self.errors = errors
        self.marked_button.setEnabled(bool(errors))

    def save_marked_copy(self) -> Path | None:
        if self.path is None or not self.errors:
            return None
        suggested = str(self.path.with_name(f"{self.path.stem}-标注.xlsx"))
        name, _ = QFileDialog.getSaveFileName(self, tr("保存标注副本"), suggested, tr("Excel 工作簿 (*.xlsx)"))
        if not name:
            return None
        out = Path(name) if name.lower().endswith(".xlsx") else Path(f"{name}.xlsx")
        try:
            marked = ledger_marks.save_marked_copy(self.path, self.errors, out)
        except (ValidationError, RuleViolation, OSError) as exc:
            self.report.appendPlainText(tr("标注副本没有保存：{0}").format(exc))
            return None
        self.report.appendPlainText(
            tr("已另存标注副本：{0}（{1} 个单元格标红并加批注，首页“问题清单”列出全部问题）").format(
                marked["file"], marked["cells"]
            )
        )
        return out
