"""The complaint form (forms/complaint_form.ui): typed in at the desk, checked by the rules, kept as a draft."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QCompleter, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from station_app import durable
from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import complaint_register, complaint_views, complaints
from station_app.services.session import Session, explain
from station_app.ui import form_fit
from station_app.ui.build_forms import load_form
from station_app.ui.i18n import entry_label, tr

DRAFT_DELAY_MS = 700
DRAFT_MAX_WAIT_S = 3.0
DRAFT_KEEP_DAYS = 14  # a draft nobody came back to in two weeks is erased when the form next opens
LINE_FIELDS = (
    "consumer_name",
    "consumer_phone",
    "consumer_id_number",
    "consumer_address",
    "business_name",
    "business_phone",
    "business_address",
    "business_credit_code",
    "subject",
    "amount_yuan",
)
TEXT_FIELDS = ("facts", "request")
COMBO_FIELDS = ("channel", "category", "nature")


class ComplaintForm(QWidget):
    saved = Signal(str, list)  # number, numbers of likely duplicates
    closed = Signal()

    def __init__(self, session: Session, draft_path: Path, today: Callable[[], date] = date.today):
        super().__init__()
        self.ui = load_form("complaint_form").Ui_ComplaintForm()
        self.ui.setupUi(self)
        self.scroll = form_fit.scroll_fields(self.ui.top_layout, self.ui.columns)  # the buttons stay in view
        self.session = session
        self.draft_path = draft_path
        self.today = today
        self._restoring = False
        self._fill_pickers()
        self._align_labels()
        self.draft_saved_at = time.monotonic()
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self._connect()
        self._evidence_row()
        self.reset()
        self.blank = self.state()  # an untouched form: nothing worth a draft
        if self.restore_draft():
            self.ui.draft_note.setText(tr("已恢复上次未保存的内容（草稿）"))

    # -- set-up -----------------------------------------------------------------------------
    def _fill_pickers(self) -> None:
        cat = self.session.catalogs
        for entry in cat.entries("channels"):
            self.ui.channel.addItem(entry_label(entry), entry.code)
        self.ui.category.addItem(tr("请选择类别…"), "")
        classes = {}
        for entry in cat.entries("categories"):
            if entry.parent is None:
                continue
            if entry.parent in ("goods", "services", "other"):
                classes[entry.code] = entry_label(entry)
                self.ui.category.addItem(entry_label(entry), entry.code)
            else:  # a second-level item, shown with its class (the closed picker shows one line)
                self.ui.category.addItem(f"{classes.get(entry.parent, '')} · {entry_label(entry)}", entry.code)
        self.ui.category.setMaxVisibleItems(20)
        self.ui.nature.addItem(tr("请选择性质…"), "")
        for entry in cat.entries("natures"):
            self.ui.nature.addItem(entry_label(entry), entry.code)
        # Filled when the form is shown (a big register's names take a moment; the window opens first).
        self.business_names = QStringListModel(self)
        completer = QCompleter(self.business_names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.ui.business_name.setCompleter(completer)

    def _evidence_row(self) -> None:
        """Evidence chosen while the consumer is at the desk; attached to the case when it is saved."""
        self.pending_evidence: list[str] = []
        self.evidence_button = QPushButton(tr("附加证据…"))
        self.evidence_button.setToolTip(tr("发票、收据、三包凭证、聊天截图、照片（图片或 PDF），保存登记时一起保存"))
        self.evidence_button.clicked.connect(lambda: self.choose_evidence())
        self.evidence_note = QLabel()
        self.ui.buttons.insertWidget(0, self.evidence_button)
        self.ui.buttons.insertWidget(1, self.evidence_note)

    def choose_evidence(self, files: list[str] | None = None) -> None:
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(
                self,
                tr("选择证据文件"),
                "",
                tr("图片或 PDF (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.tif *.tiff *.pdf)"),
            )
        self.pending_evidence += [f for f in files if f not in self.pending_evidence]
        self._show_pending()
        if files:
            self.changed()  # the chosen files are part of the draft

    def _show_pending(self) -> None:
        names = "、".join(Path(f).name for f in self.pending_evidence)
        self.evidence_note.setText(tr("待保存的证据：{0}").format(names) if names else "")

    def _attach_pending(self, number: str) -> list[str]:
        """Attach what was chosen; a file refused is named, the case itself is saved regardless."""
        from station_app.services import evidence

        problems = []
        for name in self.pending_evidence:
            try:
                evidence.attach(self.session, number, Path(name), "其他")
            except (ValidationError, RuleViolation, OSError) as exc:
                problems.append(tr("{0}：{1}").format(Path(name).name, exc))
        self.pending_evidence = []
        self.evidence_note.setText("")
        return problems

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.business_names.setStringList(complaint_register.business_names(self.session))

    def _align_labels(self) -> None:
        """The consumer and business groups' fields start at the same x."""
        labels = [
            label
            for group in (self.ui.consumer_group, self.ui.business_group)
            for label in group.findChildren(QLabel)
            if label.objectName().endswith("_label")
        ]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def _connect(self) -> None:
        ui = self.ui
        for name in LINE_FIELDS:
            edit: QLineEdit = getattr(ui, name)
            edit.textChanged.connect(self.changed)
            edit.returnPressed.connect(self.focusNextChild)  # Enter moves on, like Tab
        for name in TEXT_FIELDS:
            getattr(ui, name).textChanged.connect(self.changed)
        for name in COMBO_FIELDS:
            getattr(ui, name).currentIndexChanged.connect(self.changed)
        for edit in (ui.received_on, ui.purchased_on):
            edit.dateChanged.connect(self.changed)
        ui.purchased_known.toggled.connect(ui.purchased_on.setEnabled)
        for name in LINE_FIELDS + TEXT_FIELDS:
            form_fit.hide_when_changed(getattr(ui, f"{name}_error"), getattr(ui, name).textChanged)
        for name in COMBO_FIELDS:
            form_fit.hide_when_changed(getattr(ui, f"{name}_error"), getattr(ui, name).currentIndexChanged)
        form_fit.hide_when_changed(ui.received_on_error, ui.received_on.dateChanged)
        for signal in (ui.purchased_on.dateChanged, ui.purchased_known.toggled):
            form_fit.hide_when_changed(ui.purchased_on_error, signal)
        # Check for a repeat as soon as the phone and business are known, before the clerk saves.
        ui.consumer_phone.editingFinished.connect(self.check_duplicates)
        ui.business_name.editingFinished.connect(self.check_duplicates)
        ui.received_on.dateChanged.connect(self.check_duplicates)
        ui.purchased_known.toggled.connect(self.changed)
        ui.save_button.clicked.connect(self.save)
        ui.save_button.setDefault(True)
        ui.clear_button.clicked.connect(self.clear)
        ui.cancel_button.clicked.connect(self.closed)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

    # -- values -----------------------------------------------------------------------------
    def reset(self) -> None:
        """Empty fields; today as the receipt date."""
        self._restoring = True
        try:
            for name in LINE_FIELDS + TEXT_FIELDS:
                getattr(self.ui, name).clear()
            for name in COMBO_FIELDS:
                getattr(self.ui, name).setCurrentIndex(0)
            today = QDate(self.today())
            for edit in (self.ui.received_on, self.ui.purchased_on):
                edit.setMaximumDate(today)
                edit.setDate(today)
            self.ui.purchased_known.setChecked(False)
            self.ui.purchased_on.setEnabled(False)
        finally:
            self._restoring = False
        self.clear_messages()

    def state(self) -> dict[str, Any]:
        """Everything typed, as kept in the draft file."""
        ui = self.ui
        values: dict[str, Any] = {name: getattr(ui, name).text() for name in LINE_FIELDS}
        values.update({name: getattr(ui, name).toPlainText() for name in TEXT_FIELDS})
        values.update({name: getattr(ui, name).currentData() for name in COMBO_FIELDS})
        values["received_on"] = ui.received_on.date().toString("yyyy-MM-dd")
        values["purchased_on"] = ui.purchased_on.date().toString("yyyy-MM-dd") if ui.purchased_known.isChecked() else ""
        values["evidence"] = list(self.pending_evidence)  # the files' places: the files stay where they were chosen
        return values

    def set_state(self, values: dict[str, Any]) -> None:
        ui = self.ui
        self._restoring = True
        try:
            for name in LINE_FIELDS:
                getattr(ui, name).setText(str(values.get(name) or ""))
            for name in TEXT_FIELDS:
                getattr(ui, name).setPlainText(str(values.get(name) or ""))
            for name in COMBO_FIELDS:
                combo: QComboBox = getattr(ui, name)
                combo.setCurrentIndex(max(0, combo.findData(values.get(name) or "")))
            for name, edit in (("received_on", ui.received_on), ("purchased_on", ui.purchased_on)):
                if values.get(name):
                    edit.setDate(QDate.fromString(values[name], "yyyy-MM-dd"))
            ui.purchased_known.setChecked(bool(values.get("purchased_on")))
            ui.purchased_on.setEnabled(bool(values.get("purchased_on")))
            chosen = values.get("evidence")
            # A file moved or deleted since is left out (saving would only refuse it).
            self.pending_evidence = (
                [f for f in chosen if isinstance(f, str) and Path(f).is_file()] if isinstance(chosen, list) else []
            )
            self._show_pending()
        finally:
            self._restoring = False

    def payload(self) -> dict[str, Any]:
        """The form as the ``complaint add`` JSON input."""
        v = self.state()
        payload: dict[str, Any] = {
            "received_on": v["received_on"],
            "channel": v["channel"],
            "consumer": {k: v[f"consumer_{k}"].strip() for k in ("name", "phone", "id_number", "address")},
            "business": {k: v[f"business_{k}"].strip() for k in ("name", "phone", "address", "credit_code")},
            "subject": v["subject"].strip(),
            "category": v["category"] or "",
            "nature": v["nature"] or "",
            "facts": v["facts"].strip(),
            "request": v["request"].strip(),
        }
        if v["amount_yuan"].strip():
            payload["amount_yuan"] = v["amount_yuan"].strip()
        if v["purchased_on"]:
            payload["purchased_on"] = v["purchased_on"]
        return payload

    # -- messages ---------------------------------------------------------------------------
    def error_label(self, field: str) -> QLabel | None:
        return getattr(self.ui, field.replace(".", "_") + "_error", None)

    def field_widget(self, field: str) -> QWidget | None:
        name = field.replace(".", "_")
        return getattr(self.ui, "purchased_known" if name == "purchased_on" else name, None)

    def clear_messages(self) -> None:
        for label in self.findChildren(QLabel):
            if label.objectName().endswith("_error"):
                label.clear()
                label.hide()
        self.ui.duplicate_warning.hide()

    def show_problems(self, problems: list[Any]) -> None:
        self.clear_messages()
        general = []
        first: QWidget | None = None
        for problem in problems:
            label = self.error_label(problem.field)
            if label is None:
                general.append(str(problem))
                continue
            label.setText(f"{label.text()}；{problem.message}" if label.text() else problem.message)
            label.show()
            first = first or self.field_widget(problem.field)
        if general:
            self.ui.general_error.setText("\n".join(general))
            self.ui.general_error.show()
        if first is not None:
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)  # the first field to correct is in view, the buttons too

    # -- actions ----------------------------------------------------------------------------
    @Slot()
    def changed(self) -> None:
        if not self._restoring:
            self.ui.draft_note.setText("")
            # A pause of 0.7 s writes the draft; someone typing without a pause still gets a draft at
            # least every few seconds, so a power cut mid-typing loses seconds, not the whole form.
            if time.monotonic() - self.draft_saved_at > DRAFT_MAX_WAIT_S:
                self.save_draft()
            self.draft_timer.start()

    @Slot()
    def check_duplicates(self) -> None:
        ui = self.ui
        received = ui.received_on.date().toPython()
        numbers = complaint_views.possible_duplicates(
            self.session, ui.consumer_phone.text(), ui.business_name.text(), received
        )
        if numbers:
            ui.duplicate_warning.setText(
                tr(
                    "注意：已有 {numbers} 是同一消费者电话投诉同一经营者（30 天内）。"
                    "请先核对是否为同一纠纷；确认不是再保存。"
                ).format(numbers="、".join(numbers))
            )
            ui.duplicate_warning.show()
        else:
            ui.duplicate_warning.hide()

    @Slot()
    def save(self) -> None:
        try:
            result = complaints.add_complaints(self.session, [self.payload()], self.today())[0]
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except Exception as exc:  # refused by the rules, or a full disk, a read-only folder, another program writing
            plain = exc if isinstance(exc, RuleViolation) else explain(exc)
            if plain is None:
                raise
            self.clear_messages()
            self.ui.general_error.setText(str(plain))  # the same sentence as the command line's; nothing typed lost
            self.ui.general_error.show()
            return
        self.draft_timer.stop()
        self.discard_draft()
        evidence_problems = self._attach_pending(result["number"])
        self.reset()
        self.ui.draft_note.setText(tr("已保存：{0}").format(result["number"]))
        if evidence_problems:
            self.ui.general_error.setText(tr("案件已保存，但这些证据没有附加上：") + "；".join(evidence_problems))
            self.ui.general_error.show()
        if result["duplicates"]:
            self.ui.duplicate_warning.setText(
                tr(
                    "注意：{0} 可能与 {1} 重复（同一消费者电话、同一经营者，30 天内）。已保存，请核对是否为同一纠纷。"
                ).format(result["number"], "、".join(result["duplicates"]))
            )
            self.ui.duplicate_warning.show()
        self.saved.emit(result["number"], list(result["duplicates"]))

    @Slot()
    def clear(self) -> None:
        self.draft_timer.stop()
        self.discard_draft()
        self.pending_evidence = []
        self.evidence_note.setText("")
        self.reset()
        self.ui.draft_note.setText("")

    # -- draft ------------------------------------------------------------------------------
    @Slot()
    def save_draft(self) -> None:
        """Write what is typed to the data folder (atomically: a power cut leaves the old or the new draft), readable
        by this account only: it holds the consumer's name, phone and ID number. A form emptied again keeps none."""
        state = self.state()
        if state == self.blank:
            self.discard_draft()
        else:
            durable.write_text(self.draft_path, json.dumps(state, ensure_ascii=False, indent=1), private=True)
        self.draft_saved_at = time.monotonic()

    def restore_draft(self) -> bool:
        """The draft a crash or a closed window left, unless it is older than DRAFT_KEEP_DAYS (then it is erased:
        personal data kept no longer than needed)."""
        try:
            written = date.fromtimestamp(self.draft_path.stat().st_mtime)
            if written < self.today() - timedelta(days=DRAFT_KEEP_DAYS):
                self.discard_draft()
                return False
            values = json.loads(self.draft_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(values, dict):
            return False
        self.set_state(values)
        return True

    def discard_draft(self) -> None:
        self.draft_path.unlink(missing_ok=True)

    def flush_draft(self) -> None:
        """Write a pending draft now (the window is closing)."""
        if self.draft_timer.isActive():
            self.draft_timer.stop()
            self.save_draft()
