"""The tally as an Excel workbook a county clerk can hand on: one sheet per table, frozen headers,
numbers stored as numbers (money in yuan with two decimals, rates with one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from station_app.domain.catalogs import Catalogs
from station_app.reports import tally_rows
from station_app.reports.tally_rows import COUNT, DECIMAL, PERCENT, YUAN
from station_app.reports.tally_text import summary_sentence, title
from station_app.reports.text_table import display_width

FORMATS = {COUNT: "#,##0", YUAN: "#,##0.00", PERCENT: "0.0", DECIMAL: "0.0##"}
THIN = Side(style="thin", color="999999")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")


NO_RATE = "—"  # a rate without its denominator, as the PDF and the text say
PORTRAIT_WIDTH = 95  # column-width units that fit an A4 page upright at 100 %; wider tables print across


def _value(value: Any, kind: str) -> Any:
    if value is None:
        return NO_RATE if kind == PERCENT else None
    if kind == YUAN:
        return round(value / 100, 2)
    return value


def write(data: dict[str, Any], catalogs: Catalogs, station_names: dict[str, str], path: Path) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, table in enumerate(tally_rows.tables(data, catalogs, station_names)):
        sheet = workbook.create_sheet(table.title[:31])
        columns = len(table.headers)
        sheet.append([title(data, station_names)])
        sheet["A1"].font = Font(bold=True, size=13)
        # The title within the table's width, wrapped: spilling right it made pages holding only its tail.
        sheet["A1"].alignment = Alignment(wrap_text=True, vertical="center")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
        sheet.row_dimensions[1].height = 36
        if number == 0:
            sheet.append([summary_sentence(data)])
            sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
            sheet.row_dimensions[2].height = 75
            sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(table.headers))
        sheet.append(list(table.headers))
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
        for row, kinds in zip(table.rows, table.kinds, strict=True):
            sheet.append([_value(v, k) for v, k in zip(row, kinds, strict=True)])
            for cell, kind in zip(sheet[sheet.max_row], kinds, strict=True):
                cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
                if kind in FORMATS:
                    cell.number_format = FORMATS[kind]
                if cell.value == NO_RATE:
                    cell.alignment = Alignment(horizontal="right")
            if row[0] == "合计":
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
        for index, header in enumerate(table.headers, start=1):
            values = [str(r[index - 1]) for r in table.rows] + [header]
            width = max(display_width(v) for v in values) + 2
            sheet.column_dimensions[get_column_letter(index)].width = min(max(width, 10), 40)
        _print_on_a4(sheet, columns, header_row)
    workbook.properties.creator = station_names.get(data["stations"][0], "") if len(data["stations"]) == 1 else ""
    workbook.properties.title = title(data, station_names)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _print_on_a4(sheet: Any, columns: int, header_row: int) -> None:
    """A4, upright unless the table is too wide for it, one page wide (as many tall as needed), the header row
    repeated on every page, and nothing printed beyond the table."""
    width = sum(sheet.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, columns + 1))
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait" if width <= PORTRAIT_WIDTH else "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages tall as the rows need
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(columns)}{sheet.max_row}"
    sheet.print_options.horizontalCentered = True
