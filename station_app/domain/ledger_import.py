"""A station's earlier ledger (台账): which column holds what, and one row as a complaint input.

Pure rules, no file reading: the service reads the sheet and hands over the header texts and the
rows as cell values. A row becomes the JSON input contract of ``complaint add`` (docs/cli.md),
with ``transitions`` rebuilt from the outcome columns, so every rule of a typed-in case applies.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from station_app.domain.catalogs import Catalogs
from station_app.domain.errors import InvalidValue, Problem, ValidationError

IGNORE = "ignore"
# field → Chinese name (used in messages and in the mapping shown to staff)
FIELDS: dict[str, str] = {
    "received_on": "受理（登记）日期",
    "accepted_on": "受理决定日期",
    "channel": "投诉渠道",
    "consumer_name": "消费者姓名",
    "consumer_phone": "消费者电话",
    "consumer_address": "消费者地址",
    "consumer_id_number": "消费者身份证号码",
    "business_name": "经营者名称",
    "business_address": "经营者地址",
    "business_phone": "经营者电话",
    "subject": "商品或服务",
    "category": "商品和服务类别",
    "nature": "投诉性质",
    "amount_yuan": "涉案金额",
    "purchased_on": "购买日期",
    "facts": "争议事实",
    "request": "投诉请求",
    "result": "处理结果",
    "recovered_yuan": "挽回经济损失",
    "punitive_yuan": "加倍赔偿金额",
    "closed_on": "办结日期",
    "to_unit": "转办单位",
    "note": "备注",
    IGNORE: "（不导入）",
}
REQUIRED = ("received_on", "consumer_name", "consumer_phone", "business_name", "subject", "category", "nature")
# Text fields several columns may feed (joined with "；"): 处理结果 and 处理方式 both describe the outcome.
MULTI = frozenset({"facts", "request", "result", "note", IGNORE})

# fmt: off
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "received_on": ("登记日期", "受理日期", "投诉日期", "收到日期", "登记时间", "受理时间", "投诉时间", "日期",
                    "申诉日期", "来访日期", "received_on", "date", "receiveddate"),
    "accepted_on": ("受理决定日期", "决定受理日期", "accepted_on"),
    "channel": ("投诉渠道", "受理渠道", "投诉方式", "渠道", "来源", "投诉来源", "channel"),
    "consumer_name": ("投诉人", "消费者", "消费者姓名", "投诉人姓名", "申诉人", "姓名", "投诉者", "consumer",
                      "consumer_name", "name"),
    "consumer_phone": ("联系电话", "电话", "投诉人电话", "消费者电话", "手机", "手机号", "手机号码", "联系方式",
                       "phone", "consumer_phone", "tel"),
    "consumer_address": ("投诉人地址", "消费者地址", "住址", "地址", "家庭住址", "consumer_address", "address"),
    "consumer_id_number": ("身份证号", "身份证号码", "公民身份号码", "id_number"),
    "business_name": ("被投诉人", "经营者", "被投诉方", "被投诉单位", "被投诉经营者", "商家", "经营者名称",
                      "被诉方", "被申诉人", "被投诉对象", "business", "business_name"),
    "business_address": ("被投诉人地址", "经营者地址", "被投诉方地址", "商家地址", "business_address"),
    "business_phone": ("经营者电话", "被投诉人电话", "商家电话", "business_phone"),
    "subject": ("商品或服务", "商品或服务名称", "商品名称", "服务名称", "投诉商品", "商品", "商品服务",
                "投诉商品或服务", "品名", "subject", "goods"),
    "category": ("类别", "商品类别", "投诉类别", "商品和服务类别", "商品服务类别", "分类", "category"),
    "nature": ("性质", "投诉性质", "问题性质", "投诉问题性质", "nature"),
    "amount_yuan": ("金额", "涉案金额", "争议金额", "标的金额", "价款", "购买金额", "商品金额", "amount",
                    "amount_yuan"),
    "purchased_on": ("购买日期", "消费日期", "购买时间", "purchased_on"),
    "facts": ("投诉内容", "争议事实", "事实", "简要案情", "案情", "投诉事由", "事由", "投诉事项", "基本情况",
              "facts"),
    "request": ("诉求", "投诉请求", "请求", "消费者诉求", "要求", "投诉要求", "request"),
    "result": ("处理结果", "处理方式", "处理情况", "结果", "办理结果", "调解结果", "办理情况", "结案方式",
               "状态", "result", "outcome"),
    "recovered_yuan": ("挽回损失", "挽回经济损失", "挽回金额", "挽回损失金额", "挽回", "recovered",
                       "recovered_yuan"),
    "punitive_yuan": ("加倍赔偿", "加倍赔偿金额", "惩罚性赔偿", "punitive_yuan"),
    "closed_on": ("办结日期", "结案日期", "办结时间", "结案时间", "处理日期", "closed_on"),
    "to_unit": ("转办单位", "转交单位", "移交单位", "to_unit"),
    "note": ("备注", "说明", "note"),
    IGNORE: ("序号", "编号", "案件编号", "登记号", "经办人", "承办人", "调解人"),
}
# fmt: on
# The second column for the same field goes here (a ledger with 登记日期 and 受理日期).
_SECOND_CHOICE = {"received_on": "accepted_on", "closed_on": None}


def norm_header(text: object) -> str:
    """Full-width/half-width, spaces, a unit in brackets and a required-field star do not matter."""
    t = unicodedata.normalize("NFKC", str(text or "")).strip().casefold()
    t = re.sub(r"[(\[（【].*?[)\]）】]", "", t)
    return re.sub(r"[\s*:：_\-]+", "", t)


_INDEX = {norm_header(name): field for field, names in _SYNONYMS.items() for name in names}


@dataclass
class Mapping:
    columns: dict[str, str]  # header text → field
    source: str  # "guessed" or "remembered"

    def headers_of(self, field: str) -> list[str]:
        return [h for h, f in self.columns.items() if f == field]

    def unmapped(self, headers: list[str]) -> list[str]:
        return [h for h in headers if h and h not in self.columns]


def mapping_key(headers: list[str]) -> str:
    """The settings key a mapping is remembered under: the sorted header texts."""
    return "ledger_mapping:" + json.dumps(sorted(h for h in headers if h), ensure_ascii=False)


def guess(headers: list[str]) -> dict[str, str]:
    columns: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        field = _INDEX.get(norm_header(header)) if header else None
        if field in taken and field not in MULTI:
            field = _SECOND_CHOICE.get(field)
            if field in taken:
                field = None
        if field:
            columns[header] = field
            taken.add(field)
    return columns


def parse_overrides(items: list[str], headers: list[str]) -> dict[str, str]:
    """``--map 列名=field`` (the field may also be given by its Chinese name)."""
    by_label = {label: code for code, label in FIELDS.items()}
    by_text = {unicodedata.normalize("NFKC", h).strip(): h for h in headers}  # 金额（元） = 金额(元)
    found: dict[str, str] = {}
    problems = []
    for item in items:
        header, sep, field = item.partition("=")
        header = by_text.get(unicodedata.normalize("NFKC", header).strip(), header.strip())
        field = by_label.get(field.strip(), field.strip())
        if not sep or not header or not field:
            problems.append(Problem("--map", "列对应", f"“{item}”应写成 列名=字段，如 投诉人=consumer_name"))
        elif header not in headers:
            problems.append(Problem("--map", "列对应", f"台账中没有“{header}”这一列；表头有：{'、'.join(headers)}"))
        elif field not in FIELDS:
            problems.append(Problem("--map", "列对应", f"未知的字段“{field}”；可用：{'、'.join(FIELDS)}"))
        else:
            found[header] = field
    if problems:
        raise ValidationError(problems)
    return found


def combine(base: dict[str, str], overrides: dict[str, str], headers: list[str], source: str) -> Mapping:
    columns = {h: f for h, f in base.items() if h in headers}
    for header, field in overrides.items():
        if field not in MULTI:  # the column named now takes the field from the guessed one
            columns = {h: f for h, f in columns.items() if f != field}
        columns[header] = field
    problems = []
    for field in FIELDS:
        owners = [h for h, f in columns.items() if f == field]
        if len(owners) > 1 and field not in MULTI:
            problems.append(Problem("--map", FIELDS[field], f"多列对应同一字段：{'、'.join(owners)}"))
    for field in REQUIRED:
        if field not in columns.values():
            problems.append(
                Problem("--map", FIELDS[field], f"台账中没有找到这一列，请用 --map 列名={field} 指定对应的列")
            )
    if problems:
        raise ValidationError(problems)
    return Mapping(columns, source)


# -- one row ------------------------------------------------------------------------------------
def cell_text(value: Any) -> str:
    """A cell as text: a whole number without ".0" (phones kept in number cells), a date as ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    # Text as written: the full-width punctuation of Chinese prose stays (NFKC turned "，（）" into ",()", and the
    # agreement printed them so). Each field's own reading makes dates, numbers, phones and codes half-width.
    return str(value).strip() if isinstance(value, str) else str(value)


