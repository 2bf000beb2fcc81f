"""The case history and the audit trail in the clerk's words, in Chinese or English (no Qt, no SQL).

The stored events and audit entries keep their codes (they are the script contract and the audit proof);
what people read is made here: "2026-11-20 受理（李站长）", "调解结案：挽回 6,200.00 元，其中加倍赔偿 4,650.00 元".
Every amount goes through ``money.money_words`` (separators, two decimals, 元), rule versions are named by
their titles, and no code, field name or fen figure is shown. The windows pass ``english``.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from station_app.domain.money import money_words

Words = tuple[str, str]  # (Chinese, English)

SETUP_ACTOR = "setup"  # the session's actor before any user exists (services.session.SETUP_ACTOR)
PROGRAM_ACTOR = "program"  # the program itself, upgrading a register (store/migrations.py)
PROGRAM_WORDS: Words = ("本程序（升级时）", "the program (upgrade)")
SETUP_WORDS: Words = ("初始设置", "set-up")

STEP_WORDS: dict[str, Words] = {
    "accepted": ("受理", "Accepted"),
    "not_accepted": ("不予受理", "Not accepted"),
    "mediating": ("开始调解", "Mediation started"),
    "settled": ("调解结案", "Settled"),
    "terminated": ("终止调解", "Mediation terminated"),
    "transferred": ("转办", "Transferred"),
}
EVENT_WORDS: dict[str, Words] = {
    "registered": ("登记", "Registered"),
    "pause": ("暂停计时", "Clock paused"),
    "resume": ("恢复计时", "Clock resumed"),
    "extension": ("延长时限", "Time limit extended"),
    "followup": ("回访", "Follow-up visit"),
    "notice": ("已告知双方终止调解", "Both parties told of the termination"),
    "entrusted": ("受市场监管部门委托调解", "Mediation entrusted by the market-regulation office"),
}
# How they were told (domain.case.NOTICE_WAYS), in the clerk's words.
NOTICE_WAY_WORDS: dict[str, Words] = {
    "phone": ("电话告知", "by telephone"),
    "letter": ("书面告知", "in writing"),
    "sms": ("短信告知", "by text message"),
    "in_person": ("当面告知", "in person"),
}
# The titles of the rule versions in English (the catalog carries the Chinese title only).
RULE_TITLES_EN = {
    "order20": "SAMR Order No. 20: Interim Measures for Handling Complaints and Reports",
    "order121": "SAMR Order No. 121: Measures for Handling Complaints and Reports",
}
CREATED_WORDS: dict[str, Words] = {
    "complaint": ("登记投诉", "Complaint registered"),
    "consultation": ("登记咨询", "Consultation recorded"),
    "report": ("登记举报", "Report recorded"),
    "outreach_event": ("登记宣传活动", "Outreach event recorded"),
    "warning": ("登记消费警示", "Consumer warning recorded"),
    "followup": ("记录回访", "Follow-up visit recorded"),
    "user": ("新增工作人员", "Staff member added"),
    "station": ("建立本站登记簿", "Station register set up"),
}
ACTION_WORDS: dict[str, Words] = {
    "delete": ("删除投诉", "Complaint deleted"),
    "setting": ("修改设置", "Setting changed"),
    "login_failed": ("登录失败", "Failed log-in"),
    "password": ("重设密码", "Password reset"),
    "disable": ("停用工作人员", "Staff member disabled"),
    "enable": ("启用工作人员", "Staff member enabled"),
    "update": ("修改本站信息", "Station details changed"),
    "erase_person": ("按本人要求删除个人信息", "Personal data erased on request"),
    "anonymise": ("到期个人信息匿名化", "Personal data anonymised after the retention period"),
    "evidence:add": ("添加证据材料", "Evidence added"),
    "evidence:remove": ("移除证据材料", "Evidence removed"),
    "pause": ("暂停计时", "Clock paused"),
    "resume": ("恢复计时", "Clock resumed"),
    "extension": ("延长时限", "Time limit extended"),
    "month:close": ("月度关账", "Month closed"),
    "month:accepted": ("县局已接收月报", "Month accepted by the county"),
    "month:returned": ("县局退回月报", "Month returned by the county"),
    "month:closed": ("月度关账", "Month closed"),
    "month:answers": ("导入县局回复", "County answers imported"),
    "export": ("导出数据交换包", "Exchange package exported"),
    "import": ("导入数据交换包", "Exchange package imported"),
    "key": ("生成本站签名密钥", "Station signing key made"),
    "county_key": ("安装县局公钥", "County key installed"),
    "backup": ("备份登记簿", "Register backed up"),
    "reseal": ("程序升级：重新计算各条记录的校验值", "Upgrade: every record's check value recomputed"),
    "notice": ("登记已告知终止调解", "Termination notice recorded"),
    "entrusted": ("登记委托调解", "Entrusted mediation recorded"),
}
OTHER_ACTION: Words = ("其他操作", "Other action")
SETTING_WORDS: dict[str, Words] = {
    "acceptance_days": ("本站受理时限", "acceptance time limit"),
    "mediation_days": ("本站调解时限", "mediation time limit"),
    "due_soon_days": ("临期提醒", "due-soon reminder"),
    "retention_years": ("个人信息保存年限", "years personal data is kept"),
    "backup_keep": ("自动备份保留份数", "automatic backups kept"),
    "idle_lock_minutes": ("自动锁定时间", "idle lock time"),
    "font_size": ("界面字号", "font size"),
    "language": ("界面语言", "language"),
    "mode": ("工作模式", "working mode"),
}


def pick(words: Words, english: bool) -> str:
    return words[1] if english else words[0]


def who(actor: str | None, english: bool = False) -> str:
    """The person who acted; the set-up step (before any user existed) by name, not by its code."""
    if not actor or actor == SETUP_ACTOR:
        return pick(SETUP_WORDS, english)
    if actor == PROGRAM_ACTOR:
        return pick(PROGRAM_WORDS, english)
    return actor


def rule_title(catalogs: Any, code: str | None, english: bool = False) -> str:
    """A rule version by its title (《…办法》（…令第121号）), never its code."""
    if english and code in RULE_TITLES_EN:
        return RULE_TITLES_EN[code]
    for version in catalogs.rule_versions() if catalogs is not None else []:
        if version.code == code:
            return version.title
    return "—"


def _entry(catalogs: Any, kind: str, code: Any, english: bool) -> str:
    if catalogs is None or not isinstance(code, str) or not catalogs.has(kind, code):
        return pick(("（未知）", "(unknown)"), english) if code else ""
    entry = catalogs.get(kind, code)
    return entry.label_en if english and entry.label_en else entry.label


def _ground(catalogs: Any, kind: str, code: Any, rule: str | None, english: bool) -> str:
    """A ground in the wording of the case's rule version (Chinese), with its article."""
    if english or catalogs is None:
        return _entry(catalogs, kind, code, english)
    for version in catalogs.rule_versions():
        if version.code == rule:
            article = version.article(code)
            label = version.labels.get(code) or _entry(catalogs, kind, code, english)
            return f"{label}（{article}）" if article else label
    return _entry(catalogs, kind, code, english)


