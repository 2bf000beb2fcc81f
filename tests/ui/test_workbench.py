"""The workbench: what it paints first, and what it must not load before that (start-up time)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from station_app.ui import month_chart

ROOT = Path(__file__).resolve().parents[2]


def test_the_charts_alignment_constants_are_qts():
    flag = Qt.AlignmentFlag
    ours = (month_chart.ALIGN_TOP, month_chart.ALIGN_BOTTOM, month_chart.ALIGN_H_CENTER, month_chart.ALIGN_V_CENTER)
    assert ours == (flag.AlignTop.value, flag.AlignBottom.value, flag.AlignHCenter.value, flag.AlignVCenter.value)


def test_the_window_paints_the_workbench_before_loading_the_rest(tmp_path):
    """sqlite-utils (80 ms of imports), the register page and the form are loaded when first needed, not
    before the first paint (issue "The desktop app": start-up within 2× a bare window)."""
    path = tmp_path / "r.sqlite3"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "station_app.cli",
            "--db",
            str(path),
            "--today",
            "2026-11-23",
            "demo",
            "--complaints",
            "30",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    script = f"""
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from station_app.ui.main_window import create_main_window
w = create_main_window(Path({str(path)!r})); w.show(); app.processEvents()
later = ("sqlite_utils", "station_app.ui.register_page", "station_app.ui.complaint_form")
loaded = [m for m in later if m in sys.modules]
print(json.dumps({{"loaded": loaded, "overdue": w.workbench.overdue.value.text()}}))
w.register  # the register page made on first use, and sqlite-utils with it when asked for
"""
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["loaded"] == [] and report["overdue"].isdigit()


def test_a_termination_not_yet_told_is_on_the_workbench_until_recorded(qtbot, session):
    """Order 20 Art. 21 ¶2: both parties are told within 7 working days of a termination; the workbench lists the
    ones not yet told beside the overdue cases, and drops each once the notice is recorded."""
    from station_app.services import complaints
    from station_app.ui.workbench import Workbench
    from tests.conftest import TODAY, complaint_payload

    steps = [
        {"to": "accepted", "on": "2026-11-09"},
        {"to": "mediating", "on": "2026-11-10", "mediator": "王调解"},
        {"to": "terminated", "on": "2026-11-12", "ground": "t_no_agreement", "route": "court"},
    ]
    number = complaints.add_complaints(
        session, [complaint_payload(received_on="2026-11-06", transitions=steps)], TODAY
    )[0]["number"]
    page = Workbench(session, lambda: TODAY)
    qtbot.addWidget(page)
    rows = {page.table.item(r, 0).text(): page.table.item(r, 4).text() for r in range(page.table.rowCount())}
    assert number in rows and rows[number].startswith("告知终止 2026-11-")
    complaints.record_notice(session, number, TODAY, TODAY)
    page.refresh()
    assert number not in {page.table.item(r, 0).text() for r in range(page.table.rowCount())}


def test_an_untold_termination_past_its_seven_days_counts_in_the_overdue_figure(qtbot, session):
    """Order 20 Art. 21 ¶2 (docs/legal-basis.md §2.5): terminated on 11-05, the parties were to be told by 11-16;
    on 11-23 the workbench's 已超期 figure counts it beside the open cases, until the notice is recorded."""
    from station_app.services import complaints
    from station_app.ui.workbench import Workbench
    from tests.conftest import TODAY, complaint_payload

    steps = [
        {"to": "accepted", "on": "2026-11-03"},
        {"to": "mediating", "on": "2026-11-03", "mediator": "王调解"},
        {"to": "terminated", "on": "2026-11-05", "ground": "t_no_agreement", "route": "court"},
    ]
    number = complaints.add_complaints(session, [complaint_payload(transitions=steps)], TODAY)[0]["number"]
    page = Workbench(session, lambda: TODAY)
    qtbot.addWidget(page)
    assert page.overdue.value.text() == "1"
    rows = {page.table.item(r, 0).text(): page.table.item(r, 4).text() for r in range(page.table.rowCount())}
    assert rows[number] == "告知终止 2026-11-16 前 已超期"
    complaints.record_notice(session, number, TODAY, TODAY, way="letter")
    page.refresh()
    assert page.overdue.value.text() == "0"
