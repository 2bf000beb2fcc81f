"""A marked-up copy of a refused ledger (issue 19): the station's own workbook with each problem cell filled
red and a comment in Chinese (sheet, row, column, what the cell holds, what is wrong and what would be
accepted), and a first sheet 问题清单 listing them all — so the clerk fixes the file where the problems are.

The copy is the workbook as saved (formulas, formats and every value unchanged: only fills, comments and the
list are added), written under another name: the original is never touched. A .csv ledger becomes a workbook
with its rows as text. The import passes over a sheet named 问题清单, so the corrected copy imports as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station_app.domain import ledger_import as ledger_rules
from station_app.domain.errors import Problem, ValidationError
from station_app.services import ledger_import

FILL = "FFC7CE"  # the light red of Excel's own "bad" cell style
LIST_HEADERS = ("工作表", "行", "列", "单元格", "现在的内容", "问题")
AUTHOR = "消费维权登记簿"


def _refuse(message: str) -> ValidationError:
    return ValidationError([Problem("--marked-copy", "标注副本", message)])


def check_target(source: Path | str, out: Path | str) -> None:
    """Refuse a copy's name that is not .xlsx or is the ledger itself (checked before the import runs)."""
    if Path(out).suffix.lower() != ".xlsx":
        raise _refuse("文件名应以 .xlsx 结尾（Excel、WPS 均可打开）")
    if Path(out).resolve() == Path(source).resolve():
        raise _refuse("不能覆盖原台账：请另取一个文件名")


def save_marked_copy(source: Path | str, errors: list[dict[str, Any]], out: Path | str) -> dict[str, Any]:
    """Write the copy of ``source`` with ``errors`` (the import's ``errors``) marked; returns {"file", "cells",
    "problems"}. Problems of a row with no column (a rule over several fields) mark the row's first cell."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    check_target(source, out)
    source, out = Path(source), Path(out)
    sheets = {sheet.name: sheet for sheet in ledger_import.read_sheets(source)}
    book = _copy(source)
    notes: dict[tuple[str, str], list[str]] = {}
    listing: list[list[Any]] = []
    for error in errors:
        if error.get("row") is None:
            continue  # the file itself was refused: there is no cell to mark
        name = error.get("sheet") or ""
        worksheet = book[name] if name else book.worksheets[0]
        sheet = sheets.get(name)
        columns = _columns(sheet, error.get("column"))
        for column in columns or [1]:
            cell = _writable(worksheet, error["row"], column)
            value = _value(sheet, error["row"], column)
            where = f"{'工作表“' + name + '”' if name else ''}第 {error['row']} 行〔{error.get('column') or '整行'}〕"
            notes.setdefault((worksheet.title, cell.coordinate), []).append(
                f"{where}\n现在的内容：{value or '（空）'}\n问题：{error['message']}"
            )
            listing.append(
                [name, error["row"], error.get("column") or "整行", cell.coordinate, value, error["message"]]
            )
    fill = PatternFill("solid", fgColor=FILL)
    for (title, coordinate), texts in notes.items():
        cell = book[title][coordinate]
        earlier = f"{cell.comment.text}\n——\n" if cell.comment else ""
        cell.fill = fill
        cell.comment = Comment(earlier + "\n——\n".join(texts), AUTHOR, height=160, width=320)
    _list_sheet(book, listing)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return {"file": str(out), "cells": len(notes), "problems": len(listing)}


def _copy(source: Path) -> Any:
    from openpyxl import Workbook, load_workbook

    if source.suffix.lower() in (".xlsx", ".xlsm"):
        return load_workbook(source)  # formulas as formulas: nothing of the clerk's workbook is recomputed
    book = Workbook()
    book.active.title = "台账"
    for row in ledger_import._rows_csv(source):
        book.active.append([str(v) for v in row])  # as text, as the import read it
    return book


def _columns(sheet: ledger_import.Sheet | None, column: str | None) -> list[int]:
    """The spreadsheet columns (from 1) of an error's ``column`` (headers joined by 、 when a field has several)."""
    if sheet is None or not column:
        return []
    names = [column] if column in sheet.headers else column.split("、")
    return [sheet.headers.index(n) + 1 for n in names if n in sheet.headers]


def _writable(worksheet: Any, row: int, column: int) -> Any:
    """The cell, or the top-left cell of the merged range it lies in (only that one holds a value and a comment)."""
    for merged in worksheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return worksheet.cell(merged.min_row, merged.min_col)
    return worksheet.cell(row, column)


def _value(sheet: ledger_import.Sheet | None, row: int, column: int) -> str:
    """What the cell holds as the import read it (a formula's result, a date as 2025-03-05)."""
    if sheet is None or column > len(sheet.headers):
        return ""
    cells = dict(sheet.rows).get(row, {})
    return ledger_rules.cell_text(cells.get(sheet.headers[column - 1]))


def _list_sheet(book: Any, listing: list[list[Any]]) -> None:
    """问题清单 as the first sheet, the one the workbook opens on."""
    from openpyxl.styles import Alignment, Font

    if ledger_import.MARKED_SHEET in book.sheetnames:  # a copy marked before: the list is made anew
        del book[ledger_import.MARKED_SHEET]
    sheet = book.create_sheet(ledger_import.MARKED_SHEET, 0)
    sheet.append([f"以下 {len(listing)} 处问题使整份台账没有导入；改正标红的单元格后，可直接导入本文件。"])
    sheet.append(list(LIST_HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in listing:
        sheet.append(row)
    for letter, width in zip("ABCDEF", (10, 6, 16, 8, 24, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=3):
        row[-1].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    for other in book.worksheets:
        other.sheet_view.tabSelected = other is sheet  # one selected tab, else Excel opens the sheets grouped
    book.active = 0
