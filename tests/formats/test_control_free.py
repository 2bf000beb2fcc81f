"""The package reader's quick look for control characters (formats/package.py, ``control_free``) against the
domain's own rule (domain/validation.py): every character the domain refuses shows in a member's JSON text as one of
the signs looked for, however the JSON was written; where none shows, the parser refuses the text or it holds none."""

from __future__ import annotations

import json
import sys

import pytest

from station_app.domain import validation
from station_app.formats import package

REFUSED = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF and validation.has_control(chr(c))]


def test_the_domain_refuses_some_characters():
    assert "\x00" in REFUSED and "\x7f" in REFUSED and "\t" not in REFUSED and "\n" not in REFUSED


@pytest.mark.parametrize("ascii_only", [False, True])
def test_every_refused_character_shows_however_the_json_is_written(ascii_only):
    for char in REFUSED:
        text = json.dumps({"facts": f"送检{char}测"}, ensure_ascii=ascii_only).encode("utf-8")
        assert not package.control_free(text), repr(char)


def test_written_as_it_is_a_refused_character_is_either_seen_or_not_json():
    for char in REFUSED:
        text = b'{"facts": "' + char.encode("utf-8") + b'"}'
        if package.control_free(text):
            with pytest.raises(ValueError):
                json.loads(text)


def test_ordinary_text_with_tabs_line_breaks_and_backslashes_is_free_of_them():
    text = json.dumps({"facts": "第一行\n第二行\t制表\r\n路径 C:/bin “引号” 𠮷"}, ensure_ascii=False).encode("utf-8")
    assert package.control_free(text)
    assert not package.control_free(json.dumps({"path": "C:\\bin"}).encode("utf-8"))  # "perhaps": checked later
