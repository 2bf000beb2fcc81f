"""``station-app exchange …`` and the county's names for the same commands (docs/package-format.md).

    station-app exchange key | export --out DIR | import … | county-key export|install|show | log | conflicts
    station-app export --to DIR [--since-last] [--period YYYY-MM]     prints the package path
    station-app keys show | export --out FILE | import-county FILE
    station-app import PACKAGE_OR_DIR... [--dry-run] [--accept-key FP]  exit 2 when anything was refused
    station-app rollup --to DIR

The county's names are bound to the same handlers as their ``exchange …`` twins; only the printed text of
``export`` differs (the county's scripts read the package's path alone).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, ExitCode, bind, group, out, print_json, wants_json
from station_app.domain.errors import Problem, RuleViolation, ValidationError

if TYPE_CHECKING:
    from station_app.services.session import Session

STATUS_LABELS = {
    "imported": "已导入",
    "unchanged": "已导入过，没有变化",
    "dry_run": "试运行（未写入）",
    "refused": "已拒收",
}


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "exchange", "U盘数据交换：站点导出、县局导入")
    p = bind(command(actions, "key", "显示本站签名密钥的指纹（首次使用时生成），供县局电话核对"), station_key)
    p.add_argument("--renew", action="store_true", help="本机启用新密钥（站长；登记簿换了电脑时）")
    _export_arguments(
        bind(command(actions, "export", "导出数据包到文件夹（如U盘），写入后读回校验"), export), county=False
    )
    _import_arguments(
        bind(
            command(actions, "import", "县局：导入一个或多个数据包，或整个文件夹（每个数据包全部导入或全部拒收）"),
            import_,
        ),
        "FILE|DIR",
        "只检查并报告将新增、修改、拒收多少，不写入",
    )
    county = group(actions, command, "county-key", "县级公钥：县局导出，站点安装后数据包加密给县局", dest="key_action")
    _key_out_argument(bind(command(county, "export", "县局：导出县级公钥文件（私钥留在本机）"), county_key_export))
    _key_file_argument(bind(command(county, "install", "站点：安装县级公钥文件"), county_key_install))
    bind(command(county, "show", "站点：显示已安装的县级公钥"), county_key_show)
    p = bind(command(actions, "log", "导入记录（何时导入了哪些数据包）"), import_log)
    p.add_argument("--limit", type=int, default=100)
    bind(command(actions, "conflicts", "同一修订版本内容不同的记录（未自动处理，待核对）"), conflicts)

    # The county offices' names (issue "USB exchange").
    _export_arguments(
        bind(command(sub, "export", "站点：导出数据包到文件夹（如U盘），写入后读回校验，输出数据包路径"), export),
        county=True,
    )
    keys = group(sub, command, "keys", "密钥：本站指纹、县级公钥的导出与安装", dest="key_action")
    bind(command(keys, "show", "显示本站签名密钥指纹和已安装的县级公钥"), station_key)
    _key_out_argument(
        bind(command(keys, "export", "县局：导出县级公钥文件（站点安装后，数据包加密给县局）"), county_key_export)
    )
    _key_file_argument(bind(command(keys, "import-county", "站点：安装县级公钥文件"), county_key_install))
    _import_arguments(
        bind(command(sub, "import", "县局：导入数据包或整个文件夹（任何一个被拒收时退出码为 2，并列出原因）"), import_),
        "PACKAGE_OR_DIR",
        "只检查并报告，不写入",
    )
    p = bind(command(sub, "rollup", "县局：导出全县汇总数据包（各站记录，县局签名；装有上级公钥时加密）给市级"), rollup)
    p.add_argument("--to", required=True, metavar="DIR")


def _export_arguments(p: argparse.ArgumentParser, *, county: bool) -> None:
    """``exchange export --out DIR`` and ``export --to DIR [--period]``: one command under two names. The county's
    scripts know it by ``--to`` and read only the package's path (``path_only``), as docs/cli.md promises."""
    p.set_defaults(path_only=county)
    if county:
        p.add_argument("--to", required=True, metavar="DIR")
    else:
        p.add_argument("--out", dest="to", required=True, metavar="DIR", help="保存数据包的文件夹")
    p.add_argument("--since-last", action="store_true", help="只导出上次导出以后新增或修改的记录")
    if county:
        p.add_argument("--period", metavar="YYYY-MM", help="只导出该月的记录（按登记或发生日期）")
    else:
        p.set_defaults(period=None)  # the handler reads it; only the county's name takes --period


def _key_out_argument(p: argparse.ArgumentParser) -> None:
    """``exchange county-key export`` and ``keys export``: where the county's public key file is written."""
    p.add_argument("--out", required=True, metavar="FILE")


