"""The bundled CJK TrueType fonts, registered with reportlab (embedded and subset in every PDF)."""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from station_app.paths import resource_dir

SONG = "UMingCN"  # formal body text
HEI = "WQYMicroHei"  # headings and tables


FALLBACK = "RareHanzi"  # CJK Extensions B onward (𠮷 in real names), which UMing and WenQuanYi lack
FALLBACK_A = "RareHanziA"  # the Han characters of the BMP the main fonts lack (2,185 of the URO, most of Extension A)
FALLBACK_11 = "RareHanzi11"  # U+9FEB..9FEF (Unicode 11, in GB 18030-2022 level 1), in none of the above

FontFile = tuple[Path, int]  # a TrueType file and, for a collection (.ttc), the face's index


def _fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def fallback_files() -> tuple[Path, ...]:
    """Where a TrueType font for CJK Extension B onward is found: one shipped beside the program (the bundle copies
    Debian's HanaMinB with its licence), Windows' own SimSun-ExtB, Debian's fonts-hanazono."""
    debian = Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf")
    return (resource_dir() / "fonts" / "HanaMinB.ttf", _fonts_dir() / "simsunb.ttf", debian)


def fallback_chain() -> tuple[tuple[str, tuple[FontFile, ...]], ...]:
    """The fonts tried, in order, for a Han character the paragraph's own font lacks (docs/printing.md, "Characters
    of names"): each a name and the places its file may be, the first found being used."""
    hanazono = Path("/usr/share/fonts/truetype/hanazono")
    return (
        (
            FALLBACK_A,  # HanaMinA (Debian fonts-hanazono, copied into the bundle), else Windows' SimSun (GB 18030 BMP)
            (
                (resource_dir() / "fonts" / "HanaMinA.ttf", 0),
                (hanazono / "HanaMinA.ttf", 0),
                (_fonts_dir() / "simsun.ttc", 0),
            ),
        ),
        (FALLBACK, tuple((path, 0) for path in fallback_files())),
        (
            FALLBACK_11,  # BabelStone Han (Debian fonts-babelstone-han, Arphic Public License like UMing)
            (
                # its five characters cut out and shipped (scripts/make_babelstone_subset.py): 20 KB, not 50 MB
                (resource_dir() / "fonts" / "BabelStoneHan-9FEB-9FEF.ttf", 0),
                (resource_dir() / "fonts" / "BabelStoneHan.ttf", 0),
                (Path("/usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"), 0),
            ),
        ),
    )


@cache
def _registered(name: str) -> str | None:
    """``name`` registered from the first of its files found (0.1–0.5 s, only when a character needs it)."""
    for font, files in fallback_chain():
        if font == name:
            for path, index in files:
                if path.is_file():
                    pdfmetrics.registerFont(_trailing_widths_fixed(TTFont(name, str(path), subfontIndex=index)))
                    return name
    return None


def _trailing_widths_fixed(font: TTFont) -> TTFont:
    """reportlab keeps, for the glyphs after the last full entry of 'hmtx' (they share its advance), that advance
    already scaled to 1000 units per em, and writes it so into each subset: in a font of 1024 units (HanaMin) the
    embedded program then says 976.6 where the PDF's widths say 1000, and PDF/A Preflight refuses the file (6.3.6).
    The raw advance is put back."""
    face = font.face
    count = int.from_bytes(face.get_table("hhea")[34:36], "big")  # numberOfHMetrics
    if 0 < count < len(face.hmetrics):
        advance = face.hmetrics[count - 1][0]
        face.hmetrics[count:] = [(advance, lsb) for _, lsb in face.hmetrics[count:]]
    return font


def fallback() -> str | None:
    """The Extension B font's name once registered; None without one."""
    return _registered(FALLBACK)


def _cmap(name: str) -> dict[int, int]:
    return pdfmetrics.getFont(name).face.charToGlyph


def font_for(char: str, main: str) -> str | None:
    """The font a character is set in within text of font ``main``: ``main`` if it has the glyph, else the first
    fallback that has it; None when no font here has it (it would print as a box)."""
    code = ord(char)
    if code in _cmap(main):
        return main
    for name in _order(code > 0xFFFF):
        if _registered(name) is not None and code in _cmap(name):
            return name
    return None


@cache
def _order(supplementary: bool) -> tuple[str, ...]:
    """The fallbacks' names in the order tried; beyond the BMP the Extension B font first (it has them all, and a name
    then prints in one face)."""
    names = [name for name, _ in fallback_chain()]
    if supplementary:
        names.remove(FALLBACK)
        names.insert(0, FALLBACK)
    return tuple(names)


# Han characters and what goes with them: radicals, strokes, Extension A, the URO, compatibility ideographs, and the
# supplementary ideographic planes (Extensions B–H). Markup (tags, entities) is ASCII, so never matches.
_HAN = re.compile("[\u2e80-\u2fdf\u31c0-\u31ef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+")


def with_rare_characters(markup: str, font: str = SONG) -> str:
    """Paragraph markup in ``font`` with each run of Han characters that font lacks set in the fallback that has
    them (the others stay in the paragraph's own font): a name with 𠮷 or 䶮 prints and extracts as written, not as
    a box and a space."""
    register()
    main = _cmap(font)

    def runs(match: re.Match[str]) -> str:
        text = match.group(0)
        if all(ord(c) in main for c in text):
            return text
        out, current, run = [], font, ""
        for char in text:
            chosen = font_for(char, font) or font  # no font has it: a box in the paragraph's own font
            if chosen != current and run:
                out.append(run if current == font else f'<font name="{current}">{run}</font>')
                run = ""
            current, run = chosen, run + char
        out.append(run if current == font else f'<font name="{current}">{run}</font>')
        return "".join(out)

    return _HAN.sub(runs, markup)


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
    pdfmetrics.registerFont(_trailing_widths_fixed(TTFont(SONG, str(folder / "uming.ttc"), subfontIndex=0)))
    pdfmetrics.registerFont(_trailing_widths_fixed(TTFont(HEI, str(folder / "wqy-microhei.ttc"), subfontIndex=0)))
    return SONG, HEI
