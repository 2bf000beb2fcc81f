"""How a register row's deadline and money read on screen (shared by the workbench and the register; no Qt
types here, so the workbench paints without loading the register's model)."""

from __future__ import annotations

from typing import Any

from station_app.domain import workflow
from station_app.domain.money import grouped_yuan
from station_app.ui.i18n import N_, tr

DUE_WORDS = {"overdue": N_("已超期"), "due_soon": N_("临期"), "paused": N_("暂停计时"), "on_time": "", "none": ""}


def yuan(fen: int | None) -> str:
    """Money on screen: the one reading format of domain/money (separators, two decimals, exact to the fen)."""
    return "" if fen is None else grouped_yuan(fen)


def due_text(row: dict[str, Any]) -> str:
    due = row["acceptance_due"] if row["status"] == workflow.REGISTERED else row["mediation_due"]
    word = tr(DUE_WORDS.get(row["due_state"], "")) if DUE_WORDS.get(row["due_state"]) else ""
    if row["closed_on"]:
        return tr("结案 {0}").format(row["closed_on"])
    return f"{due or ''} {word}".strip()
