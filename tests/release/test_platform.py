"""The README's platform is the tested one: Debian 12's own Python where it exists, as scripts/setup.sh chooses."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEBIAN_PYTHON = Path("/usr/bin/python3.11")


def test_setup_made_the_venv_with_debians_own_python():
    """A newer python3.11 first on the PATH (pyenv's 3.11.7 here) must not hide what a Debian 12 user runs."""
    if Path(sys.prefix).resolve() != (ROOT / ".venv").resolve():
        pytest.skip("not run from the venv that scripts/setup.sh makes")
    if not DEBIAN_PYTHON.exists():
        pytest.skip("no Debian interpreter on this machine")
    debian = subprocess.run([DEBIAN_PYTHON, "-c", "import sys; print(sys.version)"], capture_output=True, text=True)
    assert sys.version == debian.stdout.strip()


def test_requires_python_names_the_interpreter_running_the_suite_or_an_older_one():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floor = project["requires-python"].split(",")[0].removeprefix(">=")
    assert tuple(int(part) for part in floor.split(".")) <= sys.version_info[:3]
