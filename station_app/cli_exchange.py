"""``station-app exchange …``: the USB exchange between the stations and the county (docs/package-format.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

EXIT_REFUSED = 2
STATUS_LABELS = {
    "imported": "已导入",
    "unchanged": "已导入过，没有变化",
    "dry_run": "试运行（未写入）",
    "refused": "已拒收",
}


def add_parsers(sub: Any, command: Callable[[Any, str, str], argparse.ArgumentParser]) -> None:
    group = command(sub, "exchange", "U盘数据交换：站点导出、县局导入").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    p = command(group, "key", "显示本站签名密钥的指纹（首次使用时生成），供县局电话核对")
    p.add_argument("--renew", action="store_true", help="本机启用新密钥（站长；登记簿换了电脑时）")
    p = command(group, "export", "导出数据包到文件夹（如U盘），写入后读回校验")
    p.add_argument("--out", required=True, metavar="DIR", help="保存数据包的文件夹")
    p.add_argument("--since-last", action="store_true", help="只导出上次导出以后新增或修改的记录")
    p = command(group, "import", "县局：导入一个或多个数据包，或整个文件夹（每个数据包全部导入或全部拒收）")
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--dry-run", action="store_true", help="只检查并报告将新增、修改、拒收多少，不写入")
    p.add_argument("--accept-key", metavar="FINGERPRINT", help="首次导入某站时，电话核对过的该站密钥指纹")
    county = command(group, "county-key", "县级公钥：县局导出，站点安装后数据包加密给县局").add_subparsers(
        dest="key_action", metavar="ACTION", required=True
    )
    p = command(county, "export", "县局：导出县级公钥文件（私钥留在本机）")
    p.add_argument("--out", required=True, metavar="FILE")
    p = command(county, "install", "站点：安装县级公钥文件")
    p.add_argument("file", metavar="FILE")
    command(county, "show", "站点：显示已安装的县级公钥")
    p = command(group, "log", "导入记录（何时导入了哪些数据包）")
    p.add_argument("--limit", type=int, default=100)
    command(group, "conflicts", "同一修订版本内容不同的记录（未自动处理，待核对）")


def run(session: Any, args: argparse.Namespace, today: date) -> int:
    from station_app.services import exchange

    as_json = getattr(args, "format", "text") == "json"
    action = args.action
    if action == "key":
        result = exchange.station_key(session, renew=args.renew)
        county = result["county_key"]
        text = f"本站 {result['station']} 签名密钥指纹：{result['fingerprint']}\n" + (
            f"已安装县级公钥（{county['county']}，指纹 {county['fingerprint']}）：数据包将加密"
            if county
            else "未安装县级公钥：导出时个人信息将脱敏"
        )
        return _out(as_json, result, text)
    if action == "export":
        if not exchange.county_key_installed(session):
            sys.stderr.write("注意：未安装县级公钥，数据包不加密，其中的个人信息（姓名、电话、证件号码、地址）已脱敏\n")
        result = exchange.export_package(session, Path(args.out), since_last=args.since_last)
        counts = result["counts"]
        text = (
            f"已写入并读回校验：{result['file']}\n"
            f"投诉 {counts['complaints']}，回访 {counts['followups']}，咨询 {counts['consultations']}，"
            f"举报 {counts['reports']}，宣传活动 {counts['outreach_events']}，警示 {counts['warnings']}"
            f"（其中已删除 {counts['tombstones']}）\n"
            f"{'已加密给县局' if result['encrypted'] else '未加密，个人信息已脱敏'}；"
            f"本站密钥指纹 {result['fingerprint']}\n可以安全拔出U盘"
        )
        return _out(as_json, result, text)
    if action == "import":
        return _import(session, args, as_json)
    if action == "county-key":
        return _county_key(session, args, as_json)
    if action == "log":
        from station_app.services.exchange.log import import_log

        rows = import_log(session, args.limit)
        text = "\n".join(
            f"{r['imported_at']}  {r['station_code']}  {r['file_name']}  新增 {r['added']} 修改 {r['changed']}"
            f" 冲突 {r['conflicts']}"
            for r in rows
        )
        return _out(as_json, rows, text or "还没有导入过数据包")
    from station_app.services.exchange.log import open_conflicts

    rows = open_conflicts(session)
    text = "\n".join(f"{r['station_code']}  {r['number']}  修订 {r['revision']}  {r['detected_at']}" for r in rows)
    return _out(as_json, rows, text or "没有待核对的冲突")


def _import(session: Any, args: argparse.Namespace, as_json: bool) -> int:
    from station_app.services.exchange.importing import import_packages

    results = import_packages(session, [Path(p) for p in args.paths], dry_run=args.dry_run, accept_key=args.accept_key)
    refused = [r for r in results if r["status"] == "refused"]
    if as_json:
        from station_app.cli_io import print_json

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
    return EXIT_REFUSED if refused else 0


def _county_key(session: Any, args: argparse.Namespace, as_json: bool) -> int:
    from station_app.domain.errors import RuleViolation
    from station_app.services import exchange

    if args.key_action == "export":
        result = exchange.export_county_key(session, Path(args.out))
        return _out(as_json, result, f"已导出县级公钥 {result['file']}，指纹 {result['fingerprint']}")
    if args.key_action == "install":
        try:
            data = Path(args.file).read_bytes()
        except OSError as exc:
            raise RuleViolation(f"无法读取 {args.file}：{exc.strerror or exc}") from None
        result = exchange.install_county_key(session, data)
        text = f"已安装 {result['county']} 的县级公钥，指纹 {result['fingerprint']}（请与县局电话核对）"
        return _out(as_json, result, text)
    result = exchange.county_key_installed(session)
    return _out(as_json, result, f"{result['county']}，指纹 {result['fingerprint']}" if result else "未安装县级公钥")


def _out(as_json: bool, value: Any, text: str) -> int:
    if as_json:
        from station_app.cli_io import print_json

        print_json(value)
    else:
        sys.stdout.write(text + "\n")
    return 0
