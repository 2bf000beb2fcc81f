"""What every printed document shares: paragraph styles, the page (header with the station name, "第 N 页
共 M 页" when there is more than one page), labelled field grids that split across pages, signature lines
and the seal area.

Every text of a user goes through :func:`para`: XML-escaped and wrapped CJK-style, so text of any length
flows onto further pages instead of being clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from station_app.domain.money import format_yuan
from station_app.reports import fonts, line_breaking, pdf_archive

BLANK_DATE = "______年____月____日"
LINE_COLOR = colors.HexColor("#555555")
LABEL_BG = colors.HexColor("#EEF2F6")

# 消法第三十九条: the five routes, as a consumer is told them.
ROUTES_ART39 = (
    "与经营者协商和解",
    "请求消费者协会或者依法成立的其他调解组织调解",
    "向有关行政部门投诉",
    "根据与经营者达成的仲裁协议提请仲裁机构仲裁",
    "向人民法院提起诉讼",
)
LAW = "《中华人民共和国消费者权益保护法》"


def routes_sentence() -> str:
    items = "；".join(f"（{n}）{r}" for n, r in zip("一二三四五", ROUTES_ART39, strict=True))
    return f"依照{LAW}第三十九条的规定，消费者和经营者发生消费者权益争议的，可以通过下列途径解决：{items}。"


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    song, hei = fonts.register()
    line_breaking.install()  # Chinese line-breaking rules in every wrapped paragraph, table cells included

    def style(name: str, font: str = song, size: float = 10.5, leading: float = 16, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)

    return {
        "title": style("title", hei, 17, 22, alignment=TA_CENTER, spaceAfter=1 * mm),
        "number": style("number", song, 10.5, 16, alignment=TA_RIGHT, spaceAfter=2 * mm),
        "heading": style("heading", hei, 11.5, 16, spaceBefore=2.5 * mm, spaceAfter=1.5 * mm),
        "body": style("body", alignment=TA_JUSTIFY),
        "para": style("para", alignment=TA_JUSTIFY, firstLineIndent=21, spaceAfter=1.5 * mm),
        "item": style("item", alignment=TA_JUSTIFY, leftIndent=21, spaceAfter=0.5 * mm),
        "label": style("label", hei, 10, 15),
        "cell": style("cell", song, 10, 15),
        # A form that must fit one page (the registration form): tighter rows and section headings.
        "label_compact": style("label_compact", hei, 10, 13.5),
        "cell_compact": style("cell_compact", song, 10, 13.5),
        "section": style("section", hei, 11.5, 14, spaceBefore=1 * mm, spaceAfter=1 * mm),
        "small": style("small", song, 9, 13.5, alignment=TA_JUSTIFY, textColor=colors.HexColor("#333333")),
        "tiny": style("tiny", song, 8, 10.5),
        "tiny_right": style("tiny_right", song, 8, 10.5, alignment=TA_RIGHT),
        "tiny_head": style("tiny_head", hei, 8, 10.5, alignment=TA_CENTER),
        "right": style("right", alignment=TA_RIGHT),
        "center": style("center", alignment=TA_CENTER),
    }


def para(text: Any, style: str = "body") -> Paragraph:
    """User text as a wrapping paragraph (escaped; line breaks kept)."""
    markup = escape("" if text is None else str(text)).replace("\n", "<br/>")
    chosen = styles()[style]
    return Paragraph(fonts.with_rare_characters(markup, chosen.fontName), chosen)


def rich(markup: str, style: str = "body") -> Paragraph:
    """A paragraph of the document's own wording, which may use <b>, <u> or <font> (values pre-escaped)."""
    return Paragraph(markup, styles()[style])


def esc(text: Any) -> str:
    """User text escaped for a paragraph's markup, rare characters (CJK Extension B onward) in the fallback font."""
    return fonts.with_rare_characters(escape("" if text is None else str(text)))


def cn_date(value: str | date | None, blank: str = BLANK_DATE) -> str:
    """``2026-11-02`` → ``2026年11月2日``; nothing → a line to write the date on."""
    if not value:
        return blank
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return f"{day.year}年{day.month}月{day.day}日"


def yuan(fen: int | None) -> str:
    return "—" if fen is None else f"{format_yuan(fen)} 元"


def checks(options: Sequence[tuple[str, str]], chosen: Sequence[str]) -> str:
    """``■退货 □修理``: ticked and empty boxes (both glyphs are in the bundled fonts)."""
    return "　".join(("■" if code in chosen else "□") + label for code, label in options)


def field_table(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, compact: bool = False) -> list[Table]:
    """A form grid: even columns are labels (shaded, bold face), odd columns values.

    A row given fewer cells than columns has its last value run to the right edge. Cells are paragraphs,
    so long values wrap, and a row taller than the page is split across pages. Runs of rows with the same
    number of cells become one table each (reportlab cannot split a row inside a spanned cell), stacked
    so that their rules meet: splat the result into the story. ``compact``: rows 3.5 pt lower, for a form that
    must fit one page.
    """
    tables: list[Table] = []
    group: list[Sequence[Any]] = []
    for row in rows:
        if group and len(row) != len(group[0]):
            tables.append(_grid(group, widths, compact))
            group = []
        group.append(row)
    if group:
        tables.append(_grid(group, widths, compact))
    return tables


