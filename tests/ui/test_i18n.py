"""The English translation: complete, placeholders intact, and the windows really switch language."""

from __future__ import annotations

import re
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from station_app.services import station
from station_app.ui.i18n import install_language
from tests.conftest import TODAY
from tests.ui.windows import demo_register, open_window, searched

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


def ts_messages() -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(update_translations.TS_FILE).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name"), message.findtext("source"))] = message.find("translation")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_string_of_the_windows_is_in_the_ts_file_translated():
    """Red? Run `.venv/bin/python scripts/update_translations.py` and translate the new entries."""
    messages = ts_messages()
    wanted = {(ctx, src) for ctx, sources in update_translations.all_messages().items() for src in sources}
    assert sorted(wanted - set(messages)) == [], "strings missing from resources/i18n/station_app_en.ts"
    assert sorted(set(messages) - wanted) == [], "strings no longer used: run scripts/update_translations.py"
    unfinished = [src for (_, src), t in messages.items() if t is None or t.get("type") or not t.text]
    assert unfinished == []


def test_translations_keep_the_placeholders_and_leave_no_chinese():
    for (_context, source), translation in ts_messages().items():
        assert fields(translation.text) == fields(source), source
        if "/" not in translation.text or "Language" not in translation.text:
            assert not CJK.search(translation.text), source


@pytest.fixture
def english_register(qtbot, tmp_path):
    from station_app.services.session import Session

    path = demo_register(tmp_path, 40)
    session = Session.open(path)
    station.set_language(session, "en")
    session.close()
    yield path
    install_language("zh_CN")  # the next test's windows are Chinese again


def test_chinese_is_the_default(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 20))
    assert window.nav.item(0).text() == "工作台"
    assert window.register.ui.new_button.text() == "＋ 登记投诉"


def test_the_windows_speak_english_when_chosen(qtbot, english_register):
    window = open_window(qtbot, english_register)
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names[:3] == ["Workbench", "Complaints", "Consultations"]
    assert not any(CJK.search(name) for name in names)
    ui = window.register.ui
    assert ui.new_button.text() == "+ Register a complaint" and ui.overdue_filter.text() == "Overdue only"
    model = window.register.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Number", "Received", "Status"]
    form = window.form.ui
    assert form.save_button.text() == "Save (Ctrl+S)"
    assert not CJK.search(form.nature.itemText(1)) and not CJK.search(form.category.itemText(1))
    from station_app.ui.case_dialog import describe

    number = window.register.model.row_at(0)["number"] if window.register.model.rowCount() else None
    if number is None:
        window.nav.setCurrentRow(1)
        searched(qtbot, window.register)
        number = window.register.model.row_at(0)["number"]
    from station_app.services import complaint_views

    shown = describe(complaint_views.show(window.session, number, TODAY), window.session.catalogs)
    goods_line = next(line for line in shown.splitlines() if line.startswith("Goods or service"))
    assert not CJK.search(goods_line.split(":", 1)[1].split("  ", 1)[1])  # category and nature in English
    for code in ("stats", "exchange", "settings", "consultations"):  # every page builds in English
        window.show_code(code)
        assert window.pages.currentWidget().layout().itemAt(0).widget() is window.page(code)


def test_the_language_is_a_setting_of_the_register(qtbot, tmp_path):
    path = demo_register(tmp_path, 5)
    window = open_window(qtbot, path)
    try:
        settings = window.settings
        settings.language.setCurrentIndex(settings.language.findData("en"))
        assert station.language(window.session) == "en"
        second = open_window(qtbot, path)
        assert second.nav.item(0).text() == "Workbench"
    finally:
        install_language("zh_CN")
