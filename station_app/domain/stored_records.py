"""The domain's checks of records as a register stores them: what a county merges from a package must pass the
same rules as a station's own input — states, catalog codes, dates, money and counts, numbers — so a re-signed
record with ``status: "pwned"`` or a case received in 1899 is refused with the record named, not shown.

A county merges a million records at a time, so each column is checked over its distinct values in C-level
passes (``set(map(...))``); only a bad value sends the check looking for the first record that holds it.
References to other records (a follow-up's case) need the register and are checked by the merge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain, repeat
from typing import Any

from station_app.domain import validation, workflow
from station_app.domain.catalogs import CATEGORY_TOPS, Catalogs
from station_app.domain.record_input import NUMBER_PREFIX

EARLIEST = validation.EARLIEST_RECORD_DATE  # the same first day as a station's own input
MAX_FEN = 10**13  # 1,000 亿元: above any real amount, below SQLite's integer range
MAX_COUNT = 10**9
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class StoredRecordError(ValueError):
    """A record that breaks the domain's rules; the message (Chinese) names the record and the value."""


@dataclass(frozen=True)
class Column:
    name: str
    label: str
    check: str  # what the value must be: see _value_checker
    nullable: bool = False


def _c(name: str, label: str, check: str, nullable: bool = False) -> Column:
    return Column(name, label, check, nullable)


_COMMON = (_c("year", "年份", "year"),)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "complaints": (
        *_COMMON,
        _c("received_on", "登记日期", "date"),
        _c("channel", "来源渠道", "code:channels"),
        _c("category", "商品或服务类别", "category"),
        _c("category_top", "大类", "top"),
        _c("nature", "投诉性质", "code:natures"),
        _c("amount_fen", "涉案金额", "fen", nullable=True),
        _c("amount_band", "金额区间", "code:amount_bands", nullable=True),
        _c("purchased_on", "购买日期", "date", nullable=True),
        _c("request_types", "诉求", "codes:request_types"),
        _c("rule_version", "适用规定", "rule_version"),
        _c("status", "办理状态", "state"),
        _c("accepted_on", "受理日期", "date", nullable=True),
        _c("mediation_started_on", "调解开始日期", "date", nullable=True),
        _c("closed_on", "办结日期", "date", nullable=True),
        _c("ground", "不予受理或终止的理由", "ground", nullable=True),
        _c("route", "转办去向", "code:routes", nullable=True),
        _c("method", "结案方式", "code:settlement_methods", nullable=True),
        _c("recovered_fen", "挽回经济损失", "fen"),
        _c("punitive_fen", "加倍赔偿", "fen"),
        _c("outcomes", "处理结果", "codes:outcomes"),
        _c("extension_days", "延长天数", "count"),
        _c("paused_since", "中止日期", "date", nullable=True),
        _c("acceptance_due", "受理期限", "due", nullable=True),
        _c("mediation_due", "调解期限", "due", nullable=True),
    ),
    "followups": (
        *_COMMON,
        _c("date", "回访日期", "date"),
        _c("method", "回访方式", "code:followup_methods"),
        _c("satisfaction", "满意度", "code:satisfaction"),
    ),
    "consultations": (
        *_COMMON,
        _c("date", "咨询日期", "date"),
        _c("channel", "来源渠道", "code:channels"),
        _c("persons", "人数", "persons"),
        _c("category", "商品或服务类别", "category", nullable=True),
    ),
    "reports": (
        *_COMMON,
        _c("received_on", "登记日期", "date"),
        _c("channel", "来源渠道", "code:channels"),
        _c("category", "商品或服务类别", "category", nullable=True),
        _c("reporter_anonymous", "是否匿名", "flag"),
        _c("to_case", "是否立案", "flag"),
        _c("fine_fen", "罚没款", "fen"),
    ),
    "outreach_events": (
        *_COMMON,
        _c("date", "活动日期", "date"),
        _c("kind", "活动形式", "code:outreach_kinds"),
        _c("venue_type", "场所", "code:venue_types"),
        *(
            _c(name, label, "count")
            for name, label in (
                ("leaflets", "发放资料"),
                ("banners", "横幅"),
                ("boards", "展板"),
                ("onsite_consultations", "现场咨询"),
                ("audience", "受众人数"),
                ("complaints_taken", "现场受理投诉"),
                ("destroyed_g", "销毁物品重量"),
                ("articles", "宣传稿件"),
            )
        ),
        _c("destroyed_value_fen", "销毁物品价值", "fen"),
    ),
    "warnings": (
        *_COMMON,
        _c("date", "发布日期", "date"),
        _c("type", "类型", "code:warning_types"),
        _c("category", "商品或服务类别", "category", nullable=True),
    ),
}
TABLE_LABELS = {
    "complaints": "投诉",
    "followups": "回访",
    "consultations": "咨询",
    "reports": "举报",
    "outreach_events": "宣传活动",
    "warnings": "消费提示",
    "complaint_events": "办理过程",
}
NUMBER_KINDS = {
    "complaints": "complaint",
    "followups": "followup",
    "consultations": "consultation",
    "reports": "report",
    "outreach_events": "outreach_event",
    "warnings": "warning",
}
# A closed case says when it closed; one accepted says when (a case refused or passed on may never have been).
_NEEDS = {
    "closed_on": workflow.CLOSED_STATES,
    "accepted_on": frozenset({workflow.ACCEPTED, workflow.MEDIATING, workflow.SETTLED}),
    "ground": frozenset({workflow.NOT_ACCEPTED}),
}


