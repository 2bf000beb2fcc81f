"""Starting the desktop app from the command line: check for a screen before Qt aborts without one.

The path: ``station-app`` (station_app/__main__.py → cli) → ``launch_gui`` here → ui/start.py ``run_app`` (the
start sequence) → ui/main_window.py ``create_main_window`` on a set-up register, or ui/welcome.py on first run.
"""

from __future__ import annotations

import os
import sys

NO_DISPLAY = """\
错误：没有可用的图形显示，无法打开窗口。
No graphical display is available, so the window cannot open.

  · 在有桌面的电脑上运行；或
  · 远程连接时使用 ssh -X，或先启动虚拟屏幕：xvfb-run -a station-app
  · 只需命令行功能时，运行 station-app --help 查看命令（如 station-app complaint list）。
"""


def has_display() -> bool:
    if sys.platform != "linux":
        return True  # Windows and macOS always have a window system
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the user chose a platform (offscreen, vnc …) explicitly
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def launch_gui(db_path: str | None) -> int:
    if not has_display():
        sys.stderr.write(NO_DISPLAY)
        return 2  # ExitCode.INPUT (cli/base.py), not imported: the command line imports this module
    from station_app.ui.start import run_app

    return run_app(db_path)
