"""设置: station settings, the audit trail viewer with its chain check, the self-check."""

from datetime import date

from station_app.services import demo
from station_app.services.session import Session
from station_app.ui.settings_page import SettingsPage

TODAY = date(2026, 11, 23)


def test_settings_audit_and_selfcheck(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 10, TODAY)
    session.act_as("setup", "head")
    page = SettingsPage(session, path)
    qtbot.addWidget(page)
    page.inputs["acceptance_days"].setText("9")
    page.save_settings()
    assert "1 到 7" in page.settings_message.text()
    page.inputs["acceptance_days"].setText("5")
    page.save_settings()
    assert page.settings_message.text() == "已保存"
    page.setCurrentIndex(1)
    assert page.audit_table.rowCount() > 10
    assert page.audit_table.item(0, 2).text() == "修改设置：本站受理时限"  # newest first, in words
    page.verify()
    assert "校验通过" in page.verify_result.text()
    session.db.execute("UPDATE audit SET actor = '别人' WHERE pk = 3")
    page.verify()
    assert "第 3 条" in page.verify_result.text()
    page.setCurrentIndex(2)
    assert "登记簿完好。" in page.selfcheck_text.toPlainText()
    assert "database_state" not in page.selfcheck_text.toPlainText()
    session.close()


def test_the_audit_tab_speaks_plainly_with_the_detail_one_click_away(qtbot, tmp_path):
    """Time, who, what in words and which record, no column clipped; the stored entry behind a button."""
    import re

    from PySide6.QtCore import Qt

    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 10, TODAY)
    session.act_as("李站长", "head")
    page = SettingsPage(session, path)
    qtbot.addWidget(page)
    page.resize(1300, 640)
    page.show()
    qtbot.mouseClick(page.tabBar(), Qt.MouseButton.LeftButton, pos=page.tabBar().tabRect(1).center())
    table = page.audit_table
    assert table.isVisible() and table.rowCount() > 10
    shown = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(4)]
    assert not [t for t in shown if re.search(r"transition|create|setup|_fen|order\d|\{", t)], shown[:20]
    assert "登记投诉" in shown and "初始设置" in shown
    for column in range(4):  # nothing clipped: every column is at least as wide as its widest text
        assert table.columnWidth(column) >= table.sizeHintForColumn(column) - 1, column
    assert table.horizontalHeader().length() <= table.viewport().width() + 1  # and no sideways scrolling
    assert not page.audit_detail.isVisible()
    qtbot.mouseClick(page.audit_detail_button, Qt.MouseButton.LeftButton)
    assert page.audit_detail.isVisible() and '"action": "create"' in page.audit_detail.toPlainText()
    assert page.audit_detail_button.text() == "隐藏技术细节"
    table.setCurrentCell(3, 0)
    assert f'"seq": {page._audit_rows[3]["seq"]}' in page.audit_detail.toPlainText()
    qtbot.mouseClick(page.tabBar(), Qt.MouseButton.LeftButton, pos=page.tabBar().tabRect(2).center())
    assert "登记簿完好。" in page.selfcheck_text.toPlainText() and not page.selfcheck_detail.isVisible()
    qtbot.mouseClick(page.selfcheck_detail_button, Qt.MouseButton.LeftButton)
    assert page.selfcheck_detail.isVisible() and '"database_state": "ok"' in page.selfcheck_detail.toPlainText()
    session.close()


def test_font_size_setting_applies_when_the_window_opens(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from station_app.services.station import set_setting
    from station_app.ui.main_window import create_main_window

    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 5, TODAY)
    set_setting(session, "font_size", "14")
    session.close()
    original = QApplication.instance().font()
    try:
        window = create_main_window(path, today=lambda: TODAY)
        qtbot.addWidget(window)
        assert QApplication.instance().font().pointSize() == 14
    finally:
        QApplication.instance().setFont(original)  # other tests in this process keep their font


def test_backup_on_demand_to_a_chosen_folder(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 5, TODAY)
    session.act_as("setup", "head")
    page = SettingsPage(session, path)
    qtbot.addWidget(page)
    stick = tmp_path / "U盘"
    stick.mkdir()
    written = page.backup_to(str(stick), password=None)  # the user ticked 不加密
    assert written and list(stick.glob("register-*.sqlite3")) and "已备份并校验" in page.backup_message.text()
    sealed = page.backup_to(str(stick), password="station-2026")
    assert sealed.endswith(".stbak") and "已加密备份" in page.backup_message.text()
    session.close()


def test_the_backup_password_dialog_checks_beside_the_fields(qtbot):
    from station_app.ui.backup_dialog import BackupPasswordDialog

    dialog = BackupPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password.setText("short")
    dialog.accept_if_valid()
    assert dialog.password_error.isVisible() and "至少" in dialog.password_error.text()
    assert dialog.result() != BackupPasswordDialog.DialogCode.Accepted and dialog.password.text() == "short"
    dialog.password.setText("station-2026")
    dialog.again.setText("station-2025")
    dialog.accept_if_valid()
    assert dialog.again_error.isVisible() and not dialog.password_error.isVisible()
    dialog.again.setText("station-2026")
    dialog.accept_if_valid()
    assert dialog.result() == BackupPasswordDialog.DialogCode.Accepted
    assert dialog.chosen_password() == "station-2026"
    dialog.plain.setChecked(True)
    assert dialog.chosen_password() is None and not dialog.password.isEnabled()
