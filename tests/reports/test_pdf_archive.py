"""Every document type the program prints is archive-grade: PDF/A-1b as Apache PDFBox Preflight (Debian's
libpdfbox2-java, installed by `setup.sh test`) judges it (issue 19)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from station_app.services import demo, printing
from tests.conftest import TODAY

JARS = ("preflight", "pdfbox2", "xmpbox", "fontbox2", "commons-logging", "javax.activation", "jaxb-api")


def _classpath() -> str:
    paths = [Path("/usr/share/java") / f"{name}.jar" for name in JARS]
    if shutil.which("java") is None or not all(p.exists() for p in paths):
        pytest.skip("PDFBox Preflight is installed by `bash scripts/setup.sh test` (as root)")
    return ":".join(map(str, paths))


def preflight(pdf: Path) -> str:
    """PDFBox's verdict on ``pdf`` as PDF/A-1b (its whole report)."""
    command = ["java", "-cp", _classpath(), "org.apache.pdfbox.preflight.Validator_A1b", str(pdf)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).stdout


def _case(session, statuses: tuple[str, ...]) -> str:
    marks = ", ".join("?" for _ in statuses)
    row = session.db.execute(
        f"SELECT number FROM complaints WHERE status IN ({marks}) AND deleted_at IS NULL ORDER BY pk LIMIT 1", statuses
    ).fetchone()
    return row[0]


def test_every_document_type_is_pdf_a_1b(session, tmp_path):
    _classpath()
    demo.build_demo(session, 300, TODAY)  # every state a document needs (the demo of the first run)
    followed = session.db.execute("SELECT c.number FROM followups f JOIN complaints c ON c.id = f.complaint_id LIMIT 1")
    wanted = {
        "receipt": _case(session, ("registered",)),
        "registration": _case(session, ("settled",)),
        "agreement": _case(session, ("settled",)),
        "not-accepted": _case(session, ("not_accepted",)),
        "termination": _case(session, ("terminated",)),
    }
    row = followed.fetchone()
    if row:
        wanted["followup"] = row[0]
    made = [
        printing.print_case(session, action, ref, tmp_path / f"{action}.pdf", TODAY)[0]
        for action, ref in wanted.items()
    ]
    for action in ("ledger", "tally"):
        made.append(printing.print_month(session, action, "2026-10", tmp_path / f"{action}.pdf", TODAY))
    verdicts = {pdf.name: preflight(pdf) for pdf in made}
    bad = {name: verdict for name, verdict in verdicts.items() if "is a valid PDF/A-1b file" not in verdict}
    assert not bad, bad
