"""The complaint register page (forms/register_page.ui): lazy table, filters, search and workflow actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QWidget,
)

from station_app.domain import workflow
from station_app.domain.errors import NotFound, RuleViolation, ValidationError
from station_app.services import complaint_register, complaint_views, printing
from station_app.services.complaint_views import ComplaintFilter
from station_app.services.session import Session
from station_app.ui.build_forms import load_form
from station_app.ui.complaint_model import ComplaintTableModel
from station_app.ui.i18n import N_, entry_label, tr
from station_app.ui.sort_arrows import point_arrows_as_read
from station_app.ui.workflow_dialog import StepDialog

SEARCH_DELAY_MS = 250
STATUS_FILTERS = [
    (N_("全部"), []),
    (N_("未结案"), workflow.in_order(workflow.OPEN_STATES)),
    (N_("已登记（待受理）"), [workflow.REGISTERED]),
    (N_("已受理"), [workflow.ACCEPTED]),
    (N_("调解中"), [workflow.MEDIATING]),
    (N_("已结案"), workflow.in_order(workflow.CLOSED_STATES)),
]
COLUMN_WIDTHS = (120, 95, 100, 80, 220, 200, 110, 185)  # the time limit fits "2027-01-22 (estimated)"


class RegisterPage(QWidget):
    new_complaint = Signal()
    changed = Signal()  # a case moved on: other pages may refresh

    def __init__(self, session: Session, today: Callable[[], date] = date.today):
        super().__init__()
        self.ui = load_form("register_page").Ui_RegisterPage()
        self.ui.setupUi(self)
        self.session, self.today = session, today
        self.dialog: StepDialog | None = None
        # Read when the page is first shown: the window opens on the workbench, not on the register.
        self.model = ComplaintTableModel(session, today, load=False, parent=self)
        # A search runs in a worker (ui/search_worker.py). The rows found before stay in the table meanwhile, the
        # count line saying 正在查找…: a table emptied on every pause in typing would flash and read as "nothing
        # found", and most searches answer before the eye notices; the new rows replace the old ones at once.
        self.model.search_started.connect(self.update_count)
        self.model.search_finished.connect(self.searched)
        self.search_error = ""
        self.select_when_found = ""  # a case to select once the search under way has answered
        table = self.ui.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        point_arrows_as_read(header)  # newest first: the arrow points down
        table.selectionModel().selectionChanged.connect(self.update_actions)
        table.doubleClicked.connect(lambda _index: self.open_case())
        for label, statuses in STATUS_FILTERS:
            self.ui.status_filter.addItem(tr(label), statuses)
        self.ui.month_filter.addItem(tr("全部月份"), "")
        day = today()
        for back in range(24):
            year, month = divmod(day.year * 12 + day.month - 1 - back, 12)
            self.ui.month_filter.addItem(tr("{0}年{1}月").format(year, month + 1), f"{year:04d}-{month + 1:02d}")
        self.fill_catalog_filters()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.ui.search.textChanged.connect(self.search_timer.start)
        self.ui.search.returnPressed.connect(self.apply_filter)
        self.ui.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.ui.month_filter.currentIndexChanged.connect(self.apply_filter)
        self.ui.category_filter.currentIndexChanged.connect(self.apply_filter)
        self.ui.nature_filter.currentIndexChanged.connect(self.apply_filter)
        self.ui.overdue_filter.toggled.connect(self.apply_filter)
        self.ui.new_button.clicked.connect(self.new_complaint)
        self.actions = {
            workflow.ACCEPTED: self.ui.accept_button,
            workflow.NOT_ACCEPTED: self.ui.not_accept_button,
            workflow.MEDIATING: self.ui.mediate_button,
            workflow.SETTLED: self.ui.settle_button,
            workflow.TERMINATED: self.ui.terminate_button,
            workflow.TRANSFERRED: self.ui.transfer_button,
        }
        for target, button in self.actions.items():
            button.clicked.connect(lambda _=False, t=target: self.start_step(t))
        self.print_menu = QMenu(self)
        for action, (label, _) in printing.CASE_DOCUMENTS.items():
            self.print_menu.addAction(label, lambda a=action: self.preview(a))
        self.print_menu.addSeparator()
        self.print_menu.addAction(tr("本月全部投诉登记回执（批量生成）…"), self.batch_receipts)
        self.ui.print_button.setMenu(self.print_menu)
        self.batch: object | None = None
        self.update_count()
        self.update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.model.loaded:
            self.apply_filter()

    # -- filters ----------------------------------------------------------------------------
    def fill_catalog_filters(self) -> None:
        """Category: the three top groups, each followed by its classes (indented); nature: the catalog's."""
        catalogs = self.session.catalogs
        self.ui.filter_row.setStretchFactor(self.ui.search, 1)  # spare width goes to the search box
        # The count line gives way to the buttons on a narrow screen rather than widen the window.
        self.ui.count_label.setMinimumWidth(1)
        self.ui.count_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.ui.action_row.removeItem(self.ui.action_spacer)  # the label itself takes the spare width
        for combo in (self.ui.status_filter, self.ui.month_filter, self.ui.category_filter, self.ui.nature_filter):
            # Long class names would push the search box off a 1366-pixel screen; the list still opens wide.
            combo.setSizeAdjustPolicy(combo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        categories = catalogs.entries("categories")
        self.ui.category_filter.addItem(tr("全部类别"), "")
        for top in (entry for entry in categories if entry.parent is None):
            self.ui.category_filter.addItem(entry_label(top), top.code)
            for klass in (entry for entry in categories if entry.parent == top.code):
                self.ui.category_filter.addItem("　" + entry_label(klass), klass.code)
        self.ui.nature_filter.addItem(tr("全部性质"), "")
        for nature in catalogs.entries("natures"):
            self.ui.nature_filter.addItem(entry_label(nature), nature.code)

    def current_filter(self) -> ComplaintFilter:
        return ComplaintFilter(
            status=list(self.ui.status_filter.currentData() or []),
            search=self.ui.search.text().strip(),
            month=self.ui.month_filter.currentData() or "",
            category=self.ui.category_filter.currentData() or "",
            nature=self.ui.nature_filter.currentData() or "",
        )

    @Slot()
    def apply_filter(self) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter(), overdue=self.ui.overdue_filter.isChecked())
        self.update_count()
        self.update_actions()

    @Slot(str)
    def searched(self, error: str) -> None:
        self.search_error = error
        number, self.select_when_found = self.select_when_found, ""
        if number and not error:
            self.select_number(number)
        self.update_actions()  # the count line too

    def update_count(self) -> None:
        if self.model.searching:
            self.ui.count_label.setText(tr("正在查找…"))
            return
        if self.search_error:
            self.ui.count_label.setText(tr("查找没有完成：{0}").format(self.search_error))
            return
        shown, total = self.model.rowCount(), self.model.total
        more = tr("（已显示 {0} 件，向下滚动显示更多）").format(shown) if shown < total else ""
        self.ui.count_label.setText(tr("共 {0} 件{1}").format(total, more))

    def refresh(self, select: str = "") -> None:
        """Read the register again (a case saved or moved on); ``select`` that case once the rows are in."""
        self.select_when_found = select
        self.model.reload()
        self.update_count()
        self.update_actions()

    def show_number(self, number: str) -> None:
        """Search for one case by its number and select it when found (the workbench's and the form's links)."""
        self.ui.search.setText(number)
        self.select_when_found = number
        self.apply_filter()

    def closeEvent(self, event) -> None:
        self.model.stop_searching()  # the worker's connection; a later search opens it again
        super().closeEvent(event)

    def select_number(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.ui.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.ui.table.scrollTo(index)
        return True

    def selected_number(self) -> str:
        rows = self.ui.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row["number"] if row else ""

    @Slot()
    def update_actions(self) -> None:
        rows = self.ui.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        allowed = complaint_register.allowed_steps(row["status"]) if row else []
        for target, button in self.actions.items():
            button.setEnabled(target in allowed)
            button.setToolTip("" if row else tr("先在上面选中一件投诉"))
        self.update_count()

    def open_case(self):
        """The case page of the selected complaint: history, deadlines, clock actions, follow-up."""
        number = self.selected_number()
        if not number:
            return None
        from station_app.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self.session, number, self.today, self)
        dialog.finished.connect(lambda _result: self.refresh(select=number))
        dialog.open()
        return dialog

    # -- printing ---------------------------------------------------------------------------
    def preview(self, action: str):
        """Preview the selected case's document; a document that does not fit the case says why."""
        number = self.selected_number()
        if not number:
            QMessageBox.information(self, tr("打印"), tr("请先在登记簿中选中一件投诉"))
            return None
        from station_app.ui.print_preview import preview_case_document

        try:
            dialog = preview_case_document(self.session, action, number, self.today(), self)
        except (RuleViolation, ValidationError) as exc:
            QMessageBox.warning(self, tr("打印"), str(exc))
            return None
        dialog.show()
        return dialog

    def batch_receipts(self) -> None:
        from station_app.ui.print_preview import print_month_receipts

        folder = QFileDialog.getExistingDirectory(self, tr("回执保存到哪个文件夹？"))
        if folder and self.session.path is not None:
            month = self.ui.month_filter.currentData() or self.today().strftime("%Y-%m")
            self.batch = print_month_receipts(self.session, self.session.path, month, Path(folder), self.today(), self)

    # -- workflow ---------------------------------------------------------------------------
    def start_step(self, target: str) -> StepDialog | None:
        number = self.selected_number()
        if not number:
            self.warn(tr("请先在登记簿中选中一件投诉。"))
            return None
        try:
            case = complaint_views.show(self.session, number, self.today())
            complaint_register.check_step(case["status"], target)
        except (RuleViolation, NotFound) as exc:
            self.warn(str(exc))
            return None
        self.dialog = StepDialog(self.session, case, target, self.today, self)
        self.dialog.done_step.connect(self.step_done)
        self.dialog.open()  # window-modal, returns at once
        return self.dialog

    @Slot(str)
    def step_done(self, number: str) -> None:
        self.refresh(select=number)
        self.changed.emit()

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, tr("不能办理"), text)
