"""Chinese line-breaking rules in every printed document (issue 19): no line starts with closing punctuation,
none ends with opening punctuation, in body text and table cells alike (reports/line_breaking.py).

Each document type is written for a 维权服务站 and a 12315 联络站 with every text of the case stuffed with
punctuation at every position, and the lines reportlab actually draws are checked (recorded as drawn), then the
notices once more as pdftotext reads them back."""

from __future__ import annotations

import itertools
import subprocess
from contextlib import contextmanager
from copy import deepcopy

import pytest
from reportlab.platypus import Paragraph

from station_app.reports import line_breaking, month_ledger
from station_app.reports import styles as s
from station_app.services import complaint_views, printing
from station_app.services.station import update_station
from tests.conftest import TODAY

OPENING = "“‘（《「『【"
CLOSING = "”’）》」』】"
POINTS = "，。、；：？！"


def punctuated(length: int, seed: int = 0) -> str:
    """Text with quotes, brackets, book titles, 点号, ……, —— and Latin at shifting places, so that some land at
    every line end whatever the column's width."""
    parts = []
    for i in range(seed, seed + length):
        a, b = "消费者权益保护"[: i % 7 + 1], "商家拒绝退货"[: i % 5 + 1]
        parts.append(f"{a}{OPENING[i % 7]}{b}{CLOSING[i % 7]}{POINTS[i % 7]}")
        if i % 5 == 0:
            parts.append("见照片……型号BCD-216，共1550.00元——详见12315平台！")
    return "".join(parts)


def stuff(case: dict, seed: int) -> dict:
    """The case with every free text a clerk types made long and full of punctuation."""
    case = deepcopy(case)
    case["consumer"]["name"] = "欧阳·娜娜"
    case["consumer"]["address"] = punctuated(3, seed)
    case["business"]["name"] = f"新集镇华联超市（连锁）有限公司“{punctuated(1, seed)}”"
    case["business"]["address"] = punctuated(2, seed + 1)
    case["subject"] = punctuated(2, seed + 2)
    case["facts"] = punctuated(30, seed + 3)
    case["request"] = punctuated(4, seed + 4)
    for key in ("agreement", "mediator", "to_unit"):
        if case.get(key):
            case[key] = punctuated(6 if key == "agreement" else 1, seed + 5)
    for entry in case.get("history") or []:
        if (entry.get("data") or {}).get("note"):
            entry["data"]["note"] = punctuated(5, seed + 6)
    for visit in case.get("followups") or []:
        visit["opinion"] = punctuated(4, seed + 7)
    return case


@contextmanager
def drawn_breaks():
    """Every place where a paragraph's line ended and the next began because the line was full, as the pair of
    lines (reportlab's own results as drawn, table cells included; a paragraph split over two pages: the break
    before the page end counts, as the first part's last line)."""
    breaks: list[tuple[str, str]] = []
    original = Paragraph.drawPara

    def record(self, debug=0):
        texts, forced = [], []
        for line in self.blPara.lines:
            words = line[1] if isinstance(line, tuple | list) else line.words
            texts.append("".join(getattr(w, "text", w) for w in words).strip())
            forced.append(bool(getattr(line, "lineBreak", False)))
        if getattr(self, "_splitpara", 0) and getattr(self, "_JustifyLast", False):
            texts.append("(next page)")
            forced.append(False)
        breaks.extend(
            (texts[n], texts[n + 1]) for n in range(len(texts) - 1) if not forced[n] and texts[n] and texts[n + 1]
        )
        return original(self, debug)

    Paragraph.drawPara = record
    try:
        yield breaks
    finally:
        Paragraph.drawPara = original


def broken(breaks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in breaks if not line_breaking.break_ok(a[-1], b[0]) and b != "(next page)"] + [
        (a, b) for a, b in breaks if a[-1] in line_breaking.CANNOT_END
    ]


@pytest.mark.parametrize("kind", ["service_station", "liaison_station"])
def test_no_line_of_any_document_starts_with_closing_or_ends_with_opening_punctuation(session, numbers, tmp_path, kind):
    update_station(session, {"kind": kind, "contact": "0550-1234567（工作日）"}, TODAY)
    station = {**session.station(), "recusal_days": 3}
    stuffed = []
    with drawn_breaks() as breaks:
        for seed, (action, number) in enumerate(numbers.items()):
            case = stuff(complaint_views.show(session, number, TODAY), seed)
            stuffed.append(case)
            printing.writer(action)(case, station, session.catalogs, tmp_path / f"{action}.pdf", TODAY)
        month_ledger.write(stuffed, station, session.catalogs, "2026-11", tmp_path / "ledger.pdf", TODAY)
        printing.print_month(session, "tally", "2026-11", tmp_path / "tally.pdf", TODAY)
    assert len(breaks) > 200  # the recorder saw the documents' lines
    # The texts put punctuation at the breaks: lines end after closing marks and begin with opening ones.
    assert any(a[-1] in CLOSING + POINTS for a, _ in breaks) and any(b[0] in OPENING for _, b in breaks)
    assert not broken(breaks), broken(breaks)[:10]


def test_the_liaison_notices_read_back_with_no_line_ending_in_an_opening_quote(session, numbers, tmp_path):
    """As pdftotext reads the 联络站's decisions: a line of body text never ends in “ nor starts with ，."""
    update_station(session, {"kind": "liaison_station"}, TODAY)
    station = session.station()
    for seed, action in itertools.product(range(7), ("not-accepted", "termination")):
        path = tmp_path / f"{action}-{seed}.pdf"
        case = stuff(complaint_views.show(session, numbers[action], TODAY), seed)
        printing.writer(action)(case, station, session.catalogs, path, TODAY)
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        lines = [line.strip() for line in text.stdout.splitlines() if line.strip()]
        assert not [line for line in lines if line[-1] in line_breaking.CANNOT_END], (action, seed)
        assert not [line for line in lines if line[0] in line_breaking.CANNOT_START], (action, seed)


@pytest.mark.parametrize(
    ("text", "width_chars", "expected"),
    [
        # "，" would start line 2: "乙" goes down with it.
        ("甲甲甲甲乙，丙丙", 5, ["甲甲甲甲", "乙，丙丙"]),
        # "“" would end line 1: it goes down to its quotation.
        ("甲甲甲甲“乙乙”", 5, ["甲甲甲甲", "“乙乙”"]),
        # "）。" both closing: two characters go down with the last word.
        ("甲甲甲乙）。丙", 5, ["甲甲甲", "乙）。丙"]),
        # Latin in the last two thirds of a line moves whole.
        ("甲甲甲甲BCD216", 5, ["甲甲甲甲", "BCD216"]),
        # ...and a word with a comma after it moves whole too, not only the letter before the comma.
        ("甲甲甲甲BC216，", 6.9, ["甲甲甲甲", "BC216，"]),
        # Nothing but punctuation: the line still breaks, no endless loop.
        ("，，，，，，，", 3, ["，，，", "，，，", "，"]),
    ],
)
def test_the_break_moves_back_until_the_rules_hold(text, width_chars, expected):
    style = s.styles()["body"]
    one = style.fontSize
    para = Paragraph(text, style)
    para.wrap(one * width_chars + 0.1 * one, 1000)
    lines = [
        "".join(line[1]) if isinstance(line, list | tuple) else "".join(w.text for w in line.words)
        for line in para.blPara.lines
    ]
    assert lines == expected
