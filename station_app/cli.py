"""``station-app``: the register's command line (the same services as the windows), or the GUI.

Exit codes (docs/cli.md): 0 done, 1 unexpected error, 2 bad input or refused by the rules,
3 record not found, 4 database cannot be used.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

from station_app import __version__
from station_app.cli_print import add_print_parser
from station_app.domain.errors import InvalidValue, NotFound, RuleViolation, ValidationError
from station_app.domain.workflow import STATES
from station_app.store.database import StoreError

EXIT_OK, EXIT_UNEXPECTED, EXIT_INPUT, EXIT_NOT_FOUND, EXIT_STORE = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one Chinese line (exit 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"命令行参数有误：{message}（运行 {self.prog} --help 查看用法）")


def _common() -> argparse.ArgumentParser:
    # SUPPRESS: an option given after the sub-command does not reset one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="数据库文件（默认在用户数据目录）")
    common.add_argument("--user", default=argparse.SUPPRESS, help="操作人（记入审计记录）")
    common.add_argument(
        "--format",
        choices=["text", "json", "xlsx", "pdf"],
        default=argparse.SUPPRESS,
        help="输出格式（xlsx、pdf 仅用于 tally）",
    )
    common.add_argument("--today", default=argparse.SUPPRESS, help="以该日期为今天（补录、测试用），YYYY-MM-DD")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = Parser(prog="station-app", description="消费维权服务站登记簿（不带命令时启动图形界面）", parents=[common])
    parser.add_argument("--version", action="version", version=f"station-app {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    def command(parent, name: str, helptext: str) -> argparse.ArgumentParser:
        return parent.add_parser(name, help=helptext, description=helptext, parents=[common])

    p = command(sub, "init", "初始化本站登记簿（--mode county：县局汇总各站数据包的登记簿）")
    p.add_argument("--mode", choices=["station", "county"], default="station")
    p.add_argument("--station-code", help="站点编码，如 XJ（编号前缀）；县局可不填（默认 COUNTY）")
    p.add_argument("--station-name", help="站点名称；县局可不填（默认为县名加“消费者协会”）")
    p.add_argument("--kind", help="消协分会/投诉站/联络站/维权服务站（或其代码）")
    p.add_argument("--venue", help="农村/社区/学校/企业/商场/超市/市场/景区/宗教场所/其他")
    p.add_argument("--county", required=True)
    p.add_argument("--contact", default="")

    complaint = command(sub, "complaint", "投诉登记与办理").add_subparsers(
        dest="action", parser_class=Parser, metavar="ACTION", required=True
    )
    p = command(complaint, "add", "登记投诉（JSON、JSON 数组或 JSON Lines；全部成功或全部不写入）")
    p.add_argument("--json", required=True, metavar="FILE|-")
    p = command(complaint, "transition", "办理步骤：受理、不予受理、调解、结案、终止、转办")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--to", required=True, choices=[s for s in STATES if s != "registered"])
    p.add_argument("--json", metavar="FILE|-", help="该步骤需要的字段")
    p.add_argument("--on", help="办理日期（默认今天）")
    p = command(complaint, "show", "查看案件（含时限、办理过程、审计记录）")
    p.add_argument("ref", metavar="ID")
    p = command(complaint, "list", "投诉登记簿")
    p.add_argument("--status", action="append", default=[], help="状态，可重复或用逗号分隔")
    p.add_argument("--overdue", action="store_true", help="只列超期案件")
    p.add_argument("--due-soon", action="store_true", help="只列临期和超期案件")
    p.add_argument("--search", default="", help="姓名、电话、经营者、编号、事实的任意片段或姓名拼音首字母")
    p.add_argument("--month", default="", help="受理月份 YYYY-MM")
    p.add_argument("--category", default="")
    p.add_argument("--nature", default="")
    p.add_argument("--limit", type=int, default=100, help="最多列出几条（0 表示全部）")
    p.add_argument("--offset", type=int, default=0)
    p = command(complaint, "pause", "检测、鉴定期间暂停调解时限")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = command(complaint, "resume", "检测、鉴定结束，恢复计时")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--on")
    p.add_argument("--note", default="")
    p = command(complaint, "extend", "延长调解时限")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--days", required=True, type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = command(complaint, "delete", "删除案件（站长；保留在审计记录中）")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--reason", required=True)
    p = command(complaint, "attach", "附加证据（发票、收据、三包凭证、聊天截图、照片；图片或 PDF）")
    p.add_argument("ref", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--label", default="其他", help="发票、收据、三包凭证、合同、聊天截图、照片、其他")
    p = command(complaint, "evidence", "列出案件的证据")
    p.add_argument("ref", metavar="ID")
    p = command(complaint, "followup", "结案回访")
    p.add_argument("ref", metavar="ID")
    p.add_argument("--json", required=True, metavar="FILE|-")

    for name, label in (
        ("consult", "咨询"),
        ("report", "举报"),
        ("event", "宣传活动"),
        ("warning", "消费警示"),
    ):
        group = command(sub, name, f"{label}登记").add_subparsers(
            dest="action", parser_class=Parser, metavar="ACTION", required=True
        )
        p = command(group, "add", f"登记{label}（JSON、JSON 数组或 JSON Lines）")
        p.add_argument("--json", required=True, metavar="FILE|-")
        p = command(group, "list", f"{label}登记簿")
        p.add_argument("--month", default="")
        p.add_argument("--limit", type=int, default=100)
        p.add_argument("--offset", type=int, default=0)
        p = command(group, "show", f"查看{label}记录")
        p.add_argument("ref", metavar="ID")

    p = command(sub, "tally", "统计：月、季、年或任意日期范围的各项数字（含去年同期对比）")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="YYYY-MM")
    period.add_argument("--quarter", metavar="YYYY-Qn")
    period.add_argument("--year", metavar="YYYY")
    period.add_argument("--from", dest="date_from", metavar="DATE", help="与 --to 一起使用")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument(
        "--station", action="append", default=[], metavar="CODE", help="只统计该站点（可重复；默认全部站点）"
    )
    p.add_argument("--as-of", metavar="DATE", help="按该日的办理结果统计（默认今天）")
    p.add_argument("--out", metavar="FILE", help="输出文件（xlsx、pdf 必须指定）")
    p.set_defaults(tally_formats=("text", "json", "xlsx", "pdf"))

    from station_app.cli_yearly import add_parsers as add_yearly_parsers

    add_yearly_parsers(sub, command)
    from station_app.cli_exchange import add_parsers as add_exchange_parsers

    add_exchange_parsers(sub, command)
    from station_app.cli_county import add_parsers as add_county_parsers

    add_county_parsers(sub, command)
    add_print_parser(sub, command)
    command(sub, "catalog", "分类代码表（性质、类别、渠道、理由、规则版本…）")
    p = command(sub, "compensation", "惩罚性赔偿计算（供调解参考）")
    p.add_argument("--rule", required=True, choices=["fraud", "food"])
    p.add_argument("--price", required=True, metavar="YUAN")
    p.add_argument("--loss", default="0", metavar="YUAN")
    p = command(sub, "demo", "生成演示登记簿（两年的模拟数据）")
    p.add_argument("--complaints", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    settings = command(sub, "settings", "本站设置（自定的更短时限等）").add_subparsers(
        dest="action", parser_class=Parser, metavar="ACTION", required=True
    )
    command(settings, "show", "查看设置")
    p = command(settings, "set", "修改设置")
    p.add_argument("key")
    p.add_argument("value")
    audit = command(sub, "audit", "审计记录").add_subparsers(
        dest="action", parser_class=Parser, metavar="ACTION", required=True
    )
    command(audit, "verify", "校验审计记录链是否完整未被改动")
    users = command(sub, "user", "用户和密码（设置第一个用户后，每个命令都要 --user 和密码）").add_subparsers(
        dest="action", parser_class=Parser, metavar="ACTION", required=True
    )
    p = command(users, "add", "添加用户（新密码取自环境变量 STATION_APP_NEW_PASSWORD 或终端输入）")
    p.add_argument("name")
    p.add_argument("--role", required=True, help="head 站长 / staff 工作人员 / viewer 只读用户 / clerk 县级统计员")
    command(users, "list", "列出用户")
    p = command(users, "passwd", "修改密码（新密码取自 STATION_APP_NEW_PASSWORD 或终端输入）")
    p.add_argument("name")
    for action, helptext in (("disable", "停用用户"), ("enable", "恢复用户")):
        p = command(users, action, helptext)
        p.add_argument("name")
    from station_app.cli_trust import add_parsers as add_trust_parsers

    add_trust_parsers(sub, command)
    command(sub, "selfcheck", "自检：版本、数据目录、数据库状态、字体、Qt、打印机、磁盘空间、最近备份")
    command(sub, "gui", "启动图形界面")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Chinese on a Windows console or a pipe
    try:
        args = build_parser().parse_args(args_list)
        if not args.command or args.command == "gui":
            from station_app.launch import launch_gui

            return launch_gui(getattr(args, "db", None))
        from station_app.cli_commands import run

        return run(args, _today(args))
    except UsageError as exc:
        return _fail(str(exc), EXIT_INPUT)
    except (ValidationError, RuleViolation, InvalidValue) as exc:
        return _fail(str(exc), EXIT_INPUT)
    except NotFound as exc:
        return _fail(str(exc), EXIT_NOT_FOUND)
    except StoreError as exc:
        return _fail(str(exc), EXIT_STORE)
    except BrokenPipeError:  # `station-app … | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stays open until exit, by design)
        return EXIT_OK
    except KeyboardInterrupt:
        return _fail("已中断，未完成的操作没有写入", EXIT_UNEXPECTED)
    except Exception as exc:  # the last line of defence: one clear line, never a traceback
        if os.environ.get("STATION_APP_DEBUG"):
            raise
        return _fail(f"内部错误（{type(exc).__name__}：{exc}）。设置 STATION_APP_DEBUG=1 可查看详情", EXIT_UNEXPECTED)


def _today(args: argparse.Namespace) -> date:
    text = getattr(args, "today", None)
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today 应为 YYYY-MM-DD 格式的日期，而不是“{text}”") from None


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"错误：{message}\n")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
