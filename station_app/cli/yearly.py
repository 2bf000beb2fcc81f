"""``station-app summary`` (the year-end draft as .docx) and ``station-app ledger import`` (last year's 台账).

See docs/yearly.md. Heavy imports (python-docx, openpyxl) wait until a command needs them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from station_app.cli.base import Command, ExitCode, bind, group, print_json


def register(sub: Any, command: Command) -> None:
    p = bind(command(sub, "summary", "年终工作总结初稿（统计部分，Word .docx，数字与 tally --year 相同）"), summary)
    p.add_argument("--year", required=True, metavar="YYYY")
    p.add_argument("--out", required=True, metavar="FILE.docx", help="输出的 Word 文件")
    p.add_argument(
        "--station", action="append", default=[], metavar="CODE", help="只统计该站点（可重复；默认全部站点）"
    )
    p.add_argument("--as-of", metavar="DATE", help="按该日的办理结果统计（默认今天）")

    ledger = group(sub, command, "ledger", "以前的台账（Excel/WPS 表格）")
    p = bind(command(ledger, "import", "导入台账 .xlsx 或 .csv（全部成功或全部不写入）"), ledger_import)
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="列名=字段",
        help="指定某列对应的字段（可重复），如 投诉人=consumer_name",
    )
    p.add_argument("--dry-run", action="store_true", help="只检查、报告，不写入")
    p.add_argument(
        "--marked-copy",
        metavar="OUT.xlsx",
        help="台账有问题时，另存一份副本：问题单元格标红并加批注，首页“问题清单”列出全部问题（原文件不改动）",
    )


def summary(session: Any, args: argparse.Namespace, today: date) -> int:
    from station_app.domain import periods
    from station_app.domain.errors import InvalidValue, Problem, ValidationError
    from station_app.reports import summary_docx

    try:
        period = periods.year(args.year)
    except InvalidValue as exc:
        raise ValidationError([Problem("--year", "年份", str(exc))]) from None
    out = Path(args.out)
    if out.suffix.lower() != ".docx":
        raise ValidationError([Problem("--out", "输出文件", "文件名应以 .docx 结尾（Word、WPS 均可打开）")])
    from station_app.cli.tally import tally_json

    data, names = tally_json(session, args, period, today)
    path = summary_docx.write(data, session.catalogs, names, out, author=session.station()["name"])
    if getattr(args, "format", "text") == "json":
        print_json({"file": str(path), "period": data["period"], "as_of": data["as_of"], "stations": data["stations"]})
    else:
        sys.stdout.write(f"已生成 {path}\n")
    return ExitCode.OK


def ledger_import(session: Any, args: argparse.Namespace, today: date) -> int:
    from station_app.domain.errors import ValidationError
    from station_app.services import ledger_import as ledger_service
    from station_app.services import ledger_marks

    if args.marked_copy:
        ledger_marks.check_target(args.file, args.marked_copy)
    try:
        report = ledger_service.import_ledger(session, args.file, today, overrides=args.map, dry_run=args.dry_run)
    except ValidationError as exc:
        if getattr(args, "format", "text") != "json":
            raise
        print_json(_file_refusal(args, exc))  # the JSON the docs promise, on a refusal of the file too
        return ExitCode.INPUT
    marked = None
    if args.marked_copy and report["errors"]:
        marked = ledger_marks.save_marked_copy(args.file, report["errors"], args.marked_copy)
    report["marked_copy"] = marked["file"] if marked else None
    if getattr(args, "format", "text") == "json":
        print_json(report)
    else:
        text = _report_text(report)
        if marked:
            text += (
                f"\n已另存标注副本：{marked['file']}（{marked['cells']} 个单元格标红并加批注，"
                f"首页“问题清单”列出全部 {marked['problems']} 处问题）"
            )
        elif args.marked_copy:
            text += "\n台账没有问题，未生成标注副本"
        (sys.stderr if report["errors"] else sys.stdout).write(text + "\n")
    return ExitCode.INPUT if report["errors"] else ExitCode.OK


def _file_refusal(args: argparse.Namespace, exc: Any) -> dict[str, Any]:
    errors = [
        {"sheet": None, "row": None, "column": None, "field": p.field, "message": p.message} for p in exc.problems
    ]
    return {
        "file": str(args.file), "dry_run": args.dry_run, "rows": 0, "valid": 0, "imported": 0, "mapping": {},
        "mapping_source": None, "unmapped": [], "skipped_rows": [], "sheets": [], "errors": errors, "results": [],
        "marked_copy": None,
    }  # fmt: skip


def _report_text(report: dict[str, Any]) -> str:
    from station_app.domain.ledger_import import FIELDS

    lines = []
    if report["errors"]:
        bad_rows = len({(e.get("sheet"), e["row"]) for e in report["errors"]})
        lines.append(f"错误：台账中有 {bad_rows} 行有误，未导入任何记录（共 {report['rows']} 行）：")
        for e in report["errors"]:
            column = f"〔{e['column']}〕" if e["column"] else ""
            sheet = f"工作表“{e['sheet']}”" if e.get("sheet") else ""
            lines.append(f"  {sheet}第 {e['row']} 行{column}：{e['message']}")
    elif report["dry_run"]:
        lines.append(f"检查完毕：{report['rows']} 行全部可以导入（试运行，未写入）")
    if len(report.get("sheets", [])) > 1:
        lines.append("工作表：" + "、".join(f"{s['name']} {s['rows']} 行" for s in report["sheets"]))
    else:
        lines.append(f"已导入 {report['imported']} 件投诉")
        duplicates = [r for r in report["results"] if r["duplicates"]]
        for r in duplicates:
            lines.append(f"  注意：第 {r['row']} 行 {r['number']} 可能与 {'、'.join(r['duplicates'])} 重复")
    source = "沿用上次保存的对应关系" if report["mapping_source"] == "remembered" else "按表头自动识别"
    lines.append(f"列对应（{source}）：")
    for header, field in report["mapping"].items():
        lines.append(f"  {header} → {FIELDS.get(field, field)}（{field}）")
    for r in report.get("renamed", []):
        lines.append(f"类别按今天的名称导入：{r['from']} → {r['to']}（{len(r['rows'])} 行）")
    if report["unmapped"]:
        lines.append(f"未导入的列：{'、'.join(report['unmapped'])}（需要时用 --map 列名=字段 指定）")
    if report["skipped_rows"]:
        lines.append(f"跳过的行（合计、制表人等）：{'、'.join(str(n) for n in report['skipped_rows'])}")
    return "\n".join(lines)
