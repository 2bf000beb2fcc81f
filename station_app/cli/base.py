"""What every command module shares: the exit codes, the parser that speaks Chinese, how a command is
registered with its handler, and the one output helper (text or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from enum import IntEnum
from typing import Any

from station_app.reports import text_table


class ExitCode(IntEnum):
    """The numbers county scripts test (docs/cli.md); never renumber one."""

    OK = 0
    UNEXPECTED = 1  # a fault of the program: one line on stderr, never a traceback
    INPUT = 2  # bad input, refused by the rules, or a package refused at import
    NOT_FOUND = 3  # no such record
    STORE = 4  # the register file cannot be used (missing, damaged, newer)
    AUDIT_BROKEN = 5  # the audit chain was changed outside the program
    READ_ONLY = 6  # the folder or file cannot be written (read-only, write-protected stick, no permission)
    DISK_FULL = 7  # no space left on the disk or stick; nothing half-written was kept
    LOCKED = 8  # another program kept the register busy longer than the wait (5 s); nothing was written
    MISSING_FOLDER = 9  # a folder named on the command line does not exist (a stick not plugged in)


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one Chinese line (exit 2), not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"命令行参数有误：{message}（运行 {self.prog} --help 查看用法）")


# A handler with the register open: handler(session, args, today) -> exit code. Commands that need no register
# (catalog, compensation, selfcheck, gui) are registered with ``session=False``: handler(args, today).
Handler = Callable[..., int]
# command(parent, name, help) -> a sub-parser with the common options (--db, --user, --format, --today).
Command = Callable[[Any, str, str], argparse.ArgumentParser]


def bind(parser: argparse.ArgumentParser, handler: Handler, *, session: bool = True) -> argparse.ArgumentParser:
    """Make ``handler`` the one that runs for this (sub-)command."""
    parser.set_defaults(handler=handler, needs_session=session)
    return parser


def group(parent: Any, command: Command, name: str, helptext: str, dest: str = "action") -> Any:
    """A command with actions of its own (``complaint add``, ``keys show``…)."""
    return command(parent, name, helptext).add_subparsers(
        dest=dest, parser_class=Parser, metavar="ACTION", required=True
    )


def wants_json(args: argparse.Namespace) -> bool:
    return getattr(args, "format", "text") == "json"


def out(args: argparse.Namespace, value: Any, text: str) -> int:
    """Print ``value`` as JSON under ``--format json``, else ``text``; the command is done."""
    if wants_json(args):
        print_json(value)
    else:
        sys.stdout.write(text + "\n")
    return ExitCode.OK


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def yuan(fen: int | None) -> str:
    if fen is None:
        return "—"
    return f"{fen // 100}.{fen % 100:02d}"


def table(rows: list[list[str]], headers: list[str]) -> str:
    return text_table.render(rows, headers)


def on_date(args: argparse.Namespace, today: date) -> date:
    """``--on DATE`` where a step may be dated back (entering a backlog), else today."""
    from station_app.domain.record_input import parse_ymd

    return parse_ymd(args.on, "--on", "日期", today) if getattr(args, "on", None) else today