_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+")


def mangled_numbers(mapping: Mapping, row: dict[str, Any]) -> list[Problem]:
    """ID numbers Excel stored as numbers: 18 digits do not fit (only 15 are kept), so the last ones are lost and
    the cell shows 1.10101E+17. Said as such, with what to do, instead of "现在是 11 位"."""
    problems = []
    for header, field in mapping.columns.items():
        value = row.get(header)
        if field != "consumer_id_number" or value is None:
            continue
        shown = str(value).strip()
        if isinstance(value, float) or (isinstance(value, str) and _SCIENTIFIC.fullmatch(shown)):
            shown = f"{value:.6G}" if isinstance(value, float) else shown
            problems.append(
                Problem(
                    "consumer.id_number",
                    "消费者身份证号码",
                    f"被 Excel 存成了数字（{shown}），后几位已经丢失、无法还原：请在台账中把这一列设为“文本”格式，"
                    "重新填写身份证号后再导入",
                )
            )
    return problems


def row_fields(mapping: Mapping, row: dict[str, Any]) -> dict[str, str]:
    """Header → value becomes field → text (several columns of one text field joined with "；")."""
    values: dict[str, str] = {}
    for header, field in mapping.columns.items():
        text = cell_text(row.get(header))
        if field == IGNORE or not text:
            continue
        values[field] = f"{values[field]}；{text}" if field in values else text
    return values


