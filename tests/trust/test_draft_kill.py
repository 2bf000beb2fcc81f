"""Drafts typed into a form survive a kill: the process is killed while someone types without a pause."""

import json
from datetime import date
from pathlib import Path

from station_app.services import demo
from station_app.services.session import Session
from tests.trust.draft_worker import TEXT
from tests.trust.kill_harness import run_and_kill

ROOT = Path(__file__).resolve().parents[2]


def test_typing_survives_a_kill(tmp_path):
    db = tmp_path / "r.sqlite3"
    s = Session.open(db)
    demo.build_demo(s, 5, date(2026, 11, 23))
    s.close()
    draft = tmp_path / "drafts" / "complaint_form.json"
    for kill_after in (4.5, 7.0):
        lines = run_and_kill(
            "tests.trust.draft_worker", [str(db), str(draft)], kill_after, {"QT_QPA_PLATFORM": "offscreen"}
        )
        typed = int(lines[-1]) if lines else 0
        assert typed > 40, "the worker typed"
        facts = json.loads(draft.read_text(encoding="utf-8"))["facts"]
        assert TEXT.startswith(facts)
        # At most the last few seconds of typing are lost (a draft at least every 3 s while typing).
        assert len(facts) >= typed - 90, (len(facts), typed)
