"""设置 → 本站信息: the station's name, kind, venue, county and contact, corrected by the station head after set-up
(the code is shown, not editable: every record's number carries it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from station_app.domain.errors import RuleViolation, ValidationError
from station_app.services import station, users
from station_app.services.session import Session
from station_app.ui.i18n import entry_label, tr


class StationDetails(QWidget):
    def __init__(self, session: Session, today: Callable[[], date] = date.today):
        super().__init__()
        self.session, self.today = session, today
        form = QFormLayout(self)
        current = session.station()
        self.code = QLabel(current["code"])
        self.name = QLineEdit(current["name"])
        self.kind = QComboBox()
        self.venue = QComboBox()
        for combo, kind in ((self.kind, "station_kinds"), (self.venue, "venue_types")):
            for entry in session.catalogs.entries(kind):
                combo.addItem(entry_label(entry), entry.code)
        self.kind.setCurrentIndex(max(self.kind.findData(current["kind"]), 0))
        self.venue.setCurrentIndex(max(self.venue.findData(current["venue_type"]), 0))
        self.county = QLineEdit(current.get("county") or "")
        self.contact = QLineEdit(current.get("contact") or "")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("保存本站信息"))
        self.save_button.clicked.connect(self.save)
        form.addRow(tr("站点编码（编号前缀，不能修改）"), self.code)
        form.addRow(tr("站点名称"), self.name)
        form.addRow(tr("站点类型"), self.kind)
        form.addRow(tr("场所类型"), self.venue)
        form.addRow(tr("所属县（市、区）"), self.county)
        form.addRow(tr("联系方式"), self.contact)
        form.addRow(self.save_button, self.message)
        head = users.may_manage(session)
        for widget in (self.name, self.kind, self.venue, self.county, self.contact, self.save_button):
            widget.setEnabled(head)
        if not head:
            self.message.setText(tr("只有站长可以修改本站信息。"))

    def save(self) -> None:
        payload = {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "venue_type": self.venue.currentData(),
            "county": self.county.text(),
            "contact": self.contact.text(),
        }
        try:
            station.update_station(self.session, payload, self.today())
        except (ValidationError, RuleViolation) as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(str(exc))
            return
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(tr("已保存"))
