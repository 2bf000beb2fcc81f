"""Who decides, and on what footing: the voice and the citations of a station's printed notices.

A 消协分会, 投诉站 or 维权服务站 takes and mediates complaints on the consumer associations' duty in
消法第三十七条第一款第（五）项; it decides in its own name and cites no rule of the market regulator, because
Orders 20 and 121 bind 市场监督管理部门 only (their Art. 2). A 12315 联络站 decides nothing: acceptance,
refusal, mediation and termination are the county market-regulation office's decisions (Order 20 Arts. 12, 14;
Order 121 forms 五–八), so its notices are prepared for the office's seal and speak as 我局.

Every citation printed comes from CITATIONS, each tied to the entry of docs/legal-basis.md it was read in
(tests/domain/test_footing.py checks that the entry is there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

ASSOCIATION: Final = "association"
REGULATOR: Final = "regulator"

# Station kinds (resources/catalogs/codes.json station_kinds) → whose footing their papers stand on.
REGULATOR_KINDS: Final = frozenset({"liaison_station"})
ASSOCIATION_KINDS: Final = frozenset({"branch", "complaint_station", "service_station"})

CONSUMER_LAW: Final = "《中华人民共和国消费者权益保护法》"
ORDER_TITLES: Final = {
    "order20": "《市场监督管理投诉举报处理暂行办法》",
    "order121": "《市场监督管理投诉举报处理办法》",
}


@dataclass(frozen=True)
class Citation:
    """One article a notice may print, and the docs/legal-basis.md entry it was read in."""

    text: str  # as printed, e.g. "《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项"
    source: str  # a phrase of docs/legal-basis.md that names the entry (checked by a test)


CITATIONS: Final[dict[str, Citation]] = {
    "xf37": Citation(f"{CONSUMER_LAW}第三十七条第一款第（五）项", 'Item **(五)** "受理消费者的投诉'),
    "xf39": Citation(f"{CONSUMER_LAW}第三十九条", "**Art. 39**: there are five routes"),
    "xf46": Citation(f"{CONSUMER_LAW}第四十六条", "**Art. 46**: when a consumer complains to an **administrative"),
    "o20_12": Citation(
        f"{ORDER_TITLES['order20']}第十二条", "**Art. 12**: the complaint is handled by the **county-level**"
    ),
    "o20_14": Citation(f"{ORDER_TITLES['order20']}第十四条", '**Art. 14**: "应当自收到投诉之日起**七个工作日**'),
    "o20_18": Citation(f"{ORDER_TITLES['order20']}第十八条第二款", "**Art. 18 ¶2**: for on-site mediation"),
    "o20_19": Citation(
        f"{ORDER_TITLES['order20']}第十九条第二款", "**Art. 19 ¶2**: a mediator who is a close relative"
    ),
    "o20_21_2": Citation(f"{ORDER_TITLES['order20']}第二十一条第二款", '**¶2**: "终止调解的，市场监督管理部门应当'),
    "o20_22": Citation(f"{ORDER_TITLES['order20']}第二十二条", "**Art. 22**: when on-site mediation reaches agreement"),
    "o20_17": Citation(f"{ORDER_TITLES['order20']}第十七条", '**Art. 17**: the regulator "可以委托消费者协会'),
}

# A 消协 station states the reason in plain words (docs/legal-basis.md §2.1): no "本办法", no regulator's duty.
ASSOCIATION_GROUNDS: Final[dict[str, str]] = {
    "na_no_authority": "投诉事项不属于本站受理消费者投诉的范围",
    "na_already_handled": (
        "同一消费者权益争议已经由人民法院、仲裁机构、行政机关、消费者协会或者其他调解组织受理或者处理"
    ),
    "na_not_consumption": "不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议",
    "na_time_barred": "自知道或者应当知道权益受到被投诉人侵害之日起已超过三年",
    "na_missing_materials": (
        "未提供投诉人和被投诉人的基本情况、具体的投诉请求和争议事实等必要材料，或者提供的材料不真实"
    ),
    "na_false_identity": "冒用他人名义投诉，或者拒不配合核实真实身份",
    "na_other": "有不予受理的其他情形",
    "t_withdrawn": "投诉人撤回投诉或者双方自行和解",
    "t_testing_fee": "双方对检测、鉴定的机构或者费用承担无法协商一致",
    "t_absent_or_refused": "投诉人或者被投诉人无正当理由不参加调解，或者明确拒绝调解",
    "t_no_agreement": "经调解，投诉人或者被投诉人明确表示无法达成调解协议",
    "t_time_limit": "在本站调解期限内双方未能达成调解协议",
    "t_inadmissible": "受理后发现存在不予受理的情形",
    "t_party_death": "投诉人或者被投诉人死亡或者主体资格灭失",
    "t_other": "有应当终止调解的其他情形",
}


@dataclass(frozen=True)
class Footing:
    """The voice of one station's notices."""

    kind: str  # ASSOCIATION or REGULATOR
    station_name: str
    issuer: str  # whose decision it is and whose seal goes on it
    we: str  # how the notice names the decider: 本站 or 我局

    @property
    def regulator(self) -> bool:
        return self.kind == REGULATOR

    def prepared_note(self) -> str:
        """For the office's papers: who drew them up, and that the office's seal makes them valid."""
        if not self.regulator:
            return ""
        return (
            f"本文书由{self.station_name}（12315 联络站）按{self.issuer}的决定代为制作，加盖{self.issuer}印章后送达。"
        )