def _key_file_argument(p: argparse.ArgumentParser) -> None:
    """``exchange county-key install`` and ``keys import-county``: the county's public key file to install."""
    p.add_argument("file", metavar="FILE")


def _import_arguments(p: argparse.ArgumentParser, metavar: str, dry_run_help: str) -> None:
    """``exchange import`` and ``import``: one command under two names."""
    p.add_argument("paths", nargs="+", metavar=metavar)
    p.add_argument("--dry-run", action="store_true", help=dry_run_help)
    p.add_argument("--accept-key", metavar="FINGERPRINT", help="首次导入某站时，电话核对过的该站密钥指纹")


def station_key(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    result = exchange.station_key(session, renew=getattr(args, "renew", False))
    county = result["county_key"]
    text = f"本站 {result['station']} 签名密钥指纹：{result['fingerprint']}\n" + (
        f"已安装县级公钥（{county['county']}，指纹 {county['fingerprint']}）：数据包将加密"
        if county
        else "未安装县级公钥：导出时个人信息将脱敏"
    )
    return out(args, result, text)


def export(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    if args.period and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", args.period):
        raise ValidationError([Problem("--period", "月份", "应为 YYYY-MM，如 2026-11")])
    if not exchange.county_key_installed(session):
        detail = "" if args.path_only else "（姓名、电话、证件号码、地址）"
        sys.stderr.write(f"注意：未安装县级公钥，数据包不加密，其中的个人信息{detail}已脱敏\n")
    result = exchange.export_package(session, Path(args.to), since_last=args.since_last, month=args.period)
    if args.path_only:
        return out(args, result, result["file"])
    counts = result["counts"]
    text = (
        f"已写入并读回校验：{result['file']}\n"
        f"投诉 {counts['complaints']}，回访 {counts['followups']}，咨询 {counts['consultations']}，"
        f"举报 {counts['reports']}，宣传活动 {counts['outreach_events']}，警示 {counts['warnings']}"
        f"（其中已删除 {counts['tombstones']}）\n"
        f"{'已加密给县局' if result['encrypted'] else '未加密，个人信息已脱敏'}；"
        f"本站密钥指纹 {result['fingerprint']}\n可以安全拔出U盘"
    )
    return out(args, result, text)


def rollup(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    result = exchange.export_package(session, Path(args.to), rollup=True)
    return out(args, result, result["file"])


def import_(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import county_search, exchange

    paths = [Path(p) for p in args.paths]
    results = exchange.import_packages(session, paths, dry_run=args.dry_run, accept_key=args.accept_key)
    if wants_json(args):
        print_json(results)
    else:
        for r in results:
            line = f"{Path(r['file']).name}：{STATUS_LABELS[r['status']]}"
            if r["status"] == "refused":
                sys.stderr.write(f"错误：{line}：{r['reason']}\n")
                continue
            line += (
                f"（站点 {r['station']}：新增 {r['added']}，修改 {r['changed']}，未变 {r['unchanged']}，"
                f"较旧未覆盖 {r['older']}，冲突 {r['conflicts'] + r['conflicts_known']}）"
            )
            sys.stdout.write(line + "\n")
        if county_search.indexes_waiting(session):  # a big import left them to be built afterwards
            sys.stdout.write(
                "导入的案件较多，查找用的索引留待之后建好：打开本程序窗口会在后台自动完成（或运行 search-index）；"
                "其间查找和统计照常可用，只是慢一些\n"
            )
    return ExitCode.INPUT if any(r["status"] == "refused" for r in results) else ExitCode.OK


def county_key_export(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    result = exchange.export_county_key(session, Path(args.out))
    return out(args, result, f"已导出县级公钥 {result['file']}，指纹 {result['fingerprint']}")


def county_key_install(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise RuleViolation(f"无法读取 {args.file}：{exc.strerror or exc}") from None
    result = exchange.install_county_key(session, data)
    text = f"已安装 {result['county']} 的县级公钥，指纹 {result['fingerprint']}（请与县局电话核对）"
    return out(args, result, text)


def county_key_show(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    result = exchange.county_key_installed(session)
    return out(args, result, f"{result['county']}，指纹 {result['fingerprint']}" if result else "未安装县级公钥")


def import_log(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    rows = exchange.import_log(session, args.limit)
    text = "\n".join(
        f"{r['imported_at']}  {r['station_code']}  {r['file_name']}  新增 {r['added']} 修改 {r['changed']}"
        f" 冲突 {r['conflicts']}"
        for r in rows
    )
    return out(args, rows, text or "还没有导入过数据包")


def conflicts(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    rows = exchange.open_conflicts(session)
    text = "\n".join(f"{r['station_code']}  {r['number']}  修订 {r['revision']}  {r['detected_at']}" for r in rows)
    return out(args, rows, text or "没有待核对的冲突")
