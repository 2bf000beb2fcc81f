"""Catalogs as data: complaint natures, goods/service categories, channels, grounds, rule versions.

Loaded from resources/catalogs/*.json. Codes are stable (scripts, stored records and statistics rely on
them); labels may be renamed, and an entry keeps its earlier labels with the last day each was used.
Procedure rules (deadlines, grounds, article numbers) are versioned by effective date: a complaint follows
the version in force on the day it was received.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from station_app.domain.errors import InvalidValue
from station_app.paths import resource_dir

# Every kind the program relies on, in the order listings show them.
# fmt: off
KINDS = (
    "natures", "categories", "channels", "request_types", "outcomes", "settlement_methods", "routes",
    "station_kinds", "venue_types", "outreach_kinds", "warning_types", "satisfaction", "followup_methods",
    "amount_bands", "not_accepted_grounds", "termination_grounds",
)
# fmt: on
CATEGORY_TOPS = ("goods", "services", "other")
LIMIT_UNITS = ("working_days", "calendar_days")
_ENTRY_KEYS = {"code", "label", "label_en", "parent", "label_history", "aliases"}
_MAX_CHOICES = 8


@dataclass(frozen=True)
class Entry:
    code: str
    label: str
    label_en: str
    parent: str | None = None
    label_history: tuple[tuple[date, str], ...] = ()  # (last day used, label), oldest first
    aliases: tuple[str, ...] = ()  # other names accepted by resolve(), never shown
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # e.g. min_fen/max_fen

    def label_on(self, on: date | None) -> str:
        """The label in use on ``on`` (the current label when ``on`` is None)."""
        if on is not None:
            for until, old in self.label_history:
                if on <= until:
                    return old
        return self.label

    def names(self) -> tuple[str, ...]:
        """Everything resolve() accepts for this entry."""
        return (self.code, self.label, self.label_en, *(old for _, old in self.label_history), *self.aliases)


@dataclass(frozen=True)
class RuleVersion:
    code: str
    title: str
    effective_from: date
    acceptance_limit: tuple[int, str]  # (amount, "working_days" | "calendar_days")
    mediation_limit: tuple[int, str]
    not_accepted_grounds: tuple[str, ...]
    termination_grounds: tuple[str, ...]
    articles: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # this version's wording

    def ground_label(self, code: str) -> str:
        return self.labels.get(code, code)

    def article(self, code: str) -> str:
        """Where the ground sits in this version, e.g. "第十五条第（一）项" ("" when unknown)."""
        return self.articles.get(code, "")


class Catalogs:
    def __init__(self, entries: dict[str, list[Entry]], rule_versions: list[RuleVersion]):
        order = [k for k in KINDS if k in entries] + [k for k in entries if k not in KINDS]
        self._entries = {kind: list(entries[kind]) for kind in order}
        self._by_code = {kind: {e.code: e for e in items} for kind, items in self._entries.items()}
        self._names = {kind: _name_index(kind, items) for kind, items in self._entries.items()}
        self._versions = sorted(rule_versions, key=lambda v: v.effective_from)
        self._bands = [
            (e.code, int(e.extra["min_fen"]), e.extra["max_fen"]) for e in self._entries.get("amount_bands", [])
        ]

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path | None = None) -> Catalogs:
        """Read and check every *.json in ``folder``; ValueError naming the file when one is damaged."""
        folder = Path(folder) if folder is not None else resource_dir() / "catalogs"
        files = sorted(folder.glob("*.json"))
        if not files:
            raise ValueError(f"目录文件夹 {folder} 中没有 *.json 目录文件")
        entries: dict[str, list[Entry]] = {}
        sources: dict[str, str] = {}
        versions: list[RuleVersion] = []
        versions_file = ""
        for path in files:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ValueError(f"目录文件 {path.name} 已损坏，无法读取：{exc}") from None
            try:
                kinds, file_versions = _parse_file(data)
                for kind in kinds:
                    if kind in entries:
                        raise ValueError(f"目录 {kind} 已在 {sources[kind]} 中定义")
                if file_versions and versions:
                    raise ValueError(f"rule_versions 已在 {versions_file} 中定义")
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"目录文件 {path.name} 有误：{_why(exc)}") from None
            entries.update(kinds)
            sources.update(dict.fromkeys(kinds, path.name))
            if file_versions:
                versions, versions_file = file_versions, path.name
        missing = [k for k in KINDS if k not in entries]
        if missing:
            raise ValueError(f"目录文件夹 {folder} 缺少目录：{'、'.join(missing)}")
        if not versions:
            raise ValueError(f"目录文件夹 {folder} 中没有 rule_versions（规则版本）")
        try:
            versions = _link_versions(versions, entries)
        except ValueError as exc:
            raise ValueError(f"目录文件 {versions_file} 有误：{exc}") from None
        return cls(entries, versions)

    # -- lookups --------------------------------------------------------------------------------
    def kinds(self) -> list[str]:
        return list(self._entries)

    def entries(self, kind: str) -> list[Entry]:
        return list(self._entries[kind])

    def has(self, kind: str, code: str) -> bool:
        return code in self._by_code.get(kind, {})

    def get(self, kind: str, code: str) -> Entry:
        return self._by_code[kind][code]

    def label(self, kind: str, code: str, on: date | None = None) -> str:
        """The Chinese label used on ``on``; an unknown code is shown as itself (old data stays readable)."""
        entry = self._by_code.get(kind, {}).get(code)
        return entry.label_on(on) if entry else code

    def resolve(self, kind: str, code_or_label: str) -> str:
        """A code, a current/earlier Chinese label, an alias or the English label → the code."""
        text = str(code_or_label).strip()
        if text in self._by_code[kind]:
            return text
        code = self._names[kind].get(_norm(text))
        if code is None:
            raise InvalidValue(f"“{text}”不是有效的代码或名称，可选：{self._choices(kind)}")
        return code

    def _choices(self, kind: str) -> str:
        items = self._entries[kind]
        if kind == "categories":  # the classes are what people mostly pick
            items = [e for e in items if e.parent in CATEGORY_TOPS]
        shown = "、".join(f"{e.code}（{e.label}）" for e in items[:_MAX_CHOICES])
        return shown + ("等（station-app catalog 列出全部）" if len(items) > _MAX_CHOICES else "")

    # -- categories -----------------------------------------------------------------------------
    def is_category(self, code: str) -> bool:
        return self.has("categories", code)

    def category_class(self, code: str) -> str:
        """G01 … S13 / O01 for a class or one of its items (a top group stands for itself)."""
        entry = self.get("categories", code)
        if entry.parent is None:
            return code
        parent = self.get("categories", entry.parent)
        return code if parent.parent is None else parent.code

    def category_top(self, code: str) -> str:
        """goods / services / other."""
        entry = self.get("categories", code)
        while entry.parent is not None:
            entry = self.get("categories", entry.parent)
        return entry.code

    # -- money bands and rules ------------------------------------------------------------------
    def amount_band(self, fen: int | None) -> str | None:
        if fen is None:
            return None
        for code, low, high in self._bands:
            if fen >= low and (high is None or fen < high):
                return code
        return None

    def rule_versions(self) -> list[RuleVersion]:
        return list(self._versions)

    def rule_for(self, received_on: date) -> RuleVersion:
        """The latest version in force on ``received_on`` (the first one for earlier dates)."""
        chosen = self._versions[0]
        for version in self._versions:
            if version.effective_from <= received_on:
                chosen = version
        return chosen

    def as_json(self) -> dict[str, Any]:
        """Everything, for ``station-app catalog --format json``."""
        data: dict[str, Any] = {kind: [_entry_json(e) for e in items] for kind, items in self._entries.items()}
        data["rule_versions"] = [
            {
                "code": v.code,
                "title": v.title,
                "effective_from": v.effective_from.isoformat(),
                "acceptance_limit": {"amount": v.acceptance_limit[0], "unit": v.acceptance_limit[1]},
                "mediation_limit": {"amount": v.mediation_limit[0], "unit": v.mediation_limit[1]},
                "not_accepted_grounds": [_ground_json(v, c) for c in v.not_accepted_grounds],
                "termination_grounds": [_ground_json(v, c) for c in v.termination_grounds],
            }
            for v in self._versions
        ]
        return data


@lru_cache(maxsize=1)
def default_catalogs() -> Catalogs:
    return Catalogs.load()


# -- helpers ------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    """Full-width/half-width and case do not matter when matching names."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _name_index(kind: str, items: list[Entry]) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in items:
        for name in e.names():
            key = _norm(name)
            if names.setdefault(key, e.code) != e.code:
                raise ValueError(f"{kind} 中的名称“{name}”同时指向 {names[key]} 和 {e.code}")
    return names


