"""The workbench (工作台): what needs doing today, at a glance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import workflow
from station_app.services import complaint_register, complaint_views, records
from station_app.services.complaint_views import ComplaintFilter
from station_app.services.session import Session
from station_app.ui.i18n import N_, state_label, tr
from station_app.ui.month_chart import MonthChart
from station_app.ui.row_text import due_text

URGENT_ROWS = 60  # the most pressing first; the register shows them all (查看超期案件)
OPEN = workflow.in_order(workflow.OPEN_STATES)
HEADINGS = [N_("编号"), N_("状态"), N_("消费者"), N_("被投诉经营者"), N_("时限")]


class Figure(QFrame):
    def __init__(self, title: str, colour: str = "#1f3b5a"):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("0")
        self.value.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {colour};")
        layout.addWidget(self.value)
        layout.addWidget(QLabel(title))


class Workbench(QWidget):
    new_complaint = Signal()
    show_overdue = Signal()
    open_case = Signal(str)

    def __init__(self, session: Session, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.today = session, today
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold; padding: 4px 0;")
        layout.addWidget(self.heading)
        figures = QGridLayout()
        self.overdue = Figure(tr("已超期"), "#b00020")
        self.overdue.setToolTip(tr("超过期限的未结案投诉，以及终止调解后七个工作日内未告知双方的案件"))
        self.due_soon = Figure(tr("2 个工作日内到期"), "#a15c00")
        self.open_cases = Figure(tr("办理中的投诉"))
        self.this_month = Figure(tr("本月登记"))
        for column, figure in enumerate((self.overdue, self.due_soon, self.open_cases, self.this_month)):
            figures.addWidget(figure, 0, column)
        layout.addLayout(figures)
        buttons = QHBoxLayout()
        new = QPushButton(tr("＋ 登记投诉"))
        new.setMinimumHeight(40)
        new.clicked.connect(self.new_complaint)
        overdue = QPushButton(tr("查看超期案件"))
        overdue.setMinimumHeight(40)
        overdue.clicked.connect(self.show_overdue)
        self.consult_button = consult = QPushButton(tr("＋1 咨询"))
        consult.setMinimumHeight(40)
        consult.setToolTip(tr("来人来电咨询一次，记一笔（事项可不填）"))
        consult.clicked.connect(lambda: self.quick_consultation())  # clicked(bool) would arrive as the topic
        self.consult_note = QLabel()
        buttons.addWidget(new)
        buttons.addWidget(overdue)
        buttons.addWidget(consult)
        buttons.addWidget(self.consult_note)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(tr("最近 12 个月的投诉：")))
        self.chart = MonthChart()
        layout.addWidget(self.chart)
        layout.addWidget(QLabel(tr("需要尽快办理的投诉（已超期或即将到期）：")))
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setHorizontalHeaderLabels([tr(heading) for heading in HEADINGS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((130, 90, 90, 0, 170)):
            if width:
                self.table.horizontalHeader().resizeSection(column, width)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_case.emit(self.table.item(row, 0).text()))
        layout.addWidget(self.table, 1)
        self.refresh()

    def quick_consultation(self, topic: str | None = None) -> str:
        """One consultation today, one person; the topic is optional (a walk-in question at the desk)."""
        if topic is None:
            topic, ok = QInputDialog.getText(self, tr("＋1 咨询"), tr("咨询事项（可不填）："))
            if not ok:
                return ""
        payload = {"date": self.today().isoformat(), "topic": topic.strip() or "现场咨询", "persons": 1}
        number = records.add_records(self.session, "consultation", [payload], self.today())[0]["number"]
        self.consult_note.setText(tr("已记录 {0}").format(number))
        return number

    def refresh(self) -> None:
        today = self.today()
        station = self.session.station()
        self.heading.setText(f"{station['name']}　{today.isoformat()}")
        urgent = complaint_views.list_complaints(
            self.session, ComplaintFilter(), today, due_soon=True, limit=URGENT_ROWS
        )
        overdue = urgent["overdue_total"]
        # Overdue work: open cases past their deadline and terminations not told within 7 working days.
        self.overdue.value.setText(str(overdue + urgent["untold_overdue_total"]))
        self.due_soon.value.setText(str(max(urgent["total"] - overdue, 0)))  # the list holds both kinds
        self.open_cases.value.setText(str(complaint_register.count(self.session, ComplaintFilter(status=OPEN), today)))
        month = ComplaintFilter(month=today.strftime("%Y-%m"))
        self.this_month.value.setText(str(complaint_register.count(self.session, month, today)))
        self.chart.set_months(complaint_views.last_months(self.session, today))
        rows = [
            [
                item["number"],
                state_label(item["status"], item["status_label"]),
                item["consumer_name"],
                item["business_name"],
                due_text(item),
            ]
            for item in urgent["items"]
        ]
        # Terminations whose parties are not yet told: 7 working days from the decision (Order 20 Art. 21 ¶2).
        words = {"overdue": tr("已超期"), "due_soon": tr("即将到期")}
        for notice in urgent["untold_terminations"]:
            when = tr("告知终止 {0} 前").format(notice["due"]) + " " + words.get(notice["due_state"], "")
            rows.append([notice["number"], state_label("terminated"), "", "", when.strip()])
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value or "")))
