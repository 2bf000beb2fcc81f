"""The tally as the printed 月度统计表 (A4): title, summary sentence, the tables, room for the seal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from station_app.domain.catalogs import Catalogs
from station_app.reports import fonts, tally_rows
from station_app.reports.styles import build, frame_width
from station_app.reports.tally_rows import TEXT, format_cell
from station_app.reports.tally_text import summary_sentence, title


def _styles() -> dict[str, ParagraphStyle]:
    song, hei = fonts.register()
    return {
        "title": ParagraphStyle(
            "title", fontName=hei, fontSize=15, leading=20, alignment=1, spaceAfter=4 * mm, wordWrap="CJK"
        ),
        "body": ParagraphStyle("body", fontName=song, fontSize=10.5, leading=16, wordWrap="CJK"),
        "heading": ParagraphStyle(
            "heading", fontName=hei, fontSize=11.5, leading=16, spaceBefore=4 * mm, wordWrap="CJK"
        ),
        "cell": ParagraphStyle("cell", fontName=song, fontSize=9, leading=11, wordWrap="CJK"),
        "footer": ParagraphStyle("footer", fontName=song, fontSize=10, leading=14, wordWrap="CJK"),
    }


def write(data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str], path: Path) -> Path:
    styles = _styles()
    story: list[Any] = [
        Paragraph("月度统计表" if data["period"]["kind"] == "month" else "消费维权工作统计表", styles["title"]),
        Paragraph(title(data, station_names), styles["body"]),
        Spacer(1, 2 * mm),
        Paragraph(summary_sentence(data), styles["body"]),
    ]
    width = frame_width()
    for table in tally_rows.tables(data, catalogs, station_names):
        first = width * 0.42
        rest = (width - first) / (len(table.headers) - 1)
        cells = [[Paragraph(h, styles["cell"]) for h in table.headers]]
        for row, kinds in zip(table.rows, table.kinds, strict=True):
            cells.append(
                [
                    Paragraph(str(v), styles["cell"]) if k == TEXT else format_cell(v, k)
                    for v, k in zip(row, kinds, strict=True)
                ]
            )
        grid = Table(cells, colWidths=[first] + [rest] * (len(table.headers) - 1), repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.SONG, 9),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6F0")),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        story.append(KeepTogether([Paragraph(f"{table.title}", styles["heading"]), Spacer(1, 1.5 * mm), grid]))
    story.extend(
        [
            Spacer(1, 12 * mm),
            Paragraph("填报人：______________　　审核人：______________　　（盖章）", styles["footer"]),
            Spacer(1, 4 * mm),
            Paragraph("填报日期：______年____月____日", styles["footer"]),
        ]
    )
    # The documents' own page: the station and the period atop every page, "第 N 页 共 M 页", PDF/A (styles.build).
    codes = data["stations"]
    who = station_names.get(codes[0], codes[0]) if len(codes) == 1 else "全县各消费维权站点"
    heading = "月度统计表" if data["period"]["kind"] == "month" else "消费维权工作统计表"
    build(path, story, title=heading, station_name=who, reference=data["period"]["label"])
    return path
