"""设置 → 工作人员: the station head adds staff, disables and enables them, and resets a forgotten password (which
also lifts a lock). Others see the list only. The services check the role again (services/users.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import roles
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import users
from station_app.services.session import Session
from station_app.ui.i18n import N_, tr

ROLE_WORDS = {
    roles.HEAD: N_("站长"),
    roles.STAFF: N_("工作人员"),
    roles.VIEWER: N_("只读用户"),
    roles.CLERK: N_("县级统计员"),
}


class PasswordDialog(QDialog):
    """A name (for a new user) and role, a password typed twice; what is wrong said under the field."""

    def __init__(self, parent: QWidget | None, *, name: str = "", new_user: bool = True):
        super().__init__(parent)
        self.setWindowTitle(tr("添加工作人员") if new_user else tr("重设密码：{0}").format(name))
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.name.setReadOnly(not new_user)
        self.role = QComboBox()
        for code in (roles.STAFF, roles.HEAD, roles.VIEWER):
            self.role.addItem(tr(ROLE_WORDS[code]), code)
        self.password, self.again = QLineEdit(), QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form.addRow(tr("姓名"), self.name)
        if new_user:
            form.addRow(tr("角色"), self.role)
        form.addRow(tr("密码（至少 {0} 位）").format(users.MIN_PASSWORD), self.password)
        form.addRow(tr("再输一次"), self.again)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.run: object = None  # set by the page: the service call that takes the values

    def check(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(tr("两次输入的密码不一样"))
            return
        try:
            self.run()  # type: ignore[operator]
        except (ValidationError, RuleViolation) as exc:
            self.message.setText(str(exc))  # the typed values stay: only the message changes
            return
        self.accept()


class StaffPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("姓名"), tr("角色"), tr("状态")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(tr("添加工作人员…"))
        self.disable_button = QPushButton(tr("停用 / 启用"))
        self.password_button = QPushButton(tr("重设密码…"))
        self.add_button.clicked.connect(self.add)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button.clicked.connect(self.reset_password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.password_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.dialog: PasswordDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        head = users.may_manage(self.session)
        for button in (self.add_button, self.disable_button, self.password_button):
            button.setEnabled(head)
        if not users.has_users(self.session):
            self.note.setText(tr("还没有设置用户：任何人打开程序都可以使用。添加第一位用户（站长）后需登录。"))
        else:
            self.note.setText("" if head else tr("只有站长可以添加工作人员、停用账号和重设密码。"))
        listing = users.list_users(self.session) if users.has_users(self.session) else []
        self.table.setRowCount(len(listing))
        for r, user in enumerate(listing):
            state = tr("已停用") if user["disabled"] else tr("锁定中") if user["locked_until"] else tr("可用")
            for c, text in enumerate((user["name"], tr(ROLE_WORDS.get(user["role"], user["role"])), state)):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, tr("工作人员"), tr("请先在列表中选中一位工作人员"))
            return None
        return self.table.item(rows[0].row(), 0).text()

    def add(self) -> None:
        dialog = self.dialog = PasswordDialog(self)
        first = not users.has_users(self.session)
        if first:  # the first user manages the others
            dialog.role.setCurrentIndex(dialog.role.findData(roles.HEAD))
        dialog.run = lambda: users.add_user(
            self.session, dialog.name.text(), dialog.role.currentData(), dialog.password.text()
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if first:  # from now on the register needs a log-in: this window acts as the new head
                self.session.act_as(dialog.name.text().strip(), roles.HEAD)
            self.refresh()

    def toggle_disabled(self) -> None:
        name = self.chosen()
        if name is None:
            return
        disabled = next(u["disabled"] for u in users.list_users(self.session) if u["name"] == name)
        try:
            users.set_disabled(self.session, name, not disabled)
        except RuleViolation as exc:
            QMessageBox.warning(self, tr("工作人员"), str(exc))
        self.refresh()

    def reset_password(self) -> None:
        name = self.chosen()
        if name is None:
            return
        dialog = self.dialog = PasswordDialog(self, name=name, new_user=False)
        dialog.run = lambda: users.change_password(self.session, name, dialog.password.text())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
