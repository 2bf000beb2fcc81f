"""The first window on a PC with no register yet: a newcomer loads the demo register to look around, or sets
the station up; either way the main window opens next. With a register, it lists the newest cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
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
from station_app.services import complaint_views, startup, users
from station_app.services.session import Session
from station_app.ui.i18n import tr
from station_app.ui.jobs import Job, JobControl
from station_app.ui.sort_arrows import point_arrows_as_read

DEMO_SIZE = 300


def demo_work(db_path: Path, today: date) -> Callable[[JobControl], None]:
    """The demo register written in the job's thread, on a connection of its own."""

    def work(control: JobControl) -> None:
        from station_app.services import demo  # imported where used

        session = Session.open(db_path)
        try:
            demo.build_demo(session, DEMO_SIZE, today, progress=lambda kind, done, total: control.progress(done, total))
        finally:
            session.close()

    return work


class WelcomeWindow(QMainWindow):
    """The first window on a PC with no register yet: load the demo to look around, or set the station up."""

    def __init__(
        self, db_path: Path, credentials: tuple[str, str] | None = None, today: Callable[[], date] = date.today
    ):
        super().__init__()
        self.credentials, self.today = credentials, today
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
            [tr("编号"), tr("登记日期"), tr("状态"), tr("消费者"), tr("被投诉经营者"), tr("商品或服务"), tr("时限")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        point_arrows_as_read(self.table.horizontalHeader())
        for widget in (self.heading, self.hint, self.setup_button, self.demo_button, self.progress, self.table):
            layout.addWidget(widget)
        self.setCentralWidget(central)
        self.job: Job | None = None
        self.refresh()

    def open_session(self) -> Session:
        session = Session.open(self.db_path)
        if self.credentials:
            users.log_in(session, *self.credentials)
        return session

    def refresh(self) -> None:
        session = self.open_session()
        try:
            station = session.station() if startup.is_initialised(self.db_path) else None
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
                self.table.hide()  # no register yet: an empty table would only puzzle
                self.statusBar().showMessage(tr("数据文件：{0}").format(self.db_path))
                return
            listing = complaint_views.list_complaints(
                session, complaint_views.ComplaintFilter(), self.today(), limit=200
            )
        finally:
            session.close()
        self.heading.setText(f"{station['name']}（{station['code']}）")
        self.hint.setText(
            tr("投诉登记簿：共 {0} 件，下面是最近的 {1} 件。").format(listing["total"], len(listing["items"]))
        )
        self.demo_button.hide()
        self.setup_button.hide()
        self.table.show()
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
        self.job = Job(demo_work(self.db_path, self.today()), self)
        self.job.progress.connect(self.show_progress)
        self.job.finished.connect(self.demo_loaded)
        self.job.start()

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.wait(30_000)  # the demo is written in chunks; let the current one commit
        super().closeEvent(event)

    def set_up(self) -> None:
        from station_app.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(self.db_path, parent=self)
        if dialog.exec() == SetupDialog.DialogCode.Accepted:
            self.open_full_window(dialog.credentials)

    def open_full_window(self, credentials: tuple[str, str] | None) -> None:
        """Leave the first-run window for the main window on the register just set up."""
        from station_app.ui.main_window import create_main_window

        self.next_window = create_main_window(self.db_path, credentials, today=self.today)
        self.next_window.show()
        self.close()

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, _note: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    @Slot(object, str)
    def demo_loaded(self, _result: object, error: str) -> None:
        self.progress.hide()
        self.demo_button.setEnabled(True)
        if error:
            QMessageBox.warning(self, tr("演示登记簿"), tr("生成演示登记簿失败：{0}").format(error))
            self.refresh()
            return
        self.open_full_window(self.credentials)  # the real window, with its pages, on the demo register
