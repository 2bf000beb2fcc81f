"""The figures section of a year-end work summary (年终工作总结), as a Word document staff finish.

Written in the seeds' own style — numbered headings (一、二、…) and sentences with the figures
filled in — followed by the tally tables. Every figure comes from the tally JSON
(services.tallies.as_json), so the draft says exactly what ``station-app tally --year`` says.
Runs carry an East Asian font name (宋体 body, 黑体 headings) so Word and WPS show the Chinese
text in a Chinese face.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from station_app.domain.catalogs import Catalogs
from station_app.reports import tally_rows
from station_app.reports.tally_rows import PERCENT, TEXT, YUAN, format_cell

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
NUMERALS = "一二三四五六七八九十"
TOP_N = 3
PLACEHOLDER = "【请在此补充】"


# -- fonts ----------------------------------------------------------------------------------------
def _set_fonts(element: Any, east_asia: str) -> None:
    """rFonts with w:eastAsia (and Latin faces), theme fonts removed so they cannot override it."""
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)


def _run(paragraph: Any, text: str, *, font: str = BODY_FONT, size: float = 12, bold: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(run._r, font)
    return run


def _prepare_styles(document: DocumentType) -> None:
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element, BODY_FONT)
    for name in ("Heading 1", "Heading 2", "Title"):
        style = document.styles[name]
        _set_fonts(style.element, HEADING_FONT)
        style.font.color.rgb = RGBColor(0, 0, 0)


# -- paragraphs -----------------------------------------------------------------------------------
def _body(document: DocumentType, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(24)  # two characters
    paragraph.paragraph_format.line_spacing = 1.5
    _run(paragraph, text)


def _heading(document: DocumentType, text: str, level: int = 1) -> None:
    paragraph = document.add_heading(level=level)
    paragraph.paragraph_format.space_before = Pt(12)
    _run(paragraph, text, font=HEADING_FONT, size=14 if level == 1 else 12)


def _title(document: DocumentType, text: str, subtitle: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, text, font=HEADING_FONT, size=18)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, subtitle, font=BODY_FONT, size=10.5)


# -- sentences ------------------------------------------------------------------------------------
def _yuan(fen: int) -> str:
    return format_cell(fen, YUAN)


def _pct(value: Any) -> str:
    return format_cell(value, PERCENT)


def _change_words(data: dict[str, Any], *path: str) -> str:
    """比去年同期增长 43.0% / 下降 … / 与去年同期持平; empty when last year had none."""
    change: Any = data.get("changes") or {}
    for key in path:
        change = change.get(key) if isinstance(change, dict) else None
    if not change or change.get("delta") is None:
        return ""
    if change["delta"] == 0:
        return "，与去年同期持平"
    if change.get("percent") is None:
        return ""
    word = "增长" if change["delta"] > 0 else "下降"
    return f"，比去年同期{word}{abs(change['percent']):.1f}%"


def _top(counts: dict[str, int], shares: dict[str, Any]) -> list[tuple[str, int, Any]]:
    ranked = sorted(((code, n) for code, n in counts.items() if n), key=lambda item: -item[1])
    return [(code, n, shares.get(code)) for code, n in ranked[:TOP_N]]


def _ranking(title: str, lead: str, top: list[tuple[str, int, Any]], label: Any) -> str:
    """从投诉问题性质看：质量问题居首位，投诉87件，占投诉总量的76.3%；其次是合同问题12件、占10.5%…"""
    if not top:
        return ""
    code, n, share = top[0]
    text = f"{title}：{label(code)}{lead}，投诉{n}件，占投诉总量的{_pct(share)}%"
    rest = [f"{label(c)}{k}件、占{_pct(s)}%" for c, k, s in top[1:]]
    if rest:
        text += "；其次是" + "，".join(rest)
    return text + "。"


def complaint_paragraphs(data: dict[str, Any], catalogs: Catalogs) -> list[str]:
    c = data["complaints"]
    sentence = f"全年共受理消费者投诉{c['accepted']}件{_change_words(data, 'complaints', 'accepted')}"
    sentence += f"，调解结案{c['settled']}件"
    if c["settlement_rate"] is not None:
        sentence += f"，调解成功率{_pct(c['settlement_rate'])}%"
    sentence += f"，为消费者挽回经济损失{_yuan(c['recovered_fen'])}元"
    sentence += _change_words(data, "complaints", "recovered_fen")
    if c["punitive_cases"]:
        sentence += f"，其中因经营者欺诈等获得加倍赔偿{c['punitive_cases']}件、{_yuan(c['punitive_fen'])}元"
    sentence += f"。不予受理{c['not_accepted']}件"
    if c["terminated"]:
        sentence += f"，终止调解并建议消费者通过其他途径解决{c['terminated']}件"
    if c["transferred"]:
        sentence += f"，转有关部门办理{c['transferred']}件"
    if c["open"]:
        sentence += f"，尚在办理{c['open']}件"
    sentence += f"。接待来访和咨询{data['consultations']['persons']}人次。"
    paragraphs = [sentence]
    if not c["accepted"]:
        return paragraphs

    def label_of(kind: str) -> Any:
        return lambda code: catalogs.label(kind, code)

    def nature_label(code: str) -> str:
        return f"{catalogs.label('natures', code)}问题"

    shares = c["shares"]
    ranking = _ranking("从投诉问题性质看", "居首位", _top(c["by_nature"], shares["by_nature"]), nature_label)
    ranking += _ranking(
        "从投诉商品和服务类别看",
        "投诉最多",
        _top(c["by_category"], shares["by_category"]),
        label_of("categories"),
    )
    tops = c["by_category_top"]
    ranking += f"按大类分，商品类{tops.get('goods', 0)}件，服务类{tops.get('services', 0)}件"
    ranking += f"，其他{tops['other']}件。" if tops.get("other") else "。"
    paragraphs.append(ranking)
    bands = [
        f"{catalogs.label('amount_bands', code)}的案件{n}件"
        for code, n in c["by_amount_band"].items()
        if n and code != "unknown"
    ]
    if bands:
        paragraphs.append("从涉案金额看，涉及金额" + "，".join(bands) + "。")
    if c["followups"]:
        rate = f"，满意率{_pct(c['satisfaction_rate'])}%" if c["satisfaction_rate"] is not None else ""
        paragraphs.append(f"对办结案件开展回访{c['followups']}件次{rate}。")
    return paragraphs


def outreach_paragraphs(data: dict[str, Any], catalogs: Catalogs) -> list[str]:
    o = data["outreach"]
    text = (
        f"全年开展宣传活动{o['events']}场次{_change_words(data, 'outreach', 'events')}，"
        f"发放宣传资料{o['leaflets']}份，悬挂横幅{o['banners']}条，展板{o['boards']}块，"
        f"现场咨询{o['onsite_consultations']}人次"
    )
    if o["audience"]:
        text += f"，受众{o['audience']}人次"
    if o["complaints_taken"]:
        text += f"，现场受理投诉{o['complaints_taken']}件"
    if o["articles"]:
        text += f"，在各类媒体发表宣传稿件{o['articles']}篇"
    if o["destroyed_g"] or o["destroyed_value_fen"]:
        kg = format_cell(o["destroyed_g"] / 1000, "decimal")
        text += f"，集中销毁假冒伪劣商品{kg}千克、货值{_yuan(o['destroyed_value_fen'])}元"
    text += "。"
    kinds = [f"{catalogs.label('outreach_kinds', code)}{n}场次" for code, n in o["by_kind"].items() if n]
    if kinds:
        text += "其中" + "，".join(kinds) + "。"
    venues = [f"{catalogs.label('venue_types', code)}{n}场次" for code, n in o["by_venue_type"].items() if n]
    if venues:
        text += "按开展地点分：" + "，".join(venues) + "。"
    return [text]


def report_paragraphs(data: dict[str, Any]) -> list[str]:
    r = data["reports"]
    text = f"全年受理举报{r['received']}件{_change_words(data, 'reports', 'received')}，转为案件线索{r['to_case']}件"
    if r["fine_fen"]:
        text += f"，罚没款共计{_yuan(r['fine_fen'])}元"
    return [text + "。"]


def warning_paragraphs(data: dict[str, Any]) -> list[str]:
    w = data["warnings"]
    by_type = w["by_type"]
    text = f"全年发布消费警示{by_type['warning']}条、消费提示{by_type['tip']}条，共{w['issued']}条"
    return [text + "，尽可能把消费维权由事后补救转为事前防范。"]


def sections(data: dict[str, Any], catalogs: Catalogs) -> list[tuple[str, list[str]]]:
    """(heading without its number, paragraphs) in the order of the seeds' summaries."""
    return [
        ("认真受理消费投诉，全心全意为消费者服务", complaint_paragraphs(data, catalogs)),
        ("广泛开展消费维权宣传", outreach_paragraphs(data, catalogs)),
        ("受理举报，加强对商品和服务的社会监督", report_paragraphs(data)),
        ("发布消费警示，引导消费者理性消费", warning_paragraphs(data)),
        ("存在的问题", [PLACEHOLDER]),
        ("明年工作打算", [PLACEHOLDER]),
    ]


