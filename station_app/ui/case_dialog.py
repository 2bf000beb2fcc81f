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

from station_app.domain import footing, workflow
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import case_log, complaint_views, complaints, entrustment
from station_app.services.session import Session
from station_app.ui.i18n import N_, english, entry_label, state_label, tr
from station_app.ui.row_text import estimated

DUE_WORDS = {
    "overdue": N_("已超期"),
    "due_soon": N_("即将到期"),
    "on_time": N_("未到期"),
    "paused": N_("计时暂停中"),
    "none": "",
}


def _named(catalogs: Any, kind: str, code: str | None, shown: str) -> str:
    """A catalog name in the window's language (the service gives the Chinese one)."""
    if catalogs is None or not code or not catalogs.has(kind, code):
        return shown
    return entry_label(catalogs.get(kind, code)) if english() else shown


def describe(case: dict[str, Any], catalogs: Any = None) -> str:
    due_word = tr(DUE_WORDS[case["due_state"]]) if case["due_state"] in DUE_WORDS else ""
    lines = [
        f"{case['number']}　{state_label(case['status'], case['status_label'])}　{due_word}",
        tr("受理日期 {0}　适用 {1}").format(
            case["received_on"], case_log.rule_title(catalogs, case["rule_version"], english())
        ),
        tr("消费者：{0}　{1}").format(case["consumer"]["name"], case["consumer"]["phone"]),
        tr("经营者：{0}").format(case["business"]["name"]),
        tr("商品或服务：{0}　{1}　{2}").format(
            case["subject"],
            _named(catalogs, "categories", case.get("category"), case["category_label"]),
            _named(catalogs, "natures", case.get("nature"), case["nature_label"]),
        ),
        tr("受理决定期限：{0}　调解期限：{1}").format(
            case["acceptance_due"] + estimated(case, "acceptance_due"),
            (case["mediation_due"] + estimated(case, "mediation_due")) if case["mediation_due"] else "—",
        )
        + (tr("（自 {0} 起暂停）").format(case["paused_since"]) if case["paused_since"] else ""),
        *_notice_lines(case),
        *(
            [tr("受{0}委托调解（{1} 起）").format(case["entrusted"]["office"], case["entrusted"]["on"])]
            if case.get("entrusted")
            else []
        ),
        tr("争议事实：{0}").format(case["facts"]),
        "",
        tr("办理过程："),
    ]
    lines += [f"  {line}" for line in case_log.history_lines(case, catalogs, english())]
    lines.append("")
    lines.append(tr("审计记录："))
    for entry in case["audit"]:
        row = case_log.audit_row({"entity": "complaint", **entry}, english())  # the page's entries are the case's
        gap = "  " if english() else "　"
        lines.append(f"  {row['time']}{gap}{row['who']}{gap}{row['what']}")
    return "\n".join(lines)


def _notice_lines(case: dict[str, Any]) -> list[str]:
    """A termination's notice to both parties (Order 20 Art. 21 ¶2): its due day, or the day it was given."""
    notice = case.get("termination_notice")
    if not notice:
        return []
    if notice["notified_on"]:
        return [tr("告知终止：已于 {0} 告知双方").format(notice["notified_on"])]
    state = tr(DUE_WORDS[notice["due_state"]]) if notice["due_state"] in DUE_WORDS else ""
    return [(tr("告知终止期限：{0}").format(notice["due"]) + "　" + state).strip()]


