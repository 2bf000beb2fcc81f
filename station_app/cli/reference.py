"""``station-app catalog | compensation``: what needs no register — the code tables and the calculator."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from station_app.cli.base import Command, ExitCode, bind, out, print_json, wants_json


def register(sub: Any, command: Command) -> None:
    bind(command(sub, "catalog", "分类代码表（性质、类别、渠道、理由、规则版本…）"), catalog, session=False)
    p = bind(command(sub, "compensation", "惩罚性赔偿计算（供调解参考）"), compensation, session=False)
    p.add_argument("--rule", required=True, choices=["fraud", "food", "drug"])
    p.add_argument("--price", required=True, metavar="YUAN")
    p.add_argument("--loss", default="0", metavar="YUAN")


def catalog(args: argparse.Namespace, today: date) -> int:
    from station_app.domain.catalogs import default_catalogs

    data = default_catalogs().as_json()
    if wants_json(args):
        print_json(data)
        return ExitCode.OK
    for kind, entries in data.items():
        sys.stdout.write(f"[{kind}]\n")
        for entry in entries:
            sys.stdout.write(f"  {entry.get('code')}  {entry.get('label') or entry.get('title', '')}\n")
    return ExitCode.OK


def compensation(args: argparse.Namespace, today: date) -> int:
    from station_app.services import calculator

    result = calculator.calculate(args.rule, args.price, args.loss, fields=("--price", "--loss"))
    return out(args, result.as_json(), result.explain())
