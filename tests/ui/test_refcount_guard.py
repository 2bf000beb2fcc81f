"""PySide6 6.12 on Python 3.11 drops a reference to None on each void call; the guard keeps None alive."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 30_000  # about six times what None's own reference count survives unguarded

SCRIPT = textwrap.dedent(
    f"""
    import sys
    {{guard}}
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication(sys.argv)
    label = QLabel()
    for _ in range({CALLS}):
        label.setText("投诉")
        app.processEvents()
        label.property("nothing")
    print("alive")
    """
)


def run(guard: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guard=guard)], capture_output=True, text=True, env=env, timeout=120
    )


def test_many_void_qt_calls_do_not_kill_the_process():
    result = run("import station_app.ui")
    assert result.returncode == 0, result.stderr[-500:]
    assert "alive" in result.stdout


def test_the_bug_is_still_there_without_the_guard():
    """When this fails, the PySide6 in use no longer needs the guard (or Python is 3.12+): remove it."""
    if sys.version_info >= (3, 12):
        return
    result = run("")
    assert result.returncode != 0 and "deallocating None" in result.stderr