def office_name(county: str | None) -> str:
    """The county market-regulation office a liaison station works for, from the station's county."""
    county = (county or "").strip()
    if not county:
        return "________市场监督管理局"
    return county if county.endswith("市场监督管理局") else f"{county}市场监督管理局"


def footing_for(station: dict[str, Any]) -> Footing:
    name = str(station.get("name") or "")
    if station.get("kind") in REGULATOR_KINDS:
        return Footing(REGULATOR, name, office_name(station.get("county")), "我局")
    return Footing(ASSOCIATION, name, name, "本站")


def own_voice(station: dict[str, Any]) -> Footing:
    """The station speaking for itself whatever its kind: a receipt or a forwarding slip decides nothing."""
    name = str(station.get("name") or "")
    return Footing(ASSOCIATION, name, name, "本站")


def order_title(rule_code: str, fallback: str = "") -> str:
    return ORDER_TITLES.get(rule_code) or (fallback.split("》")[0] + "》" if "》" in fallback else fallback)


def ground(footing: Footing, code: str, regulator_label: str, citation: str) -> tuple[str, str]:
    """(the reason as printed, the citation or ""), from the rule version's label and article (``citation``).

    The office cites the ground's article in the case's rule version; a 消协 station gives the reason in its
    own words and cites nothing (no national rule lists its grounds: docs/legal-basis.md §2.1)."""
    if footing.regulator:
        return regulator_label, citation
    return ASSOCIATION_GROUNDS.get(code, regulator_label), ""


def basis_sentence(footing: Footing, rule_code: str) -> str:
    """On what footing the decider takes and mediates complaints (one sentence, or "")."""
    if footing.regulator:
        return ""
    return f"本站依照{CITATIONS['xf37'].text}的规定受理消费者投诉，并对投诉事项进行调查、调解。"


def acceptance_citation(footing: Footing, rule_code: str) -> str:
    """The article that sets the acceptance decision's deadline, for the office ("" for a 消协 station).

    Order 20 Art. 14 was read; Order 121's article number was not confirmed, so 消法 Art. 46 (any
    administrative department: 七个工作日内予以处理并告知) stands in for it."""
    if not footing.regulator:
        return ""
    return CITATIONS["o20_14"].text if rule_code == "order20" else CITATIONS["xf46"].text


def mediation_citations(footing: Footing, rule_code: str) -> tuple[str, str]:
    """(advance notice of the session, recusal) articles; only Order 20's were read."""
    if footing.regulator and rule_code == "order20":
        return CITATIONS["o20_18"].text, CITATIONS["o20_19"].text
    return "", ""


TITLES: Final[dict[str, dict[str, str]]] = {
    # document → {ASSOCIATION: title, REGULATOR: title}; the office's titles follow Order 121's forms 五–八.
    "receipt": {ASSOCIATION: "投诉登记回执", REGULATOR: "投诉登记回执"},
    "acceptance": {ASSOCIATION: "投诉受理通知书", REGULATOR: "投诉受理决定书"},
    "not_accepted": {ASSOCIATION: "不予受理告知书", REGULATOR: "投诉不予受理决定书"},
    "mediation": {ASSOCIATION: "调解通知书", REGULATOR: "投诉调解通知书"},
    "termination": {ASSOCIATION: "终止调解告知书", REGULATOR: "投诉终止调解决定书"},
    "transfer": {ASSOCIATION: "投诉转送告知书", REGULATOR: "投诉转送告知书"},
}


def title(footing: Footing, document: str) -> str:
    return TITLES[document][footing.kind]


def can_be_entrusted(footing: Footing) -> bool:
    """A 消协 station may mediate a case the office entrusted to it (Order 20 Art. 17); a 12315 liaison station's
    cases are the office's own already, so there is nothing to entrust."""
    return not footing.regulator


def entrusted_sentence(office: str, rule_code: str) -> str:
    """The mediation of an entrusted case, as its notice and agreement say it (docs/legal-basis.md §2.1).

    Order 20 Art. 17 was read: the entrusted body mediates within the entrustment in the office's name. Order
    121's article on entrustment was not found (§1.4), so an Order 121 case says the entrustment and cites nothing."""
    if rule_code == "order20":
        return (
            f"本站受{office}委托进行调解：依照{CITATIONS['o20_17'].text}的规定，"
            f"本站在委托范围内以{office}的名义进行调解。"
        )
    return f"本站受{office}委托进行调解。"