def check_rows(
    table: str, rows: list[dict[str, Any]], catalogs: Catalogs, latest: date, *, control_free: bool = False
) -> None:
    """Every record of ``table`` as stored (a package's rows): raises StoredRecordError naming the first bad one.
    ``latest``: the last day a record may carry (the day the package was made). ``control_free``: the caller has
    found that no text of these rows can hold a control character (the package reader, from the raw text)."""
    if not rows:
        return
    if table == "complaint_events":
        _check_events(rows, latest)
        return
    for column in COLUMNS.get(table, ()):
        values = map(dict.get, rows, repeat(column.name))
        ok = _value_checker(column.check, catalogs, latest)
        bad = [v for v in set(values) if not ((v is None and column.nullable) or (v is not None and ok(v)))]
        if bad:
            _refuse(table, rows, column, sorted(bad, key=repr)[0])
    _check_numbers(table, rows)
    if not control_free:
        _check_texts(table, rows)
    if table == "complaints":
        _check_complaints(rows, catalogs)


def _value_checker(check: str, catalogs: Catalogs, latest: date) -> Callable[[Any], bool]:
    kind, _, catalog = check.partition(":")
    if kind == "code":
        codes = {e.code for e in catalogs.entries(catalog)}
        return lambda v: v in codes
    if kind == "codes":
        codes = {e.code for e in catalogs.entries(catalog)}
        return lambda v: _code_list(v, codes)
    if kind == "category":
        return lambda v: isinstance(v, str) and catalogs.is_category(v)
    checks: dict[str, Callable[[Any], bool]] = {
        "state": lambda v: v in workflow.STATES,
        "top": lambda v: v in CATEGORY_TOPS,
        "rule_version": lambda v: v in {r.code for r in catalogs.rule_versions()},
        "ground": lambda v: (
            v in {g for r in catalogs.rule_versions() for g in (*r.not_accepted_grounds, *r.termination_grounds)}
        ),
        "date": lambda v: _date_between(v, EARLIEST, latest),
        "due": lambda v: _date_between(v, EARLIEST, date.max),
        "year": lambda v: type(v) is int and EARLIEST.year <= v <= latest.year,
        "fen": lambda v: type(v) is int and 0 <= v <= MAX_FEN,
        "count": lambda v: type(v) is int and 0 <= v <= MAX_COUNT,
        "persons": lambda v: type(v) is int and 1 <= v <= MAX_COUNT,
        "flag": lambda v: v in (0, 1) and type(v) is int,
    }
    return checks[kind]


def _date_between(value: Any, earliest: date, latest: date) -> bool:
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return False
    try:
        return earliest <= date.fromisoformat(value) <= latest
    except ValueError:
        return False


def _code_list(value: Any, codes: set[str]) -> bool:
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return False
    return isinstance(items, list) and all(isinstance(i, str) and i in codes for i in items)


def _check_numbers(table: str, rows: list[dict[str, Any]]) -> None:
    """A record's number is its station's (a package must not claim another station's numbers)."""
    kind = NUMBER_KINDS.get(table)
    if kind is None:
        return
    prefix = NUMBER_PREFIX[kind]
    heads = (f"{code}-{prefix}-" if prefix else f"{code}-" for code in map(dict.get, rows, repeat("station_code")))
    numbers = list(map(dict.get, rows, repeat("number")))
    if not all(map(str.startswith, numbers, heads)):
        for row in rows:
            head = f"{row['station_code']}-{prefix}-" if prefix else f"{row['station_code']}-"
            if not row["number"].startswith(head):
                raise StoredRecordError(
                    f"{TABLE_LABELS[table]} {row['number']}：编号不是站点 {row['station_code']} 的编号"
                )


