"""The complaint form on a 1366×768 laptop, in Chinese and English: the fields scroll, the buttons stay on
screen with every message shown, and a field's message goes as soon as the field is corrected."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from station_app.services import station
from station_app.services.session import Session
from station_app.ui.i18n import current_language, install_language
from tests.conftest import TODAY
from tests.ui.windows import STATION, open_window, type_into

SCREEN = QRect(0, 0, 1366, 768)


@pytest.fixture(params=["zh_CN", "en"])
def register(request, tmp_path):
    path = tmp_path / "register.sqlite3"
    s = Session.open(path)
    station.init_station(s, STATION, TODAY)
    station.set_language(s, request.param)
    s.close()
    yield path
    install_language("zh_CN")  # the next test's windows are Chinese again


def on_screen(widget, window) -> bool:
    """The whole widget is drawn inside the 1366×768 window (not cut off, not scrolled away)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    inside = SCREEN.contains(QRect(top_left, widget.size())) and window.rect().contains(QRect(top_left, widget.size()))
    return inside and widget.visibleRegion().boundingRect() == widget.rect()


def test_the_save_button_stays_on_screen_with_every_message_shown(qtbot, register):
    window = open_window(qtbot, register)
    window.open_form()
    form = window.form
    qtbot.waitExposed(window)
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)  # an empty form: every required field
    shown = [label for label in (form.ui.consumer_name_error, form.ui.facts_error, form.ui.nature_error)]
    assert all(label.isVisible() and label.text() for label in shown)
    qtbot.wait(10)
    assert window.size().height() <= 768 and window.size().width() <= 1366  # the messages did not grow it
    for button in (form.ui.save_button, form.ui.cancel_button, form.ui.clear_button):
        assert on_screen(button, window), button.objectName()
    content = form.scroll.widget()
    assert content.height() > form.scroll.viewport().height()  # the fields scroll instead
    assert not form.scroll.horizontalScrollBar().isVisible()  # and never sideways, in either language
    bar = form.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the last field, the buttons have not moved
    assert bar.maximum() > 0 and on_screen(form.ui.save_button, window)
    assert form.ui.consumer_name.visibleRegion().isEmpty()  # scrolled out of view at the end of the form
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)  # saved again from down there
    assert not form.ui.consumer_name.visibleRegion().isEmpty()  # the first field to correct comes into view
    if os.environ.get("STATION_SHOTS"):  # screenshots for a person to look at (not part of the check)
        window.grab().save(f"{os.environ['STATION_SHOTS']}/form-1366x768-{current_language()}.png")


def test_a_message_goes_as_soon_as_its_field_is_corrected(qtbot, register):
    window = open_window(qtbot, register)
    window.open_form()
    form = window.form
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    ui = form.ui
    assert ui.consumer_name_error.isVisible() and ui.consumer_phone_error.isVisible()
    type_into(ui.consumer_name, "张三")
    assert not ui.consumer_name_error.isVisible() and ui.consumer_phone_error.isVisible()  # only its own
    type_into(ui.facts, "冰箱不制冷")
    assert not ui.facts_error.isVisible()
    assert ui.nature_error.isVisible()
    ui.nature.setFocus()
    qtbot.keyClick(ui.nature, Qt.Key.Key_Down)  # picks the next entry, as the arrow key does
    assert ui.nature.currentIndex() == 1 and not ui.nature_error.isVisible()
    assert ui.category_error.isVisible() and ui.business_name_error.isVisible()
    qtbot.mouseClick(ui.save_button, Qt.MouseButton.LeftButton)  # still missing ones are said again
    assert ui.category_error.isVisible() and not ui.consumer_name_error.isVisible()
