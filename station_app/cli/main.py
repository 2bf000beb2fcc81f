"""``station-app``: the parser made from every command module, and running one command (or the windows).

Exit codes: base.ExitCode (docs/cli.md). A new command goes into the module of its group (or a new module
listed in COMMAND_MODULES): it adds its parser and binds its handler there; nothing here changes.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

from station_app import __version__
from station_app.cli import (
    bulletin,
    complaint,
    county,
    exchange,
    months,
    printing,
    records,
    reference,
    station,
    system,
    tally,
    trust,
    users,
    yearly,
)
from station_app.cli.base import ExitCode, Parser, UsageError
from station_app.domain.errors import InvalidValue, NotFound, Problem, RuleViolation, ValidationError

# The order of the commands in ``--help``.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    station,
    complaint,
    records,
    tally,
    yearly,
    exchange,
    county,
    months,
    bulletin,
    printing,
    reference,
    users,
    trust,
    system,
)


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

    def command(parent: argparse._SubParsersAction, name: str, helptext: str) -> argparse.ArgumentParser:
        return parent.add_parser(name, help=helptext, description=helptext, parents=[common])

    for module in COMMAND_MODULES:
        module.register(sub, command)
    return parser


def main(argv: list[str] | None = None) -> int:
    from station_app.paths import private_files
    from station_app.services.session import StoreError, explain

    private_files()
    args_list = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Chinese on a Windows console or a pipe
    try:
        args = build_parser().parse_args(args_list)
        if not args.command:
            return system.gui(args, _today(args))
        return run(args, _today(args))
    except UsageError as exc:
        return _fail(str(exc), ExitCode.INPUT)
    except (ValidationError, RuleViolation, InvalidValue) as exc:
        return _fail(str(exc), ExitCode.INPUT)
    except NotFound as exc:
        return _fail(str(exc), ExitCode.NOT_FOUND)
    except StoreError as exc:
        return _fail(str(exc), _store_code(exc))
    except BrokenPipeError:  # `station-app … | head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (stays open until exit, by design)
        return ExitCode.OK
    except KeyboardInterrupt:
        return _fail("已中断，未完成的操作没有写入", ExitCode.UNEXPECTED)
    except Exception as exc:  # the last line of defence: one clear line, never a traceback
        plain = explain(exc)  # a full disk, a read-only folder, another program writing: said as such
        if plain is not None:
            return _fail(str(plain), _store_code(plain))
        if os.environ.get("STATION_APP_DEBUG"):
            raise
        return _fail(
            f"内部错误（{type(exc).__name__}：{exc}）。设置 STATION_APP_DEBUG=1 可查看详情", ExitCode.UNEXPECTED
        )


def run(args: argparse.Namespace, today: date) -> int:
    """Open the register (when the command needs one), log in, run the command's handler, close."""
    from station_app.paths import default_db_path
    from station_app.services import backup, users
    from station_app.services.session import Session

    if not args.needs_session:
        return int(args.handler(args, today))
    output = getattr(args, "format", "text")
    if output in ("xlsx", "pdf") and args.command != "tally":
        raise ValidationError([Problem("--format", "输出格式", f"{output} 只能用于 tally 命令")])
    db_path = Path(getattr(args, "db", None) or default_db_path())
    without_register = getattr(args, "without_register", None)
    if without_register is not None and trust.damaged(db_path):
        return int(without_register(db_path, args, today))  # nothing left to protect in a damaged register
    backup.remove_stale_parts(db_path)  # what a killed run left half-written (never a live writer's)
    session = Session.open(db_path, create=args.command in ("init", "demo"))
    if getattr(session.db, "upgrade_note", None):
        sys.stderr.write(session.db.upgrade_note + "\n")
    try:
        users.log_in_for_command(session, getattr(args, "user", None), _password)
        return int(args.handler(session, args, today))
    finally:
        session.close()


def _password(name: str) -> str:
    from station_app.cli.inputs import read_password

    return read_password("STATION_APP_PASSWORD", f"{name} 的密码：")


def _today(args: argparse.Namespace) -> date:
    text = getattr(args, "today", None)
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--today 应为 YYYY-MM-DD 格式的日期，而不是“{text}”") from None


def _store_code(exc: Exception) -> int:
    """Each plain failure its own exit code (docs/cli.md); any other StoreError: the register cannot be used."""
    return ExitCode(getattr(exc, "exit_code", ExitCode.STORE))


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"错误：{message}\n")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
