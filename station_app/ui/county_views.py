"""县局 views on the 数据交换 page: which station handed in which month, and likely duplicates across stations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import volumes
from station_app.services.exchange import county
from station_app.services.session import Session
from station_app.ui.i18n import N_, tr

STATUS = {
    "accepted": (N_("已接收"), "#a8dcb5"),
    "received": (N_("已交"), "#d7f0dc"),
    "late": (N_("迟交"), "#fbe7c6"),
    "missing": (N_("缺"), "#f6d0d0"),
    "not_due": (N_("未到期"), "#ffffff"),
}


class CountyViews(QWidget):
    def __init__(self, session: Session, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.today = session, today
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setSuffix(tr(" 年"))
        refresh = QPushButton(tr("刷新"))
        refresh.clicked.connect(self.refresh)
        accept = QPushButton(tr("接收所选月份"))
        accept.clicked.connect(lambda: self.answer(True))
        give_back = QPushButton(tr("退回所选月份…"))
        give_back.clicked.connect(lambda: self.answer(False))
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("各站数据包（次月 5 日前交）：")))
        top.addWidget(self.year)
        top.addWidget(refresh)
        send = QPushButton(tr("导出答复包…"))
        send.setToolTip(tr("把接收、退回的答复（签名，带县级公钥）写到U盘，交回各站导入"))
        send.clicked.connect(lambda: self.export_answers())
        top.addWidget(accept)
        top.addWidget(give_back)
        top.addWidget(send)
        top.addWidget(self.summary, 1)
        self.grid = QTableWidget(0, 13)
        self.grid.setHorizontalHeaderLabels([tr("站点"), *(tr("{0}月").format(m) for m in range(1, 13))])
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().hide()
        self.duplicates = QTableWidget(0, 4)
        self.duplicates.setHorizontalHeaderLabels([tr("投诉"), tr("另一站的投诉"), tr("被投诉经营者"), tr("电话")])
        self.duplicates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.duplicates.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.duplicates.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.grid, 2)
        layout.addWidget(QLabel(tr("不同站点可能重复的投诉（同一电话、同一经营者，30 天内）：")))
        layout.addWidget(self.duplicates, 1)
        self.codes: list[str] = []
        self.year.valueChanged.connect(self.refresh)
        self.refresh()

    def selected(self) -> tuple[str, str] | None:
        """(station code, YYYY-MM) of the current cell, if it is a month cell."""
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        if row < 0 or column < 1 or row >= len(self.codes):
            return None
        return self.codes[row], f"{self.year.value()}-{column:02d}"

    def answer(self, accept: bool, reason: str | None = None) -> bool:
        """Accept or return the selected station's closed month (the answers go back with `answers export`)."""
        from station_app.services.exchange import months

        chosen = self.selected()
        if chosen is None:
            self.summary.setText(tr("先在表中选中一个站点的月份"))
            return False
        if not accept and reason is None:
            reason, ok = QInputDialog.getText(self, tr("退回"), tr("退回原因（站点据此更正）："))
            if not ok:
                return False
        try:
            months.answer(self.session, chosen[0], chosen[1], accept, reason or "")
        except (RuleViolation, ValidationError) as exc:
            self.summary.setText(str(exc))
            return False
        self.refresh()
        return True

    def export_answers(self, folder: str | None = None) -> str:
        from station_app.services.exchange import months

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("答复包保存到哪个文件夹（如U盘）？"))
            if not folder:
                return ""
        try:  # a pulled stick's empty mount folder is refused; the device is checked again as it is written
            target = volumes.choose(Path(folder))
            result = months.export_answers(self.session, target.path, target.device)
        except (RuleViolation, OSError) as exc:
            self.summary.setText(str(exc))
            return ""
        self.summary.setText(tr("已写入答复包（{0} 条）：{1}").format(result["answers"], result["file"]))
        return result["file"]

    def refresh(self) -> None:
        result = county.completeness(self.session, self.year.value(), self.today())
        self.codes = [station["code"] for station in result["stations"]]
        self.grid.setRowCount(len(result["stations"]))
        for row, station in enumerate(result["stations"]):
            self.grid.setItem(row, 0, QTableWidgetItem(f"{station['code']} {station['name']}"))
            for column, month in enumerate(station["months"].values(), start=1):
                word, colour = STATUS[month["status"]]
                text = tr(word) + (f" {month['complaints']}" if month["complaints"] else "")
                item = QTableWidgetItem(text)
                item.setBackground(QColor(colour))
                item.setToolTip(month["package_created_at"] or "")
                self.grid.setItem(row, column, item)
        self.summary.setText(
            "　".join(f"{tr(STATUS[k][0])} {v}" for k, v in result["summary"].items() if k != "not_due")
        )
        pairs = county.duplicates(self.session, self.year.value())
        self.duplicates.setRowCount(len(pairs))
        for row, pair in enumerate(pairs):
            values = [
                f"{pair['first']}（{pair['first_received']}）",
                f"{pair['second']}（{pair['second_received']}）",
                pair["business"],
                pair["phone"],
            ]
            for column, value in enumerate(values):
                self.duplicates.setItem(row, column, QTableWidgetItem(value))
