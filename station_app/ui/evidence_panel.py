"""Evidence of a case as thumbnails: add (copied in under its hash), open with the system viewer, detach."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from station_app.domain.errors import NotFound, RuleViolation, ValidationError
from station_app.services import evidence
from station_app.services.session import Session
from station_app.ui.i18n import tr

THUMB = QSize(96, 96)


def thumbnail(path: Path, widget: QWidget) -> QIcon:
    """A small picture of an image (read scaled: a 12-megapixel photo is never loaded whole); PDFs get an icon."""
    reader = QImageReader(str(path))
    if reader.canRead():
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            return QIcon(QPixmap.fromImage(image))
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)


class EvidencePanel(QWidget):
    def __init__(self, session: Session, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.number = session, number
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 40, THUMB.height() + 44))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setFixedHeight(THUMB.height() + 60)
        self.list.itemActivated.connect(lambda item: self.open_item(item))  # Enter or double-click
        add, self.open_button, self.remove_button = (
            QPushButton(tr("添加证据…")),
            QPushButton(tr("打开")),
            QPushButton(tr("移除…")),
        )
        add.clicked.connect(lambda: self.add())
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentItem()))
        self.remove_button.clicked.connect(lambda: self.remove())
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("证据（发票、收据、三包凭证、聊天截图、照片）：")))
        buttons.addStretch(1)
        for button in (add, self.open_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for row in evidence.list_for(self.session, self.number):
            path = Path(row["path"])
            item = QListWidgetItem(thumbnail(path, self), f"{row['label']}\n{row['file_name']}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setToolTip(tr("{0}（{1} 字节）").format(row["file_name"], row["size"]))
            self.list.addItem(item)
        has = self.list.count() > 0
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def add(self, files: list[str] | None = None, label: str | None = None) -> int:
        if files is None:
            files, _ = QFileDialog.getOpenFileNames(
                self,
                tr("选择证据文件"),
                "",
                tr("图片或 PDF (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.tif *.tiff *.pdf)"),
            )
            if not files:
                return 0
        if label is None:
            label, ok = QInputDialog.getItem(
                self, tr("证据类型"), tr("这是什么证据？"), list(evidence.LABELS), 0, False
            )
            if not ok:
                return 0
        added = 0
        for name in files:
            try:
                evidence.attach(self.session, self.number, Path(name), label)
                added += 1
            except (ValidationError, RuleViolation, OSError) as exc:
                self.message.setText(tr("{0}：{1}").format(Path(name).name, exc))
        if added:
            self.message.setText(tr("已附加 {0} 个文件").format(added))
        self.refresh()
        return added

    def open_item(self, item: QListWidgetItem | None) -> bool:
        if item is None:
            return False
        row = item.data(Qt.ItemDataRole.UserRole)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(row["path"]))

    def remove(self, reason: str | None = None) -> bool:
        item = self.list.currentItem()
        if item is None:
            self.message.setText(tr("先选中一个证据"))
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("移除证据"), tr("原因（文件仍保留在备份和审计记录中）："))
            if not ok:
                return False
        try:
            evidence.remove(self.session, item.data(Qt.ItemDataRole.UserRole)["id"], reason)
        except (ValidationError, NotFound, RuleViolation) as exc:
            self.message.setText(str(exc))
            return False
        self.refresh()
        return True
