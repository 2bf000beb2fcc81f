"""The register's records: reading the script contract's JSON input into checked, flat column values.

Input contract (docs/cli.md): money as decimal yuan strings, dates as ISO YYYY-MM-DD, catalog codes
(a label is accepted too and turned into its code). Output of every parser: a dict of column values
(money in integer fen, dates as ISO strings) ready for the store; nothing here touches a database.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from station_app.domain import validation, workflow
from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import InvalidValue, Problem, ValidationError
from station_app.domain.input_reader import InputReader

STATION_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")

# Prefix of the human number per record type; complaints carry none: XJ-2026-0042.
NUMBER_PREFIX = {
    "complaint": "",
    "consultation": "ZX",
    "report": "JB",
    "outreach_event": "HD",
    "warning": "JS",
    "followup": "HF",
}


def format_number(station_code: str, kind: str, year: int, seq: int) -> str:
    prefix = NUMBER_PREFIX[kind]
    middle = f"{prefix}-" if prefix else ""
    return f"{station_code}-{middle}{year}-{seq:04d}"


def parse_station(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    code = r.text("code", "站点编码", required=True, max_len=12).upper()
    if code and not STATION_CODE.match(code):
        r.add("code", "站点编码", "应为 2–12 位大写字母或数字，以字母开头，例如 XJ")
    row = {
        "code": code,
        "name": r.text("name", "站点名称", required=True, max_len=100),
        "kind": r.code("kind", "站点类型", "station_kinds", required=True),
        "venue_type": r.code("venue_type", "站点场所类型", "venue_types", default="other"),
        "county": r.text("county", "所属县（市、区）", max_len=100),
        "contact": r.text("contact", "联系方式", max_len=200),
    }
    r.finish()
    return row


def parse_complaint(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    received_on = r.date("received_on", "登记日期", required=True)
    consumer = r.sub("consumer", "消费者", required=True)
    business = r.sub("business", "被投诉经营者", required=True)
    purchased_on = r.date("purchased_on", "购买日期")
    row: dict[str, Any] = {
        "received_on": received_on.isoformat() if received_on else None,
        "channel": r.code("channel", "投诉渠道", "channels", default="visit"),
        "consumer_name": consumer.text("name", "消费者姓名", required=True, max_len=100),
        "consumer_phone": consumer.phone("phone", "消费者电话", required=True),
        "consumer_id_number": consumer.id_number("id_number", "消费者身份证号码"),
        "consumer_address": consumer.text("address", "消费者地址", max_len=200),
        "business_name": business.text("name", "经营者名称", required=True, max_len=200),
        "business_address": business.text("address", "经营者地址", max_len=200),
        "business_phone": business.phone("phone", "经营者电话", business=True),
        "business_credit_code": business.credit_code("credit_code", "统一社会信用代码"),
        "subject": r.text("subject", "商品或服务名称", required=True, max_len=200),
        "category": r.code("category", "商品和服务类别", "categories", required=True),
        "nature": r.code("nature", "投诉性质", "natures", required=True),
        "amount_fen": r.money("amount_yuan", "涉案金额"),
        "purchased_on": purchased_on.isoformat() if purchased_on else None,
        "facts": r.text("facts", "争议事实", required=True),
        "request": r.text("request", "投诉请求"),
        "request_types": r.codes("request_types", "投诉请求类型", "request_types"),
    }
    if received_on and purchased_on and purchased_on > received_on:
        r.add("purchased_on", "购买日期", f"不能晚于登记日期（{received_on.isoformat()}）")
    r.finish()
    row["business_key"] = validation.normalize_business_name(row["business_name"])
    row["rule_version"] = catalogs.rule_for(received_on).code  # type: ignore[arg-type]
    return row


def parse_transition(
    target: str, data: dict[str, Any], catalogs: Catalogs, today: date, *, rule_code: str, default_on: date
) -> dict[str, Any]:
    """Read the fields one workflow step needs. ``default_on`` is used when ``on`` is missing."""
    if target not in workflow.REQUIRED_FIELDS:
        workflow.check_transition(workflow.REGISTERED, target)  # raises the "unknown state" message
        raise ValidationError([Problem("to", "目标状态", f"不能变更为“{target}”")])
    r = InputReader(data, catalogs, today)
    on = r.date("on", "日期", default=default_on)
    fields: dict[str, Any] = {"to": target, "on": on.isoformat() if on else None}
    rule = next(v for v in catalogs.rule_versions() if v.code == rule_code)
    if target == workflow.NOT_ACCEPTED:
        fields["ground"] = _ground(r, "不予受理理由", "not_accepted_grounds", rule.not_accepted_grounds)
    elif target == workflow.TERMINATED:
        fields["ground"] = _ground(r, "终止调解理由", "termination_grounds", rule.termination_grounds)
        fields["route"] = r.code("route", "建议的解决途径", "routes", required=True)
    elif target == workflow.SETTLED:
        fields["method"] = r.code("method", "结案方式（和解/调解）", "settlement_methods", required=True)
        fields["recovered_fen"] = r.money("recovered_yuan", "挽回经济损失", required=True)
        fields["punitive_fen"] = r.money("punitive_yuan", "加倍赔偿金额") or 0
        fields["agreement"] = r.text("agreement", "协议内容")
        fields["outcomes"] = r.codes("outcomes", "处理结果", "outcomes")
        performed_by = r.date("performed_by", "履行期限", allow_future=True)
        fields["performed_by"] = performed_by.isoformat() if performed_by else None
    elif target == workflow.TRANSFERRED:
        fields["to_unit"] = r.text("to_unit", "转办单位", required=True, max_len=200)
    elif target == workflow.MEDIATING:
        fields["mediator"] = r.text("mediator", "调解员", max_len=50)
    fields["note"] = r.text("note", "备注")
    r.finish()
    return fields


def _ground(r: InputReader, label: str, kind: str, allowed: tuple[str, ...]) -> str | None:
    code = r.code("ground", label, kind, required=True)
    if code and code not in allowed:
        choices = "、".join(f"{c}（{r.catalogs.label(kind, c)}）" for c in allowed)
        r.add("ground", label, f"“{code}”不适用于本案适用的规则版本；可选：{choices}")
        return None
    return code


def parse_consultation(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    on = r.date("date", "咨询日期", required=True)
    consumer = r.sub("consumer", "咨询人")
    row = {
        "date": on.isoformat() if on else None,
        "channel": r.code("channel", "咨询渠道", "channels", default="visit"),
        "topic": r.text("topic", "咨询事项", required=True, max_len=200),
        "persons": r.count("persons", "咨询人数（人次）", minimum=1, default=1),
        "category": r.code("category", "商品和服务类别", "categories"),
        "answer": r.text("answer", "答复内容"),
        "consumer_name": consumer.text("name", "咨询人姓名", max_len=100),
        "consumer_phone": consumer.phone("phone", "咨询人电话"),
    }
    r.finish()
    return row


def parse_report(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    received_on = r.date("received_on", "举报日期", required=True)
    business = r.sub("business", "被举报经营者", required=True)
    reporter = r.sub("reporter", "举报人")
    anonymous = reporter.flag("anonymous", "匿名举报", default=not reporter.raw("name"))
    row = {
        "received_on": received_on.isoformat() if received_on else None,
        "channel": r.code("channel", "举报渠道", "channels", default="visit"),
        "business_name": business.text("name", "被举报经营者名称", required=True, max_len=200),
        "business_address": business.text("address", "被举报经营者地址", max_len=200),
        "business_credit_code": business.credit_code("credit_code", "统一社会信用代码"),
        "facts": r.text("facts", "违法线索及事实", required=True),
        "category": r.code("category", "商品和服务类别", "categories"),
        "reporter_anonymous": anonymous,
        "reporter_name": "" if anonymous else reporter.text("name", "举报人姓名", max_len=100),
        "reporter_phone": "" if anonymous else reporter.phone("phone", "举报人电话"),
        "reporter_id_number": "" if anonymous else reporter.id_number("id_number", "举报人身份证号码"),
        "to_case": r.flag("to_case", "转为案件线索"),
        "fine_fen": r.money("fine_yuan", "罚没款") or 0,
        "result": r.text("result", "处理结果"),
    }
    r.finish()
    return row


def parse_outreach_event(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    on = r.date("date", "活动日期", required=True)
    row = {
        "date": on.isoformat() if on else None,
        "kind": r.code("kind", "活动类型", "outreach_kinds", required=True),
        "venue_type": r.code("venue_type", "场所类型", "venue_types", required=True),
        "title": r.text("title", "活动主题", max_len=200),
        "place": r.text("place", "活动地点", max_len=200),
        "partners": r.text("partners", "合作单位", max_len=500),
        "leaflets": r.count("leaflets", "发放资料（份）"),
        "banners": r.count("banners", "悬挂横幅（条）"),
        "boards": r.count("boards", "展板（块）"),
        "onsite_consultations": r.count("onsite_consultations", "现场咨询（人次）"),
        "audience": r.count("audience", "受众（人次）"),
        "complaints_taken": r.count("complaints_taken", "现场受理投诉（件）"),
        "destroyed_g": _grams(r, "destroyed_kg", "销毁商品重量（千克）"),
        "destroyed_value_fen": r.money("destroyed_value_yuan", "销毁商品货值") or 0,
        "articles": r.count("articles", "发表文章（篇）"),
    }
    r.finish()
    return row


def _grams(r: InputReader, key: str, label: str) -> int:
    value = r.raw(key)
    if value is None:
        return 0
    try:
        kg = Decimal(str(value).strip())
    except InvalidOperation:
        r.add(key, label, "应为数字，例如 12.5")
        return 0
    grams = kg * 1000
    if kg < 0 or grams != grams.to_integral_value():
        r.add(key, label, "应为不小于 0 的数字，最多三位小数")
        return 0
    return int(grams)


def parse_warning(data: dict[str, Any], catalogs: Catalogs, today: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    on = r.date("date", "发布日期", required=True)
    row = {
        "date": on.isoformat() if on else None,
        "type": r.code("type", "类型（警示/提示）", "warning_types", default="warning"),
        "title": r.text("title", "标题", required=True, max_len=200),
        "body": r.text("body", "正文", required=True),
        "category": r.code("category", "商品和服务类别", "categories"),
        "basis": r.text("basis", "依据或来源", max_len=500),
        "channels": r.text("channels", "发布渠道", max_len=200),
    }
    r.finish()
    return row


def parse_followup(data: dict[str, Any], catalogs: Catalogs, today: date, *, closed_on: date) -> dict[str, Any]:
    r = InputReader(data, catalogs, today)
    on = r.date("date", "回访日期", default=today)
    if on and on < closed_on:
        r.add("date", "回访日期", f"不能早于结案日期（{closed_on.isoformat()}）")
    row = {
        "date": on.isoformat() if on else None,
        "method": r.code("method", "回访方式", "followup_methods", default="phone"),
        "satisfaction": r.code("satisfaction", "满意度", "satisfaction", required=True),
        "opinion": r.text("opinion", "消费者意见"),
        "visitor": r.text("visitor", "回访人", max_len=50),
    }
    r.finish()
    return row


def parse_ymd(value: Any, field: str, label: str, today: date) -> date:
    """A single date option (CLI flags such as --on), refused with the field named."""
    try:
        return validation.check_record_date(validation.parse_date(value), today)
    except InvalidValue as exc:
        raise ValidationError([Problem(field, label, str(exc))]) from None


def check_step(
    *, on: date | None = None, today: date | None = None, texts: tuple[tuple[str, str, str], ...] = ()
) -> None:
    """A step given as arguments rather than JSON (pause, resume, extension, deletion): its date (``on``, between
    2000-01-01 and ``today``) and its free texts (``(field, label, text)``, no control characters)."""
    problems = []
    if on is not None and today is not None:
        try:
            validation.check_record_date(on, today)
        except InvalidValue as exc:
            problems.append(Problem("on", "日期", str(exc)))
    for field, label, text in texts:
        try:
            validation.check_plain_text(text)
        except InvalidValue as exc:
            problems.append(Problem(field, label, str(exc)))
    if problems:
        raise ValidationError(problems)
