"""The files attached to the message: name and size each, a remove button, the total's warning.

Files come from "Attach files…" (a dialog) or are dropped on the window (the
window hands them to add_files). The total is compared with the user's limit
(Settings > Accounts, 25 MB by default): above it, a warning says the exact
size, because many servers refuse large messages.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from PySide6.QtCore import QLocale, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.i18n import data_size, filled

MB = 1_000_000


def human_size(size: int) -> str:
    """*size* in bytes as the user's locale writes it (SI units: 1.5 MB)."""
    return data_size(size, places=1)


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class AttachmentsBar(QWidget):
    sig_changed = Signal()  # files added or removed

    def __init__(self, warning_mb: int = 25, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsBar")
        self.warning_mb = warning_mb
        self._paths: list[Path] = []
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.setObjectName("attachFilesButton")
        self.attach_button.setAccessibleName(self.tr("Attach files"))
        self.attach_button.clicked.connect(self.choose_files)
        self._items = QWidget()
        self._items.setObjectName("attachmentItems")
        self._items_layout = QHBoxLayout(self._items)
        self._items_layout.setContentsMargins(0, 0, 0, 0)
        self._items_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("attachmentScroll")
        scroll.setWidget(self._items)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMaximumHeight(48)
        self.total = QLabel()
        self.total.setObjectName("attachmentTotal")
        self.warning = QLabel()
        self.warning.setObjectName("attachmentWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attach_button)
        row.addWidget(scroll, 1)
        row.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self._refresh()

    def paths(self) -> list[Path]:
        return list(self._paths)

    def total_size(self) -> int:
        return sum(file_size(p) for p in self._paths)

    def set_files(self, paths: list[str] | tuple[str, ...]) -> None:
        self._paths = []
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Attach *paths* (absolute; a file already attached is not added twice)."""
        known = set(self._paths)  # thousands of files: a list lookup each would be quadratic
        for path in paths:
            path = path.absolute()
            if path not in known:
                known.add(path)
                self._paths.append(path)
        self._refresh()
        self.sig_changed.emit()

    def remove_file(self, path: Path) -> None:
        if path in self._paths:
            self._paths.remove(path)
            self._refresh()
            self.sig_changed.emit()

    def set_warning_limit(self, megabytes: int) -> None:
        self.warning_mb = megabytes
        self._refresh()

    def over_limit(self) -> bool:
        return self.total_size() > self.warning_mb * MB

    @Slot()
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), str(Path.home()))
        if names:
            self.add_files([Path(n) for n in names])

    def _refresh(self) -> None:
        while self._items_layout.count() > 1:  # the stretch stays last
            item = self._items_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, path in enumerate(self._paths):
            self._items_layout.insertWidget(index, self._item(index, path))
        size = self.total_size()
        count = len(self._paths)
        self.total.setText(human_size(size) if count else "")
        self.total.setVisible(bool(count))
        if count and self.over_limit():
            self.warning.setText(
                filled(
                    self.tr(
                        "The attachments total %1 (%2 bytes), more than %3 MB: many mail servers "
                        "refuse messages this large."
                    ),
                    human_size(size),
                    QLocale().toString(size),
                    str(self.warning_mb),
                )
            )
            self.warning.show()
        else:
            self.warning.hide()

    def _item(self, index: int, path: Path) -> QWidget:
        frame = QFrame()
        frame.setObjectName(f"attachment{index}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        label = QLabel(f"{path.name} ({human_size(file_size(path))})")
        label.setObjectName("attachmentName")
        label.setToolTip(f"{path}\n{kind}")
        remove = QToolButton()
        remove.setObjectName("removeAttachment")
        remove.setText("×")
        remove.setAccessibleName(filled(self.tr("Remove the attachment %1"), path.name))
        remove.setToolTip(remove.accessibleName())
        remove.clicked.connect(lambda _checked=False, p=path: self.remove_file(p))
        row = QHBoxLayout(frame)
        row.setContentsMargins(4, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(remove)
        return frame
