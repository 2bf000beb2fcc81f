"""Logging in as a clerk does: one window, the user chosen from a list, the password typed, 登录 clicked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from station_app.services import users
from station_app.services.session import Session
from station_app.ui import start
from station_app.ui.login_dialog import LoginDialog
from tests.ui.windows import type_into

NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    session = Session.open(path)
    users.add_user(session, "李站长", "head", "zhanzhang1")
    session.act_as("李站长", "head")
    users.add_user(session, "王干事", "staff", "ganshi12")
    session.close()
    return path


def _dialog(qtbot, path):
    session = Session.open(path)
    session.clock = lambda: NOW
    dialog = LoginDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, session


def _log_in(qtbot, dialog, name, password):
    dialog.ui.user.setCurrentIndex(dialog.ui.user.findText(name))
    type_into(dialog.ui.password, password)
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_one_window_lists_the_users_and_speaks_chinese(qtbot, register):
    dialog, session = _dialog(qtbot, register)
    assert [dialog.ui.user.itemText(i) for i in range(dialog.ui.user.count())] == ["李站长", "王干事"]
    ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), cancel.text()) == ("登录", "取消")
    _log_in(qtbot, dialog, "王干事", "ganshi12")
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.credentials == ("王干事", "ganshi12")
    session.close()


def test_a_wrong_password_is_said_in_the_window_and_the_user_stays_chosen(qtbot, register):
    dialog, session = _dialog(qtbot, register)
    _log_in(qtbot, dialog, "王干事", "wrong-one")
    assert dialog.isVisible() and dialog.ui.user.currentText() == "王干事"
    assert "密码不正确" in dialog.ui.message.text() and "再输错 4 次" in dialog.ui.message.text()
    assert dialog.ui.password.text() == "" and dialog.ui.message.isVisible()
    type_into(dialog.ui.password, "g")  # typing again clears the message
    assert dialog.ui.message.text() == ""
    dialog.ui.password.clear()
    for _ in range(4):
        _log_in(qtbot, dialog, "王干事", "wrong-again")
    assert "锁定 15 分钟" in dialog.ui.message.text()
    _log_in(qtbot, dialog, "王干事", "ganshi12")  # even the right password waits for the lock
    locked_until = datetime(2026, 11, 23, 1, 45, tzinfo=UTC).astimezone()
    assert f"{locked_until:%H:%M} 后再试" in dialog.ui.message.text() and "UTC" not in dialog.ui.message.text()
    assert dialog.isVisible() and dialog.credentials is None
    session.close()


def test_the_app_start_asks_through_the_window(qtbot, register):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        _log_in(qtbot, dialog, "李站长", "zhanzhang1")

    QTimer.singleShot(0, answer)
    assert start.ask_credentials(register) == ("李站长", "zhanzhang1")


def test_giving_up_ends_the_app(qtbot, register):
    def cancel():
        dialog = QApplication.activeModalWidget()
        qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, cancel)
    with pytest.raises(SystemExit):
        start.ask_credentials(register)
