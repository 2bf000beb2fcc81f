"""The log-in window: one dialog in the window's language with the register's users to choose from, the password,
and what went wrong shown inside it (a wrong password keeps the chosen user and asks again; a locked user is told
until when). The form is forms/login_dialog.ui."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from station_app.domain.errors import RuleViolation
from station_app.services import users
from station_app.services.session import Session
from station_app.ui.build_forms import load_form
from station_app.ui.i18n import tr


class LoginDialog(QDialog):
    """Accepted once ``users.log_in`` took the name and password; ``credentials`` then holds them."""

    def __init__(self, session: Session, parent: QWidget | None = None, *, locked_for: str | None = None):
        """``locked_for``: the window was locked after idle time; only that user can open it again."""
        super().__init__(parent)
        self.ui = load_form("login_dialog").Ui_LoginDialog()
        self.ui.setupUi(self)
        self.session = session
        self.credentials: tuple[str, str] | None = None
        if locked_for is None:
            self.ui.user.addItems(users.login_names(session))
        else:
            self.setWindowTitle(tr("已锁定"))
            self.ui.register_label.setText(tr("长时间未操作，已锁定。请 {0} 输入密码继续。").format(locked_for))
            self.ui.user.addItem(locked_for)
            self.ui.user.setEnabled(False)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登录"))
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.ui.buttons.accepted.connect(self.try_log_in)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.password.textEdited.connect(lambda _text: self.ui.message.clear())
        self.ui.message.hide()
        self.ui.password.setFocus()

    def try_log_in(self) -> None:
        name, password = self.ui.user.currentText(), self.ui.password.text()
        if not password:
            self._say(tr("请输入密码"))
            return
        try:
            users.log_in(self.session, name, password)
        except RuleViolation as exc:
            self.ui.password.clear()
            self._say(str(exc))
            return
        self.credentials = (name, password)
        self.accept()

    def _say(self, text: str) -> None:
        self.ui.message.setText(text)
        self.ui.message.show()
        self.ui.password.setFocus()
