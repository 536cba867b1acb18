"""File > Sent: the copies of the messages sent from Composer, newest first, to open.

The list is read on a thread (hundreds of files, each a file on disk anyone
with access to the folder could have changed); a copy opens in a message
window, read like any message from outside, with Reply and Forward.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.window_placement import keep_on_screen
from composer.mail.sent import LIST_LIMIT, SentCopy, sent_copies
from composer.workers.jobs import Job

PATH_ROLE = Qt.ItemDataRole.UserRole


class SentDialog(QDialog):
    sig_open = Signal(str)  # the copy's path

    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sentDialog")
        self.setWindowTitle(self.tr("Sent"))
        keep_on_screen(self, QSize(680, 380))
        self._data_folder = data_folder
        self._job: Job | None = None

        caption = QLabel(self.tr("Sent &messages:"))
        caption.setObjectName("sentListLabel")
        self.list = QTreeWidget()
        self.list.setObjectName("sentList")
        self.list.setAccessibleName(self.tr("Sent messages"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Subject"), self.tr("To"), self.tr("Sent")])
        self.list.setColumnWidth(0, 260)
        self.list.setColumnWidth(1, 220)
        caption.setBuddy(self.list)
        self.list.itemActivated.connect(lambda _item, _column: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.note = QLabel(self.tr("Reading the Sent folder…"))
        self.note.setObjectName("sentNote")
        self.note.setWordWrap(True)

        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("openSentButton")
        self.open_button.setAccessibleName(self.tr("Open the sent message"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._update_buttons()

    @property
    def reading(self) -> bool:
        return self._job is not None

    @Slot()
    def refresh(self) -> None:
        """Read the folder again, off the GUI thread; the list follows."""
        if self._job is not None:
            return
        folder = self._data_folder
        self.note.setText(self.tr("Reading the Sent folder…"))
        self.note.show()
        job = Job(lambda _cancel: sent_copies(folder), name="sent-list")
        job.sig_done.connect(self._show)
        job.sig_failed.connect(self._on_failed)
        self._job = job
        job.start()

    @Slot(object)
    def _show(self, copies: list[SentCopy]) -> None:
        self._job = None
        selected = self.selected_path()
        self.list.clear()
        for copy in copies:
            item = self._item(copy)
            self.list.addTopLevelItem(item)
            if copy.path.as_posix() == selected:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        if not copies:
            self.note.setText(
                self.tr("No sent messages yet: a copy of each message you send is kept here.")
            )
        elif len(copies) >= LIST_LIMIT:
            self.note.setText(
                self.tr(
                    "The newest %n messages; older copies stay in the Sent folder.", "", LIST_LIMIT
                )
            )
        self.note.setVisible(not copies or len(copies) >= LIST_LIMIT)
        self._update_buttons()

    @Slot(object)
    def _on_failed(self, _error: BaseException) -> None:
        self._show([])  # sent_copies() says nothing found rather than fail; this is a bug's path

    def _item(self, copy: SentCopy) -> QTreeWidgetItem:
        subject = copy.subject or self.tr("(no subject)")
        when = ""
        if copy.sent is not None:
            moment = QDateTime.fromSecsSinceEpoch(int(copy.sent.timestamp()))
            when = QLocale().toString(moment, QLocale.FormatType.ShortFormat)
        item = QTreeWidgetItem([subject, copy.to, when])
        item.setData(0, PATH_ROLE, copy.path.as_posix())
        item.setToolTip(0, subject)
        item.setToolTip(1, copy.to)
        return item

    def selected_path(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, PATH_ROLE) if item is not None else None

    @Slot()
    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_path() is not None)

    @Slot()
    def open_selected(self) -> None:
        path = self.selected_path()
        if path is not None:
            self.sig_open.emit(path)
