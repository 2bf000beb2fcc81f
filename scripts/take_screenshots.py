"""Retake the README's screenshots (docs/screenshots/), in Chinese and in English, at 1366×768 — the usual screen
of a station PC — on a fresh demo register:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/take_screenshots.py

Each picture is looked at before it goes into the README (nothing clipped, no codes or field names showing).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

TODAY = date(2026, 11, 23)
OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, window) -> QWidget | None:
    """The 调解结案 step of the first case being mediated, as the clerk opens it from the register."""
    register = window.register
    for row in range(register.model.rowCount()):
        case = register.model.row_at(row)
        if case["status"] == "mediating":
            register.select_number(case["number"])
            return register.start_step("settled")
    return None


def shoot(language: str) -> list[Path]:
    from station_app.services import demo, station
    from station_app.services.session import Session
    from station_app.ui.main_window import create_main_window

    folder = Path(tempfile.mkdtemp(prefix="station-shots-"))
    path = folder / "register.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, 300, TODAY)
    session.act_as("setup", "head")
    station.set_language(session, language)
    session.close()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_main_window(path, today=lambda: TODAY)
    window.resize(1366, 768)
    window.show()
    suffix = "" if language == "zh_CN" else "-en"
    written = []

    def settle_events() -> None:
        for _ in range(30):
            app.processEvents()

    def grab(widget: QWidget, name: str) -> None:
        settle_events()
        target = OUT / f"{name}{suffix}.png"
        widget.grab().save(str(target))
        written.append(target)

    def searched() -> None:
        """The register's search runs in a worker thread: its rows are on screen once it has answered."""
        while window.register.model.searching:
            app.processEvents()
            time.sleep(0.01)

    for code, name in (("workbench", "workbench"), ("complaints", "register"), ("outreach", "outreach")):
        window.show_code(code)
        if code == "complaints":
            searched()
        grab(window, name)
    window.show_code("stats")
    window.page("stats").run()
    job = window.page("stats").job
    while job is not None and job.running():
        app.processEvents()
    grab(window, "stats")
    window.show_code("exchange")
    grab(window, "exchange")
    window.open_form()
    window.form.ui.save_button.click()  # an empty form: every message shown, the buttons still on screen
    grab(window, "complaint_form")
    window.form.closed.emit()
    window.show_code("complaints")
    searched()
    settle_events()
    dialog = settle(app, window)
    if dialog is not None:
        grab(dialog, "settle_dialog")
        dialog.reject()
    register = window.register
    register.select_number(register.model.row_at(0)["number"])
    preview = register.preview("receipt")
    if preview is not None:
        preview.resize(900, 700)
        for _ in range(60):  # QtPdf renders its pages in the background
            app.processEvents()
            time.sleep(0.03)
        grab(preview, "print_preview")
        preview.close()
    window.close()
    return written


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from station_app.ui.i18n import install_language

    for language in ("zh_CN", "en"):
        install_language(language)
        for path in shoot(language):
            print(path.relative_to(ROOT))
