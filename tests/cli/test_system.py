"""``station-app gui`` (and no command at all) without a screen: the exit code docs/cli.md gives, from ExitCode.

launch.py returns that number itself (it cannot import the command line, which imports it); this test keeps the
two in step.
"""

from __future__ import annotations

import pytest

from station_app.cli import main
from station_app.cli.base import ExitCode


@pytest.mark.parametrize("argv", [["gui"], []])
def test_without_a_display_the_windows_exit_with_the_input_code(argv, monkeypatch, capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main(argv) == ExitCode.INPUT
    assert "xvfb-run" in capsys.readouterr().err
