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
    assert page.audit_table.item(0, 2).text() == "修改设置"  # newest first
    page.verify()
    assert "校验通过" in page.verify_result.text()
    session.db.execute("UPDATE audit SET actor = '别人' WHERE pk = 3")
    page.verify()
    assert "第 3 条" in page.verify_result.text()
    page.setCurrentIndex(2)
    assert "database_state: ok" in page.selfcheck_text.toPlainText()
    session.close()


def test_font_size_setting_applies_when_the_window_opens(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from station_app.app import create_main_window
    from station_app.services.station import set_setting

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
    written = page.backup_to(str(stick))
    assert written and list(stick.glob("register-*.sqlite3")) and "已备份并校验" in page.backup_message.text()
    session.close()
