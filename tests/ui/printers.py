"""A real printer queue for the print tests: CUPS with the cups-pdf back end (installed by `setup.sh test`), whose
jobs come out as PDF files we can weigh and read."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import pytest

QUEUE = "StationTestPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def cups_pdf_queue() -> str:
    """The queue's name, made (and the scheduler started) when needed; skips where CUPS is not installed."""
    if shutil.which("lpadmin") is None or not PPD.exists() or os.geteuid() != 0:
        pytest.skip("CUPS with cups-pdf is installed by `bash scripts/setup.sh test` (as root)")
    if "is running" not in _run("lpstat", "-r"):
        subprocess.run(["/usr/sbin/cupsd"], check=True, timeout=30)
        for _ in range(50):
            if "is running" in _run("lpstat", "-r"):
                break
            time.sleep(0.1)
    if QUEUE not in _run("lpstat", "-p"):
        subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P", str(PPD)], check=True, timeout=30)
    return QUEUE


def printed_file(job: str, timeout: float = 60) -> Path:
    """The PDF that cups-pdf wrote for ``job`` (e.g. ``StationTestPDF-12``), once it is complete."""
    number = job.rsplit("-", 1)[-1]
    folders = [Path(pwd.getpwuid(os.geteuid()).pw_dir) / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS")]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = job not in _run("lpstat", "-o", QUEUE)
        found = [p for folder in folders if folder.exists() for p in folder.glob(f"*job_{number}.pdf")]
        if done and found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"the printer wrote nothing for {job}")


def last_job() -> str:
    """The newest job the queue has seen (for prints sent by Qt, which does not say)."""
    listing = _run("lpstat", "-W", "all", "-o", QUEUE).split()
    jobs = [word for word in listing if word.startswith(f"{QUEUE}-")]
    return max(jobs, key=lambda j: int(j.rsplit("-", 1)[-1]))


def _run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    return result.stdout
