"""``station-app init | demo | settings``: setting up a register (a station's or a county's) and its settings."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, out
from station_app.domain.errors import Problem, ValidationError

if TYPE_CHECKING:
    from station_app.services.session import Session


def register(sub: Any, command: Command) -> None:
    p = bind(
        command(
            sub,
            "init",
            "初始化本站登记簿（--mode county：县局汇总各站数据包的登记簿；--mode city：市级汇总各县汇总包的登记簿）",
        ),
        init,
    )
    p.add_argument("--mode", choices=["station", "county", "city"], default="station")
    p.add_argument("--station-code", help="站点编码，如 XJ（编号前缀）；县局可不填（默认 COUNTY）")
    p.add_argument("--station-name", help="站点名称；县局可不填（默认为县名加“消费者协会”）")
    p.add_argument("--kind", help="消协分会/投诉站/联络站/维权服务站（或其代码）")
    p.add_argument("--venue", help="农村/社区/学校/企业/商场/超市/市场/景区/宗教场所/其他")
    p.add_argument("--county", required=True)
    p.add_argument("--contact", default="")
    p = bind(command(sub, "demo", "生成演示登记簿（两年的模拟数据）"), make_demo)
    p.add_argument("--complaints", type=int, default=300)
    p.add_argument("--seed", type=int, default=2026)
    actions = group(sub, command, "settings", "本站设置（自定的更短时限等）")
    bind(command(actions, "show", "查看设置"), settings)
    p = bind(command(actions, "set", "修改设置"), settings)
    p.add_argument("key")
    p.add_argument("value")


def init(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import station

    county_mode = args.mode in ("county", "city")  # an office's register: its own entry filled in by default
    payload = {
        "code": args.station_code or (args.mode.upper() if county_mode else ""),
        "name": args.station_name or (f"{args.county}消费者协会" if county_mode else ""),
        "kind": args.kind or ("branch" if county_mode else ""),
        "venue_type": args.venue or ("other" if county_mode else ""),
        "county": args.county,
        "contact": args.contact,
    }
    missing = [
        f"--{k}"
        for k, v in (
            ("station-code", payload["code"]),
            ("station-name", payload["name"]),
            ("kind", payload["kind"]),
            ("venue", payload["venue_type"]),
        )
        if not v
    ]
    if missing:
        raise ValidationError([Problem(m, m, "站点登记簿必须填写") for m in missing])
    if not county_mode:
        result = station.init_station(session, payload, today)
        return out(args, result, f"已初始化站点 {result['code']}（{result['name']}）")
    result = station.init_county(session, payload, today, level=args.mode)
    if args.mode == "city":
        text = f"已初始化市级登记簿 {result['code']}（{result['name']}）：用 keys export 导出市级公钥给各县局"
    else:
        text = f"已初始化县级登记簿 {result['code']}（{result['name']}）：用 keys export 导出县级公钥给各站"
    return out(args, result, text)


def make_demo(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import demo, records

    if args.complaints < 0:
        raise ValidationError([Problem("--complaints", "投诉数量", "不能为负数")])
    as_text = getattr(args, "format", "text") != "json"

    def progress(kind: str, done: int, total: int) -> None:
        if as_text and sys.stderr.isatty():
            sys.stderr.write(f"\r{records.KIND_LABELS[kind]}：{done}/{total}")
            if done == total:
                sys.stderr.write("\n")

    result = demo.build_demo(session, args.complaints, today, seed=args.seed, progress=progress)
    counts = "，".join(f"{records.KIND_LABELS[k]} {n} 条" for k, n in result["counts"].items())
    return out(args, result, f"演示登记簿已生成（站点 {result['station']}）：{counts}")


def settings(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import station

    if args.action == "set":
        station.set_setting(session, args.key, args.value)
    values = station.station_settings(session)
    return out(args, values, "\n".join(f"{k} = {v or '（按规定）'}" for k, v in values.items()))