def _check_texts(table: str, rows: list[dict[str, Any]]) -> None:
    """No text holds a control character (a NUL …), as a station's own input may not: one search over every value
    of the package's rows joined (in C: a value made text by ``str`` holds no control character unless it is one),
    and only when one is found the row that holds it."""
    if not validation.has_control("\n".join(map(str, chain.from_iterable(map(dict.values, rows))))):
        return
    for row in rows:
        if any(isinstance(v, str) and validation.has_control(v) for v in row.values()):
            raise StoredRecordError(
                f"{TABLE_LABELS.get(table, table)} {row.get('number', '')}：文字中含有看不见的控制字符"
            )


def _check_complaints(rows: list[dict[str, Any]], catalogs: Catalogs) -> None:
    """What a case's state implies, and its category's class and top as the catalog files them."""
    pairs = set(
        map(
            lambda c, cl, t: (c, cl, t),
            *(map(dict.get, rows, repeat(k)) for k in ("category", "category_class", "category_top")),
        )
    )
    for category, category_class, top in pairs:
        if category_class != catalogs.category_class(category) or top != catalogs.category_top(category):
            row = next(
                r
                for r in rows
                if (r.get("category"), r.get("category_class"), r.get("category_top"))
                == (category, category_class, top)
            )
            raise StoredRecordError(f"投诉 {row['number']}：商品或服务类别与其大类、小类不一致")
    for name, states in _NEEDS.items():
        missing = next((r for r in rows if r.get(name) is None and r.get("status") in states), None)
        if missing is not None:
            label = next(c.label for c in COLUMNS["complaints"] if c.name == name)
            state = workflow.label(missing["status"])
            raise StoredRecordError(f"投诉 {missing['number']}：状态为“{state}”却没有{label}")


def _check_events(events: list[dict[str, Any]], latest: date) -> None:
    states = {*workflow.STATES, None}
    for name in ("from_status", "to_status"):
        if not states.issuperset(map(dict.get, events, repeat(name))):
            raise StoredRecordError("办理过程中有本程序不认识的办理状态")
    days = set(map(dict.get, events, repeat("on_date")))
    bad = [d for d in days if not _date_between(d, EARLIEST, latest)]
    if bad:
        raise StoredRecordError(
            f"办理过程中的日期“{sorted(map(str, bad))[0]}”不正确（应在 2000-01-01 至数据包导出之日之间）"
        )


def _refuse(table: str, rows: Iterable[dict[str, Any]], column: Column, value: Any) -> None:
    row = next(r for r in rows if r.get(column.name) == value and type(r.get(column.name)) is type(value))
    why = {
        "date": f"应是 {EARLIEST.isoformat()} 至数据包导出之日之间的日期",
        "due": "应是日期",
        "fen": "应是不为负的金额",
    }.get(column.check.partition(":")[0], "不是本程序认识的值")
    shown = str(value)[:40]
    raise StoredRecordError(f"{TABLE_LABELS[table]} {row.get('number', '')}：{column.label}“{shown}”不正确（{why}）")


def outside_references(members: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[str, str]]:
    """Each follow-up's case must be of the follow-up's own station: checked here for the cases in the package;
    the others are returned (case id -> (station, follow-up number)) for the merge to find in the register."""
    cases = dict(
        zip(
            map(dict.get, members["complaints"], repeat("id")),
            map(dict.get, members["complaints"], repeat("station_code")),
            strict=True,
        )
    )
    outside: dict[str, tuple[str, str]] = {}
    for row in members["followups"]:
        case, station = row.get("complaint_id"), row.get("station_code")
        if case in cases:
            if cases[case] != station:
                raise StoredRecordError(f"回访 {row.get('number', '')}：所回访的投诉不属于站点 {station}")
        elif not isinstance(case, str):
            raise StoredRecordError(f"回访 {row.get('number', '')}：没有所回访的投诉")
        else:
            outside[case] = (str(station), str(row.get("number", "")))
    return outside


def latest_day(created_at: str) -> date:
    """The last day a package's records may carry: the day it was made (in UTC, so one day more for 北京时间)."""
    try:
        return date.fromisoformat(created_at[:10]) + timedelta(days=1)
    except (TypeError, ValueError):
        raise StoredRecordError("数据包的导出时间不正确") from None
