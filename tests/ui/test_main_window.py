"""The main window driven like a station clerk would: real widgets, offscreen, on a register file."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from station_app.services import complaint_views, complaints, demo
from station_app.services.session import Session
from station_app.services.station import init_station
from station_app.store.complaints import ComplaintFilter
from station_app.ui.main_window import create_main_window
from tests.conftest import TODAY, complaint_payload
from tests.ui.windows import STATION, demo_register, open_window, searched, type_into


@pytest.fixture
def register(tmp_path):
    path = tmp_path / "register.sqlite3"
    s = Session.open(path)
    init_station(s, STATION, TODAY)
    s.close()
    return path


def type_complaint(qtbot, form, *, id_number: str = "") -> None:
    ui = form.ui
    type_into(ui.consumer_name, "张三")
    qtbot.keyClicks(ui.consumer_phone, "13800138000")
    if id_number:
        qtbot.keyClicks(ui.consumer_id_number, id_number)
    type_into(ui.business_name, "新集镇华联超市")
    type_into(ui.subject, "海尔冰箱 BCD-216")
    ui.category.setCurrentIndex(ui.category.findData("G01"))
    ui.nature.setCurrentIndex(ui.nature.findData("quality"))
    qtbot.keyClicks(ui.amount_yuan, "1550.00")
    type_into(ui.facts, "购买冰箱一台，使用一个月后不制冷，商家拒绝退货。")
    type_into(ui.request, "要求退货退款")


def finish_step(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_type_save_accept_settle_and_see_it_in_the_register(qtbot, register):
    window = open_window(qtbot, register)
    assert window.nav.count() == 9
    assert "新集镇消费维权服务站" in window.station_label.text()
    window.workbench.new_complaint.emit()
    form = window.form
    assert form.isVisible()
    type_complaint(qtbot, form)
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    page = window.register
    assert page.isVisible()
    searched(qtbot, page)
    assert page.model.total == 1
    assert page.selected_number() == "XJ-2026-0001"
    assert window.workbench.this_month.value.text() == "1"
    assert form.ui.consumer_name.text() == ""  # a fresh form for the next consumer

    dialog = page.start_step("accepted")
    assert dialog is not None and set(dialog.inputs) == {"on", "note"}
    finish_step(qtbot, dialog)
    searched(qtbot, page)
    assert page.model.row_at(0)["status"] == "accepted"

    dialog = page.start_step("settled")
    assert set(dialog.inputs) == {"on", "method", "recovered_yuan", "punitive_yuan", "agreement", "note"}
    finish_step(qtbot, dialog)  # nothing filled in: the rules say what is missing, next to the field
    assert dialog.isVisible()
    assert dialog.errors["method"].isVisible() and dialog.errors["recovered_yuan"].text()
    dialog.set_value("method", "mediation")
    qtbot.keyClicks(dialog.inputs["recovered_yuan"], "1550")
    finish_step(qtbot, dialog)
    assert not dialog.isVisible()
    searched(qtbot, page)

    row = page.model.row_at(page.model.row_of("XJ-2026-0001"))
    assert row["status_label"] == "调解结案"
    assert page.selected_number() == "XJ-2026-0001"
    case = complaint_views.show(window.session, "XJ-2026-0001", TODAY)
    assert (case["status"], case["method"], case["recovered_fen"]) == ("settled", "mediation", 155000)
    assert not page.ui.accept_button.isEnabled()  # a closed case offers no further step


def test_a_refused_step_is_shown_as_a_message(qtbot, register, monkeypatch):
    window = open_window(qtbot, register)
    complaints.add_complaints(window.session, [complaint_payload()], TODAY)
    page = window.register
    page.refresh(select="XJ-2026-0001")
    searched(qtbot, page)
    said = []
    monkeypatch.setattr(page, "warn", said.append)
    assert page.start_step("settled") is None  # registered → settled skips acceptance
    assert "不能从已登记" in said[0]


def test_a_wrong_id_number_is_shown_next_to_the_field_and_nothing_typed_is_lost(qtbot, register):
    window = open_window(qtbot, register)
    window.open_form()
    form = window.form
    type_complaint(qtbot, form, id_number="110101199003071234")
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    error = form.ui.consumer_id_number_error
    assert error.isVisible()
    assert "校验" in error.text() or "身份" in error.text()
    assert not form.ui.consumer_phone_error.isVisible()
    assert form.ui.consumer_id_number.text() == "110101199003071234"
    assert form.ui.consumer_name.text() == "张三"
    assert form.ui.facts.toPlainText().startswith("购买冰箱")
    assert form.ui.category.currentData() == "G01"
    assert window.register.model.total == 0
    form.ui.consumer_id_number.clear()
    qtbot.mouseClick(form.ui.save_button, Qt.MouseButton.LeftButton)
    searched(qtbot, window.register)
    assert window.register.model.total == 1


def test_a_duplicate_is_saved_and_flagged(qtbot, register):
    window = open_window(qtbot, register)
    complaints.add_complaints(window.session, [complaint_payload()], TODAY)
    window.open_form()
    type_complaint(qtbot, window.form)
    qtbot.mouseClick(window.form.ui.save_button, Qt.MouseButton.LeftButton)
    warning = window.form.ui.duplicate_warning
    assert warning.isVisible() and "XJ-2026-0001" in warning.text()
    searched(qtbot, window.register)
    assert window.register.model.total == 2


def test_a_likely_duplicate_is_shown_before_saving(qtbot, register):
    window = open_window(qtbot, register)
    complaints.add_complaints(window.session, [complaint_payload()], TODAY)
    window.open_form()
    type_complaint(qtbot, window.form)
    ui = window.form.ui
    ui.business_name.editingFinished.emit()  # the clerk tabs out of the business field
    assert ui.duplicate_warning.isVisible() and "XJ-2026-0001" in ui.duplicate_warning.text()
    assert complaint_views.list_complaints(window.session, ComplaintFilter(), TODAY)["total"] == 1  # not saved
    ui.consumer_phone.setText("13900139000")  # another consumer: no warning
    ui.consumer_phone.editingFinished.emit()
    assert not ui.duplicate_warning.isVisible()


def test_the_draft_survives_a_crash(qtbot, register):
    window = open_window(qtbot, register)
    window.open_form()
    type_into(window.form.ui.consumer_name, "李四")
    type_into(window.form.ui.facts, "买的电动车刹车失灵")
    invoice, gone = register.parent / "发票.jpg", register.parent / "已删除.jpg"
    invoice.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    gone.write_bytes(b"\xff\xd8\xff\xe0 another")
    window.form.choose_evidence([str(invoice), str(gone)])  # chosen, not yet saved with the case
    draft = register.parent / "drafts" / "complaint_form.json"
    qtbot.waitUntil(lambda: draft.exists() and "发票.jpg" in draft.read_text(encoding="utf-8"), timeout=5000)
    gone.unlink()  # moved away before the window comes back
    # The process dies here (no close event): a new window finds the draft and shows it.
    again = open_window(qtbot, register)
    assert again.form.isVisible()
    assert again.form.ui.consumer_name.text() == "李四"
    assert again.form.ui.facts.toPlainText() == "买的电动车刹车失灵"
    assert "草稿" in again.form.ui.draft_note.text()
    assert again.form.pending_evidence == [str(invoice)] and "发票.jpg" in again.form.evidence_note.text()
    again.form.ui.clear_button.click()
    assert not draft.exists()


def test_search_by_two_characters_and_by_pinyin_initials(qtbot, register):
    s = Session.open(register)
    demo.build_demo(s, 60, TODAY)
    complaints.add_complaints(s, [complaint_payload()], TODAY)
    s.close()
    window = open_window(qtbot, register)
    window.nav.setCurrentRow(1)
    page = window.register
    searched(qtbot, page)
    total = page.model.total
    for text in ("张三", "zs"):
        page.ui.search.clear()
        type_into(page.ui.search, text)
        # the debounced search ran, in its worker
        qtbot.waitUntil(lambda: page.model.total < total and not page.model.searching, timeout=3000)
        names = {page.model.row_at(i)["consumer_name"] for i in range(page.model.rowCount())}
        assert "张三" in names, text
        if text == "张三":
            assert names == {"张三"}


def test_the_register_reads_pages_as_it_scrolls_and_sorts_in_the_register(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 2000))
    window.nav.setCurrentRow(1)
    model = window.register.model
    searched(qtbot, window.register)
    assert model.total == 2000
    assert model.rowCount() < 2000
    assert model.pages_read <= 2
    assert "2000" in window.register.ui.count_label.text()
    window.register.ui.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > model.page_size, timeout=3000)
    assert model.rowCount() < 2000
    oldest = min(r["received_on"] for r in model.rows)
    window.register.ui.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    searched(qtbot, window.register)
    assert model.rowCount() < 2000
    assert model.row_at(0)["received_on"] <= oldest  # the oldest of the whole register, not of the rows read
    everything = complaint_views.list_complaints(window.session, model.filter, TODAY, limit=None)["items"]
    assert model.row_at(0)["received_on"] == min(r["received_on"] for r in everything)


def test_overdue_filter_from_the_workbench(qtbot, tmp_path):
    window = open_window(qtbot, demo_register(tmp_path, 200))
    window.workbench.show_overdue.emit()
    page = window.register
    assert page.isVisible()
    searched(qtbot, page)
    assert page.model.total == int(window.workbench.overdue.value.text())
    assert all(page.model.row_at(i)["overdue"] for i in range(page.model.rowCount()))


def test_create_main_window_needs_an_initialised_register(qtbot, tmp_path):
    from station_app.domain.errors import RuleViolation

    with pytest.raises(RuleViolation):
        create_main_window(tmp_path / "empty.sqlite3", today=lambda: date(2026, 11, 23))


def test_evidence_chosen_in_the_form_is_attached_when_saved(qtbot, register, tmp_path):
    from station_app.services import evidence

    photo = tmp_path / "三包凭证.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    window = open_window(qtbot, register)
    window.open_form()
    type_complaint(qtbot, window.form)
    window.form.choose_evidence([str(photo)])
    assert "三包凭证.jpg" in window.form.evidence_note.text()
    qtbot.mouseClick(window.form.ui.save_button, Qt.MouseButton.LeftButton)
    rows = evidence.list_for(window.session, "XJ-2026-0001")
    assert [r["file_name"] for r in rows] == ["三包凭证.jpg"] and window.form.pending_evidence == []


def test_the_draft_is_private_and_kept_only_as_long_as_needed(qtbot, register):
    """The crash draft holds a name, a phone and an ID number: readable by its owner only (whatever the umask), gone
    once the form is emptied, saved or discarded, and erased when nobody came back to it for two weeks."""
    import os
    import stat
    import time
    from datetime import timedelta

    from PySide6.QtCore import Qt

    old_umask = os.umask(0o022)  # as if the program's own 077 were not in force
    try:
        window = open_window(qtbot, register)
        window.open_form()
        draft = register.parent / "drafts" / "complaint_form.json"
        type_into(window.form.ui.consumer_name, "李四")
        qtbot.waitUntil(draft.exists, timeout=5000)
        assert stat.S_IMODE(draft.stat().st_mode) == 0o600
        window.form.ui.consumer_name.selectAll()
        qtbot.keyClick(window.form.ui.consumer_name, Qt.Key.Key_Delete)  # typed away again: nothing to keep
        qtbot.waitUntil(lambda: not draft.exists(), timeout=5000)
        type_into(window.form.ui.consumer_name, "王五")
        qtbot.waitUntil(draft.exists, timeout=5000)
    finally:
        os.umask(old_umask)
    # Written fifteen days before the window's today (the form's clock, not the machine's).
    written = time.mktime((TODAY - timedelta(days=15)).timetuple())
    os.utime(draft, (written, written))
    again = open_window(qtbot, register)
    again.open_form()
    assert again.form.ui.consumer_name.text() == "" and not draft.exists()
