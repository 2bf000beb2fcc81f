"""The case page: deadlines and history, pause/resume/extend the mediation clock, follow-up visit."""

from datetime import date

from station_app.services import complaints
from station_app.ui.case_dialog import CaseDialog
from tests.conftest import complaint_payload

TODAY = date(2026, 11, 23)


def test_clock_actions_and_followup(qtbot, session):
    number = complaints.add_complaints(
        session, [complaint_payload(transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    assert "调解期限：2027-01-02" in dialog.text.toPlainText()
    assert dialog.pause("送检测")
    assert "暂停" in dialog.text.toPlainText() and dialog.buttons["resume"].isEnabled()
    assert dialog.resume() and dialog.extend(5, "双方同意")
    text = dialog.text.toPlainText()
    assert "暂停计时" in text and "恢复计时" in text and "延长时限" in text
    assert not dialog.buttons["followup"].isEnabled()
    complaints.transition(session, number, "settled", {"method": "mediation", "recovered_yuan": "100"}, TODAY)
    dialog.refresh()
    assert dialog.followup("satisfied", "满意") and "回访" in dialog.text.toPlainText()


def test_settlement_calculator_fills_the_punitive_amount(qtbot, session):
    from station_app.ui.workflow_dialog import CalculatorDialog, StepDialog

    number = complaints.add_complaints(
        session, [complaint_payload(amount_yuan="99.00", transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    from station_app.services import complaint_views

    case = complaint_views.show(session, number, TODAY)
    step = StepDialog(session, case, "settled", lambda: TODAY)
    qtbot.addWidget(step)
    calc = CalculatorDialog(case["amount_fen"], step)
    qtbot.addWidget(calc)
    assert calc.price.text() == "99.00"
    assert calc.compute() and calc.result_yuan == "500.00" and "法定最低额" in calc.explain.text()
    calc.price.setText("abc")
    assert not calc.compute() and "价款" in calc.explain.text()


def test_evidence_is_attached_shown_as_a_thumbnail_opened_and_detached(qtbot, session, tmp_path, monkeypatch):
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QDesktopServices, QImage

    number = complaints.add_complaints(session, [complaint_payload()], TODAY)[0]["number"]
    photo = tmp_path / "发票.png"
    image = QImage(QSize(1200, 800), QImage.Format.Format_RGB32)
    image.fill(QColor("#3b6ea5"))
    assert image.save(str(photo))
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    panel = dialog.evidence
    assert panel.list.count() == 0 and not panel.open_button.isEnabled()
    assert panel.add([str(photo)], "发票") == 1
    item = panel.list.item(0)
    assert "发票" in item.text() and not item.icon().isNull()
    assert item.icon().actualSize(QSize(96, 96)).width() <= 96  # a thumbnail, not the photo
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    panel.list.setCurrentRow(0)
    assert panel.open_item(panel.list.currentItem()) and opened[0].endswith(".png")
    assert panel.remove("传错了") and panel.list.count() == 0
    (tmp_path / "note.txt").write_text("x")
    assert panel.add([str(tmp_path / "note.txt")], "其他") == 0 and "图片或 PDF" in panel.message.text()


def test_step_dialogs_star_exactly_the_fields_the_workflow_requires(qtbot, session):
    from PySide6.QtWidgets import QFormLayout

    from station_app.domain import workflow
    from station_app.services import complaint_views
    from station_app.ui.workflow_dialog import StepDialog

    number = complaints.add_complaints(session, [complaint_payload()], TODAY)[0]["number"]
    case = complaint_views.show(session, number, TODAY)
    shown = {}
    for target in workflow.REQUIRED_FIELDS:
        step = StepDialog(session, case, target, lambda: TODAY)
        qtbot.addWidget(step)
        form = step.findChild(QFormLayout)
        labels = {key: form.labelForField(widget.parentWidget()).text() for key, widget in step.inputs.items()}
        assert set(workflow.REQUIRED_FIELDS[target]) <= set(labels)  # every required field has an input
        assert {key for key, text in labels.items() if text.endswith("*")} == set(workflow.REQUIRED_FIELDS[target])
        shown.update({(target, key): text for key, text in labels.items()})
    assert shown[("not_accepted", "ground")] == "不予受理理由 *"  # as the windows always showed them
    assert shown[("settled", "recovered_yuan")] == "挽回经济损失（元）*"
    assert shown[("settled", "punitive_yuan")] == "其中加倍赔偿（元）"


def test_the_clock_and_followup_buttons_clicked_ask_their_questions(qtbot, session, monkeypatch):
    """Clicked, not called: clicked(bool) used to arrive as the reason (False) and the question was never asked."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    number = complaints.add_complaints(
        session, [complaint_payload(transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda _p, title, *a, **k: (asked.append(title) or "送检测", True))
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (5, True))
    qtbot.mouseClick(dialog.buttons["pause"], Qt.MouseButton.LeftButton)
    assert asked == ["暂停计时"] and "送检测" in dialog.text.toPlainText()
    qtbot.mouseClick(dialog.buttons["resume"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons["extend"], Qt.MouseButton.LeftButton)
    assert asked == ["暂停计时", "延长时限"] and "已延长 5 天" in dialog.message.text()
    complaints.transition(session, number, "settled", {"method": "mediation", "recovered_yuan": "100"}, TODAY)
    dialog.refresh()
    monkeypatch.setattr(QInputDialog, "getItem", lambda _p, _t, _l, items, *a, **k: (items[0], True))
    qtbot.mouseClick(dialog.buttons["followup"], Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "已记录回访"
