"""First run: set up the station and its head without the command line."""

from station_app.services import users
from station_app.services.session import Session
from station_app.ui.setup_dialog import SetupDialog
from station_app.ui.welcome import WelcomeWindow


def fill(dialog, code="XJ", password="secret-1", again="secret-1"):
    dialog.code.setText(code)
    dialog.name.setText("新集镇消费维权服务站")
    dialog.venue.setCurrentIndex(dialog.venue.findText("学校"))
    dialog.user.setText("李站长")
    dialog.password.setText(password)
    dialog.password2.setText(again)


def test_errors_show_beside_their_fields_and_keep_what_was_typed(qtbot, tmp_path):
    dialog = SetupDialog(tmp_path / "r.sqlite3")
    qtbot.addWidget(dialog)
    fill(dialog, code="1-A", password="123", again="123")
    dialog.save()
    assert not dialog.errors["code"].isHidden() and "站点编码" not in dialog.errors["code"].text()
    assert "以字母开头" in dialog.errors["code"].text()
    assert dialog.code.text() == "1-A" and dialog.name.text() == "新集镇消费维权服务站"
    fill(dialog, password="secret-1", again="secret-2")
    dialog.save()
    assert "不一致" in dialog.errors["password2"].text()
    assert dialog.result() != SetupDialog.DialogCode.Accepted


def test_set_up_creates_station_and_head_then_opens_the_main_window(qtbot, tmp_path):
    path = tmp_path / "r.sqlite3"
    first = WelcomeWindow(path)
    qtbot.addWidget(first)
    assert first.setup_button.isVisibleTo(first)
    dialog = SetupDialog(path)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.save()
    assert dialog.credentials == ("李站长", "secret-1")
    session = Session.open(path)
    users.log_in(session, "李站长", "secret-1")
    assert session.station()["code"] == "XJ" and session.role == "head"
    session.close()
    first.open_full_window(dialog.credentials)
    qtbot.addWidget(first.next_window)
    assert "新集镇消费维权服务站" in first.next_window.windowTitle()


def test_a_county_office_is_chosen_at_set_up(qtbot, tmp_path):
    from station_app.services import exchange, station

    path = tmp_path / "county.sqlite3"
    dialog = SetupDialog(path)
    qtbot.addWidget(dialog)
    fill(dialog)
    dialog.county_mode.setChecked(True)
    dialog.save()
    assert dialog.credentials
    session = Session.open(path)
    users.log_in(session, *dialog.credentials)
    assert station.mode(session) == "county"
    assert exchange.county_private_key(session, create=False) is not None
    session.close()
