"""``station-app complaint …``: register a complaint, its workflow steps, the case page and the register list."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station_app.cli.base import Command, bind, group, on_date, out, table, yuan
from station_app.cli.inputs import read_json_records
from station_app.domain import workflow
from station_app.domain.errors import Problem, ValidationError

if TYPE_CHECKING:
    from station_app.services.session import Session


def register(sub: Any, command: Command) -> None:
    actions = group(sub, command, "complaint", "投诉登记与办理")
    p = bind(command(actions, "add", "登记投诉（JSON、JSON 数组或 JSON Lines；全部成功或全部不写入）"), add)
    p.add_argument("--json", required=True, metavar="FILE|-")
    p = bind(command(actions, "transition", "办理步骤：受理、不予受理、调解、结案、终止、转办"), transition)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--to", required=True, choices=[s for s in workflow.STATES if s != "registered"])
    p.add_argument("--json", metavar="FILE|-", help="该步骤需要的字段")
    p.add_argument("--on", help="办理日期（默认今天）")
    p = bind(command(actions, "show", "查看案件（含时限、办理过程、审计记录）"), show)
    p.add_argument("ref", metavar="ID")
    p = bind(command(actions, "list", "投诉登记簿"), list_cases)
    p.add_argument("--status", action="append", default=[], help="状态，可重复或用逗号分隔")
    p.add_argument("--overdue", action="store_true", help="只列超期案件")
    p.add_argument("--due-soon", action="store_true", help="只列临期和超期案件")
    p.add_argument("--search", default="", help="姓名、电话、经营者、编号、事实的任意片段或姓名拼音首字母")
    p.add_argument("--month", default="", help="登记月份 YYYY-MM")
    p.add_argument("--category", default="")
    p.add_argument("--nature", default="")
    p.add_argument("--limit", type=int, default=100, help="最多列出几条（0 表示全部）")
    p.add_argument("--offset", type=int, default=0)
    p = bind(command(actions, "pause", "检测、鉴定期间暂停调解时限"), clock)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = bind(command(actions, "resume", "检测、鉴定结束，恢复计时"), clock)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--on")
    p.add_argument("--note", default="")
    p = bind(command(actions, "extend", "延长调解时限"), clock)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--days", required=True, type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--on")
    p = bind(command(actions, "notified", "已告知双方终止调解（终止后七个工作日内）"), notified)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--on", help="告知日期（默认今天）")
    p.add_argument("--note", default="", help="告知方式，例如：电话告知双方")
    p.add_argument(
        "--way",
        default="",
        choices=["", "phone", "letter", "sms", "in_person"],
        help="告知方式：phone 电话、letter 书面、sms 短信、in_person 当面",
    )
    p = bind(command(actions, "entrust", "受市场监管部门委托调解：登记委托单位（--clear 取消）"), entrust)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--by", default="", help="委托调解的市场监督管理局全称，例如：示例县市场监督管理局")
    p.add_argument("--clear", action="store_true", help="取消委托调解的登记")
    p.add_argument("--on", help="委托日期（默认今天）")
    p = bind(command(actions, "delete", "删除案件（站长；保留在审计记录中）"), delete)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--reason", required=True)
    p = bind(command(actions, "attach", "附加证据（发票、收据、三包凭证、聊天截图、照片；图片或 PDF）"), attach)
    p.add_argument("ref", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--label", default="其他", help="发票、收据、三包凭证、合同、聊天截图、照片、其他")
    p = bind(command(actions, "evidence", "列出案件的证据"), evidence)
    p.add_argument("ref", metavar="ID")
    p = bind(command(actions, "followup", "结案回访"), followup)
    p.add_argument("ref", metavar="ID")
    p.add_argument("--json", required=True, metavar="FILE|-")


def add(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaints

    results = complaints.add_complaints(session, read_json_records(args.json), today)
    lines = []
    for r in results:
        warn = f"  注意：可能与 {'、'.join(r['duplicates'])} 重复" if r["duplicates"] else ""
        lines.append(f"已登记 {r['number']}  id={r['id']}  {workflow.label(r['status'])}{warn}")
    return out(args, results[0] if len(results) == 1 else results, "\n".join(lines))


def transition(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaints

    payload = read_json_records(args.json)[0] if args.json else {}
    if args.on:
        payload["on"] = args.on
    shown = complaints.transition(session, args.ref, args.to, payload, today)
    return out(args, shown, f"{shown['number']} 已变更为 {shown['status_label']}{_due_text(shown)}")


def show(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaint_views

    shown = complaint_views.show(session, args.ref, today)
    return out(args, shown, _case_text(shown))


def list_cases(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaint_views

    statuses = [s.strip() for item in args.status for s in item.split(",") if s.strip()]
    unknown = [s for s in statuses if s not in workflow.STATES]
    if unknown:
        message = f"未知的状态 {'、'.join(unknown)}；可用：{'、'.join(workflow.STATES)}"
        raise ValidationError([Problem("--status", "状态", message)])
    flt = complaint_views.ComplaintFilter(
        status=statuses, search=args.search, month=args.month, category=args.category, nature=args.nature
    )
    listing = complaint_views.list_complaints(
        session, flt, today, overdue=args.overdue, due_soon=args.due_soon, limit=args.limit or None, offset=args.offset
    )
    return out(args, listing, _list_text(listing))


def clock(session: Session, args: argparse.Namespace, today: date) -> int:
    """pause, resume, extend: the mediation clock of a case."""
    from station_app.services import complaints

    on = on_date(args, today)
    if args.action == "pause":
        shown = complaints.pause(session, args.ref, args.reason, on, today)
    elif args.action == "resume":
        shown = complaints.resume(session, args.ref, on, today, args.note)
    else:
        shown = complaints.extend(session, args.ref, args.days, args.reason, on, today)
    return out(args, shown, f"{shown['number']}：{_due_text(shown).strip() or '计时已暂停'}")


def notified(session: Session, args: argparse.Namespace, today: date) -> int:
    """Both parties were told of the termination (Order 20 Art. 21 ¶2): the notice deadline is met."""
    from station_app.services import complaints

    shown = complaints.record_notice(session, args.ref, on_date(args, today), today, args.note, args.way)
    notice = shown["termination_notice"]
    return out(args, shown, f"{shown['number']}：已于 {notice['notified_on']} 告知双方终止调解（期限 {notice['due']}）")


def entrust(session: Session, args: argparse.Namespace, today: date) -> int:
    """The market-regulation office entrusted the case to this station to mediate (Order 20 Art. 17)."""
    from station_app.services import entrustment

    if bool(args.by.strip()) == bool(args.clear):
        raise ValidationError([Problem("--by", "委托单位", "请用 --by 写明委托单位，或用 --clear 取消委托调解")])
    shown = entrustment.set_entrusted(session, args.ref, "" if args.clear else args.by, on_date(args, today), today)
    office = (shown["entrusted"] or {}).get("office")
    return out(args, shown, f"{shown['number']}：" + (f"受{office}委托调解" if office else "已取消委托调解"))


def delete(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaints

    complaints.delete(session, args.ref, args.reason)
    return out(args, {"deleted": args.ref}, f"已删除 {args.ref}（原因已记入审计记录）")


def attach(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import evidence as evidence_service

    added = evidence_service.attach(session, args.ref, Path(args.file), args.label)
    return out(args, added, f"已附加 {added['file_name']}（{added['label']}，SHA-256 {added['sha256'][:12]}…）")


def evidence(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import evidence as evidence_service

    rows = evidence_service.list_for(session, args.ref)
    lines = [f"{r['label']}\t{r['file_name']}\t{r['size']} 字节\t{r['path']}" for r in rows]
    return out(args, rows, "\n".join(lines) or "（没有证据）")


def followup(session: Session, args: argparse.Namespace, today: date) -> int:
    from station_app.services import complaints

    result = complaints.add_followup(session, args.ref, read_json_records(args.json)[0], today)
    return out(args, result, f"已记录回访 {result['number']}（案件 {result['complaint']}）")


def _due(shown: dict[str, Any], key: str) -> str:
    """A deadline, marked 暂估 when counted into a year without the official holiday notice."""
    if not shown.get(key):
        return "—"
    return shown[key] + ("（暂估）" if shown.get("deadlines_provisional", {}).get(key) else "")


def _due_text(shown: dict[str, Any]) -> str:
    if shown["status"] == workflow.REGISTERED:
        return f"，受理决定期限 {_due(shown, 'acceptance_due')}"
    if shown["paused_since"]:
        return f"，调解时限自 {shown['paused_since']} 起暂停"
    if shown["status"] in (workflow.ACCEPTED, workflow.MEDIATING):
        return f"，调解期限 {_due(shown, 'mediation_due')}"
    return ""


STATE_WORDS = {"overdue": "已超期", "due_soon": "临期", "on_time": "", "none": "", "paused": "暂停计时"}


def _case_text(c: dict[str, Any]) -> str:
    lines = [
        f"{c['number']}  {c['status_label']}  {STATE_WORDS.get(c['due_state'], '')}".rstrip(),
        f"登记日期：{c['received_on']}    渠道：{c['channel']}    规则：{c['rule_version']}",
        f"消费者：{c['consumer']['name']}  {c['consumer']['phone']}",
        f"经营者：{c['business']['name']}  {c['business']['address']}",
        f"商品或服务：{c['subject']}    类别：{c['category_label']}    性质：{c['nature_label']}",
        f"涉案金额：{yuan(c['amount_fen'])} 元",
        f"受理日期：{_accepted_text(c)}    受理决定期限：{_due(c, 'acceptance_due')}    "
        f"调解期限：{_due(c, 'mediation_due')}",
        f"争议事实：{c['facts']}",
        f"投诉请求：{c['request'] or '—'}",
    ]
    if c["status"] == workflow.SETTLED:
        lines.append(
            f"结案：{c['closed_on']}  挽回经济损失 {yuan(c['recovered_fen'])} 元，加倍赔偿 {yuan(c['punitive_fen'])} 元"
        )
    if c["duplicates"]:
        lines.append(f"注意：可能与 {'、'.join(c['duplicates'])} 重复")
    if c.get("entrusted"):
        lines.append(f"受{c['entrusted']['office']}委托调解（{c['entrusted']['on']} 起）")
    lines.append("办理过程：")
    for e in c["history"]:
        step = workflow.label(e["to"]) if e["to"] else e["kind"]
        lines.append(f"  {e['on']}  {step}  {e['data'] or ''}  （{e['actor']}）".rstrip())
    return "\n".join(lines)


def _accepted_text(c: dict[str, Any]) -> str:
    """受理 means accepted: a case only registered, or not accepted, has no 受理日期."""
    if c.get("accepted_on"):
        return str(c["accepted_on"])
    return "不予受理" if c["status"] == workflow.NOT_ACCEPTED else "未受理"


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
    head = ["编号", "登记日期", "状态", "消费者", "经营者", "商品或服务", "时限"]
    shown = len(rows)
    text = table(rows, head) + f"\n共 {listing['total']} 件，显示 {shown} 件"
    untold = listing.get("untold_terminations") or []
    if untold:  # closed cases, but their notice to both parties is overdue work (Order 20 Art. 21 ¶2)
        lines = [
            f"  {n['number']}　终止于 {n['closed_on']}，应于 {n['due']} 前告知　{STATE_WORDS.get(n['due_state'], '')}"
            for n in untold
        ]
        text += f"\n另有终止调解尚未告知双方 {len(untold)} 件（其中超期 {listing['untold_overdue_total']} 件）：\n"
        text += "\n".join(line.rstrip() for line in lines)
    return text