def settlement_words(data: dict[str, Any], english: bool = False) -> str:
    """``挽回 6,200.00 元，其中加倍赔偿 4,650.00 元`` (the second part only when there is one)."""
    recovered, punitive = int(data.get("recovered_fen") or 0), int(data.get("punitive_fen") or 0)
    if english:
        text = f"recovered {money_words(recovered, True)}"
        return text + (f", of which punitive compensation {money_words(punitive, True)}" if punitive else "")
    text = f"挽回 {money_words(recovered)}"
    return text + (f"，其中加倍赔偿 {money_words(punitive)}" if punitive else "")


def _details(event: dict[str, Any], catalogs: Any, rule: str | None, english: bool) -> list[str]:
    data, kind, to = event.get("data") or {}, event["kind"], event.get("to")
    sep = "; " if english else "；"
    parts: list[str] = []
    if kind == "transition" and to == "settled":
        parts.append(settlement_words(data, english))
        if data.get("method"):
            method = _entry(catalogs, "settlement_methods", data["method"], english)
            parts.append(pick(("方式：", "by "), english) + (method.lower() if english else method))
        if data.get("outcomes"):
            names = [_entry(catalogs, "outcomes", code, english) for code in data["outcomes"]]
            parts.append(pick(("结果：", "outcome: "), english) + pick(("、", ", "), english).join(names))
        if data.get("agreement"):
            parts.append(pick(("协议：", "agreement: "), english) + str(data["agreement"]))
    elif kind == "transition" and to == "mediating" and data.get("mediator"):
        parts.append(pick(("调解员 ", "mediator "), english) + str(data["mediator"]))
    elif kind == "transition" and to == "not_accepted" and data.get("ground"):
        parts.append(_ground(catalogs, "not_accepted_grounds", data["ground"], rule, english))
    elif kind == "transition" and to == "terminated":
        if data.get("ground"):
            parts.append(_ground(catalogs, "termination_grounds", data["ground"], rule, english))
        if data.get("route"):
            route = _entry(catalogs, "routes", data["route"], english)
            parts.append(pick(("建议途径：", "suggested route: "), english) + route)
    elif kind == "transition" and to == "transferred" and data.get("to_unit"):
        parts.append(pick(("转至 ", "to "), english) + str(data["to_unit"]))
    elif kind == "extension":
        days = data.get("days")
        parts.append(f"{days} days" if english else f"{days} 天")
        if data.get("reason"):
            parts.append(str(data["reason"]))
    elif kind in ("pause", "resume") and (data.get("reason") or data.get("note")):
        parts.append(str(data.get("reason") or data.get("note")))
    elif kind == "entrusted":
        office = str(data.get("office") or "")
        parts.append(
            (f"entrusted by {office}" if english else f"委托单位 {office}")
            if office
            else pick(("已取消", "withdrawn"), english)
        )
    elif kind == "notice":
        if data.get("way") in NOTICE_WAY_WORDS:
            parts.append(pick(NOTICE_WAY_WORDS[data["way"]], english))
        if data.get("note"):
            parts.append(str(data["note"]))
    elif kind == "followup" and data.get("satisfaction"):
        parts.append(_entry(catalogs, "satisfaction", data["satisfaction"], english))
    return [sep.join(p for p in parts if p)] if parts else []