# -- tables ---------------------------------------------------------------------------------------
def _mark_header(row: Any) -> None:
    """Repeat the header row on each page when a table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document: DocumentType, number: int, table: tally_rows.Table) -> None:
    caption = document.add_paragraph()
    caption.paragraph_format.space_before = Pt(12)
    _run(caption, f"表{number}  {table.title}", font=HEADING_FONT, size=12)
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.headers))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, table.headers, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, text, font=HEADING_FONT, size=10.5)
    _mark_header(grid.rows[0])
    for values, kinds, row in zip(table.rows, table.kinds, grid.rows[1:], strict=True):
        for value, kind, cell in zip(values, kinds, row.cells, strict=True):
            paragraph = cell.paragraphs[0]
            if kind != TEXT:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(paragraph, format_cell(value, kind), size=10.5)


# -- the document ---------------------------------------------------------------------------------
def heading_text(data: dict[str, Any], station_names: dict[str, str]) -> str:
    codes = data["stations"]
    who = station_names.get(codes[0], codes[0]) if len(codes) == 1 else "全县各消费维权站点"
    return f"{who}{data['period']['label']}消费维权工作总结"


# A4 with the margins of GB/T 9704-2012 (党政机关公文格式, 5.2.1: top 37 mm, left 28 mm, text block 156 × 225 mm),
# as the summaries this draft becomes are laid out; python-docx's own template is US Letter.
PAGE_MM = (210, 297)
MARGINS_MM = {"top_margin": 37, "bottom_margin": 35, "left_margin": 28, "right_margin": 26}


def _page_and_properties(document: DocumentType, data: dict[str, Any], author: str, title: str) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
        for name, mm in MARGINS_MM.items():
            setattr(section, name, Mm(mm))
    made = datetime.combine(date.fromisoformat(data["as_of"]), time(12), tzinfo=UTC)
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.title = title
    properties.subject = "消费维权工作总结（统计部分初稿）"
    properties.created = properties.modified = made
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""


def build(data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str], author: str = "") -> DocumentType:
    """``author``: the register's own station or office (the document's author in its properties)."""
    document = Document()
    codes = data["stations"]
    author = author or (station_names.get(codes[0], codes[0]) if len(codes) == 1 else "")
    _page_and_properties(document, data, author, heading_text(data, station_names))
    _prepare_styles(document)
    _title(
        document,
        heading_text(data, station_names),
        f"（统计部分初稿：数据截至 {data['as_of']}，由登记簿生成，请核对后修改补充）",
    )
    who = "本站" if len(data["stations"]) == 1 else "各站点"
    _body(
        document,
        f"{data['period']['label']}，{who}认真履行消费维权职能，切实维护消费者合法权益，"
        f"{PLACEHOLDER}现将一年来的主要工作总结如下：",
    )
    numbered = sections(data, catalogs)
    for index, (head, paragraphs) in enumerate(numbered):
        _heading(document, f"{NUMERALS[index]}、{head}")
        for text in paragraphs:
            _body(document, text)
    _heading(document, f"{NUMERALS[len(numbered)]}、附表：{data['period']['label']}消费维权工作统计")
    for number, table in enumerate(tally_rows.tables(data, catalogs, station_names), start=1):
        _table(document, number, table)
    return document


def write(
    data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str], path: Path, author: str = ""
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    build(data, catalogs, station_names, author).save(str(path))
    return path
