"""Complaint payloads with their workflow steps, as the tally tests write them."""

from __future__ import annotations

from tests.conftest import complaint_payload

SETTLE = {"method": "mediation"}


def case(n: int, received: str, steps: list[dict], **overrides) -> dict:
    return complaint_payload(
        received_on=received,
        purchased_on=received,
        consumer={"name": f"顾客{n}", "phone": f"139{n:08d}"},
        transitions=steps,
        **overrides,
    )


def settled(received: str, on: str, yuan: str, punitive: str = "0") -> list[dict]:
    return [
        {"to": "accepted", "on": received},
        {"to": "mediating", "on": received},
        {"to": "settled", "on": on, "recovered_yuan": yuan, "punitive_yuan": punitive, **SETTLE},
    ]
