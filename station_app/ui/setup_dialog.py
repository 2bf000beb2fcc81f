"""First run: the station profile and the first user (the station head), in one short form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import station, users
from station_app.services.session import Session
from station_app.ui.field_rows import ERROR_STYLE, add_checked_row, ok_cancel_row
from station_app.ui.i18n import entry_label, tr


class SetupDialog(QDialog):
    """Creates the register's station and its first user; on success ``credentials`` holds the log-in."""

    def __init__(self, db_path: Path, today=date.today, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path, self.today = db_path, today
        self.credentials: tuple[str, str] | None = None
        self.setWindowTitle(tr("设置本站"))
        self.setMinimumWidth(560)
        session = Session.open(db_path)
        try:
            kinds = [(entry_label(e), e.code) for e in session.catalogs.entries("station_kinds")]
            venues = [(entry_label(e), e.code) for e in session.catalogs.entries("venue_types")]
        finally:
            session.close()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        self.county_mode = QCheckBox(tr("县局登记簿（汇总各站数据包）"))
        self.county_mode.setToolTip(tr("这是县局的登记簿（汇总各站的U盘数据包、统计全县）"))
        form.addRow(self.county_mode)
        self.code = self._line(
            form, "code", tr("站点编码 *"), tr("2–12 位字母或数字，如 XJ（用于案件编号 XJ-2026-0001）")
        )
        self.name = self._line(form, "name", tr("站点名称 *"), tr("如：新集镇消费维权服务站"))
        self.kind = self._combo(form, "kind", tr("站点类型 *"), kinds)
        self.venue = self._combo(form, "venue_type", tr("所在场所 *"), venues)
        self.county = self._line(form, "county", tr("所属县（市、区）"), "")
        self.contact = self._line(form, "contact", tr("联系电话"), "")
        form.addRow(QLabel(tr("<b>第一个用户（站长，可再添加其他工作人员）</b>")))
        self.user = self._line(form, "user", tr("用户名 *"), tr("如：李站长"))
        self.password = self._line(form, "password", tr("密码 *"), tr("至少 6 位"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = self._line(form, "password2", tr("再输入一次 *"), "")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        buttons = ok_cancel_row(tr("完成设置"), self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addLayout(buttons)

    def _line(self, form: QFormLayout, key: str, label: str, hint: str) -> QLineEdit:
        widget = QLineEdit()
        widget.setPlaceholderText(hint)
        self._add(form, key, label, widget)
        return widget

    def _combo(self, form: QFormLayout, key: str, label: str, items: list[tuple[str, str]]) -> QComboBox:
        widget = QComboBox()
        for text, code in items:
            widget.addItem(text, code)
        self._add(form, key, label, widget)
        return widget

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.fields[key], self.errors[key] = widget, add_checked_row(form, label, widget)

    def show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is None:
            self.general.setText(message)
            return
        label.setText(message)
        label.show()

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general.clear()
        local_errors = False
        if len(self.password.text()) < users.MIN_PASSWORD:
            self.show_error("password", tr("至少 {0} 位").format(users.MIN_PASSWORD))
            local_errors = True
        elif self.password.text() != self.password2.text():
            self.show_error("password2", tr("两次输入的密码不一致"))
            local_errors = True
        if not self.user.text().strip():
            self.show_error("user", tr("必须填写"))
            local_errors = True
        payload = {
            "code": self.code.text(),
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "venue_type": self.venue.currentData(),
            "county": self.county.text(),
            "contact": self.contact.text(),
        }
        session = Session.open(self.db_path)
        try:
            if local_errors:  # still check the station's fields, so every message shows at once
                station.check_station(session, payload, self.today())
                return
            with session.db.atomic():  # station and head together, or neither
                station.init_station(session, payload, self.today())
                if self.county_mode.isChecked():
                    station.set_mode(session, "county")
                users.add_user(session, self.user.text(), "head", self.password.text())
            if self.county_mode.isChecked():
                from station_app.services import exchange

                exchange.county_private_key(session, create=True)  # the stations encrypt to its public half
        except ValidationError as exc:
            for problem in exc.problems:
                key = {"name": "user"}.get(problem.field, problem.field) if problem.label == "用户名" else problem.field
                self.show_error(key, problem.message)
            return
        except RuleViolation as exc:
            self.show_error("", str(exc))
            return
        finally:
            session.close()
        self.credentials = (self.user.text().strip(), self.password.text())
        self.accept()
