"""Types into the complaint form without pausing, printing what is typed, until it is killed."""

from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from station_app.services.session import Session
from station_app.ui.complaint_form import ComplaintForm

TEXT = "消费者于二零二六年三月在该店购买冰箱一台使用一个月后出现不制冷问题要求退货商家以超过七天为由拒绝" * 5


def main() -> None:
    db_path, draft = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    session = Session.open(db_path)
    session.act_as("setup", "head")
    form = ComplaintForm(session, draft, lambda: date(2026, 11, 23))
    typed = ""
    for char in TEXT:
        typed += char
        form.ui.facts.setPlainText(typed)  # one keystroke
        app.processEvents()
        print(len(typed), flush=True)
        time.sleep(0.05)
    app.processEvents()


if __name__ == "__main__":
    main()
