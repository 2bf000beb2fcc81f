"""设置 → 工作人员 and 本站信息, clicked through as the station head does; a staff member sees them read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from station_app.services import users
from station_app.services.session import Session
from station_app.ui.settings_page import SettingsPage
from tests.ui.windows import type_into


def _page(qtbot, session):
    page = SettingsPage(session, session.path)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def _answer_password_dialog(qtbot, *, name=None, first="ganshi12", second="ganshi12", then=None):
    """Type into the dialog that opens next, click 确定; ``then`` runs with the dialog if it is still open."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if name is not None:
            type_into(dialog.name, name)
        type_into(dialog.password, first)
        type_into(dialog.again, second)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        if then is not None:
            then(dialog)

    QTimer.singleShot(0, answer)


def test_the_head_adds_staff_disables_and_resets_a_password(qtbot, session):
    users.add_user(session, "李站长", "head", "zhanzhang1")
    session.act_as("李站长", "head")
    page = _page(qtbot, session)
    page.setCurrentWidget(page.staff)
    staff = page.staff
    assert staff.add_button.isEnabled()
    seen = []

    def mismatched_then_fixed(dialog):
        seen.append(dialog.message.text())
        assert dialog.isVisible() and dialog.name.text() == "王干事"  # nothing typed is lost
        dialog.again.clear()
        type_into(dialog.again, "ganshi12")
        qtbot.mouseClick(
            dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    _answer_password_dialog(qtbot, name="王干事", second="typo", then=mismatched_then_fixed)
    qtbot.mouseClick(staff.add_button, Qt.MouseButton.LeftButton)
    assert seen == ["两次输入的密码不一样"]
    names = [staff.table.item(r, 0).text() for r in range(staff.table.rowCount())]
    assert names == ["李站长", "王干事"] and staff.table.item(1, 1).text() == "工作人员"
    staff.table.selectRow(1)
    qtbot.mouseClick(staff.disable_button, Qt.MouseButton.LeftButton)
    assert staff.table.item(1, 2).text() == "已停用"
    qtbot.mouseClick(staff.disable_button, Qt.MouseButton.LeftButton)
    assert staff.table.item(1, 2).text() == "可用"
    _answer_password_dialog(qtbot, first="xinmima99", second="xinmima99")
    qtbot.mouseClick(staff.password_button, Qt.MouseButton.LeftButton)
    other = Session.open(session.path)
    users.log_in(other, "王干事", "xinmima99")
    other.close()


def test_station_details_are_saved_by_the_head(qtbot, session):
    page = _page(qtbot, session)
    page.setCurrentWidget(page.details)
    details = page.details
    details.contact.clear()
    type_into(details.contact, "0550-7654321")
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert details.message.text() == "已保存" and session.station()["contact"] == "0550-7654321"
    details.name.clear()
    qtbot.mouseClick(details.save_button, Qt.MouseButton.LeftButton)
    assert "站点名称" in details.message.text() and session.station()["name"] == "新集镇消费维权服务站"


def test_staff_see_both_read_only(qtbot, session, monkeypatch):
    users.add_user(session, "李站长", "head", "zhanzhang1")
    session.act_as("李站长", "head")
    users.add_user(session, "王干事", "staff", "ganshi12")
    session.act_as("王干事", "staff")
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    page = _page(qtbot, session)
    assert not page.staff.add_button.isEnabled() and not page.details.save_button.isEnabled()
    assert "只有站长" in page.staff.note.text() and "只有站长" in page.details.message.text()
