"""Drafts typed into a form survive a kill: the process is killed while someone types without a pause."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

from station_app.services import demo
from station_app.services.session import Session
from tests.trust.draft_worker import TEXT

ROOT = Path(__file__).resolve().parents[2]


def test_typing_survives_a_kill(tmp_path):
    db = tmp_path / "r.sqlite3"
    s = Session.open(db)
    demo.build_demo(s, 5, date(2026, 11, 23))
    s.close()
    draft = tmp_path / "drafts" / "complaint_form.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for kill_after in (4.5, 7.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.trust.draft_worker", str(db), str(draft)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=ROOT,
            env=env,
        )
        lines: list[str] = []
        reader = threading.Thread(target=lines.extend, args=(proc.stdout,), daemon=True)
        reader.start()
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join(timeout=5)
        typed = int(lines[-1]) if lines else 0
        assert typed > 40, "the worker typed"
        facts = json.loads(draft.read_text(encoding="utf-8"))["facts"]
        assert TEXT.startswith(facts)
        # At most the last few seconds of typing are lost (a draft at least every 3 s while typing).
        assert len(facts) >= typed - 90, (len(facts), typed)