_CATEGORY_WORDS = {
    "家电": "G01", "家用电器": "G01", "电器": "G01", "手机": "G01", "服装": "G02", "鞋帽": "G02",
    "百货": "G04", "日用百货": "G04", "日用品": "G04", "汽车": "G05", "车辆": "G05", "建材": "G06",
    "烟酒": "G08", "酒类": "G08", "饮料": "G08", "药品": "G09", "医疗器械": "G09", "农资": "G10",
    "农业生产资料": "G10", "餐饮": "S01", "美容美发": "S01", "装修": "S02", "物业": "S02", "旅游": "S03",
    "快递": "S05", "邮政": "S05", "电信": "S06", "通信": "S06", "网络": "S07", "网购": "S07", "银行": "S08",
    "保险": "S09", "医疗": "S10", "培训": "S11", "教育": "S11", "水电气": "S12", "供水": "S12", "供电": "S12",
    "其他": "O01",
}  # fmt: skip


def resolve_code(catalogs: Catalogs, kind: str, text: str) -> str:
    """A code or label as ledgers write it (质量问题, 家电, 食品): the code, or the text unchanged
    so that the complaint rules refuse it with the choices named."""
    tries = [text, text.removesuffix("问题"), text.removesuffix("类"), f"{text}类"]
    for candidate in tries:
        try:
            return catalogs.resolve(kind, candidate)
        except (InvalidValue, KeyError):
            continue
    if kind == "categories":
        return _CATEGORY_WORDS.get(text.removesuffix("类"), text)
    return text


# Outcome words, checked in this order (不予受理 before 受理, 调解中 before 调解, 未解决 before 解决).
_OUTCOMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("not_accepted", ("不予受理", "不受理", "未受理")),
    ("terminated", ("终止", "调解不成", "调解失败", "未达成", "调解未果", "不成功", "撤回", "撤诉")),
    ("transferred", ("转办", "转交", "移交", "移送")),
    ("registered", ("待处理", "待受理", "未处理", "已登记")),
    ("mediating", ("调解中", "正在调解")),
    ("accepted", ("处理中", "办理中", "未办结", "未解决")),
    ("settled", ("调解成功", "和解", "解决", "达成", "办结", "结案", "成功", "调解", "退货", "退款", "赔偿",
                 "更换", "换货", "维修", "已处理", "完成")),
    ("accepted", ("已受理", "受理")),
)  # fmt: skip
_ROUTES = (
    ("arbitration", ("仲裁",)),
    ("court", ("诉讼", "法院", "起诉")),
    ("market_regulation", ("市场监管", "12315", "工商")),
    ("consumer_association", ("消协", "消费者协会")),
)
CLOSING_STATES = ("settled", "terminated")


def outcome(fields: dict[str, str]) -> str:
    """The state the ledger says the case reached (an empty outcome with a closing date: settled)."""
    text = fields.get("result", "")
    if not text:
        return "settled" if fields.get("closed_on") else "registered"
    for state, words in _OUTCOMES:
        if any(w in text for w in words):
            return state
    raise ValidationError(
        [Problem("result", FIELDS["result"], f"无法识别“{text}”（应写明调解成功、和解、不予受理、终止调解、转办等）")]
    )


