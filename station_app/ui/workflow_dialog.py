"""One workflow step on a complaint: a small dialog with only the fields that step needs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station_app.domain import workflow
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.domain.money import money_words
from station_app.services import calculator, complaint_register, complaints
from station_app.services.session import Session
from station_app.ui.i18n import N_, current_language, tr

TITLES = {
    workflow.ACCEPTED: N_("受理"),
    workflow.NOT_ACCEPTED: N_("不予受理"),
    workflow.MEDIATING: N_("开始调解"),
    workflow.SETTLED: N_("调解结案"),
    workflow.TERMINATED: N_("终止调解"),
    workflow.TRANSFERRED: N_("转办"),
}
# step → its fields: (JSON key, label, kind: "line" / "text" / a catalog kind for a picker). Which of them are
# required is the workflow's rule (workflow.REQUIRED_FIELDS): the label gets its star from there, not by hand.
FIELDS: dict[str, list[tuple[str, str, str]]] = {
    workflow.ACCEPTED: [],
    workflow.NOT_ACCEPTED: [("ground", N_("不予受理理由"), "not_accepted_grounds")],
    workflow.MEDIATING: [("mediator", N_("调解员"), "line")],
    workflow.SETTLED: [
        ("method", N_("结案方式"), "settlement_methods"),
        ("recovered_yuan", N_("挽回经济损失（元）"), "line"),
        ("punitive_yuan", N_("其中加倍赔偿（元）"), "line"),
        ("agreement", N_("协议内容"), "text"),
    ],
    workflow.TERMINATED: [
        ("ground", N_("终止理由"), "termination_grounds"),
        ("route", N_("建议的解决途径"), "routes"),
    ],
    workflow.TRANSFERRED: [("to_unit", N_("转办单位"), "line")],
}


def field_label(target: str, key: str, label: str) -> str:
    """The label shown (translated), starred when the workflow requires the field for that step."""
    shown = tr(label)
    if key not in workflow.REQUIRED_FIELDS[target]:
        return shown
    return shown + ("*" if shown.endswith("）") else " *")  # a full-width bracket already leaves the gap


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class StepDialog(QDialog):
    """Records ``target`` on the case through the service; the rules' refusals show inside the dialog."""

    done_step = Signal(str)  # the case number

    def __init__(
        self,
        session: Session,
        case: dict[str, Any],
        target: str,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.session, self.case, self.target, self.today = session, case, target, today
        self.setWindowTitle(f"{tr(TITLES[target])}：{case['number']}")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        heading = QLabel(
            tr("{0}　{1} 投诉 {2}").format(case["number"], case["consumer"]["name"], case["business"]["name"])
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.message = _error_label()
        layout.addWidget(self.message)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.on = QDateEdit(QDate(today()))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumDate(QDate(today()))
        self._add_row(form, "on", tr("日期"), self.on)
        for key, label, kind in FIELDS[target]:
            self._add_row(form, key, field_label(target, key, label), self._input(kind))
        self._add_row(form, "note", tr("备注"), QLineEdit())
        if target == workflow.SETTLED:  # the calculator built in: 退一赔三 / 十倍赔偿, for reference
            self.calculator_button = QPushButton(tr("计算惩罚性赔偿（供参考）…"))
            self.calculator_button.clicked.connect(self.open_calculator)
            layout.addWidget(self.calculator_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定{0}").format(tr(TITLES[target])))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def open_calculator(self) -> None:
        dialog = CalculatorDialog(self.case.get("amount_fen"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_yuan:
            self.set_value("recovered_yuan", dialog.total_yuan)  # everything recovered, refund included
            self.set_value("punitive_yuan", dialog.result_yuan)

    def _input(self, kind: str) -> QWidget:
        if kind == "line":
            return QLineEdit()
        if kind == "text":
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            return edit
        combo = QComboBox()
        combo.addItem(tr("请选择…"), "")
        for code, label in complaint_register.step_choices(self.session, self.case["rule_version"], kind):
            combo.addItem(label, code)
            combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        combo.setMinimumContentsLength(24)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        inner.addWidget(widget)
        error = _error_label()
        inner.addWidget(error)
        form.addRow(label, box)
        self.inputs[key], self.errors[key] = widget, error

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            return widget.currentData() or ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        if isinstance(widget, QDateEdit):
            return widget.date().toString("yyyy-MM-dd")
        return widget.text().strip()  # type: ignore[attr-defined]

    def set_value(self, key: str, value: str) -> None:
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate.fromString(value, "yyyy-MM-dd"))
        else:
            widget.setText(value)  # type: ignore[attr-defined]

    def payload(self) -> dict[str, Any]:
        return {key: value for key in self.inputs if (value := self.value(key)) not in ("", None)}

    @Slot()
    def submit(self) -> None:
        for label in (self.message, *self.errors.values()):
            label.hide()
        try:
            complaints.transition(self.session, self.case["number"], self.target, self.payload(), self.today())
        except ValidationError as exc:
            for problem in exc.problems:
                label = self.errors.get(problem.field.split(".")[0], self.message)
                label.setText(problem.message if label is not self.message else str(problem))
                label.show()
            return
        except RuleViolation as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.done_step.emit(self.case["number"])
        self.accept()


class CalculatorDialog(QDialog):
    """消法第五十五条（欺诈）与食品安全法第一百四十八条：which floor applied is shown, never hidden.

    It fills what the clerk writes on settling: the refund or repair amount plus the statutory compensation,
    each labelled, their total into 挽回经济损失 and the compensation into 其中加倍赔偿.
    """

    def __init__(self, amount_fen: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("惩罚性赔偿计算（供调解参考）"))
        self.result_yuan = ""  # the statutory compensation
        self.total_yuan = ""  # refund/repair + compensation: what 挽回经济损失 says
        self.rule = QComboBox()
        for code, title in calculator.RULES.items():
            self.rule.addItem(title, code)
        self.price = QLineEdit(calculator.yuan(amount_fen) if amount_fen else "")
        self.loss = QLineEdit("0")
        # Usually the price itself is refunded (退一赔三); a repair or a partial refund is typed over it.
        self.refund = QLineEdit(calculator.yuan(amount_fen) if amount_fen else "0")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("适用规定"), self.rule)
        form.addRow(tr("商品价款或服务费用（元）"), self.price)
        form.addRow(tr("损失（元，仅食品、药品）"), self.loss)
        form.addRow(tr("退款、修理或更换金额（元）"), self.refund)
        compute = QPushButton(tr("计算"))
        compute.clicked.connect(self.compute)
        self.refund_shown, self.punitive_shown, self.total_shown = QLabel(), QLabel(), QLabel()
        self.total_shown.setStyleSheet("font-weight: bold;")
        sums = QFormLayout()
        sums.addRow(tr("退款或修理金额："), self.refund_shown)
        sums.addRow(tr("法定赔偿（加倍赔偿）："), self.punitive_shown)
        sums.addRow(tr("合计挽回经济损失："), self.total_shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("填入挽回经济损失和加倍赔偿"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept_result)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(compute)
        # The working and the legal conditions run to a dozen lines: they scroll rather than squeeze each other.
        explained = QScrollArea()
        explained.setWidgetResizable(True)
        explained.setWidget(self.explain)
        explained.setMinimumHeight(240)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(explained, 1)
        layout.addLayout(sums)
        layout.addWidget(buttons)

    def compute(self) -> bool:
        try:
            result = calculator.settle(self.rule.currentData(), self.price.text(), self.loss.text(), self.refund.text())
        except ValidationError as exc:
            self.explain.setText(str(exc))
            self.result_yuan = self.total_yuan = ""
            for label in (self.refund_shown, self.punitive_shown, self.total_shown):
                label.setText("—")
            return False
        self.explain.setText(result.compensation.explain())
        self.result_yuan = calculator.yuan(result.punitive_fen)
        self.total_yuan = calculator.yuan(result.total_fen)
        english = current_language() == "en"
        self.refund_shown.setText(money_words(result.refund_fen, english))
        self.punitive_shown.setText(money_words(result.punitive_fen, english))
        self.total_shown.setText(money_words(result.total_fen, english))
        return True

    def accept_result(self) -> None:
        if self.compute():
            self.accept()
