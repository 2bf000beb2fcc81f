"""Building the parser loads no service, report or storage library: every command pays only for itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlite_utils", "reportlab", "openpyxl", "docx", "cryptography", "PySide6", "station_app.services.exchange")


def test_the_parser_is_built_without_the_heavy_libraries():
    script = (
        "import sys\n"
        "from station_app.cli.main import build_parser\n"
        "build_parser().parse_args(['tally', '--year', '2026'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} or m in {HEAVY!r}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "[]", done.stdout