class CaseDialog(QDialog):
    def __init__(self, session: Session, number: str, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.number, self.today = session, number, today
        self.setWindowTitle(tr("投诉案件 {0}").format(number))
        self.resize(860, 700)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.buttons = {
            "pause": QPushButton(tr("送检测/鉴定：暂停计时…")),
            "resume": QPushButton(tr("检测结束：恢复计时")),
            "extend": QPushButton(tr("延长时限…")),
            "followup": QPushButton(tr("回访…")),
            # Order 20 Art. 21 ¶2: shown only while a termination's notice to both parties is not yet recorded
            "notice": QPushButton(tr("登记已告知终止…")),
            # Order 20 Art. 17: the office may entrust a case it accepted to a 消协 station to mediate
            "entrust": QPushButton(tr("受市场监管部门委托调解…")),
        }
        # clicked(bool) would arrive as the first argument (reason=False): a click asks for everything
        self.buttons["pause"].clicked.connect(lambda: self.pause())
        self.buttons["resume"].clicked.connect(lambda: self.resume())
        self.buttons["extend"].clicked.connect(lambda: self.extend())
        self.buttons["followup"].clicked.connect(lambda: self.followup())
        self.buttons["notice"].clicked.connect(lambda: self.record_notice())
        self.buttons["entrust"].clicked.connect(lambda: self.entrust())
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.message = QLabel()
        from station_app.ui.evidence_panel import EvidencePanel

        self.evidence = EvidencePanel(session, number)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.evidence)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        case = complaint_views.show(self.session, self.number, self.today())
        self.text.setPlainText(describe(case, self.session.catalogs))
        open_case = case["status"] in workflow.MEDIATION_STATES
        self.buttons["pause"].setEnabled(open_case and not case["paused_since"])
        self.buttons["resume"].setEnabled(open_case and bool(case["paused_since"]))
        self.buttons["extend"].setEnabled(open_case)
        self.buttons["followup"].setEnabled(case["status"] in workflow.CLOSED_STATES)
        notice = case.get("termination_notice")
        self.buttons["notice"].setVisible(bool(notice) and notice["due_state"] != "done")
        self.case = case
        self.buttons["entrust"].setVisible(footing.can_be_entrusted(footing.footing_for(self.session.station())))
        self.buttons["entrust"].setEnabled(case["status"] in entrustment.ENTRUSTABLE)

    def _do(self, action: Callable[[], Any], done: str) -> bool:
        try:
            action()
        except (RuleViolation, ValidationError) as exc:
            QMessageBox.warning(self, tr("办理"), str(exc))
            return False
        self.message.setText(done)
        self.refresh()
        return True

    def pause(self, reason: str | None = None) -> bool:
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("暂停计时"), tr("原因（如：送检测、委托鉴定）："))
            if not ok:
                return False
        today = self.today()
        return self._do(lambda: complaints.pause(self.session, self.number, reason, today, today), tr("已暂停调解计时"))

    def resume(self) -> bool:
        today = self.today()
        return self._do(lambda: complaints.resume(self.session, self.number, today, today), tr("已恢复计时"))

    def extend(self, days: int | None = None, reason: str | None = None) -> bool:
        if days is None:
            days, ok = QInputDialog.getInt(self, tr("延长时限"), tr("延长天数："), 10, 1, 365)
            if not ok:
                return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("延长时限"), tr("原因："))
            if not ok:
                return False
        today = self.today()
        return self._do(
            lambda: complaints.extend(self.session, self.number, days, reason, today, today),
            tr("已延长 {0} 天").format(days),
        )

    def record_notice(self) -> bool:
        """The day both parties were told of the termination and how, asked in a small dialog."""
        from station_app.ui.notice_dialog import NoticeDialog

        dialog = NoticeDialog(self.session, self.case, self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.message.setText(tr("已登记告知终止调解"))
        self.refresh()
        return True

    def entrust(self) -> bool:
        """The office that entrusted this case to the station for mediation; cleared, the flag is withdrawn."""
        current = (self.case.get("entrusted") or {}).get("office") or ""
        proposed = current or footing.office_name(self.session.station().get("county"))
        office, ok = QInputDialog.getText(
            self,
            tr("受市场监管部门委托调解"),
            tr("委托调解的市场监督管理局（全称；清空则取消委托）："),
            text=proposed.strip("_"),
        )
        if not ok:
            return False
        today = self.today()
        done = tr("已取消委托调解") if not office.strip() else tr("已登记委托调解")
        return self._do(lambda: entrustment.set_entrusted(self.session, self.number, office, today, today), done)

    def followup(self, satisfaction: str | None = None, opinion: str = "") -> bool:
        if satisfaction is None:
            levels = [(entry_label(e), e.code) for e in self.session.catalogs.entries("satisfaction")]
            label, ok = QInputDialog.getItem(
                self, tr("回访"), tr("消费者满意度："), [text for text, _ in levels], 0, False
            )
            if not ok:
                return False
            satisfaction = dict(levels)[label]
            opinion, _ = QInputDialog.getText(self, tr("回访"), tr("消费者意见（可不填）："))
        payload = {"date": self.today().isoformat(), "satisfaction": satisfaction, "opinion": opinion}
        return self._do(
            lambda: complaints.add_followup(self.session, self.number, payload, self.today()), tr("已记录回访")
        )
