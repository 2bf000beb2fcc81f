"""Sending a finished PDF to a printer queue as it is: vector pages with their text, a job the size of the file.

Painting the PDF's pages as 300-dpi images (ui/print_preview.py's fallback) made print jobs of several megabytes
with no text in them. Where the system's print spooler takes PDF itself (CUPS on Linux and macOS, through `lp`),
the file goes to the queue unchanged; Windows has no such spooler command, so there the pages are painted.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from station_app.domain.errors import RuleViolation

LP_TIMEOUT = 30  # seconds: lp only hands the file to the local spooler


def spooler_takes_pdf() -> bool:
    """Does this PC's print spooler take a PDF file as it is (CUPS's ``lp``)?"""
    return sys.platform != "win32" and shutil.which("lp") is not None


def send_pdf(pdf: Path, queue: str, *, title: str, copies: int = 1, pages: tuple[int, int] | None = None) -> str:
    """Hand ``pdf`` to the printer ``queue``; returns the spooler's job name (e.g. ``StationPDF-12``).

    ``pages``: first and last page (from 1) when only part is wanted."""
    lp = shutil.which("lp")
    if lp is None:
        raise RuleViolation("本机没有打印服务（CUPS 的 lp 命令），无法直接发送到打印机")
    command = [lp, "-d", queue, "-n", str(max(copies, 1)), "-t", title]
    if pages is not None:
        command += ["-o", f"page-ranges={pages[0]}-{pages[1]}"]
    command += ["--", str(pdf)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=LP_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuleViolation(f"打印服务没有响应（{exc}），请检查打印机后重试") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise RuleViolation(f"打印机“{queue}”没有接受打印任务：{detail[-1] if detail else result.returncode}")
    found = re.search(r"request id is (\S+)", result.stdout)
    return found.group(1) if found else ""
