"""The complaint workflow as an explicit state machine.

registered → accepted | not_accepted | transferred
accepted   → mediating | settled | terminated | transferred
mediating  → settled | terminated | transferred
not_accepted, settled, terminated, transferred are closed (follow-up visits only).

The state codes are part of the script contract (docs/cli.md): never rename them.
"""

from __future__ import annotations

from typing import Final

from station_app.domain.errors import RuleViolation

REGISTERED: Final = "registered"
ACCEPTED: Final = "accepted"
NOT_ACCEPTED: Final = "not_accepted"
MEDIATING: Final = "mediating"
SETTLED: Final = "settled"
TERMINATED: Final = "terminated"
TRANSFERRED: Final = "transferred"

STATES: Final = (REGISTERED, ACCEPTED, NOT_ACCEPTED, MEDIATING, SETTLED, TERMINATED, TRANSFERRED)
OPEN_STATES: Final = frozenset({REGISTERED, ACCEPTED, MEDIATING})
CLOSED_STATES: Final = frozenset({NOT_ACCEPTED, SETTLED, TERMINATED, TRANSFERRED})
MEDIATION_STATES: Final = frozenset({ACCEPTED, MEDIATING})  # accepted and not yet closed: the mediation clock runs


def in_order(states: frozenset[str]) -> list[str]:
    """A set of states in the workflow's own order (for lists and filters shown to people)."""
    return [state for state in STATES if state in states]


STATE_LABELS: Final = {
    REGISTERED: "已登记",
    ACCEPTED: "已受理",
    NOT_ACCEPTED: "不予受理",
    MEDIATING: "调解中",
    SETTLED: "调解结案",
    TERMINATED: "终止调解",
    TRANSFERRED: "已转办",
}
STATE_LABELS_EN: Final = {
    REGISTERED: "Registered",
    ACCEPTED: "Accepted",
    NOT_ACCEPTED: "Not accepted",
    MEDIATING: "In mediation",
    SETTLED: "Settled",
    TERMINATED: "Mediation terminated",
    TRANSFERRED: "Transferred",
}

# A settlement or a withdrawal can come before a formal mediation session is opened
# (the parties reconcile at the desk), so accepted → settled/terminated is allowed.
TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    REGISTERED: frozenset({ACCEPTED, NOT_ACCEPTED, TRANSFERRED}),
    ACCEPTED: frozenset({MEDIATING, SETTLED, TERMINATED, TRANSFERRED}),
    MEDIATING: frozenset({SETTLED, TERMINATED, TRANSFERRED}),
    NOT_ACCEPTED: frozenset(),
    SETTLED: frozenset(),
    TERMINATED: frozenset(),
    TRANSFERRED: frozenset(),
}

# What each step must carry (input field names of the script contract).
REQUIRED_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    ACCEPTED: (),
    NOT_ACCEPTED: ("ground",),
    MEDIATING: (),
    SETTLED: ("method", "recovered_yuan"),
    TERMINATED: ("ground", "route"),
    TRANSFERRED: ("to_unit",),
}
OPTIONAL_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    ACCEPTED: ("note",),
    NOT_ACCEPTED: ("note",),
    MEDIATING: ("mediator", "note"),
    SETTLED: ("punitive_yuan", "agreement", "outcomes", "performed_by", "note"),
    TERMINATED: ("note",),
    TRANSFERRED: ("note",),
}


def label(state: str) -> str:
    return STATE_LABELS.get(state, state)


def check_transition(current: str, target: str) -> None:
    """Raise RuleViolation with a clear Chinese message if current → target is not allowed."""
    if target not in TRANSITIONS:
        valid = "、".join(s for s in STATES if s != REGISTERED)
        raise RuleViolation(f"未知的状态“{target}”，可用的状态：{valid}")
    allowed = TRANSITIONS.get(current, frozenset())
    if target in allowed:
        return
    if current in CLOSED_STATES:
        raise RuleViolation(f"案件已{label(current)}（{current}），已结案的案件不能再变更为{label(target)}（{target}）")
    if current == target:
        raise RuleViolation(f"案件已经是{label(current)}（{current}）状态")
    options = "、".join(f"{label(s)}（{s}）" for s in STATES if s in allowed)
    raise RuleViolation(f"不能从{label(current)}（{current}）直接变为{label(target)}（{target}）；当前可以：{options}")


def is_open(state: str) -> bool:
    return state in OPEN_STATES
