"""The main window: navigation on the left, the pages on the right, station and user in the status bar; and
``create_main_window``, which opens it on a register (fonts, language, its own connection, the user's log-in,
the idle lock): the entry point for the app's start, tests and embedders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station_app import __version__
from station_app.services import station as station_service
from station_app.services import users
from station_app.services.session import SETUP_ACTOR, Session
from station_app.ui.fonts import register_fonts
from station_app.ui.i18n import N_, install_language, tr
from station_app.ui.idle_lock import DEFAULT_MINUTES, IdleLock
from station_app.ui.workbench import Workbench

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from station_app.ui.complaint_form import ComplaintForm
    from station_app.ui.register_page import RegisterPage


# Each page by its code (what the code and the tests use) and its caption (only shown, translated).
PAGES = (
    ("workbench", N_("工作台")),
    ("complaints", N_("投诉")),
    ("consultations", N_("咨询")),
    ("reports", N_("举报")),
    ("outreach", N_("宣传活动")),
    ("warnings", N_("消费警示")),
    ("stats", N_("统计")),
    ("exchange", N_("数据交换")),
    ("settings", N_("设置")),
)
PAGE_CODES = tuple(code for code, _ in PAGES)
RECORD_PAGES = {
    "consultations": "consultation",
    "reports": "report",
    "outreach": "outreach_event",
    "warnings": "warning",
}
DRAFT_FILE = "complaint_form.json"


class StationMainWindow(QMainWindow):
    def __init__(self, session: Session, db_path: Path, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.db_path, self.today = session, db_path, today
        station = session.station()
        self.setWindowTitle(tr("{0} · 消费维权服务站登记簿 {1}").format(station["name"], __version__))
        self.resize(1366, 768)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        self.nav = QListWidget()
        captions = [tr(caption) for _, caption in PAGES]
        self.nav.addItems(captions)
        # Wide enough for the longest entry in the language shown (English names are longer).
        metrics = self.nav.fontMetrics()
        self.nav.setFixedWidth(max(112, max(metrics.horizontalAdvance(c) for c in captions) * 15 // 11 + 28))
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 8px 6px; }")
        self.pages = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.workbench = Workbench(session, today)
        self._register: RegisterPage | None = None  # made when first shown (its table, filters, models)
        self.draft_path = db_path.parent / "drafts" / DRAFT_FILE
        self._form: ComplaintForm | None = None  # made when first opened, or at once if a draft waits
        self.complaints = QStackedWidget()  # the register, or the form in front of it
        register_holder = QWidget()
        QVBoxLayout(register_holder).setContentsMargins(0, 0, 0, 0)
        self.complaints.addWidget(register_holder)
        self.pages.addWidget(self.workbench)
        self.pages.addWidget(self.complaints)
        # The other pages are made the first time they are shown: the workbench paints sooner, and
        # what they import (spreadsheets, PDF, cryptography) is not loaded by someone who only registers.
        self.built: dict[str, QWidget] = {}
        for _code in PAGE_CODES[2:]:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.addWidget(holder)
        self.nav.currentRowChanged.connect(self.show_page)

        self.workbench.new_complaint.connect(self.open_form)
        self.workbench.show_overdue.connect(self.show_overdue)
        self.workbench.open_case.connect(self.show_case)

        user = session.actor if session.actor != SETUP_ACTOR else tr("（未设置用户，任何人可用）")
        self.station_label = QLabel(tr("站点：{0}（{1}）").format(station["name"], station["code"]))
        self.user_label = QLabel(tr("用户：{0}").format(user))
        self.statusBar().addWidget(self.station_label)
        self.index_label = QLabel()
        self.statusBar().addPermanentWidget(self.index_label)
        self.statusBar().addPermanentWidget(self.user_label)
        from station_app.ui.search_index_status import SearchIndexStatus

        self.search_index = SearchIndexStatus(session, self.index_label, self)
        QTimer.singleShot(START_INDEX_AFTER_MS, self.search_index.start)  # after the first paint
        self.show_code("workbench")
        if self.draft_path.exists() and self.form.ui.draft_note.text():  # a draft survived a crash: show it
            self.open_form()

    # -- pages ------------------------------------------------------------------------------
    @property
    def register(self) -> RegisterPage:
        """The complaints register, made the first time it is needed (the workbench paints without it)."""
        if self._register is None:
            from station_app.ui.register_page import RegisterPage

            self._register = RegisterPage(self.session, self.today)
            self.complaints.widget(0).layout().addWidget(self._register)
            self._register.new_complaint.connect(self.open_form)
            self._register.changed.connect(self.workbench.refresh)
        return self._register

    @property
    def form(self) -> ComplaintForm:
        """The complaint form, made the first time it is needed (the window opens without it)."""
        if self._form is None:
            from PySide6.QtWidgets import QScrollArea

            from station_app.ui.complaint_form import ComplaintForm

            self._form = ComplaintForm(self.session, self.draft_path, self.today)
            scroll = QScrollArea()
            scroll.setWidget(self._form)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.complaints.addWidget(scroll)
            self._form.saved.connect(self.complaint_saved)
            self._form.closed.connect(self.show_register)
        return self._form

    def _make_page(self, code: str) -> QWidget:
        session, path, today = self.session, self.db_path, self.today
        if code == "stats":
            from station_app.ui.stats_page import StatsPage

            return StatsPage(session, path, today)
        if code == "exchange":
            from station_app.ui.exchange_page import ExchangePage

            page = ExchangePage(session, path, today)
            page.imported.connect(self.search_index.start)  # pending indexes, then the county's words, catch up
            return page
        if code == "settings":
            from station_app.ui.settings_page import SettingsPage

            return SettingsPage(session, path)
        from station_app.ui.records_page import RecordsPage

        return RecordsPage(session, RECORD_PAGES[code], today)

    def page(self, code: str) -> QWidget:
        """The page with that code (PAGES), made on first use."""
        index = PAGE_CODES.index(code)
        if code == "complaints":
            self.register  # noqa: B018  # made on first use
        if index < 2:
            return self.pages.widget(index)
        if code not in self.built:
            self.built[code] = self._make_page(code)
            self.pages.widget(index).layout().addWidget(self.built[code])
        return self.built[code]

    def show_code(self, code: str) -> None:
        """Show the page with that code, as a click on its navigation entry does."""
        self.nav.setCurrentRow(PAGE_CODES.index(code))

    @Slot(int)
    def show_page(self, index: int) -> None:
        if index >= 0:
            self.page(PAGE_CODES[index])
        self.pages.setCurrentIndex(index)

    @property
    def stats(self) -> QWidget:
        return self.page("stats")

    @property
    def exchange(self) -> QWidget:
        return self.page("exchange")

    @property
    def settings(self) -> QWidget:
        return self.page("settings")

    # -- navigation -------------------------------------------------------------------------
    @Slot()
    def open_form(self) -> None:
        form = self.form  # made on first use
        self.show_code("complaints")
        self.complaints.setCurrentIndex(1)
        form.ui.consumer_name.setFocus()

    @Slot()
    def show_register(self) -> None:
        self.show_code("complaints")
        self.complaints.setCurrentIndex(0)

    @Slot()
    def show_overdue(self) -> None:
        self.show_register()
        self.register.ui.overdue_filter.setChecked(True)

    @Slot(str)
    def show_case(self, number: str) -> None:
        self.show_register()
        self.register.show_number(number)  # selected when the search has answered

    @Slot(str, list)
    def complaint_saved(self, number: str, duplicates: list) -> None:
        self.register.refresh(select=number)
        self.workbench.refresh()
        note = tr("已登记 {0}").format(number) + (
            tr("（可能与 {0} 重复，请核对）").format("、".join(duplicates)) if duplicates else ""
        )
        self.statusBar().showMessage(note, 15_000)
        if not duplicates:
            self.show_register()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.search_index.stop()
        if self._form is not None:
            self._form.flush_draft()
        lock = getattr(self, "idle_lock", None)
        if lock is not None:
            lock.stop()
        if self._register is not None:
            self._register.model.stop_searching()  # its worker's connection to the register
        super().closeEvent(event)


FONT_SIZE = 11
START_INDEX_AFTER_MS = 1_500


def create_main_window(
    db_path: str | Path,
    credentials: tuple[str, str] | None = None,
    *,
    today: Callable[[], date] = date.today,
) -> StationMainWindow:
    """The ready main window on an initialised register (a QApplication must exist).

    The window owns its register connection (GUI thread only); ``credentials`` log a user in when the
    register has users. The bundled CJK font is registered so Chinese renders on any PC.
    """
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create_main_window needs a QApplication")
    family = register_fonts()
    path = Path(db_path)
    session = Session.open(path)
    try:
        if credentials:
            users.log_in(session, *credentials)
        install_language(station_service.language(session))  # before any window text is made
        settings = station_service.station_settings(session)
        size = int(settings.get("font_size") or FONT_SIZE)  # old eyes on an old screen: a setting
        if family and isinstance(app, QApplication) and (app.font().family(), app.font().pointSize()) != (family, size):
            app.setFont(QFont(family, size))
        window = StationMainWindow(session, path, today)
        minutes = settings.get("idle_lock_minutes") or DEFAULT_MINUTES
        window.idle_lock = IdleLock(window, session, int(minutes))  # type: ignore[attr-defined]
        return window
    except Exception:
        session.close()
        raise
