"""The bundled fonts of the windows (a module of its own: the main window uses them without the start sequence)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from station_app.paths import resource_dir

UI_FONT = "WenQuanYi Micro Hei"  # a sans face with proportional Latin letters (English, digits)
UI_FONT_FILE = "wqy-microhei.ttc"


def register_fonts() -> str | None:
    """Register the bundled CJK font of the windows so Chinese renders on a PC without one; return its family.

    The windows use WenQuanYi Micro Hei: AR PL UMing (kept for the printed documents' formal Ming style, which
    reportlab loads itself) sets Latin letters at a fixed width, which made English labels too wide for a
    1366-pixel screen. Only the windows' font is registered (the 21 MB Ming file is not read at start); any
    other bundled font only when the windows' font is missing.
    """
    fonts = sorted((resource_dir() / "fonts").glob("*.tt[fc]"))
    found: list[str] = []
    for path in sorted(fonts, key=lambda p: p.name != UI_FONT_FILE):
        font_id = QFontDatabase.addApplicationFont(str(path))
        found += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if UI_FONT in found:
            return UI_FONT
    return found[0] if found else None
