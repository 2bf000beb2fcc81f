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
