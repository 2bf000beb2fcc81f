"""The complaint register as a lazy Qt table model: pages of rows are read as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor

from station_app.services import complaint_register
from station_app.services.complaint_views import ComplaintFilter
from station_app.services.session import Session
from station_app.ui.i18n import N_, state_label, tr
from station_app.ui.row_text import due_text, yuan
from station_app.ui.search_worker import SearchWorker

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

# (heading, sort key, how a row shows it)
COLUMNS: list[tuple[str, str, Callable[[dict[str, Any]], str]]] = [
    (N_("编号"), "number", lambda r: r["number"]),
    (N_("登记日期"), "received_on", lambda r: r["received_on"]),  # the day it came in (登记), not 受理
    (N_("状态"), "status", lambda r: state_label(r["status"], r["status_label"])),
    (N_("消费者"), "consumer_name", lambda r: r["consumer_name"] or ""),
    (N_("被投诉经营者"), "business_name", lambda r: r["business_name"] or ""),
    (N_("商品或服务"), "subject", lambda r: r["subject"] or ""),
    (N_("金额（元）"), "amount_fen", lambda r: yuan(r["amount_fen"])),
    (N_("时限"), "due", due_text),
]


class ComplaintTableModel(QAbstractTableModel):
    """Rows come from ``complaint_register.page`` in pages of ``page_size``; only the count is read up front.

    A new filter or sort (``reload``) is searched in a worker thread on a connection of its own (a county register
    of a million cases may take a second): the window keeps answering, and only the newest request's answer is
    shown. The later pages (``fetchMore``) are read here: one page by key is quick.
    """

    search_started = Signal()
    search_finished = Signal(str)  # "" once the new rows are shown, else why the search failed (rows kept)

    def __init__(
        self,
        session: Session,
        today: Callable[[], date] = date.today,
        page_size: int = PAGE,
        *,
        load: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.today = today
        self.page_size = page_size
        self.filter = ComplaintFilter()
        self.overdue = False
        self.sort_key = "received_on"
        self.descending = True
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.pages_read = 0  # for tests and the status line: how many pages came from the register
        self.loaded = False
        self.generation = 0  # the newest request's number: an answer to an older one is dropped
        self.searching = False  # a request is out and its answer not yet shown
        # In a list, so that the goodbye below can reach the worker without keeping the model alive.
        self._worker: list[SearchWorker | None] = [None]
        self.destroyed.connect(partial(_stop_worker, self._worker))
        if load:
            self.reload()

    # -- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the first page for the current filter and sort again: in the worker, the newest request wins."""
        self.loaded = True
        self.generation += 1
        work = partial(
            complaint_register.first_page,
            flt=self.filter,
            today=self.today(),
            overdue=self.overdue,
            sort=self.sort_key,
            descending=self.descending,
            limit=self.page_size,
        )
        path = self.session.path
        if path is None:  # a register in memory: no second connection can reach it
            self._show(work(self.session))
            self.search_finished.emit("")
            return
        worker = self._worker[0]
        if worker is None:  # one connection for all of the page's searches, opened on the first one
            worker = self._worker[0] = SearchWorker(path, self._arrived)
        self.searching = True
        self.search_started.emit()
        worker.submit(self.generation, work, self.session.actor, self.session.role, self.session.calendar)

    @Slot(int, object, str)
    def _arrived(self, generation: int, result: object, error: str) -> None:
        if generation != self.generation:
            return  # typed over: the answer to a newer request is on its way
        self.searching = False
        if error:
            self.search_finished.emit(error)
            return
        self._show(result)  # type: ignore[arg-type]
        self.search_finished.emit("")

    def _show(self, result: tuple[int, list[dict[str, Any]]]) -> None:
        self.beginResetModel()
        self.total, self.rows = result
        self.pages_read = self.pages_read + 1 if self.rows else self.pages_read
        self.endResetModel()

    def stop_searching(self, wait_seconds: float = 2.0) -> None:
        """Close the worker's connection (the page or window closing); a later search opens it again."""
        worker, self._worker[0] = self._worker[0], None
        if worker is not None:
            worker.stop(wait_seconds)
        if self.searching:
            self.generation += 1  # an answer still on its way is not wanted
            self.searching = False

    def set_filter(self, flt: ComplaintFilter, overdue: bool = False) -> None:
        self.filter, self.overdue = flt, overdue
        self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        # Not while a search runs: the rows shown belong to the filter before, the next page to the new one.
        return not parent.isValid() and not self.searching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = complaint_register.page(
            self.session,
            self.filter,
            self.today(),
            overdue=self.overdue,
            sort=self.sort_key,
            descending=self.descending,
            limit=self.page_size,
            offset=len(self.rows),
        )
        self.pages_read += 1
        if not page:
            self.total = len(self.rows)  # the register shrank meanwhile
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, number: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["number"] == number), -1)

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][2](row)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (4, 5):
            return COLUMNS[index.column()][2](row)
        if role == Qt.ItemDataRole.ForegroundRole and COLUMNS[index.column()][1] == "due":
            if row["due_state"] == "overdue":
                return QBrush(QColor("#b00020"))
            if row["due_state"] == "due_soon":
                return QBrush(QColor("#a15c00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][1] == "amount_fen":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row["number"]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by the register itself (not only the rows read so far), then read again page by page."""
        key = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload()


def _stop_worker(box: list[SearchWorker | None], *_args: object) -> None:
    """The model is being destroyed: end its worker thread without waiting (Python may be shutting down)."""
    worker, box[0] = box[0], None
    if worker is not None:
        worker.stop()
