"""What each ``station-app`` command does: call the services, then print text or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from station_app.cli_io import print_json, read_json_records, read_password, table, yuan
from station_app.domain import compensation, roles, workflow
from station_app.domain.errors import InvalidValue, Problem, RuleViolation, ValidationError
from station_app.domain.money import yuan_to_fen
from station_app.domain.record_input import parse_ymd
from station_app.paths import default_db_path
from station_app.services import complaint_views, complaints, demo, records, station, users
from station_app.services.session import SETUP_ACTOR, Session
from station_app.store import audit
from station_app.store.complaints import ComplaintFilter

RECORD_KINDS = {
    "consult": "consultation",
    "report": "report",
    "event": "outreach_event",
    "warning": "warning",
}


def run(args: argparse.Namespace, today: date) -> int:
    as_json = getattr(args, "format", "text") == "json"
    if args.command == "compensation":
        return _compensation(args, as_json)
    if args.command == "catalog":
        return _catalog(as_json)
    if args.command == "selfcheck":
        from station_app.selfcheck import report

        result = report(Path(getattr(args, "db", None) or default_db_path()))
        _out(as_json, result, "\n".join(f"{k}: {v}" for k, v in result.items()))
        return 0 if result["database_state"] in ("ok",) or result["database_state"].startswith("missing") else 4
    output = getattr(args, "format", "text")
    if output in ("xlsx", "pdf") and args.command != "tally":
        raise ValidationError([Problem("--format", "输出格式", f"{output} 只能用于 tally 命令")])
    db_path = Path(getattr(args, "db", None) or default_db_path())
    if args.command == "restore" and _damaged(db_path):
        from station_app.services.backup import restore

        result = restore(db_path, Path(args.file))  # nothing left to protect in a damaged register
        _out(as_json, result, f"已从 {result['restored_from']} 恢复；损坏的登记簿另存为 {result['previous_kept_as']}")
        return 0
    session = Session.open(db_path, create=args.command in ("init", "demo"))
    if getattr(session.db, "upgrade_note", None):
        sys.stderr.write(session.db.upgrade_note + "\n")
    try:
        _log_in(session, args)
        if args.command in ("backup", "restore", "check", "privacy"):
            from station_app.cli_trust import run as run_trust

            return run_trust(session, db_path, args, today)
        return _dispatch(session, args, today, as_json)
    finally:
        session.close()


def _damaged(db_path: Path) -> bool:
    from station_app.services.backup import check

    if not db_path.exists():
        return True
    try:
        check(db_path, quick=True)
    except RuleViolation:
        return True
    return False


def _log_in(session: Session, args: argparse.Namespace) -> None:
    """A register with users needs --user and the password; one without runs as its set-up user."""
    name = getattr(args, "user", None)
    if not users.has_users(session):
        session.act_as(name or SETUP_ACTOR, roles.HEAD)
        return
    if not name:
        raise RuleViolation(
            "该登记簿已设置用户：请用 --user 用户名，密码放在环境变量 STATION_APP_PASSWORD 或在终端输入"
        )
    users.log_in(session, name, read_password("STATION_APP_PASSWORD", f"{name} 的密码："))


def _users(session: Session, args: argparse.Namespace, as_json: bool) -> int:
    if args.action == "add":
        result = users.add_user(
            session, args.name, args.role, read_password("STATION_APP_NEW_PASSWORD", "新密码：", confirm=True)
        )
        _out(as_json, result, f"已添加用户 {result['name']}（{roles.ROLE_LABELS[result['role']]}）")
    elif args.action == "passwd":
        users.change_password(session, args.name, read_password("STATION_APP_NEW_PASSWORD", "新密码：", confirm=True))
        _out(as_json, {"name": args.name}, f"已修改 {args.name} 的密码")
    elif args.action in ("disable", "enable"):
        users.set_disabled(session, args.name, args.action == "disable")
        _out(as_json, {"name": args.name, "disabled": args.action == "disable"}, "已完成")
    else:
        rows = users.list_users(session)
        text = table(
            [[u["name"], roles.ROLE_LABELS.get(u["role"], u["role"]), "停用" if u["disabled"] else ""] for u in rows],
            ["用户", "角色", "状态"],
        )
        _out(as_json, rows, text)
    return 0


def _dispatch(session: Session, args: argparse.Namespace, today: date, as_json: bool) -> int:
    command, action = args.command, getattr(args, "action", None)
    if command == "init":
        return _init(session, args, today, as_json)
    elif command == "demo":
        return _demo(session, args, today, as_json)
    elif command == "tally":
        from station_app.cli_tally import run_tally

        return run_tally(session, args, today)
    elif command in ("summary", "ledger"):
        from station_app.cli_yearly import run as run_yearly

        return run_yearly(session, args, today)
    elif command in ("export", "keys", "import", "completeness", "duplicates", "rollup", "month", "answers"):
        from station_app.cli_county import run as run_county

        return run_county(session, args, today)
    elif command == "exchange":
        from station_app.cli_exchange import run as run_exchange

        return run_exchange(session, args, today)
    elif command == "print":
        from station_app.cli_print import run_print

        return run_print(session, args, today)
    elif command == "complaint":
        return _complaint(session, args, action, today, as_json)
    elif command in RECORD_KINDS:
        return _record(session, RECORD_KINDS[command], args, action, today, as_json)
    elif command == "user":
        return _users(session, args, as_json)
    elif command == "settings":
        if action == "set":
            station.set_setting(session, args.key, args.value)
        values = station.station_settings(session)
        _out(as_json, values, "\n".join(f"{k} = {v or '（按规定）'}" for k, v in values.items()))
    elif command == "audit":
        problems = audit.verify(session.db)
        count = audit.count(session.db)
        _out(
            as_json,
            {"ok": not problems, "entries": count, "problems": problems},
            "\n".join(problems) if problems else f"审计记录完整：共 {count} 条，未发现改动",
        )
        return 0 if not problems else 5
    return 0


def _out(as_json: bool, value: Any, text: str) -> None:
    if as_json:
        print_json(value)
    else:
        sys.stdout.write(text + "\n")


def _on(args: argparse.Namespace, today: date) -> date:
    return parse_ymd(args.on, "--on", "日期", today) if getattr(args, "on", None) else today


def _complaint(session: Session, args: argparse.Namespace, action: str, today: date, as_json: bool) -> int:
    if action == "add":
        results = complaints.add_complaints(session, read_json_records(args.json), today)
        lines = []
        for r in results:
            warn = f"  注意：可能与 {'、'.join(r['duplicates'])} 重复" if r["duplicates"] else ""
            lines.append(f"已登记 {r['number']}  id={r['id']}  {workflow.label(r['status'])}{warn}")
        _out(as_json, results[0] if len(results) == 1 else results, "\n".join(lines))
    elif action == "transition":
        payload = read_json_records(args.json)[0] if args.json else {}
        if args.on:
            payload["on"] = args.on
        shown = complaints.transition(session, args.ref, args.to, payload, today)
        _out(as_json, shown, f"{shown['number']} 已变更为 {shown['status_label']}{_due_text(shown)}")
    elif action == "show":
        shown = complaint_views.show(session, args.ref, today)
        _out(as_json, shown, _case_text(shown))
    elif action == "list":
        statuses = [s.strip() for item in args.status for s in item.split(",") if s.strip()]
        unknown = [s for s in statuses if s not in workflow.STATES]
        if unknown:
            raise ValidationError(
                [
                    Problem(
                        "--status",
                        "状态",
                        f"未知的状态 {'、'.join(unknown)}；可用：{'、'.join(workflow.STATES)}",
                    )
                ]
            )
        flt = ComplaintFilter(
            status=statuses, search=args.search, month=args.month, category=args.category, nature=args.nature
        )
        listing = complaint_views.list_complaints(
            session,
            flt,
            today,
            overdue=args.overdue,
            due_soon=args.due_soon,
            limit=args.limit or None,
            offset=args.offset,
        )
        _out(as_json, listing, _list_text(listing))
    elif action in ("pause", "resume", "extend"):
        on = _on(args, today)
        if action == "pause":
            shown = complaints.pause(session, args.ref, args.reason, on, today)
        elif action == "resume":
            shown = complaints.resume(session, args.ref, on, today, args.note)
        else:
            shown = complaints.extend(session, args.ref, args.days, args.reason, on, today)
        _out(as_json, shown, f"{shown['number']}：{_due_text(shown).strip() or '计时已暂停'}")
    elif action == "delete":
        complaints.delete(session, args.ref, args.reason)
        _out(as_json, {"deleted": args.ref}, f"已删除 {args.ref}（原因已记入审计记录）")
    elif action == "attach":
        from station_app.services import evidence

        added = evidence.attach(session, args.ref, Path(args.file), args.label)
        _out(as_json, added, f"已附加 {added['file_name']}（{added['label']}，SHA-256 {added['sha256'][:12]}…）")
    elif action == "evidence":
        from station_app.services import evidence

        rows = evidence.list_for(session, args.ref)
        lines = [f"{r['label']}\t{r['file_name']}\t{r['size']} 字节\t{r['path']}" for r in rows]
        _out(as_json, rows, "\n".join(lines) or "（没有证据）")
    elif action == "followup":
        result = complaints.add_followup(session, args.ref, read_json_records(args.json)[0], today)
        _out(as_json, result, f"已记录回访 {result['number']}（案件 {result['complaint']}）")
    return 0


def _init(session: Session, args: argparse.Namespace, today: date, as_json: bool) -> int:
    county_mode = args.mode == "county"
    payload = {
        "code": args.station_code or ("COUNTY" if county_mode else ""),
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
    result = station.init_station(session, payload, today)
    if county_mode:
        from station_app.services import exchange

        station.set_mode(session, "county")
        key = exchange.county_private_key(session, create=True)  # the stations encrypt to its public half
        result = {**result, "mode": "county", "county_key_made": key is not None}
        _out(
            as_json,
            result,
            f"已初始化县级登记簿 {result['code']}（{result['name']}）：用 keys export 导出县级公钥给各站",
        )
    else:
        _out(as_json, result, f"已初始化站点 {result['code']}（{result['name']}）")
    return 0


def _due_text(shown: dict[str, Any]) -> str:
    if shown["status"] == workflow.REGISTERED:
        return f"，受理决定期限 {shown['acceptance_due']}"
    if shown["paused_since"]:
        return f"，调解时限自 {shown['paused_since']} 起暂停"
    if shown["status"] in (workflow.ACCEPTED, workflow.MEDIATING):
        return f"，调解期限 {shown['mediation_due']}"
    return ""


STATE_WORDS = {"overdue": "已超期", "due_soon": "临期", "on_time": "", "none": "", "paused": "暂停计时"}


def _case_text(c: dict[str, Any]) -> str:
    lines = [
        f"{c['number']}  {c['status_label']}  {STATE_WORDS.get(c['due_state'], '')}".rstrip(),
        f"受理日期：{c['received_on']}    渠道：{c['channel']}    规则：{c['rule_version']}",
        f"消费者：{c['consumer']['name']}  {c['consumer']['phone']}",
        f"经营者：{c['business']['name']}  {c['business']['address']}",
        f"商品或服务：{c['subject']}    类别：{c['category_label']}    性质：{c['nature_label']}",
        f"涉案金额：{yuan(c['amount_fen'])} 元",
        f"受理决定期限：{c['acceptance_due']}    调解期限：{c['mediation_due'] or '—'}",
        f"争议事实：{c['facts']}",
        f"投诉请求：{c['request'] or '—'}",
    ]
    if c["status"] == workflow.SETTLED:
        lines.append(
            f"结案：{c['closed_on']}  挽回经济损失 {yuan(c['recovered_fen'])} 元，加倍赔偿 {yuan(c['punitive_fen'])} 元"
        )
    if c["duplicates"]:
        lines.append(f"注意：可能与 {'、'.join(c['duplicates'])} 重复")
    lines.append("办理过程：")
    for e in c["history"]:
        step = workflow.label(e["to"]) if e["to"] else e["kind"]
        lines.append(f"  {e['on']}  {step}  {e['data'] or ''}  （{e['actor']}）".rstrip())
    return "\n".join(lines)


def _list_text(listing: dict[str, Any]) -> str:
    rows = [
        [
            r["number"],
            r["received_on"],
            r["status_label"],
            r["consumer_name"],
            r["business_name"][:16],
            r["subject"][:14],
            STATE_WORDS.get(r["due_state"], ""),
        ]
        for r in listing["items"]
    ]
    head = ["编号", "受理日期", "状态", "消费者", "经营者", "商品或服务", "时限"]
    shown = len(rows)
    return table(rows, head) + f"\n共 {listing['total']} 件，显示 {shown} 件"


def _record(session: Session, kind: str, args: argparse.Namespace, action: str, today: date, as_json: bool) -> int:
    label = records.KIND_LABELS[kind]
    if action == "add":
        results = records.add_records(session, kind, read_json_records(args.json), today)
        _out(
            as_json,
            results[0] if len(results) == 1 else results,
            "\n".join(f"已登记{label} {r['number']}  id={r['id']}" for r in results),
        )
    elif action == "show":
        record = records.get_record(session, kind, args.ref)
        _out(as_json, record, "\n".join(f"{k}: {v}" for k, v in record.items()))
    else:
        listing = records.list_records(session, kind, month=args.month, limit=args.limit or None, offset=args.offset)
        date_key = "received_on" if kind == "report" else "date"
        title_key = {
            "consultation": "topic",
            "report": "business_name",
            "outreach_event": "title",
            "warning": "title",
        }[kind]
        rows = [[r["number"], r[date_key], str(r[title_key])[:30]] for r in listing["items"]]
        _out(as_json, listing, table(rows, ["编号", "日期", "内容"]) + f"\n共 {listing['total']} 条")
    return 0


def _catalog(as_json: bool) -> int:
    from station_app.domain.catalogs import default_catalogs

    data = default_catalogs().as_json()
    if as_json:
        print_json(data)
        return 0
    for kind, entries in data.items():
        sys.stdout.write(f"[{kind}]\n")
        for entry in entries:
            sys.stdout.write(f"  {entry.get('code')}  {entry.get('label') or entry.get('title', '')}\n")
    return 0


def _compensation(args: argparse.Namespace, as_json: bool) -> int:
    try:
        price = yuan_to_fen(args.price)
    except InvalidValue as exc:
        raise ValidationError([Problem("--price", "价款", str(exc))]) from None
    try:
        loss = yuan_to_fen(args.loss)
    except InvalidValue as exc:
        raise ValidationError([Problem("--loss", "损失", str(exc))]) from None
    result = compensation.calculate(args.rule, price, loss)
    _out(as_json, result.as_json(), result.explain())
    return 0


def _demo(session: Session, args: argparse.Namespace, today: date, as_json: bool) -> int:
    if args.complaints < 0:
        raise ValidationError([Problem("--complaints", "投诉数量", "不能为负数")])

    def progress(kind: str, done: int, total: int) -> None:
        if not as_json and sys.stderr.isatty():
            sys.stderr.write(f"\r{records.KIND_LABELS[kind]}：{done}/{total}")
            if done == total:
                sys.stderr.write("\n")

    result = demo.build_demo(session, args.complaints, today, seed=args.seed, progress=progress)
    counts = "，".join(f"{records.KIND_LABELS[k]} {n} 条" for k, n in result["counts"].items())
    _out(as_json, result, f"演示登记簿已生成（站点 {result['station']}）：{counts}")
    return 0
