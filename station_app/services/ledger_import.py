"""Bring a station's earlier ledger (台账, .xlsx or .csv) into the register: all rows or none.

The column → field mapping is guessed from the headers, corrected with ``--map``, and remembered
(settings table, keyed by the sorted headers) so the next ledger with the same headers needs nothing.
Every row goes through ``add_complaints`` — the same rules as a case typed in — inside one
transaction; a row in error is listed with its row number and nothing is written.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from station_app.domain import ledger_import as ledger_rules
from station_app.domain import roles
from station_app.domain.errors import Problem, RuleViolation, ValidationError
from station_app.services.complaints import add_complaints
from station_app.services.session import Session
from station_app.store import records as store

MIN_HEADER_CELLS = 3
# Footer lines of a printed ledger (合计, 制表人 …) are not cases.
FOOTER_WORDS = ("合计", "总计", "小计", "制表", "填表", "审核", "说明", "备注：", "注：")
MARKED_SHEET = "问题清单"  # the list a marked-up copy of a refused ledger opens on (services/ledger_marks.py)


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (row number as the spreadsheet shows it, header → value)
    skipped: list[int]
    name: str = ""  # the workbook's sheet ("1月"); empty for a .csv


class _Rollback(Exception):
    """Leaves the import transaction without writing (a row in error, or a dry run)."""


def _file_problem(path: Path, message: str) -> ValidationError:
    return ValidationError([Problem("FILE", "台账文件", f"{path.name}：{message}")])


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("既不是 UTF-8 也不是 GB18030 编码")


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls (or .doc), whatever its name says


def _sheets_xlsx(path: Path) -> list[tuple[str, list[list[Any]], set[tuple[int, int]]]]:
    """Every sheet of the workbook: its name, its rows, and the cells (row, column from 0) that begin a merged
    range spanning columns (a two-row header's group names)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True)  # not read-only: merged ranges are only known this way
    try:
        sheets = []
        for sheet in workbook.worksheets:
            if sheet.title == MARKED_SHEET:
                continue  # the program's own list in a corrected marked copy: not cases
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            spans = {(r.min_row - 1, r.min_col - 1) for r in sheet.merged_cells.ranges if r.max_col > r.min_col}
            for merged in sheet.merged_cells.ranges:  # a merged header's name over every column it covers
                if merged.max_col > merged.min_col and merged.min_row - 1 < len(rows):
                    row = rows[merged.min_row - 1]
                    for column in range(merged.min_col, min(merged.max_col, len(row))):
                        row[column] = row[merged.min_col - 1]
            sheets.append((sheet.title, rows, spans))
        return sheets
    finally:
        workbook.close()


def _rows_csv(path: Path) -> list[list[Any]]:
    text = _decode(path.read_bytes())
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet with a header row (a workbook kept one sheet per month gives them all, in order); a .csv is one.
    The header row is the first with at least three cells filled in; a title merged across the top is passed
    over, and a second header row under merged group names (投诉人 over 姓名 | 电话) is joined to it."""
    if not path.exists():
        raise _file_problem(path, "文件不存在")
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            if handle.read(8) == OLE2_MAGIC:
                raise _file_problem(
                    path, "这是旧版 Excel 文件（.xls，只是改了扩展名）：请在 Excel/WPS 中另存为 .xlsx 后再导入"
                )
        if suffix in (".xlsx", ".xlsm"):
            raw = _sheets_xlsx(path)
        elif suffix in (".csv", ".txt"):
            raw = [("", _rows_csv(path), set())]
        else:
            raise _file_problem(path, "只能导入 .xlsx 或 .csv 文件（.xls 请先在 Excel/WPS 中另存为 .xlsx）")
    except ValidationError:
        raise
    except Exception as exc:  # a damaged or mislabelled file: one clear line
        raise _file_problem(path, f"无法读取（{exc}）") from None
    sheets = [sheet for sheet in (_sheet(name, rows, spans) for name, rows, spans in raw) if sheet is not None]
    if not sheets:
        raise _file_problem(path, f"找不到表头行（至少 {MIN_HEADER_CELLS} 个非空单元格的一行）")
    return sheets


def read_sheet(path: Path) -> Sheet:
    """The first sheet with a header row (the import page's preview of the columns)."""
    return read_sheets(path)[0]


def _filled(row: list[Any]) -> list[str]:
    return [ledger_rules.cell_text(v) for v in row if ledger_rules.cell_text(v)]


def _sheet(name: str, raw: list[list[Any]], spans: set[tuple[int, int]]) -> Sheet | None:
    # (distinct texts: a title merged across the top reads as the same text in every column it covers)
    start = next((i for i, row in enumerate(raw) if len(set(_filled(row))) >= MIN_HEADER_CELLS), None)
    if start is None:
        return None  # a notes sheet, an empty one
    top = [v.strip() if isinstance(v, str) else ledger_rules.cell_text(v) for v in raw[start]]
    first_data = start + 1
    if any(row == start for row, _ in spans) and first_data < len(raw):
        sub = [v.strip() if isinstance(v, str) else ledger_rules.cell_text(v) for v in raw[first_data]]
        grouped = {column for row, column in spans if row == start}
        groups = _group_columns(top, grouped)
        # Under a group name (投诉人) each sub-header is that group's (投诉人姓名); a column alone keeps its name.
        top = [
            f"{t}{s}" if c in groups and s and s != t else (t or s)
            for c, (t, s) in enumerate(zip(top, sub + [""] * len(top), strict=False))
        ]
        first_data += 1
    # Headers as written (金额（元） stays full-width: it is what staff type after --map).
    headers = _unique(top)
    rows: list[tuple[int, dict[str, Any]]] = []
    skipped: list[int] = []
    for index in range(first_data, len(raw)):
        cells = raw[index]
        texts = _filled(cells)
        if not texts:
            continue
        if texts[0].startswith(FOOTER_WORDS) or (len(texts) == 1 and len(headers) > 2):
            skipped.append(index + 1)
            continue
        rows.append((index + 1, {h: v for h, v in zip(headers, cells, strict=False) if h}))
    return Sheet(headers, rows, skipped, name)


def _group_columns(top: list[str], starts: set[int]) -> set[int]:
    """The columns under a merged group name (the merge was spread over them when read)."""
    columns = set()
    for start in starts:
        column = start
        while column < len(top) and top[column] == top[start]:
            columns.add(column)
            column += 1
    return columns


def _unique(headers: list[str]) -> list[str]:
    """A header repeated in the ledger gets ``(2)`` so both columns can be mapped."""
    seen: dict[str, int] = {}
    result = []
    for h in headers:
        if h and h in seen:
            seen[h] += 1
            h = f"{h}({seen[h]})"
        elif h:
            seen[h] = 1
        result.append(h)
    return result


def mapping_for(session: Session, headers: list[str], overrides: list[str]) -> ledger_rules.Mapping:
    named = [h for h in headers if h]
    remembered = store.get_setting(session.db, ledger_rules.mapping_key(named))
    base, source = (json.loads(remembered), "remembered") if remembered else (ledger_rules.guess(named), "guessed")
    return ledger_rules.combine(base, ledger_rules.parse_overrides(overrides, named), named, source)


def _row_errors(row: int, exc: ValidationError | RuleViolation, mapping: ledger_rules.Mapping) -> list[dict[str, Any]]:
    if isinstance(exc, RuleViolation):
        return [{"row": row, "column": None, "field": None, "message": str(exc)}]
    errors = []
    for p in exc.problems:
        field = ledger_rules.field_of(p.field)
        columns = mapping.headers_of(field) if field else []
        errors.append(
            {
                "row": row,
                "column": "、".join(columns) or None,
                "field": p.field,
                "message": f"{p.label}：{p.message}",
            }
        )
    return errors


def import_ledger(
    session: Session,
    path: Path | str,
    today: date,
    *,
    overrides: list[str] | None = None,
    dry_run: bool = False,
) -> dict[str, Any]:
    """Check every row, then import them all (or, with ``dry_run`` or any row in error, none).

    Raises ValidationError for a problem with the file itself (unreadable, no header row, a
    required column not found); row problems are listed in the result's ``errors``.
    """
    session.require(roles.WRITE)
    session.station()
    path = Path(path)
    sheets = read_sheets(path)
    mappings = [mapping_for(session, sheet.headers, overrides or []) for sheet in sheets]
    errors: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    renames: dict[str, dict[str, Any]] = {}
    try:
        with session.db.atomic():
            for sheet, mapping in zip(sheets, mappings, strict=True):
                for row, cells in sheet.rows:
                    where = {"sheet": sheet.name, "row": row}
                    try:
                        mangled = ledger_rules.mangled_numbers(mapping, cells)
                        if mangled:
                            raise ValidationError(mangled)
                        fields = ledger_rules.row_fields(mapping, cells)
                        payload = ledger_rules.to_payload(fields, session.catalogs)
                        _note_rename(renames, session, fields.get("category", ""), payload["category"], where)
                        # Each row in its own savepoint (add_complaints nests): a bad row leaves no trace
                        # while the next rows are still checked, so every error is listed at once.
                        added = add_complaints(session, [payload], today)[0]
                    except (ValidationError, RuleViolation) as exc:
                        errors.extend({**e, "sheet": sheet.name} for e in _row_errors(row, exc, mapping))
                        continue
                    results.append({**where, **added})
            if errors or dry_run:
                raise _Rollback
            for sheet, mapping in zip(sheets, mappings, strict=True):
                store.set_setting(
                    session.db,
                    ledger_rules.mapping_key([h for h in sheet.headers if h]),
                    json.dumps(mapping.columns, ensure_ascii=False),
                )
    except _Rollback:
        pass
    ok = not errors
    first, mapping = sheets[0], mappings[0]
    return {
        "file": str(path),
        "dry_run": dry_run,
        "rows": sum(len(sheet.rows) for sheet in sheets),
        "valid": len(results),
        "imported": len(results) if ok and not dry_run else 0,
        "mapping": mapping.columns,
        "mapping_source": mapping.source,
        "unmapped": mapping.unmapped(first.headers),
        "skipped_rows": first.skipped,
        "renamed": list(renames.values()),
        "sheets": [
            {"name": sheet.name, "rows": len(sheet.rows), "skipped_rows": sheet.skipped, "mapping": m.columns}
            for sheet, m in zip(sheets, mappings, strict=True)
        ],
        "errors": errors,
        "results": results if ok else [],
    }


def _note_rename(
    renames: dict[str, dict[str, Any]], session: Session, text: str, code: str, where: dict[str, Any]
) -> None:
    """Remember that the ledger's category ``text`` was read as today's ``code`` (百货类 → 日用商品类), and where."""
    label = ledger_rules.renamed(session.catalogs, "categories", text, code)
    if label is not None:
        entry = renames.setdefault(text, {"from": text, "to": label, "code": code, "rows": []})
        entry["rows"].append(where)


# For the import page: the fields a column can be mapped to, with their Chinese names.
FIELD_NAMES = dict(ledger_rules.FIELDS)
IGNORE = ledger_rules.IGNORE


def preview_mapping(session: Session, path: Path | str) -> tuple[list[str], ledger_rules.Mapping]:
    """The ledger's headers and the mapping the import would use (remembered, else guessed)."""
    session.require(roles.READ)
    sheet = read_sheet(Path(path))
    return [h for h in sheet.headers if h], mapping_for(session, sheet.headers, [])