def transitions(fields: dict[str, str]) -> list[dict[str, Any]]:
    """Earlier steps rebuilt from 处理结果 + 办结日期 + 挽回损失 (docs/yearly.md lists the rules)."""
    state = outcome(fields)
    text = fields.get("result", "")
    received = fields.get("received_on", "")
    accepted = fields.get("accepted_on") or received
    closed = fields.get("closed_on", "")
    note = f"台账导入：{text}" if text else "台账导入"
    if state in CLOSING_STATES and not closed:
        raise ValidationError([Problem("closed_on", FIELDS["closed_on"], f"处理结果为“{text or '已办结'}”时必须填写")])
    if state == "registered":
        return []
    if state == "not_accepted":
        return [{"to": "not_accepted", "on": closed or accepted, "ground": "na_other", "note": note}]
    if state == "transferred":
        unit = fields.get("to_unit") or re.sub(r"^(转办|转交|移交|移送|转)(至|到|给)?[:：]?", "", text).strip()
        return [{"to": "transferred", "on": closed or received, "to_unit": unit or "未注明", "note": note}]
    steps: list[dict[str, Any]] = [{"to": "accepted", "on": accepted, "note": "台账导入"}]
    if state == "mediating":
        steps.append({"to": "mediating", "on": accepted, "note": note})
    elif state == "settled":
        step: dict[str, Any] = {
            "to": "settled",
            "on": closed,
            "method": "reconciliation" if "和解" in text else "mediation",
            "recovered_yuan": fields.get("recovered_yuan") or "0",
            "note": note,
        }
        if fields.get("punitive_yuan"):
            step["punitive_yuan"] = fields["punitive_yuan"]
        if text:
            step["agreement"] = text
        steps.append(step)
    elif state == "terminated":
        route = next((code for code, words in _ROUTES if any(w in text for w in words)), "court")
        if any(w in text for w in ("撤回", "撤诉")):
            ground = "t_withdrawn"
        elif any(w in text for w in ("调解不成", "调解失败", "未达成", "调解未果", "不成功")):
            ground = "t_no_agreement"
        else:
            ground = "t_other"
        steps.append({"to": "terminated", "on": closed, "ground": ground, "route": route, "note": note})
    return steps


def to_payload(fields: dict[str, str], catalogs: Catalogs) -> dict[str, Any]:
    """One ledger row (field → text) as the ``complaint add`` input; outcome problems raise."""
    payload: dict[str, Any] = {
        "received_on": fields.get("received_on", ""),
        "consumer": {
            "name": fields.get("consumer_name", ""),
            "phone": fields.get("consumer_phone", ""),
            "address": fields.get("consumer_address", ""),
            "id_number": fields.get("consumer_id_number", ""),
        },
        "business": {
            "name": fields.get("business_name", ""),
            "address": fields.get("business_address", ""),
            "phone": fields.get("business_phone", ""),
        },
        "subject": fields.get("subject", ""),
        "category": resolve_code(catalogs, "categories", fields.get("category", "")),
        "nature": resolve_code(catalogs, "natures", fields.get("nature", "")),
        "facts": fields.get("facts") or "；".join(t for t in (fields.get("subject"), fields.get("request")) if t),
        "request": fields.get("request", ""),
    }
    if fields.get("channel"):
        payload["channel"] = resolve_code(catalogs, "channels", fields["channel"])
    for key in ("amount_yuan", "purchased_on"):
        if fields.get(key):
            payload[key] = fields[key]
    payload["transitions"] = transitions(fields)
    return payload


# JSON path of a complaint input → the ledger field it came from (to name the column in a message).
_PATH_FIELDS = {
    "consumer.name": "consumer_name",
    "consumer.phone": "consumer_phone",
    "consumer.address": "consumer_address",
    "consumer.id_number": "consumer_id_number",
    "business.name": "business_name",
    "business.address": "business_address",
    "business.phone": "business_phone",
}
_STEP_FIELDS = {"recovered_yuan": "recovered_yuan", "punitive_yuan": "punitive_yuan", "on": "closed_on"}


def field_of(path: str) -> str | None:
    """Which ledger field a problem's JSON path points at."""
    if path in _PATH_FIELDS:
        return _PATH_FIELDS[path]
    if path.startswith("transitions["):
        return _STEP_FIELDS.get(path.rsplit(".", 1)[-1], "result")
    return path if path in FIELDS else None
