"""Recording that both parties were told of a termination (Order 20 Art. 21 ¶2: within 7 working days of the
decision): the day told and how. The service's rules (not before the termination, not after today, once only)
are mirrored by the date picker's range, and any refusal still shows inside the dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.case import NOTICE_WAYS
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import complaints
from station_app.services.session import Session
from station_app.ui.i18n import N_, tr

WAY_LABELS = {"phone": N_("电话"), "letter": N_("书面"), "sms": N_("短信"), "in_person": N_("当面")}


class NoticeDialog(QDialog):
    """Asks the day told (today by default, from the termination day to today) and the way; records it."""

    def __init__(
        self, session: Session, case: dict[str, Any], today: Callable[[], date], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.session, self.case, self.today = session, case, today
        self.setWindowTitle(tr("登记已告知终止调解：{0}").format(case["number"]))
        self.setMinimumWidth(480)
        notice = case.get("termination_notice") or {}
        heading = QLabel(
            tr("本案于 {0} 终止调解，应在 {1} 前告知双方当事人。").format(case["closed_on"], notice.get("due", "—"))
        )
        heading.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.on = QDateEdit(QDate(today()))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMinimumDate(QDate(date.fromisoformat(case["closed_on"])))
        self.on.setMaximumDate(QDate(today()))
        self.way = QComboBox()
        for code in NOTICE_WAYS:
            self.way.addItem(tr(WAY_LABELS[code]), code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("例如：已寄送终止调解告知书"))
        form = QFormLayout()
        form.addRow(tr("告知日期"), self.on)
        form.addRow(tr("告知方式"), self.way)
        form.addRow(tr("备注"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登记"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @Slot()
    def submit(self) -> None:
        on = self.on.date().toPython()
        try:
            complaints.record_notice(
                self.session, self.case["number"], on, self.today(), self.note.text(), self.way.currentData()
            )
        except (RuleViolation, ValidationError) as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.accept()
