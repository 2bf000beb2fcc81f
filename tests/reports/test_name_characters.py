"""Every Han character a name may hold has a glyph in the printed documents (issue 19), over the national range:
all the Han characters of GB 18030-2022, which products for government and public services must support
(implementation level 3, clause 9.4), as name fields must (民委发〔2016〕33号 item 3: GB 18030 covered in full).
See docs/printing.md, "Characters of names", for the sources and what each font covers.

The font chooser (reports/fonts.py) must find, for each character, a font whose cmap has it, whether the text is
set in the Song or the Hei face; a receipt carrying a sample of every block extracts back exactly."""

from __future__ import annotations

import re
import subprocess

import pytest

from station_app.reports import fonts, receipt
from station_app.services import complaint_views, complaints
from tests.conftest import TODAY, complaint_payload

# GB 18030-2022's Han characters, as Unicode 11.0 encodes them (the version the 2022 edition follows).
BLOCKS = {
    "CJK 统一汉字": (0x4E00, 0x9FEF),  # 9FA6..9FEF: the 74 added since 2005 (66 of them new in level 1)
    "扩充 A": (0x3400, 0x4DB5),
    "扩充 B": (0x20000, 0x2A6D6),
    "扩充 C": (0x2A700, 0x2B734),
    "扩充 D": (0x2B740, 0x2B81D),
    "扩充 E": (0x2B820, 0x2CEA1),
    "扩充 F": (0x2CEB0, 0x2EBE0),
}
# The twelve unified ideographs in the compatibility block (﨎 …), and the Kangxi radicals of level 3's table 3.
COMPATIBLE = (0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29)
KANGXI = (0x2F00, 0x2FD5)


def national_range() -> list[str]:
    codes = [c for first, last in BLOCKS.values() for c in range(first, last + 1)]
    codes += [*COMPATIBLE, *range(KANGXI[0], KANGXI[1] + 1)]
    return [chr(c) for c in codes]


def _fallbacks_or_skip() -> None:
    missing = [name for name, _ in fonts.fallback_chain() if fonts._registered(name) is None]
    if missing:
        pytest.skip(f"fallback fonts not installed here ({missing}): `bash scripts/setup.sh` installs them")


def test_the_range_is_the_87_887_han_characters_and_214_radicals_of_gb_18030_2022():
    assert len(national_range()) == 20_976 + 6_582 + 42_711 + 4_149 + 222 + 5_762 + 7_473 + 12 + 214 == 88_101


@pytest.mark.parametrize("face", [fonts.SONG, fonts.HEI])
def test_every_character_of_the_national_range_has_a_font_with_its_glyph(face):
    fonts.register()
    _fallbacks_or_skip()
    chosen: dict[str | None, int] = {}
    missing = []
    for char in national_range():
        font = fonts.font_for(char, face)
        chosen[font] = chosen.get(font, 0) + 1
        if font is None:
            missing.append(f"U+{ord(char):04X}")
    assert not missing, f"{len(missing)} without a glyph: {missing[:20]}"
    print(f"\n{face}: {chosen}")


def sample() -> str:
    """Some 1,200 characters: every 73rd of the range, each block's first and last, the five of Unicode 11."""
    chars = national_range()
    picked = (
        set(chars[::73]) | {chr(first) for first, _ in BLOCKS.values()} | {chr(last) for _, last in BLOCKS.values()}
    )
    picked |= set("鿫鿬鿭鿮鿯𠮷䶮")
    return "".join(sorted(picked, key=ord))


def sample_receipt(session, path) -> tuple[str, object]:
    [added] = complaints.add_complaints(session, [complaint_payload()], TODAY)
    case = complaint_views.show(session, added["number"], TODAY)
    text = sample()
    case["request"] = text
    case["business"]["name"] = "𠮷野䶮鿯商行"
    return text, receipt.write(case, session.station(), session.catalogs, path, TODAY)


def test_a_receipt_carrying_a_sample_of_every_block_extracts_back_exactly(session, tmp_path):
    _fallbacks_or_skip()
    text, path = sample_receipt(session, tmp_path / "receipt.pdf")
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    read = re.sub(r"\s+", "", out)
    assert "𠮷野䶮鿯商行" in read
    assert text in read, next((f"U+{ord(c):04X}" for c in text if c not in read), "order")
    assert len(text) > 1000


def test_the_receipt_with_the_fallback_fonts_is_still_pdf_a_1b(session, tmp_path):
    """The fallback fonts embed as PDF/A asks: HanaMin's 1,024-unit em once gave subsets whose own widths (976.6)
    disagreed with the PDF's (1000) for most of its glyphs (reports/fonts.py, _trailing_widths_fixed)."""
    from tests.reports.test_pdf_archive import preflight

    _fallbacks_or_skip()
    _, path = sample_receipt(session, tmp_path / "receipt.pdf")
    verdict = preflight(path)
    assert "is a valid PDF/A-1b file" in verdict, verdict[:600]


def test_the_five_characters_no_hanazono_font_has_are_shipped_with_the_program():
    """U+9FEB..9FEF print on a PC without BabelStone Han: the shipped cut of it has them (and is a real font)."""
    from reportlab.pdfbase.ttfonts import TTFont

    from station_app.paths import resource_dir

    shipped = TTFont("shipped-babelstone", str(resource_dir() / "fonts" / "BabelStoneHan-9FEB-9FEF.ttf"))
    assert set(range(0x9FEB, 0x9FF0)) <= set(shipped.face.charToGlyph)
    assert (resource_dir() / "fonts" / "LICENSE-babelstone-han.txt").is_file()
