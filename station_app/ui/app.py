"""The desktop app's start: fonts, integrity check, log-in, then the main window (station_app.app).

On first run, with no register yet, the first window (MainWindow) offers the demo register so a newcomer
can look around.
Database work runs in a worker thread with its own connection; the worker never touches a widget.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app import __version__
from station_app.domain.errors import RuleViolation
from station_app.paths import default_db_path
from station_app.services import complaint_views, users
from station_app.services.session import Session
from station_app.store import records as store
from station_app.store.complaints import ComplaintFilter
from station_app.ui.fonts import register_fonts
from station_app.ui.i18n import tr

DEMO_SIZE = 300


class DemoWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(str)  # empty on success, else the error message

    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = db_path

    @Slot()
    def run(self) -> None:
        from station_app.services import demo  # imported where used

        try:
            session = Session.open(self.db_path)  # a connection of this thread's own
            try:
                demo.build_demo(
                    session,
                    DEMO_SIZE,
                    date.today(),
                    progress=lambda kind, done, total: self.progress.emit(done, total),
                )
            finally:
                session.close()
            self.finished.emit("")
        except Exception as exc:
            self.finished.emit(str(exc))


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, credentials: tuple[str, str] | None = None):
        super().__init__()
        self.credentials = credentials
        self.db_path = db_path
        self.setWindowTitle(tr("消费维权服务站登记簿 {0}").format(__version__))
        self.resize(1280, 720)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold; padding: 8px;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.demo_button = QPushButton(tr("加载演示登记簿（试用，可随时删除数据文件重来）"))
        self.demo_button.setMinimumHeight(44)
        self.demo_button.clicked.connect(self.load_demo)
        self.setup_button = QPushButton(tr("设置本站，开始正式使用…"))
        self.setup_button.setMinimumHeight(44)
        self.setup_button.clicked.connect(self.set_up)
        self.next_window: QMainWindow | None = None
        self.progress = QProgressBar()
        self.progress.hide()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [tr("编号"), tr("受理日期"), tr("状态"), tr("消费者"), tr("被投诉经营者"), tr("商品或服务"), tr("时限")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        for widget in (self.heading, self.hint, self.setup_button, self.demo_button, self.progress, self.table):
            layout.addWidget(widget)
        self.setCentralWidget(central)
        self.thread: QThread | None = None
        self.refresh()

    def open_session(self) -> Session:
        session = Session.open(self.db_path)
        if self.credentials:
            users.log_in(session, *self.credentials)
        return session

    def refresh(self) -> None:
        session = self.open_session()
        try:
            station = store.local_station(session.db)
            if station is None:
                self.heading.setText(tr("欢迎使用消费维权服务站登记簿"))
                self.hint.setText(
                    tr(
                        "还没有本站的登记簿。可以先加载一个演示登记簿四处看看；正式使用时，按“设置本站”填写站点信息和站长的用户名、密码。"
                    )
                )
                self.demo_button.show()
                self.setup_button.show()
                self.table.setRowCount(0)
                self.statusBar().showMessage(tr("数据文件：{0}").format(self.db_path))
                return
            listing = complaint_views.list_complaints(session, ComplaintFilter(), date.today(), limit=200)
        finally:
            session.close()
        self.heading.setText(f"{station['name']}（{station['code']}）")
        self.hint.setText(
            tr("投诉登记簿：共 {0} 件，下面是最近的 {1} 件。").format(listing["total"], len(listing["items"]))
        )
        self.demo_button.hide()
        self.setup_button.hide()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(listing["items"]))
        words = {"overdue": tr("已超期"), "due_soon": tr("临期"), "paused": tr("暂停计时")}
        for row, item in enumerate(listing["items"]):
            values = [
                item["number"],
                item["received_on"],
                item["status_label"],
                item["consumer_name"],
                item["business_name"],
                item["subject"],
                words.get(item["due_state"], ""),
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.setSortingEnabled(True)
        self.statusBar().showMessage(tr("站点：{0}    数据文件：{1}").format(station["name"], self.db_path))

    def load_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.progress.show()
        self.thread = QThread(self)
        self.worker = DemoWorker(self.db_path)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Bound slots of this window: Qt queues them to the GUI thread. A lambda would run in the
        # worker's thread and touch widgets from there.
        self.worker.progress.connect(self.show_progress)
        self.worker.finished.connect(self.demo_loaded)
        self.worker.finished.connect(self.thread.quit)
        self.thread.start()

    def closeEvent(self, event) -> None:
        if self.thread is not None and self.thread.isRunning():
            self.thread.quit()
            self.thread.wait(30_000)  # the demo is written in chunks; let the current one commit
        super().closeEvent(event)

    def set_up(self) -> None:
        from station_app.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(self.db_path, parent=self)
        if dialog.exec() == SetupDialog.DialogCode.Accepted:
            self.open_full_window(dialog.credentials)

    def open_full_window(self, credentials: tuple[str, str] | None) -> None:
        """Leave the first-run window for the main window on the register just set up."""
        from station_app.app import create_main_window

        self.next_window = create_main_window(self.db_path, credentials)
        self.next_window.show()
        self.close()

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    @Slot(str)
    def demo_loaded(self, error: str) -> None:
        self.progress.hide()
        self.demo_button.setEnabled(True)
        if self.thread is not None:
            # The worker's last act was to emit this signal: end its thread now, so that no window is
            # ever destroyed while the thread still runs (Qt aborts the process if it is).
            self.thread.quit()
            self.thread.wait()
        if error:
            QMessageBox.warning(self, tr("演示登记簿"), tr("生成演示登记簿失败：{0}").format(error))
        self.refresh()


def check_register_at_start(path: Path) -> bool:
    """A quick integrity check; on failure offer the newest good backup instead of crashing."""
    from station_app.services import backup  # imported where used

    if not path.exists():
        return True
    try:
        backup.check(path, quick=True)
        return True
    except RuleViolation as exc:
        candidate = backup.newest_good_backup(path)
        if candidate is None:
            QMessageBox.critical(
                None,
                tr("登记簿已损坏"),
                tr("登记簿文件无法使用：{0}\n没有找到完好的备份。请联系县级技术人员。").format(exc),
            )
            return False
        answer = QMessageBox.question(
            None,
            tr("登记簿已损坏"),
            tr("登记簿文件无法使用：{0}\n\n是否用最近的完好备份恢复？\n{1}\n（损坏的文件会另存，不会删除）").format(
                exc, candidate.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        backup.restore(path, candidate)
        return True


def tell_about_upgrade(path: Path) -> str:
    """Opening a register made by an older release migrates it (after a backup copy): say so."""
    if not path.exists():
        return ""
    session = Session.open(path)
    try:
        note = getattr(session.db, "upgrade_note", "")
    finally:
        session.close()
    if note:
        QMessageBox.information(None, tr("登记簿已升级"), note)
    return note


def ask_credentials(path: Path) -> tuple[str, str] | None:
    """Log in when the register has users (the full log-in window comes with the desktop issue)."""
    session = Session.open(path)
    try:
        if not users.has_users(session):
            return None
        for _ in range(3):
            name, ok = QInputDialog.getText(None, tr("登录"), tr("用户名："))
            if not ok:
                raise SystemExit(0)
            password, ok = QInputDialog.getText(None, tr("登录"), tr("密码："), QLineEdit.EchoMode.Password)
            if not ok:
                raise SystemExit(0)
            try:
                users.log_in(session, name, password)
                return name, password
            except RuleViolation as exc:
                QMessageBox.warning(None, tr("登录"), str(exc))
        raise SystemExit(1)
    finally:
        session.close()


def run_app(db_path: str | None = None, argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    family = register_fonts()
    if family:
        app.setFont(QFont(family, 11))
    path = Path(db_path) if db_path else default_db_path()
    if not check_register_at_start(path):
        return 4
    tell_about_upgrade(path)
    credentials = ask_credentials(path)
    automatic_backup(path, credentials, daily=True)
    app.aboutToQuit.connect(lambda: automatic_backup(path, credentials, daily=False))
    window = open_main_window(path, credentials)
    window.show()
    if os.environ.get("STATION_APP_SMOKE_TEST"):
        # Release check: the window opened and painted from the bundle; say so and leave.
        table = window.table if isinstance(window, MainWindow) else window.register.ui.table  # type: ignore[attr-defined]
        first = "" if isinstance(window, MainWindow) else window.nav.item(0).text()  # type: ignore[attr-defined]
        QTimer.singleShot(
            300,
            lambda: (
                print(f"window shown: {window.windowTitle()} ({table.model().rowCount()} rows) [{first}]"),
                app.quit(),
            ),
        )
    return app.exec()


def automatic_backup(path: Path, credentials: tuple[str, str] | None, *, daily: bool) -> None:
    """The daily backup at start and the one on exit: a failure is shown in the log, never blocks work."""
    from station_app.services import backup, privacy  # imported where used

    if not path.exists():
        return
    session = Session.open(path)
    try:
        if store.local_station(session.db) is None:
            return
        if credentials:
            users.log_in(session, *credentials)
        if daily:
            backup.daily_backup_if_due(session, path, date.today())
            if privacy.retention_years(session) and session.role == "head":
                privacy.anonymise_closed(session, date.today())  # the retention setting, applied daily
        else:
            backup.backup_now(session, path)
    except Exception as exc:  # a full disk or a pulled stick must not stop the station's work
        sys.stderr.write(tr("自动备份失败：{0}\n").format(exc))
    finally:
        session.close()


def open_main_window(path: Path, credentials: tuple[str, str] | None) -> QMainWindow:
    """The full main window on an initialised register; on first run the window offering the demo."""
    if path.exists():
        session = Session.open(path)
        try:
            initialised = store.local_station(session.db) is not None
        finally:
            session.close()
        if initialised:
            from station_app.app import create_main_window  # imports this module: load it late

            return create_main_window(path, credentials)
    return MainWindow(path, credentials)
