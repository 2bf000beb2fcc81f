"""The case page: the complaint, its deadlines and its history (the audit trail), with the clock
actions (pause for testing, resume, extend) and the follow-up visit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import complaint_views, complaints
from station_app.services.session import Session
from station_app.ui.workflow_dialog import TITLES as STEP_TITLES

DUE_WORDS = {"overdue": "已超期", "due_soon": "即将到期", "on_time": "未到期", "paused": "计时暂停中", "none": ""}
EVENT_WORDS = {
    "registered": "登记",
    "pause": "暂停计时",
    "resume": "恢复计时",
    "extension": "延长时限",
    "followup": "回访",
}


def describe(case: dict[str, Any]) -> str:
    lines = [
        f"{case['number']}　{case['status_label']}　{DUE_WORDS.get(case['due_state'], '')}",
        f"受理日期 {case['received_on']}　适用 {case['rule_version']}",
        f"消费者：{case['consumer']['name']}　{case['consumer']['phone']}",
        f"经营者：{case['business']['name']}",
        f"商品或服务：{case['subject']}　{case['category_label']}　{case['nature_label']}",
        f"受理决定期限：{case['acceptance_due']}　调解期限：{case['mediation_due'] or '—'}"
        + (f"（自 {case['paused_since']} 起暂停）" if case["paused_since"] else ""),
        f"争议事实：{case['facts']}",
        "",
        "办理过程：",
    ]
    for event in case["history"]:
        word = EVENT_WORDS.get(event["kind"]) or event["to"] or event["kind"]
        if event["kind"] == "transition":
            word = STEP_TITLES.get(event["to"], event["to"])
        detail = "，".join(f"{k}: {v}" for k, v in event["data"].items())
        lines.append(f"  {event['on']}　{word}　{detail}　（{event['actor']}）")
    lines.append("")
    lines.append("审计记录：")
    for entry in case["audit"]:
        lines.append(f"  {entry['at'][:19].replace('T', ' ')}　{entry['actor']}　{entry['action']}")
    return "\n".join(lines)


class CaseDialog(QDialog):
    def __init__(self, session: Session, number: str, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.number, self.today = session, number, today
        self.setWindowTitle(f"投诉案件 {number}")
        self.resize(820, 620)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.buttons = {
            "pause": QPushButton("送检测/鉴定：暂停计时…"),
            "resume": QPushButton("恢复计时"),
            "extend": QPushButton("延长时限…"),
            "followup": QPushButton("回访…"),
        }
        self.buttons["pause"].clicked.connect(self.pause)
        self.buttons["resume"].clicked.connect(self.resume)
        self.buttons["extend"].clicked.connect(self.extend)
        self.buttons["followup"].clicked.connect(self.followup)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        case = complaint_views.show(self.session, self.number, self.today())
        self.text.setPlainText(describe(case))
        open_case = case["status"] in ("accepted", "mediating")
        self.buttons["pause"].setEnabled(open_case and not case["paused_since"])
        self.buttons["resume"].setEnabled(open_case and bool(case["paused_since"]))
        self.buttons["extend"].setEnabled(open_case)
        self.buttons["followup"].setEnabled(case["status"] in ("not_accepted", "settled", "terminated", "transferred"))

    def _do(self, action: Callable[[], Any], done: str) -> bool:
        try:
            action()
        except (RuleViolation, ValidationError) as exc:
            QMessageBox.warning(self, "办理", str(exc))
            return False
        self.message.setText(done)
        self.refresh()
        return True

    def pause(self, reason: str | None = None) -> bool:
        if reason is None:
            reason, ok = QInputDialog.getText(self, "暂停计时", "原因（如：送检测、委托鉴定）：")
            if not ok:
                return False
        today = self.today()
        return self._do(lambda: complaints.pause(self.session, self.number, reason, today, today), "已暂停调解计时")

    def resume(self) -> bool:
        today = self.today()
        return self._do(lambda: complaints.resume(self.session, self.number, today, today), "已恢复计时")

    def extend(self, days: int | None = None, reason: str | None = None) -> bool:
        if days is None:
            days, ok = QInputDialog.getInt(self, "延长时限", "延长天数：", 10, 1, 365)
            if not ok:
                return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, "延长时限", "原因：")
            if not ok:
                return False
        today = self.today()
        return self._do(
            lambda: complaints.extend(self.session, self.number, days, reason, today, today), f"已延长 {days} 天"
        )

    def followup(self, satisfaction: str | None = None, opinion: str = "") -> bool:
        if satisfaction is None:
            levels = [(e.label, e.code) for e in self.session.catalogs.entries("satisfaction")]
            label, ok = QInputDialog.getItem(self, "回访", "消费者满意度：", [text for text, _ in levels], 0, False)
            if not ok:
                return False
            satisfaction = dict(levels)[label]
            opinion, _ = QInputDialog.getText(self, "回访", "消费者意见（可不填）：")
        payload = {"date": self.today().isoformat(), "satisfaction": satisfaction, "opinion": opinion}
        return self._do(lambda: complaints.add_followup(self.session, self.number, payload, self.today()), "已记录回访")
