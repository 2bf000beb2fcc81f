"""设置: the station's own settings, its details, its staff, the audit trail with its chain check, and the
self-check."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import audit_trail, backup_stick, case_log, station
from station_app.services.session import Session
from station_app.ui.i18n import LANGUAGES, english, tr


class SettingsPage(QTabWidget):
    def __init__(self, session: Session, db_path: Path):
        super().__init__()
        self.session, self.db_path = session, db_path
        self.addTab(self._settings_tab(), tr("本站设置"))
        self.addTab(self._audit_tab(), tr("审计记录"))
        self.addTab(self._selfcheck_tab(), tr("自检"))
        from station_app.ui.ledger_page import LedgerImportPage
        from station_app.ui.staff_page import StaffPage
        from station_app.ui.station_details import StationDetails

        self.ledger = LedgerImportPage(session)
        self.addTab(self.ledger, tr("导入往年台账"))
        self.staff = StaffPage(session)
        self.details = StationDetails(session)
        self.addTab(self.details, tr("本站信息"))
        self.addTab(self.staff, tr("工作人员"))
        self.currentChanged.connect(self._on_tab)

    # -- settings -----------------------------------------------------------------------------
    def _settings_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.inputs: dict[str, QLineEdit] = {}
        values = station.station_settings(self.session)
        for key, (label, low, high) in station.SETTINGS.items():
            edit = QLineEdit(values.get(key, ""))
            edit.setPlaceholderText(tr("{0}–{1}，留空按默认").format(low, high))
            self.inputs[key] = edit
            form.addRow(tr(label), edit)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(station.language(self.session)))
        self.language.currentIndexChanged.connect(self.choose_language)
        form.addRow(tr("界面语言 / Language"), self.language)
        self.settings_message = QLabel()
        self.settings_message.setWordWrap(True)
        save = QPushButton(tr("保存设置"))
        save.clicked.connect(self.save_settings)
        form.addRow(save, self.settings_message)
        backup_button = QPushButton(tr("立即备份到（如U盘）…"))
        backup_button.clicked.connect(self.backup_to)
        self.backup_message = QLabel()
        self.backup_message.setWordWrap(True)
        form.addRow(backup_button, self.backup_message)
        return page

    def choose_language(self) -> None:
        code = self.language.currentData()
        try:
            station.set_language(self.session, code)
        except (ValidationError, RuleViolation) as exc:
            self.settings_message.setText(str(exc))
            return
        self.settings_message.setStyleSheet("color: #1b5e20;")
        # Every window is built in one language; the next start shows the new one everywhere.
        self.settings_message.setText(
            tr("已保存。重新打开程序后使用新的界面语言。") + " / Restart the program to switch."
        )

    def save_settings(self) -> None:
        try:
            for key, edit in self.inputs.items():
                if edit.text().strip() != station.station_settings(self.session).get(key, ""):
                    station.set_setting(self.session, key, edit.text())
        except (ValidationError, RuleViolation) as exc:
            self.settings_message.setStyleSheet("color: #b00020;")
            self.settings_message.setText(str(exc))
            return
        self.settings_message.setStyleSheet("color: #1b5e20;")
        self.settings_message.setText(tr("已保存"))

    def backup_to(self, folder: str | None = None, password: str | bool | None = False) -> str:
        """A verified copy of the register in a chosen folder (a USB stick), sealed unless chosen otherwise.

        ``password`` False: ask (the user's way); a string or None: given (tests, scripted use).
        """
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, tr("备份到哪个文件夹（如U盘）？"))
            if not folder:
                return ""
        if password is False:
            from station_app.ui.backup_dialog import BackupPasswordDialog

            dialog = BackupPasswordDialog(self)
            if dialog.exec() != BackupPasswordDialog.DialogCode.Accepted:
                return ""
            password = dialog.chosen_password()
        try:
            result = backup_stick.backup_to(self.session, self.db_path, Path(folder), password or None)
        except (RuleViolation, OSError) as exc:
            self.backup_message.setText(tr("备份失败：{0}").format(exc))
            return ""
        if result["encrypted"]:
            self.backup_message.setText(tr("已加密备份并校验：{path}").format(path=result["path"]))
        else:
            self.backup_message.setText(tr("已备份并校验：{0}").format(result["path"]))
        return result["path"]

    # -- audit trail ----------------------------------------------------------------------------
    def _audit_tab(self) -> QWidget:
        """Plain words in the table (time, who, what, which record); the stored entry one click away."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self.verify_button = QPushButton(tr("校验审计记录链（发现被改动或删除的记录）"))
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        self.audit_table = QTableWidget(0, 4)
        self.audit_table.setHorizontalHeaderLabels([tr("时间"), tr("操作人"), tr("做了什么"), tr("记录")])
        header = self.audit_table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.audit_table.setWordWrap(True)
        self.audit_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.audit_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.audit_table.currentCellChanged.connect(self._show_audit_detail)
        self.audit_detail_button = QPushButton(tr("显示技术细节"))
        self.audit_detail_button.setCheckable(True)
        self.audit_detail = QPlainTextEdit()
        self.audit_detail.setReadOnly(True)
        self.audit_detail.setVisible(False)
        self.audit_detail_button.toggled.connect(
            lambda on: self._toggle(self.audit_detail_button, self.audit_detail, on)
        )
        layout.addWidget(self.verify_button)
        layout.addWidget(self.verify_result)
        layout.addWidget(self.audit_table, 3)
        layout.addWidget(self.audit_detail_button)
        layout.addWidget(self.audit_detail, 1)
        self._audit_rows: list[dict] = []
        return page

    def load_audit(self) -> None:
        self._audit_rows = audit_trail.recent(self.session)
        self.audit_table.setRowCount(len(self._audit_rows))
        for r, entry in enumerate(self._audit_rows):
            row = case_log.audit_row(entry, english())
            for c, key in enumerate(("time", "who", "what", "record")):
                self.audit_table.setItem(r, c, QTableWidgetItem(row[key]))
        if self._audit_rows:
            self.audit_table.setCurrentCell(0, 0)

    def _show_audit_detail(self, row: int, *_: int) -> None:
        """The stored entry as it is (codes, JSON), for the county technician."""
        entry = self._audit_rows[row] if 0 <= row < len(self._audit_rows) else None
        self.audit_detail.setPlainText(json.dumps(entry, ensure_ascii=False, indent=2) if entry else "")

    def verify(self) -> None:
        problems = audit_trail.verify(self.session)
        if problems:
            self.verify_result.setStyleSheet("color: #b00020;")
            self.verify_result.setText(tr("审计记录有改动：") + "；".join(problems[:5]))
        else:
            self.verify_result.setStyleSheet("color: #1b5e20;")
            self.verify_result.setText(
                tr("审计记录完整：共 {0} 条最近记录已显示，链条校验通过").format(self.audit_table.rowCount())
            )

    # -- self-check -------------------------------------------------------------------------------
    def _selfcheck_tab(self) -> QWidget:
        """Plain sentences; the technician's key/value report one click away."""
        page = QWidget()
        layout = QVBoxLayout(page)
        self.selfcheck_text = QPlainTextEdit()
        self.selfcheck_text.setReadOnly(True)
        self.selfcheck_detail_button = QPushButton(tr("显示技术细节"))
        self.selfcheck_detail_button.setCheckable(True)
        self.selfcheck_detail = QPlainTextEdit()
        self.selfcheck_detail.setReadOnly(True)
        self.selfcheck_detail.setVisible(False)
        self.selfcheck_detail_button.toggled.connect(
            lambda on: self._toggle(self.selfcheck_detail_button, self.selfcheck_detail, on)
        )
        layout.addWidget(self.selfcheck_text, 2)
        layout.addWidget(self.selfcheck_detail_button)
        layout.addWidget(self.selfcheck_detail, 3)
        return page

    @staticmethod
    def _toggle(button: QPushButton, detail: QWidget, shown: bool) -> None:
        detail.setVisible(shown)
        button.setText(tr("隐藏技术细节") if shown else tr("显示技术细节"))

    def _on_tab(self, index: int) -> None:
        if index == 1:
            self.load_audit()
        elif index == 2:
            from station_app.selfcheck import plain_lines, report

            result = report(self.db_path)
            self.selfcheck_text.setPlainText("\n".join(plain_lines(result, english())))
            self.selfcheck_detail.setPlainText(json.dumps(result, ensure_ascii=False, indent=2, default=str))
