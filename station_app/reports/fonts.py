"""The bundled CJK TrueType fonts, registered with reportlab (embedded and subset in every PDF)."""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from station_app.paths import resource_dir

SONG = "UMingCN"  # formal body text
HEI = "WQYMicroHei"  # headings and tables


@lru_cache(maxsize=1)
def register() -> tuple[str, str]:
    folder = resource_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(SONG, str(folder / "uming.ttc"), subfontIndex=0))
    pdfmetrics.registerFont(TTFont(HEI, str(folder / "wqy-microhei.ttc"), subfontIndex=0))
    return SONG, HEI
