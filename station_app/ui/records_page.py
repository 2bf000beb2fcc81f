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
from station_app.ui.i18n import N_, entry_label, tr

# field path, label, widget kind (date, line, text, count, combo:<catalog>, check)
FIELDS: dict[str, list[tuple[str, str, str]]] = {
    "consultation": [
        ("date", N_("咨询日期 *"), "date"),
        ("topic", N_("咨询事项 *"), "line"),
        ("persons", N_("人次"), "count"),
        ("channel", N_("渠道"), "combo:channels"),
        ("consumer.name", N_("咨询人"), "line"),
        ("consumer.phone", N_("电话"), "line"),
        ("answer", N_("答复内容"), "text"),
    ],
    "report": [
        ("received_on", N_("举报日期 *"), "date"),
        ("business.name", N_("被举报经营者 *"), "line"),
        ("business.address", N_("地址"), "line"),
        ("facts", N_("违法线索及事实 *"), "text"),
        ("reporter.name", N_("举报人（可匿名，不填）"), "line"),
        ("reporter.phone", N_("举报人电话"), "line"),
        ("to_case", N_("转为案件线索"), "check"),
        ("fine_yuan", N_("罚没款（元）"), "line"),
    ],
    "outreach_event": [
        ("date", N_("活动日期 *"), "date"),
        ("kind", N_("活动类型 *"), "combo:outreach_kinds"),
        ("venue_type", N_("场所类型 *"), "combo:venue_types"),
        ("title", N_("活动主题"), "line"),
        ("place", N_("地点"), "line"),
        ("partners", N_("合作单位"), "line"),
        ("leaflets", N_("发放资料（份）"), "count"),
        ("banners", N_("横幅（条）"), "count"),
        ("boards", N_("展板（块）"), "count"),
        ("onsite_consultations", N_("现场咨询（人次）"), "count"),
        ("audience", N_("受众（人次）"), "count"),
        ("complaints_taken", N_("现场受理投诉（件）"), "count"),
        ("articles", N_("发表文章（篇）"), "count"),
        ("destroyed_kg", N_("销毁商品（千克）"), "line"),
        ("destroyed_value_yuan", N_("销毁货值（元）"), "line"),
    ],
    "warning": [
        ("date", N_("发布日期 *"), "date"),
        ("type", N_("类型"), "combo:warning_types"),
        ("title", N_("标题 *"), "line"),
        ("body", N_("正文 *"), "text"),
        ("basis", N_("依据或来源"), "line"),
        ("channels", N_("发布渠道"), "line"),
    ],
}
COLUMNS = {
    "consultation": [("number", N_("编号")), ("date", N_("日期")), ("topic", N_("咨询事项")), ("persons", N_("人次"))],
    "report": [
        ("number", N_("编号")),
        ("received_on", N_("日期")),
        ("business_name", N_("被举报经营者")),
        ("facts", N_("线索")),
    ],
    "outreach_event": [
        ("number", N_("编号")),
        ("date", N_("日期")),
        ("title", N_("主题")),
        ("leaflets", N_("资料（份）")),
        ("audience", N_("受众（人次）")),
    ],
    "warning": [("number", N_("编号")), ("date", N_("日期")), ("title", N_("标题"))],
}


class RecordDialog(QDialog):
    def __init__(self, session: Session, kind: str, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.kind, self.today = session, kind, today
        self.setWindowTitle(tr("登记{0}").format(tr(records.KIND_LABELS[kind])))
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for path, label, widget_kind in FIELDS[kind]:
            widget = self._widget(widget_kind)
            if path == "persons":  # a consultation has at least one person
                widget.setMinimum(1)  # type: ignore[attr-defined]
            self.widgets[path], self.errors[path] = widget, add_checked_row(form, tr(label), widget)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        buttons = ok_cancel_row(tr("保存"), self.save, self.reject)
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
                combo.addItem(entry_label(entry), entry.code)
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
        label = tr(records.KIND_LABELS[kind])
        self.add_button = QPushButton(tr("＋ 登记{0}").format(label))
        self.add_button.clicked.connect(self.add)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.add_button)
        self.table = QTableWidget(0, len(COLUMNS[kind]))
        self.table.setHorizontalHeaderLabels([tr(title) for _, title in COLUMNS[kind]])
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
        self.count_label.setText(tr("共 {0} 条（显示最近 {1} 条）").format(listing["total"], len(listing["items"])))
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