def _why(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return f"缺少字段 {exc}"
    return str(exc)


def _entry_json(e: Entry) -> dict[str, Any]:
    row: dict[str, Any] = {"code": e.code, "label": e.label, "label_en": e.label_en}
    if e.parent:
        row["parent"] = e.parent
    if e.label_history:
        row["label_history"] = [{"until": until.isoformat(), "label": old} for until, old in e.label_history]
    if e.aliases:
        row["aliases"] = list(e.aliases)
    row.update(e.extra)
    return row


def _ground_json(v: RuleVersion, code: str) -> dict[str, str]:
    return {"code": code, "label": v.ground_label(code), "article": v.article(code)}


def _text(item: dict[str, Any], key: str) -> str:
    value = item[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} 应为非空文字：{value!r}")
    return value.strip()


def _parse_file(data: Any) -> tuple[dict[str, list[Entry]], list[RuleVersion]]:
    if not isinstance(data, dict):
        raise ValueError("顶层应为 JSON 对象 {…}")
    kinds: dict[str, list[Entry]] = {}
    for kind, items in (data.get("catalogs") or {}).items():
        if not isinstance(items, list) or not items:
            raise ValueError(f"目录 {kind} 应为非空列表")
        kinds[kind] = [_entry(kind, item) for item in items]
        _check_kind(kind, kinds[kind])
    versions = [_version(item) for item in data.get("rule_versions") or []]
    return kinds, versions


def _entry(kind: str, item: dict[str, Any]) -> Entry:
    if not isinstance(item, dict):
        raise ValueError(f"{kind} 的条目应为 JSON 对象：{item!r}")
    code = _text(item, "code")
    try:
        history = sorted((date.fromisoformat(h["until"]), _text(h, "label")) for h in item.get("label_history", []))
        aliases = tuple(_text({"alias": a}, "alias") for a in item.get("aliases", []))
        return Entry(
            code=code,
            label=_text(item, "label"),
            label_en=_text(item, "label_en") if item.get("label_en") else _text(item, "label"),
            parent=_text(item, "parent") if item.get("parent") is not None else None,
            label_history=tuple(history),
            aliases=aliases,
            extra={k: v for k, v in item.items() if k not in _ENTRY_KEYS},
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{kind} 的条目 {code}：{_why(exc)}") from None


def _check_kind(kind: str, items: list[Entry]) -> None:
    codes = [e.code for e in items]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValueError(f"{kind} 中的代码重复（duplicate codes）：{'、'.join(duplicates)}")
    by_code = {e.code: e for e in items}
    for e in items:
        if e.parent is not None and e.parent not in by_code:
            raise ValueError(f"{kind} 的条目 {e.code} 的上级 {e.parent} 不存在")
        untils = [until for until, _ in e.label_history]
        if len(set(untils)) != len(untils):
            raise ValueError(f"{kind} 的条目 {e.code} 的 label_history 日期重复")
    _name_index(kind, items)
    if kind == "categories":
        _check_categories(by_code)
    elif kind == "amount_bands":
        _check_bands(items)


def _check_categories(by_code: dict[str, Entry]) -> None:
    tops = [code for code, e in by_code.items() if e.parent is None]
    if sorted(tops) != sorted(CATEGORY_TOPS):
        raise ValueError(f"categories 的顶级分组应为 {'、'.join(CATEGORY_TOPS)}，实为 {'、'.join(tops)}")
    for e in by_code.values():
        depth, parent = 0, e.parent
        while parent is not None:
            depth, parent = depth + 1, by_code[parent].parent
            if depth > 2:
                raise ValueError(f"categories 的条目 {e.code} 层级过深（最多：分组 › 大类 › 具体商品/服务）")


def _check_bands(items: list[Entry]) -> None:
    for e in items:
        low, high = e.extra.get("min_fen"), e.extra.get("max_fen")
        if not isinstance(low, int) or (high is not None and (not isinstance(high, int) or high <= low)):
            raise ValueError(f"amount_bands 的条目 {e.code}：min_fen/max_fen 应为整数且 min_fen < max_fen")
    if items[0].extra["min_fen"] != 0 or items[-1].extra["max_fen"] is not None:
        raise ValueError("amount_bands 应从 min_fen 0 开始，最后一档 max_fen 为 null")
    for low, high in pairwise(items):
        if low.extra["max_fen"] != high.extra["min_fen"]:
            raise ValueError(f"amount_bands 的 {low.code} 与 {high.code} 不衔接（上一档 max_fen 应等于下一档 min_fen）")


def _limit(item: dict[str, Any], key: str) -> tuple[int, str]:
    amount, unit = item[key]["amount"], item[key]["unit"]
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0 or unit not in LIMIT_UNITS:
        raise ValueError(f"{key} 应为正整数并以 {'/'.join(LIMIT_UNITS)} 计：{item[key]!r}")
    return amount, unit


def _version(item: dict[str, Any]) -> RuleVersion:
    code = _text(item, "code")
    try:
        return RuleVersion(
            code=code,
            title=_text(item, "title"),
            effective_from=date.fromisoformat(item["effective_from"]),
            acceptance_limit=_limit(item, "acceptance_limit"),
            mediation_limit=_limit(item, "mediation_limit"),
            not_accepted_grounds=tuple(item["not_accepted_grounds"]),
            termination_grounds=tuple(item["termination_grounds"]),
            articles=dict(item.get("articles") or {}),
            labels=dict(item.get("labels") or {}),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"规则版本 {code}：{_why(exc)}") from None


def _link_versions(versions: list[RuleVersion], entries: dict[str, list[Entry]]) -> list[RuleVersion]:
    """Check the versions against the ground catalogs and fill in each ground's wording."""
    codes = [v.code for v in versions]
    if len(set(codes)) != len(codes):
        raise ValueError(f"规则版本代码重复（duplicate codes）：{'、'.join(codes)}")
    for old, new in pairwise(versions):
        if not old.effective_from < new.effective_from:
            raise ValueError(f"规则版本应按生效日期从早到晚排列：{old.code} 不早于 {new.code}")
    linked = []
    for v in versions:
        defaults: dict[str, str] = {}
        for kind, grounds in (
            ("not_accepted_grounds", v.not_accepted_grounds),
            ("termination_grounds", v.termination_grounds),
        ):
            known = {e.code: e.label for e in entries[kind]}
            unknown = [g for g in grounds if g not in known]
            if unknown or len(set(grounds)) != len(grounds):
                raise ValueError(f"规则版本 {v.code} 的 {kind} 有未知或重复的代码：{'、'.join(unknown or grounds)}")
            defaults.update({g: known[g] for g in grounds})
        stray = sorted((set(v.articles) | set(v.labels)) - set(defaults))
        if stray:
            raise ValueError(f"规则版本 {v.code} 的 articles/labels 提到本版本没有的理由：{'、'.join(stray)}")
        linked.append(replace(v, labels={g: v.labels.get(g) or label for g, label in defaults.items()}))
    return linked
