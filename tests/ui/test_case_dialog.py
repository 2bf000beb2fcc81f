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
    assert "调解期限：2027-01-04" in dialog.text.toPlainText()  # Sat 2 Jan moved to Mon 4 Jan (民法典 Art. 203 ¶1)
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


def test_the_calculator_fills_refund_plus_compensation_into_recovered(qtbot, session):
    """Clicked through: 退一赔三 on a 1,550 元 fridge is 1,550 + 4,650 = 6,200 元 recovered, 4,650 元 punitive."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

    from station_app.services import complaint_views
    from station_app.ui.workflow_dialog import CalculatorDialog, StepDialog

    number = complaints.add_complaints(
        session, [complaint_payload(amount_yuan="1550.00", transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    step = StepDialog(session, complaint_views.show(session, number, TODAY), "settled", lambda: TODAY)
    qtbot.addWidget(step)
    step.show()
    seen = {}

    def work_the_calculator():
        calc = QApplication.activeModalWidget()
        assert isinstance(calc, CalculatorDialog)
        assert calc.price.text() == "1550.00" and calc.refund.text() == "1550.00"  # the price is refunded
        compute = next(b for b in calc.findChildren(QPushButton) if b.text() == "计算")
        qtbot.mouseClick(compute, Qt.MouseButton.LeftButton)
        seen.update(refund=calc.refund_shown.text(), punitive=calc.punitive_shown.text(), total=calc.total_shown.text())
        ok = calc.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok"] = ok.text()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, work_the_calculator)
    qtbot.mouseClick(step.calculator_button, Qt.MouseButton.LeftButton)
    assert seen == {
        "refund": "1,550.00 元",
        "punitive": "4,650.00 元",
        "total": "6,200.00 元",
        "ok": "填入挽回经济损失和加倍赔偿",
    }
    assert step.value("recovered_yuan") == "6200.00" and step.value("punitive_yuan") == "4650.00"
    step.set_value("method", "mediation")
    qtbot.mouseClick(step.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    case = complaint_views.show(session, number, TODAY)
    assert (case["recovered_fen"], case["punitive_fen"]) == (620000, 465000)
    from station_app.services import case_log

    assert "调解结案：挽回 6,200.00 元，其中加倍赔偿 4,650.00 元" in case_log.history_lines(case, session.catalogs)[-1]


def test_a_repair_instead_of_a_refund_is_typed_over(qtbot):
    from station_app.ui.workflow_dialog import CalculatorDialog

    calc = CalculatorDialog(20000)
    qtbot.addWidget(calc)
    calc.refund.setText("")
    qtbot.keyClicks(calc.refund, "80")
    assert calc.compute() and calc.result_yuan == "600.00" and calc.total_yuan == "680.00"  # 80 + 3 × 200
    assert calc.total_shown.text() == "680.00 元" and calc.refund_shown.text() == "80.00 元"
    calc.refund.setText("八十")
    assert not calc.compute() and calc.total_yuan == "" and "金额" in calc.explain.text()


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


def test_the_case_page_reads_as_a_clerks_log_without_internals(qtbot, session):
    import re

    from tests.services.test_case_log import INTERNALS, settled_case

    number = settled_case(session)["number"]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "适用 《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）" in text
    assert "  2026-11-03 受理（李站长）" in text.splitlines()
    assert "调解结案：挽回 6,200.00 元，其中加倍赔偿 4,650.00 元" in text
    log = text.split("办理过程：", 1)[1]  # the header above carries the consumer's phone, a long number by right
    assert not INTERNALS.search(log), INTERNALS.search(log)
    assert "order121" not in text
    assert not re.search(r"\d{4}-\d\d-\d\dT", text)  # times read as "2026-11-23 09:30", not ISO stamps


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


def test_the_termination_notice_is_recorded_from_the_case_page(qtbot, session):
    """Order 20 Art. 21 ¶2 (docs/legal-basis.md §2.5): both parties are told within 7 working days of a
    termination. The case page offers 登记已告知终止 only while that is not recorded; clicked, it asks the day and
    the way, refuses a day before the termination, and afterwards the log says it and the workbench drops it."""
    from PySide6.QtCore import QDate, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from station_app.services import complaint_views
    from station_app.ui.notice_dialog import NoticeDialog

    steps = [
        {"to": "accepted", "on": "2026-11-09"},
        {"to": "mediating", "on": "2026-11-10", "mediator": "王调解"},
        {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
    ]
    number = complaints.add_complaints(
        session, [complaint_payload(received_on="2026-11-06", transitions=steps)], TODAY
    )[0]["number"]
    assert number in [n["number"] for n in complaint_views.notices_due(session, TODAY)]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.buttons["notice"]
    assert button.isVisible() and button.text() == "登记已告知终止…"
    assert "告知终止期限：2026-11-23" in dialog.text.toPlainText()
    seen = {}

    def answer_like_a_clerk():
        asked = QApplication.activeModalWidget()
        assert isinstance(asked, NoticeDialog)
        seen["default"] = asked.on.date().toString("yyyy-MM-dd")
        seen["range"] = (asked.on.minimumDate().toString("yyyy-MM-dd"), asked.on.maximumDate().toString("yyyy-MM-dd"))
        seen["ways"] = [asked.way.itemText(i) for i in range(asked.way.count())]
        asked.on.setDate(QDate(2026, 11, 20))
        asked.way.setCurrentIndex(asked.way.findData("phone"))
        asked.note.insert("双方均已接听")  # typed through the input method (QTest cannot key Chinese)
        qtbot.mouseClick(asked.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer_like_a_clerk)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == {
        "default": "2026-11-23",
        "range": ("2026-11-12", "2026-11-23"),  # not before the termination, not in the future
        "ways": ["电话", "书面", "短信", "当面"],
    }
    text = dialog.text.toPlainText()
    assert "2026-11-20 已告知双方终止调解：电话告知；双方均已接听（" in text
    assert "告知终止：已于 2026-11-20 告知双方" in text
    assert "登记已告知终止调解" in text  # the audit trail, in words
    assert not button.isVisible() and dialog.message.text() == "已登记告知终止调解"
    assert complaint_views.notices_due(session, TODAY) == []


def test_the_notice_button_is_absent_unless_a_termination_awaits_its_notice(qtbot, session):
    number = complaints.add_complaints(
        session, [complaint_payload(transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.buttons["notice"].isVisible()


def test_the_notice_dialog_shows_the_services_refusal(qtbot, session):
    """A notice already recorded elsewhere (the CLI) while the dialog was open is refused inside the dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from station_app.services import complaint_views
    from station_app.ui.notice_dialog import NoticeDialog

    steps = [
        {"to": "accepted", "on": "2026-11-09"},
        {"to": "mediating", "on": "2026-11-10", "mediator": "王调解"},
        {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
    ]
    number = complaints.add_complaints(
        session, [complaint_payload(received_on="2026-11-06", transitions=steps)], TODAY
    )[0]["number"]
    asked = NoticeDialog(session, complaint_views.show(session, number, TODAY), lambda: TODAY)
    qtbot.addWidget(asked)
    asked.show()
    complaints.record_notice(session, number, TODAY, TODAY)
    qtbot.mouseClick(asked.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert asked.message.isVisible() and "已记录过" in asked.message.text()


def test_the_entrusted_mediation_is_set_from_the_case_page(qtbot, session, monkeypatch):
    """Order 20 Art. 17 (docs/legal-basis.md §2.1): clicked, 受市场监管部门委托调解 asks the office's name, proposing
    the county's office; answered, the page says it; answered with nothing, the flag is withdrawn."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QInputDialog

    number = complaints.add_complaints(
        session, [complaint_payload(transitions=[{"to": "accepted", "on": "2026-11-03"}])], TODAY
    )[0]["number"]
    dialog = CaseDialog(session, number, lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.buttons["entrust"]
    assert button.isVisible() and button.isEnabled()
    asked = []
    answers = iter([("示例县市场监督管理局", True), ("", True)])

    def answer(parent, title, label, *args, **kwargs):
        asked.append(kwargs.get("text"))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = dialog.text.toPlainText()
    assert asked == ["示例县市场监督管理局"]  # the station's county office, proposed
    assert "受示例县市场监督管理局委托调解（2026-11-23 起）" in text
    assert "受市场监管部门委托调解：委托单位 示例县市场监督管理局" in text  # the case log
    assert dialog.message.text() == "已登记委托调解"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked[-1] == "示例县市场监督管理局" and dialog.message.text() == "已取消委托调解"
    assert "委托调解（2026-11-23 起）" not in dialog.text.toPlainText()
