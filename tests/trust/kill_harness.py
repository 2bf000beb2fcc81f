"""Crash safety: kill (SIGKILL) a process that registers and transitions complaints, many times.

After every kill the register must open, pass PRAGMA integrity_check, and hold every record whose
save was acknowledged. Short form in the test suite; long form on demand:

    .venv/bin/python -m tests.trust.kill_harness --kills 1000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _init(db: Path) -> None:
    from datetime import date

    from station_app.services.session import Session
    from station_app.services.station import init_station

    s = Session.open(db)
    init_station(s, {"code": "KX", "name": "断电测试站", "kind": "投诉站", "venue_type": "市场"}, date(2026, 11, 23))
    s.close()


def run_and_kill(module: str, args: list[str], after: float, env: dict[str, str] | None = None) -> list[str]:
    """Start ``python -m module args``, SIGKILL it after ``after`` seconds, return what it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lines.extend, args=(proc.stdout,), daemon=True)
    reader.start()
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(timeout=5)
    return lines


def run(kills: int, db: Path, seed: int = 0, min_delay: float = 0.3, max_delay: float = 1.2) -> dict[str, int]:
    rng = random.Random(seed)
    _init(db)
    added: set[str] = set()
    accepted: set[str] = set()
    failures = lost = 0
    for kill in range(kills):
        lines = run_and_kill(
            "tests.trust.crash_worker", [str(db), str(kill * 100_000)], rng.uniform(min_delay, max_delay)
        )
        for line in lines:
            kind, _, number = line.strip().partition(" ")
            (added if kind == "ADD" else accepted).add(number)
        conn = sqlite3.connect(db)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                failures += 1
            rows = dict(conn.execute("SELECT number, status FROM complaints").fetchall())
        finally:
            conn.close()
        lost += sum(1 for n in added if n not in rows)
        lost += sum(1 for n in accepted if rows.get(n) != "accepted")
    return {
        "kills": kills,
        "acknowledged_saves": len(added) + len(accepted),
        "records_lost": lost,
        "integrity_failures": failures,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run(args.kills, Path(folder) / "kill.sqlite3", args.seed)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