def _grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], compact: bool = False) -> Table:
    n = len(rows[0])
    col_widths = [*widths[: n - 1], sum(widths[n - 1 :])]
    label, cell = ("label_compact", "cell_compact") if compact else ("label", "cell")
    data = [[para(v, label) if c % 2 == 0 else _cell(v, cell) for c, v in enumerate(row)] for row in rows]
    table = Table(data, colWidths=col_widths, splitInRow=1, hAlign="CENTER")
    commands: list[Any] = [
        ("FONT", (0, 0), (-1, -1), fonts.SONG, 10),  # the cell font, even for paragraphs (else Helvetica)
        ("GRID", (0, 0), (-1, -1), 0.6, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2 if compact else 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 if compact else 4),
    ]
    commands += [("BACKGROUND", (c, 0), (c, -1), LABEL_BG) for c in range(0, n, 2)]
    table.setStyle(TableStyle(commands))
    return table


def _cell(value: Any, style: str = "cell") -> Any:
    return value if isinstance(value, Flowable) else para(value, style)


def signature_lines(names: Sequence[str], width: float, *, with_date: bool = True) -> Table:
    """``投诉人签字：________  ____年__月__日`` lines, one per signer; the label column fits the longest name."""
    song, _ = fonts.register()
    size = styles()["body"].fontSize
    first = max(stringWidth(f"{n}：", song, size) for n in names) + 8
    last = stringWidth(BLANK_DATE, song, size) + 14 if with_date else 0
    rows = [[f"{name}：", "", BLANK_DATE if with_date else ""] for name in names]  # plain strings: never wrapped
    line = min(max(width - first - last - 6 * mm, 25 * mm), 60 * mm)
    table = Table(rows, colWidths=[first, line, last], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), song, size),
                ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
            ]
        )
    )
    return table


class SealArea(Flowable):
    """Room for the station's seal: a dashed circle marked （盖章）, the station's name and a date below.
    ``compact``: the circle drawn over the name and the date, where a seal is stamped on them ("骑年盖月"), so the
    area is 15 mm lower (the registration form, which must fit one page)."""

    def __init__(
        self, station_name: str, on: str | date | None = None, width: float = 72 * mm, *, compact: bool = False
    ) -> None:
        super().__init__()
        self.station_name, self.on, self.width = station_name, on, width
        self.compact = compact
        self.radius = (14 if compact else 15.5) * mm
        self.height = self.radius * 2 + (2 if compact else 14) * mm
        self.hAlign = "RIGHT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        song, _ = fonts.register()
        c = self.canv
        cx, radius = self.width / 2, self.radius
        c.saveState()
        c.setStrokeColor(colors.HexColor("#999999"))
        c.setDash(2, 2)
        c.circle(cx, self.height - radius - 1 * mm, radius)
        c.setFillColor(colors.HexColor("#999999"))
        c.setFont(song, 10)
        mark = self.height - radius + (3 if self.compact else -4.5) * mm  # above the name when the circle is on it
        c.drawCentredString(cx, mark, "（盖章）")
        c.setFillColor(colors.black)
        c.setFont(song, 10.5)
        name = self.station_name
        while c.stringWidth(name, song, 10.5) > self.width and len(name) > 4:
            name = name[:-1]
        c.drawCentredString(cx, 7 * mm, name)
        c.drawCentredString(cx, 1 * mm, cn_date(self.on))
        c.restoreState()


def side_by_side(left: list[Any], right: Flowable, width: float, right_width: float = 72 * mm) -> Table:
    """Text on the left, e.g. a notice, and the seal area on the right (kept on one page)."""
    table = Table([[left, right]], colWidths=[width - right_width, right_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SONG, 10),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ]
        )
    )
    return table


def _numbered_canvas(page_size: tuple[float, float]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds the pages back until the end, to print "第 N 页 共 M 页" (only when M > 1)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if total > 1:
                    self.setFont(fonts.SONG, 9)
                    self.drawCentredString(page_size[0] / 2, 9 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
                super().showPage()
            pdf_archive.make_archival(self._doc)
            super().save()

    return NumberedCanvas


def build(
    path: Path,
    story: list[Any],
    *,
    title: str,
    station_name: str,
    reference: str,
    wide: bool = False,
) -> Path:
    """Lay the story out on A4 (landscape when ``wide``), each page headed with the station and reference."""
    fonts.register()
    line_breaking.install()
    page = landscape(A4) if wide else A4
    margin = 14 * mm if wide else 20 * mm
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=20 * mm,
        bottomMargin=17 * mm,
        title=f"{title} {reference}".strip(),
        author=station_name,
        subject=title,
        creator="station_app",
        initialFontName=fonts.SONG,  # else the PDF lists an unused, non-embedded Helvetica
        initialFontSize=10.5,
    )
    header = _header(page, margin, station_name, f"{title}　{reference}".strip())
    doc.build(story, onFirstPage=header, onLaterPages=header, canvasmaker=_numbered_canvas(page))
    return path


def _header(page: tuple[float, float], margin: float, left: str, right: str) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        y = page[1] - 12 * mm
        canvas.setFont(fonts.SONG, 9)
        canvas.setFillColor(colors.HexColor("#333333"))
        canvas.drawString(margin, y, left)
        canvas.drawRightString(page[0] - margin, y, right)
        canvas.setStrokeColor(LINE_COLOR)
        canvas.setLineWidth(0.5)
        canvas.line(margin, y - 2 * mm, page[0] - margin, y - 2 * mm)
        canvas.restoreState()

    return draw


def frame_width(wide: bool = False) -> float:
    page = landscape(A4) if wide else A4
    return page[0] - 2 * (14 * mm if wide else 20 * mm)


def heading(text: str) -> Paragraph:
    return para(text, "heading")


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def title_block(title: str, number: str) -> list[Any]:
    return [para(title, "title"), para(f"编号：{number}", "number")]
