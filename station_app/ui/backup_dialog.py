"""Asks how a backup leaving the station is protected: a password (the default) or, explicitly, none."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from station_app.formats.sealed_backup import MIN_PASSWORD
from station_app.ui.field_rows import add_checked_row, ok_cancel_row
from station_app.ui.i18n import tr


class BackupPasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("备份到U盘：设置备份密码"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "备份里有消费者的姓名、电话和身份证号。加密后，U盘丢失也不会泄露；"
                "恢复时需要输入这个密码，请记在安全的地方（忘记密码将无法恢复这份备份）。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("至少 {n} 位").format(n=MIN_PASSWORD))
        self.password_error = add_checked_row(form, tr("备份密码"), self.password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_error = add_checked_row(form, tr("再输入一次"), self.again)
        layout.addLayout(form)
        self.plain = QCheckBox(tr("不加密（明文备份：U盘丢失会泄露消费者个人信息）"))
        self.plain.toggled.connect(self._plain_toggled)
        layout.addWidget(self.plain)
        layout.addLayout(ok_cancel_row(tr("开始备份"), self.accept_if_valid, self.reject))

    def _plain_toggled(self, plain: bool) -> None:
        for field in (self.password, self.again):
            field.setEnabled(not plain)
        self.password_error.hide()
        self.again_error.hide()

    def chosen_password(self) -> str | None:
        """The password, or None when the user chose a plain backup."""
        return None if self.plain.isChecked() else self.password.text()

    def accept_if_valid(self) -> None:
        self.password_error.hide()
        self.again_error.hide()
        if not self.plain.isChecked():
            if len(self.password.text()) < MIN_PASSWORD:
                self.password_error.setText(tr("密码至少 {n} 位").format(n=MIN_PASSWORD))
                self.password_error.show()
                self.password.setFocus()
                return
            if self.again.text() != self.password.text():
                self.again_error.setText(tr("两次输入的密码不一致"))
                self.again_error.show()
                self.again.setFocus()
                return
        self.accept()
