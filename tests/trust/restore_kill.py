"""Crash safety of restore: SIGKILL ``station-app restore`` at random moments, many times.

After every kill the register must be there, open and pass the check, and be either the register as it was
or the backup restored — never missing, never half of one. Short form in the suite; long form on demand:

    .venv/bin/python -m tests.trust.restore_kill --kills 200
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from datetime import date
from pathlib import Path

from tests.trust.kill_harness import run_and_kill

TODAY = date(2026, 11, 23)


def _backup_of(folder: Path, complaints: int, seed: int) -> tuple[Path, int]:
    from station_app.services import backup, demo
    from station_app.services.session import Session

    path = folder / f"source-{seed}.sqlite3"
    session = Session.open(path)
    demo.build_demo(session, complaints, TODAY, seed=seed)
    made = backup.backup_now(session, path, folder / f"backups-{seed}")
    session.close()
    return Path(made["path"]), made["counts"]["complaints"]


def run(kills: int, folder: Path, seed: int = 0, max_delay: float = 1.5) -> dict[str, object]:
    from station_app.store.backup import BackupError, check_file

    rng = random.Random(seed)
    backups = [_backup_of(folder, 40, 1), _backup_of(folder, 60, 2)]
    register = folder / "register.sqlite3"
    first, _ = backups[0]
    register.write_bytes(first.read_bytes())
    counts = {n for _, n in backups}
    outcomes = {"kills": kills, "missing": 0, "damaged": 0, "neither": 0, "swapped": 0, "kept": 0}
    for kill in range(kills):
        source, expected = backups[kill % 2]
        try:
            before = check_file(register)["complaints"]
        except BackupError:  # what the last kill left only broke on a second look: count it, start afresh
            outcomes["damaged"] += 1
            for stale in folder.glob("register.sqlite3*"):
                stale.unlink()
            register.write_bytes(first.read_bytes())
            before = check_file(register)["complaints"]
        args = ["--db", str(register), "--today", TODAY.isoformat(), "restore", str(source)]
        run_and_kill("station_app.cli", args, rng.uniform(0.0, max_delay))
        if not register.exists():
            outcomes["missing"] += 1
            continue
        try:
            now = check_file(register)["complaints"]
        except BackupError:
            outcomes["damaged"] += 1
            continue
        if now not in counts:
            outcomes["neither"] += 1
        outcomes["swapped" if now == expected and now != before else "kept"] += 1
        for aside in folder.glob("register.sqlite3.before-restore-*"):  # 200 copies would fill the disk
            aside.unlink()
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run(args.kills, Path(folder), args.seed)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
