"""Errors raised by the rules, with messages in Chinese that name the field."""

from __future__ import annotations

from dataclasses import dataclass


class InvalidValue(ValueError):
    """A single value is wrong. The message (Chinese) says why, without naming the field."""


@dataclass(frozen=True)
class Problem:
    field: str  # dotted path in the JSON input, e.g. "consumer.phone"
    label: str  # the field's Chinese name, e.g. "消费者电话"
    message: str  # why, in Chinese

    def __str__(self) -> str:
        return f"{self.label}（{self.field}）：{self.message}"


class ValidationError(ValueError):
    """One or more fields of a record are wrong; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("；".join(str(p) for p in self.problems))


class RuleViolation(ValueError):
    """An action the rules refuse (an illegal transition, a follow-up on an open case …)."""


class NotFound(LookupError):
    """No record with that id or number."""
