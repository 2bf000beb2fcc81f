"""The step dialog shows why a ground does not hold, and takes it once the fact is stated (domain/grounds.py)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from station_app.services import complaint_views, complaints
from tests.conftest import TODAY, complaint_payload


def test_terminating_refuses_an_unmet_ground_inside_the_dialog(qtbot, session):
    from station_app.ui.workflow_dialog import StepDialog

    steps = [{"to": "accepted", "on": "2026-11-03"}]
    number = complaints.add_complaints(session, [complaint_payload(transitions=steps)], TODAY)[0]["number"]
    case = complaint_views.show(session, number, TODAY)
    dialog = StepDialog(session, case, "terminated", lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    ground, route = dialog.inputs["ground"], dialog.inputs["route"]
    ground.setCurrentIndex(ground.findData("t_time_limit"))
    route.setCurrentIndex(route.findData("court"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible()
    assert "调解期限（60日）到 2027-01-04 才届满，不能以“超过调解期限”终止" in dialog.message.text()
    ground.setCurrentIndex(ground.findData("t_withdrawn"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "撤回或和解" in dialog.message.text()
    dialog.inputs["note"].insert("投诉人电话撤回投诉")  # as an input method commits Chinese text
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert complaint_views.show(session, number, TODAY)["status"] == "terminated"
