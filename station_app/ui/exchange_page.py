"""数据交换: export this month's package to a USB stick (station) and import packages (county).

Export and import run in a worker thread with their own connection; the page shows progress and the
outcome, and the worker never touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import exchange, station, volumes
from station_app.services.session import Session
from station_app.ui.county_packages import from_county
from station_app.ui.exchange_texts import COUNT_WORDS, IMPORT_STATUS, drive_label
from station_app.ui.i18n import tr
from station_app.ui.jobs import Job, JobControl


def exchange_work(
    db_path: Path, actor: str, role: str, kind: str, target: list[Path], options: dict[str, Any]
) -> Callable[[JobControl], Any]:
    """An export (one package) or an import (packages, cancellable between two), on the job's own connection."""

    def work(control: JobControl) -> Any:
        session = Session.open(db_path)  # this thread's own connection
        try:
            session.act_as(actor, role)
            if kind == "export":
                return exchange.export_package(session, target[0], **options)
            return exchange.import_packages(
                session, target, progress=control.progress, cancelled=control.cancelled, **options
            )
        finally:
            session.close()

    return work


class ExchangePage(QWidget):
    imported = Signal()  # an import wrote something: the county's index of words catches up (main_window)

    def __init__(self, session: Session, db_path: Path, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.db_path, self.today = session, db_path, today
        self.running: Job | None = None
        self.result: Any = None
        # what each entry of the list was when offered or chosen: its folder and its device (a stick is a stick)
        self.targets: dict[str, volumes.Target] = {}
        self.export_target: volumes.Target | None = None
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        county_mode = station.mode(session) in station.OFFICES  # a county's (or the city's) register
        # -- export: a station's month for the county, a county's roll-up for the city --
        station_title = tr("站点：导出本站数据包（全部记录，含本月；每月交县局）")
        export_box = QGroupBox(tr("县局：导出数据包（汇总报市级）") if county_mode else station_title)
        self.drives = QComboBox()
        # A long drive name or message must not widen the page past a 1366-pixel screen.
        self.drives.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.drives.setMinimumContentsLength(40)  # the hint with no stick in whole (CJK are wide)
        refresh = QPushButton(tr("刷新U盘列表"))
        refresh.clicked.connect(self.refresh_drives)
        choose = QPushButton(tr("选择其他文件夹…"))
        choose.clicked.connect(self.choose_folder)
        self.since_last = QCheckBox(tr("只导出上次以来的变化"))
        self.since_last.setToolTip(tr("不选：导出全部记录，含本月"))
        # A county office reports upward: its package is the roll-up of every station, signed with its own key.
        self.rollup = QCheckBox(tr("全县汇总（报市级）"))
        self.rollup.setChecked(county_mode)
        self.rollup.setVisible(county_mode)
        self.rollup.setToolTip(tr("导出本县所有站点的记录，用县局密钥签名，交市级导入"))
        self.export_button = QPushButton(tr("导出"))
        self.export_button.clicked.connect(lambda: self.export())
        row = QHBoxLayout()
        for widget in (
            QLabel(tr("导出到：")),
            self.drives,
            refresh,
            choose,
            self.since_last,
            self.rollup,
            self.export_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        # A station closes its months and reads the county's answers; a county's roll-up carries no months.
        self.close_row = QWidget()
        self.close_row.setVisible(not county_mode)
        close_row = QHBoxLayout(self.close_row)
        close_row.setContentsMargins(0, 0, 0, 0)
        self.close_month_box = QComboBox()
        today = self.today()
        for back in range(1, 13):  # the months that have ended, newest first
            year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
            self.close_month_box.addItem(
                tr("{year}年{month}月").format(year=year, month=month + 1), f"{year:04d}-{month + 1:02d}"
            )
        close_button = QPushButton(tr("关账（冻结该月数据）…"))
        close_button.clicked.connect(lambda: self.close_month())
        answers_button = QPushButton(tr("导入县局答复…"))
        answers_button.clicked.connect(lambda: self.import_answers())
        self.months_label = QLabel()
        self.months_label.setWordWrap(True)
        self.bulletin_button = QPushButton(tr("导入县局公告包…"))  # next year's holidays, warnings
        self.bulletin_button.clicked.connect(lambda: self.import_bulletin())
        # Only months that have ended can be closed; the export itself always carries everything up to today.
        for widget in (
            QLabel(tr("关账月份：")),
            self.close_month_box,
            close_button,
            answers_button,
            self.bulletin_button,
        ):
            close_row.addWidget(widget)
        close_row.addWidget(self.months_label, 1)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addWidget(self.close_row)
        export_box.setLayout(box)
        # -- county: import --
        import_box = QGroupBox(tr("县局：导入各站的数据包"))
        import_files = QPushButton(tr("选择数据包文件…"))
        import_files.clicked.connect(self.choose_packages)
        import_folder = QPushButton(tr("导入整个文件夹（U盘）…"))
        import_folder.clicked.connect(self.choose_package_folder)
        row2 = QHBoxLayout()
        row2.addWidget(import_files)
        row2.addWidget(import_folder)
        row2.addStretch(1)
        import_box.setLayout(row2)
        self.import_box = import_box
        import_box.setVisible(county_mode)  # a station PC imports no packages: only its county's answers and bulletins
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        self.county_views = None
        if county_mode:  # the county office's own views of its stations
            from station_app.ui.county_views import CountyViews

            self.county_views = CountyViews(session, self.today)
            layout.addWidget(self.county_views, 3)
        layout.addWidget(self.report, 1)
        self.refresh_drives()
        self.show_keys()
        self.show_months()

    def show_months(self) -> None:
        from station_app.services.exchange import months

        rows = months.listing(self.session, self.session.station()["code"])
        self.months_label.setText(
            "；".join(
                f"{r['month']} {tr(months.STATES[r['state']])}" + (f"（{r['reason']}）" if r["reason"] else "")
                for r in rows[-4:]
            )
        )

    def close_month(self, month: str | None = None, confirm: bool = True) -> bool:
        from station_app.domain import periods
        from station_app.services import tallies
        from station_app.services.exchange import months

        month = month or self.close_month_box.currentData()
        if confirm:
            figures = tallies.tally(self.session, periods.month(month), self.today(), with_previous=False)
            c = figures["complaints"]
            text = tr("关账后 {0} 的数据冻结交县局：登记投诉 {1} 件，受理 {2} 件，调解结案 {3} 件。确定关账？").format(
                month, c["registered"], c["accepted"], c["settled"]
            )
            if QMessageBox.question(self, tr("关账"), text) != QMessageBox.StandardButton.Yes:
                return False
        try:
            months.close_month(self.session, month, self.today())
        except (RuleViolation, ValidationError) as exc:
            self.report.setPlainText(str(exc))
            return False
        self.report.setPlainText(tr("已关账 {0}，下次导出的数据包会带上冻结的数据").format(month))
        self.show_months()
        return True

    def import_answers(self, path: str | None = None, fingerprint: str | None = None) -> bool:
        from station_app.services.exchange import months

        result = from_county(
            self,
            self.report,
            tr("选择县局答复包"),
            tr("首次导入县局答复：请电话核对后输入县局念出的指纹："),
            lambda chosen, key: months.import_answers(self.session, chosen, key),
            path,
            fingerprint,
        )
        if result is None:
            return False
        self.report.setPlainText(tr("已导入县局答复 {0} 条").format(result["applied"]))
        self.show_months()
        self.show_keys()
        return True

    def import_bulletin(self, path: str | None = None, fingerprint: str | None = None) -> bool:
        """The county's bulletin: its holiday tables make next year's deadlines firm (services/bulletins.py)."""
        from station_app.services import bulletins

        result = from_county(
            self,
            self.report,
            tr("选择县局公告包"),
            tr("首次导入县局公告包：请电话核对后输入县局念出的指纹："),
            lambda chosen, key: bulletins.import_bulletin(self.session, chosen, self.today(), key),
            path,
            fingerprint,
        )
        if result is None:
            return False
        years = "、".join(str(y) for y in result["years"]) or tr("无")
        self.report.setPlainText(
            tr("已导入县局公告包：节假日安排 {0}；消费警示 {1} 条；重新计算期限的在办案件 {2} 件").format(
                years, result["warnings"], result["deadlines_changed"]
            )
        )
        return True

    def show_keys(self) -> None:
        try:
            key = exchange.station_key(self.session)
            county = exchange.county_key_installed(self.session)
        except RuleViolation as exc:
            self.key_label.setText(str(exc))
            return
        if station.mode(self.session) == "county":  # a county signs for the city and encrypts to the city's key
            above = (
                tr("已安装市级公钥（指纹 {0}），汇总数据包将加密。").format(county.get("fingerprint", ""))
                if county
                else tr("未安装市级公钥：汇总数据包中的个人信息将做去标识化处理（姓名、电话、身份证号码）。")
            )
            mine = tr("本县局签名密钥指纹：<b>{0}</b>（市级首次导入时电话核对）<br>{1}")
        else:
            above = (
                tr("已安装县局公钥（指纹 {0}），数据包将加密。").format(county.get("fingerprint", ""))
                if county
                else tr("未安装县局公钥：导出的个人信息将做去标识化处理（姓名、电话、身份证号码）。")
            )
            mine = tr("本站签名密钥指纹：<b>{0}</b>（县局首次导入时电话核对）<br>{1}")
        self.key_label.setText(mine.format(key.get("fingerprint", ""), above))

    def refresh_drives(self) -> None:
        """Only the removable volumes mounted now (and folders chosen while they are still there)."""
        chosen = [t for t in self.targets.values() if not t.stick and t.path.is_dir()]
        self.drives.clear()
        self.targets = {}
        for target in [*chosen, *volumes.sticks()]:
            self.targets[str(target.path)] = target
            self.drives.addItem(drive_label(target), str(target.path))
        if self.drives.count() == 0:
            self.drives.addItem(tr("（未插入U盘：插好后刷新，或选其他文件夹）"), "")

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("导出到哪个文件夹？"))
        if folder:
            self.use_folder(folder)

    def use_folder(self, folder: str) -> bool:
        try:
            target = volumes.choose(Path(folder))
        except RuleViolation as exc:  # a pulled stick's empty mount folder: never written to
            self.report.setPlainText(str(exc))
            QMessageBox.warning(self, tr("导出"), str(exc))
            return False
        self.targets[str(target.path)] = target
        self.drives.insertItem(0, drive_label(target), str(target.path))
        self.drives.setCurrentIndex(0)
        return True

    def export(self, folder: str | None = None) -> None:
        if folder is not None and not self.use_folder(folder):
            return
        target = self.targets.get(self.drives.currentData() or "")
        if target is None:
            QMessageBox.information(self, tr("导出"), tr("请先插入U盘或选择一个文件夹"))
            return
        try:  # still there, the same device: else say so before anything is written
            volumes.recheck(target.path, target.device)
        except RuleViolation as exc:
            self.report.setPlainText(str(exc))
            self.refresh_drives()
            return
        self.export_target = target
        options = {
            "since_last": self.since_last.isChecked(),
            "rollup": self.rollup.isChecked(),
            "device": target.device,
        }
        self._run("export", [target.path], options, tr("正在导出并校验……"))

    def choose_packages(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, tr("选择数据包"), "", tr("数据包 (*.stpkg)"))
        if files:
            self.import_packages([Path(f) for f in files])

    def choose_package_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("数据包所在的文件夹"))
        if folder:
            self.import_packages([Path(folder)])

    def import_packages(self, paths: list[Path], accept_key: str | None = None) -> None:
        self.pending = paths
        self._run("import", paths, {"accept_key": accept_key}, tr("正在校验并导入数据包……"))

    def _run(self, job: str, target: list[Path], options: dict[str, Any], text: str) -> None:
        if self.running is not None and self.running.running():
            return
        self.job = job
        # Cancel stops between packages (each package is one transaction: never half-imported); an export is
        # one package written to a temporary name, so it is not offered there.
        self.progress = QProgressDialog(text, tr("取消") if job == "import" else None, 0, 0, self)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.show()
        work = exchange_work(self.db_path, self.session.actor, self.session.role or "head", job, target, options)
        self.running = Job(work, self)
        self.running.finished.connect(self.done)
        self.running.progress.connect(self.show_progress)
        self.progress.canceled.connect(self.running.cancel)
        self.running.start()

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if name:
            self.progress.setLabelText(tr("正在导入第 {0}/{1} 个数据包：{2}").format(done + 1, total, name))

    @Slot(object, str)
    def done(self, result: Any, error: str) -> None:
        self.progress.reset()
        self.result = result
        if error:
            self.report.setPlainText(tr("失败：{0}").format(error))
            return
        if self.job == "export":
            how = tr("已加密给县局") if result["encrypted"] else tr("个人信息已去标识化")
            counts = "，".join(
                f"{tr(COUNT_WORDS[k]) if k in COUNT_WORDS else k} {n}" for k, n in result["counts"].items() if n
            )
            # read back from the very device chosen (services/exchange/export.py): only a stick may be pulled out
            lines = [tr("已导出并读回校验：{0}（{1}）").format(result["file"], how)]
            if self.export_target is not None and self.export_target.stick:
                lines.append(tr("可以安全拔出U盘。"))
            lines.append(tr("记录数：{0}").format(counts))
            self.report.setPlainText("\n".join(lines))
            return
        if any(item["status"] == "imported" for item in result):
            self.imported.emit()
        lines = []
        for item in result:
            status = tr(IMPORT_STATUS[item["status"]]) if item["status"] in IMPORT_STATUS else item["status"]
            lines.append(f"{Path(item['file']).name}：{status}　{item.get('reason', '')}".rstrip())
            if item.get("code") == "unregistered_key":
                lines.append(tr("　首次导入该站：请电话核对指纹 {0} 后确认。").format(item.get("fingerprint")))
        self.report.setPlainText("\n".join(lines))
        first_time = [i for i in result if i.get("code") == "unregistered_key"]
        if first_time:
            item = first_time[0]
            answer, ok = QInputDialog.getText(
                self,
                tr("核对站点密钥"),
                tr("站点 {0} 首次导入。请电话核对后输入对方念出的指纹：").format(item.get("station")),
            )
            if ok and answer.strip():
                self.import_packages(self.pending, accept_key=answer.strip())