def event_line(event: dict[str, Any], catalogs: Any = None, rule: str | None = None, english: bool = False) -> str:
    """One history line: "2026-11-20 受理（李站长）", "2026-11-28 调解结案：挽回 6,200.00 元…（李站长）"."""
    if event["kind"] == "transition":
        word = pick(STEP_WORDS.get(event.get("to") or "", ("办理", "Step")), english)
    else:
        word = pick(EVENT_WORDS.get(event["kind"], ("办理", "Step")), english)
    details = _details(event, catalogs, rule, english)
    text = f"{event['on']} {word}"
    if details:
        text += (": " if english else "：") + details[0]
    person = who(event.get("actor"), english)
    return text + (f" ({person})" if english else f"（{person}）")


def history_lines(case: dict[str, Any], catalogs: Any = None, english: bool = False) -> list[str]:
    """The case's history as the clerk's log, oldest first."""
    return [event_line(e, catalogs, case.get("rule_version"), english) for e in case.get("history") or []]


def local_time(at: str, zone: tzinfo | None = None) -> str:
    """An audit time (UTC, ISO) as the station's clock shows it: "2026-11-20 09:14"."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return str(at or "")
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def action_words(entry: dict[str, Any], english: bool = False) -> str:
    """What an audit entry did, in words ("受理", "调解结案：挽回 6,200.00 元", "修改设置：界面字号")."""
    action, after = entry.get("action") or "", entry.get("after") or {}
    if action.startswith("transition:"):
        step = action.split(":", 1)[1]
        word = pick(STEP_WORDS.get(step, ("办理", "Step")), english)
        if step == "settled" and "recovered_fen" in after:
            word += (": " if english else "：") + settlement_words(after, english)
        return word
    if action == "create":
        return pick(CREATED_WORDS.get(entry.get("entity") or "", ("新建记录", "Record created")), english)
    word = pick(ACTION_WORDS.get(action, OTHER_ACTION), english)
    if action == "setting":
        keys = [k for k in after if k in SETTING_WORDS]
        if keys:
            word += (": " if english else "：") + pick(SETTING_WORDS[keys[0]], english)
    elif action == "entrusted":
        office = str(after.get("entrusted_by") or "")
        word += (": " if english else "：") + (office or pick(("withdrawn", "已取消"), english))
    elif action == "login_failed" and after.get("attempt"):
        word += f" (attempt {after['attempt']})" if english else f"（第 {after['attempt']} 次）"
    return word


def audit_row(entry: dict[str, Any], english: bool = False, zone: tzinfo | None = None) -> dict[str, str]:
    """An audit entry as the audit viewer's columns: time, who, what, which record."""
    return {
        "time": local_time(entry.get("at") or "", zone),
        "who": who(entry.get("actor"), english),
        "what": action_words(entry, english),
        "record": entry.get("number") or "",
    }
