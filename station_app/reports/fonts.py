"""The bundled CJK TrueType fonts, registered with reportlab (embedded and subset in every PDF)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from station_app.paths import resource_dir

SONG = "UMingCN"  # formal body text
HEI = "WQYMicroHei"  # headings and tables


FALLBACK = "RareHanzi"  # CJK Extensions B onward (𠮷 in real names), which UMing and WenQuanYi lack


def fallback_files() -> tuple[Path, ...]:
    """Where a TrueType font for CJK Extension B onward is found: one shipped beside the program (the bundle copies
    Debian's HanaMinB with its licence), Windows' own SimSun-ExtB, Debian's fonts-hanazono."""
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts" / "simsunb.ttf"
    debian = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
    return (resource_dir() / "fonts" / "HanaMinB.ttf", windows, debian)


@lru_cache(maxsize=1)
def fallback() -> str | None:
    """The fallback font's name once registered (0.1 s, only when a rare character is met); None without one."""
    for path in fallback_files():
        if path.is_file():
            pdfmetrics.registerFont(TTFont(FALLBACK, str(path)))
            return FALLBACK
    return None


_RARE = re.compile("[\U00020000-\U0003ffff]+")  # the supplementary ideographic planes (Extensions B–H)


def with_rare_characters(markup: str) -> str:
    """Paragraph markup with each run of characters beyond the main fonts set in the fallback font (the others
    stay in the paragraph's own font): a name with 𠮷 prints and extracts as 𠮷, not as a box and a space."""
    if not _RARE.search(markup):
        return markup
    name = fallback()
    if name is None:
        return markup
    return _RARE.sub(lambda m: f'<font name="{name}">{m.group(0)}</font>', markup)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map with characters beyond U+FFFF written as UTF-16 (a surrogate pair, as the PDF
    reference asks); its own writes five hex digits, which readers cut to four (𠮷 extracted as ₻)."""
    lines = _ORIGINAL_CMAP(fontname, subset).splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar")) + 1
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            units = chr(code).encode("utf-16-be").hex().upper()
            lines[start + index] = f"<{index:02X}> <{units}>"
    return "\n".join(lines)


_ORIGINAL_CMAP = ttfonts.makeToUnicodeCMap


@lru_cache(maxsize=1)
def register() -> tuple[str, str]:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # reportlab looks it up when it writes each font's subset
    folder = resource_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(SONG, str(folder / "uming.ttc"), subfontIndex=0))
    pdfmetrics.registerFont(TTFont(HEI, str(folder / "wqy-microhei.ttc"), subfontIndex=0))
    return SONG, HEI
