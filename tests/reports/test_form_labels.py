"""Labels that fit (issue 19): every label of every form grid stays on one line of its column — measured with the
font and size it is printed in, against the column less its padding — so none breaks mid-word
("统一社会信用代/码"). Every document type is written for a 维权服务站 and a 12315 联络站, with the case in each
state a document needs (the cases of tests/reports/test_line_breaking.py)."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from station_app.reports import styles as s
from station_app.services import printing
from station_app.services.station import update_station
from tests.conftest import TODAY

PADDING = 6 + 6  # reportlab's default left and right cell padding, which the grids keep


def label_widths(monkeypatch) -> list[tuple[str, float, float]]:
    """Record (label, its printed width, the room its column gives) for every grid the documents make."""
    seen: list[tuple[str, float, float]] = []
    original = s.field_table
    style = s.styles()["label"]

    def recording(rows, widths, **options):
        for row in rows:
            n = len(row)
            columns = [*widths[: n - 1], sum(widths[n - 1 :])]
            for c in range(0, n, 2):
                for text in str(row[c]).split("\n"):  # a label may break where it makes sense, and only there
                    seen.append((text, stringWidth(text, style.fontName, style.fontSize), columns[c] - PADDING))
        return original(rows, widths, **options)

    monkeypatch.setattr(s, "field_table", recording)
    return seen


@pytest.mark.parametrize("kind", ["service_station", "liaison_station"])
def test_every_label_of_every_form_fits_its_column_on_one_line(session, numbers, tmp_path, monkeypatch, kind):
    update_station(session, {"kind": kind}, TODAY)
    seen = label_widths(monkeypatch)
    for action, number in numbers.items():
        printing.print_case(session, action, number, tmp_path / f"{action}.pdf", TODAY)
        printing.print_case(session, "registration", number, tmp_path / f"registration-{action}.pdf", TODAY)
    labels = {text for text, _, _ in seen}
    assert {"统一社会信用代码", "同意公示投诉信息", "乙方（被投诉人）", "或委托代理人", "挽回经济损失"} <= labels, (
        labels
    )
    too_wide = sorted({f"{text}: {width:.0f} > {room:.0f} pt" for text, width, room in seen if width > room})
    assert not too_wide, too_wide
