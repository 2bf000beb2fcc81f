"""Every character a name can hold prints and extracts (issue 19): CJK Extension B (𠮷, in real names) is missing
from the bundled UMing and WenQuanYi, so it is set in the fallback font glyph by glyph, and the PDF's text map
says U+20BB7, not the U+20BB that reportlab's own map leaves."""

from __future__ import annotations

import subprocess

import pytest
from reportlab.pdfbase import pdfmetrics

from station_app.reports import fonts
from station_app.services import complaints, printing
from tests.conftest import TODAY, complaint_payload

# Extension B characters of names (𠮷 吉's variant; 𡒄; 𨭉; 𪚥) and Extension A ones (䶮, 㛃) which UMing has.
NAMES = ("𠮷田", "王𡒄", "李𨭉", "张𪚥", "刘䶮", "陈㛃")


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _fonts(pdf) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", NAMES)
def test_a_rare_name_round_trips_through_a_printed_form(session, tmp_path, name):
    if any(ord(c) > 0xFFFF for c in name) and fonts.fallback() is None:
        pytest.skip("no font for CJK Extension B here: setup.sh installs Debian's fonts-hanazono")
    [added] = complaints.add_complaints(
        session, [complaint_payload(consumer={"name": name, "phone": "13800138000"})], TODAY
    )
    path, _ = printing.print_case(
        session, "registration", added["number"], tmp_path / "form.pdf", TODAY
    )  # the name in full
    text = _text(path)
    assert name in text, text[:400]
    if any(ord(c) > 0xFFFF for c in name):
        embedded = pdfmetrics.getFont(fonts.FALLBACK).face.name  # the font's own name (HanaMinB, SimSun-ExtB)
        assert (embedded.decode() if isinstance(embedded, bytes) else embedded) in _fonts(path)


def test_plain_text_does_not_load_the_fallback():
    assert fonts.with_rare_characters("张三 &amp; 李四") == "张三 &amp; 李四"
