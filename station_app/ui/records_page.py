"""咨询, 举报, 宣传活动, 消费警示: one page each, a register and a form built from a field list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import records
from station_app.services.session import Session
from station_app.ui.field_rows import ERROR_STYLE, add_checked_row, ok_cancel_row

# field path, label, widget kind (date, line, text, count, combo:<catalog>, check)
FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "consultation": [
        ("date", "咨询日期 *", "date"),
        ("topic", "咨询事项 *", "line"),
        ("persons", "人次", "count"),
        ("channel", "渠道", "combo:channels"),
        ("consumer.name", "咨询人", "line"),
        ("consumer.phone", "电话", "line"),
        ("answer", "答复内容", "text"),
    ],
    "report": [
        ("received_on", "举报日期 *", "date"),
        ("business.name", "被举报经营者 *", "line"),
        ("business.address", "地址", "line"),
        ("facts", "违法线索及事实 *", "text"),
        ("reporter.name", "举报人（可匿名，不填）", "line"),
        ("reporter.phone", "举报人电话", "line"),
        ("to_case", "转为案件线索", "check"),
        ("fine_yuan", "罚没款（元）", "line"),
    ],
    "outreach_event": [
        ("date", "活动日期 *", "date"),
        ("kind", "活动类型 *", "combo:outreach_kinds"),
        ("venue_type", "场所类型 *", "combo:venue_types"),
        ("title", "活动主题", "line"),
        ("place", "地点", "line"),
        ("partners", "合作单位", "line"),
        ("leaflets", "发放资料（份）", "count"),
        ("banners", "横幅（条）", "count"),
        ("boards", "展板（块）", "count"),
        ("onsite_consultations", "现场咨询（人次）", "count"),
        ("audience", "受众（人次）", "count"),
        ("complaints_taken", "现场受理投诉（件）", "count"),
        ("articles", "发表文章（篇）", "count"),
        ("destroyed_kg", "销毁商品（千克）", "line"),
        ("destroyed_value_yuan", "销毁货值（元）", "line"),
    ],
    "warning": [
        ("date", "发布日期 *", "date"),
        ("type", "类型", "combo:warning_types"),
        ("title", "标题 *", "line"),
        ("body", "正文 *", "text"),
        ("basis", "依据或来源", "line"),
        ("channels", "发布渠道", "line"),
    ],
}
COLUMNS = {
    "consultation": [("number", "编号"), ("date", "日期"), ("topic", "咨询事项"), ("persons", "人次")],
    "report": [("number", "编号"), ("received_on", "日期"), ("business_name", "被举报经营者"), ("facts", "线索")],
    "outreach_event": [
        ("number", "编号"),
        ("date", "日期"),
        ("title", "主题"),
        ("leaflets", "资料（份）"),
        ("audience", "受众（人次）"),
    ],
    "warning": [("number", "编号"), ("date", "日期"), ("title", "标题")],
}


class RecordDialog(QDialog):
    def __init__(self, session: Session, kind: str, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.kind, self.today = session, kind, today
        self.setWindowTitle(f"登记{records.KIND_LABELS[kind]}")
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for path, label, widget_kind in FIELDS[kind]:
            widget = self._widget(widget_kind)
            if path == "persons":  # a consultation has at least one person
                widget.setMinimum(1)  # type: ignore[attr-defined]
            self.widgets[path], self.errors[path] = widget, add_checked_row(form, label, widget)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        buttons = ok_cancel_row("保存", self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addLayout(buttons)
        self.saved_number = ""

    def _widget(self, widget_kind: str) -> QWidget:
        if widget_kind == "date":
            edit = QDateEdit(QDate(self.today()))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        if widget_kind == "text":
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(80)
            return text
        if widget_kind == "count":
            spin = QSpinBox()
            spin.setRange(0, 10_000_000)
            return spin
        if widget_kind == "check":
            return QCheckBox()
        if widget_kind.startswith("combo:"):
            combo = QComboBox()
            for entry in self.session.catalogs.entries(widget_kind.split(":", 1)[1]):
                combo.addItem(entry.label, entry.code)
            return combo
        return QLineEdit()

    def payload(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for path, widget in self.widgets.items():
            if isinstance(widget, QDateEdit):
                value: Any = widget.date().toString("yyyy-MM-dd")
            elif isinstance(widget, QPlainTextEdit):
                value = widget.toPlainText()
            elif isinstance(widget, QSpinBox):
                value = widget.value()
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            else:
                value = widget.text()  # type: ignore[attr-defined]
            head, _, tail = path.partition(".")
            if tail:
                data.setdefault(head, {})[tail] = value
            else:
                data[head] = value
        return data

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general.clear()
        try:
            result = records.add_records(self.session, self.kind, [self.payload()], self.today())[0]
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field)
                if label is None:
                    self.general.setText(str(problem))
                else:
                    label.setText(problem.message)
                    label.show()
            return
        except RuleViolation as exc:
            self.general.setText(str(exc))
            return
        self.saved_number = result["number"]
        self.accept()


class RecordsPage(QWidget):
    def __init__(self, session: Session, kind: str, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.kind, self.today = session, kind, today
        label = records.KIND_LABELS[kind]
        self.add_button = QPushButton(f"＋ 登记{label}")
        self.add_button.clicked.connect(self.add)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.add_button)
        self.table = QTableWidget(0, len(COLUMNS[kind]))
        self.table.setHorizontalHeaderLabels([title for _, title in COLUMNS[kind]])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.loaded = False  # filled when first shown: four registers need not be read at start-up

    def showEvent(self, event) -> None:
        if not self.loaded:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.loaded = True
        listing = records.list_records(self.session, self.kind, limit=500)
        self.count_label.setText(f"共 {listing['total']} 条（显示最近 {len(listing['items'])} 条）")
        self.table.setRowCount(len(listing["items"]))
        for r, item in enumerate(listing["items"]):
            for c, (key, _) in enumerate(COLUMNS[self.kind]):
                cell = QTableWidgetItem(str(item.get(key, ""))[:80])
                if isinstance(item.get(key), int):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        for column in range(self.table.columnCount()):
            if column != 2:  # the stretched text column takes the rest
                self.table.resizeColumnToContents(column)

    def add(self) -> RecordDialog:
        dialog = RecordDialog(self.session, self.kind, self.today, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
