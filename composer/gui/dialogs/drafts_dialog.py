"""File > Drafts: every saved draft, to reopen or delete, whoever wrote it.

Drafts written by a Composer that is no longer running are listed like any
other; one that a window is writing right now (here or in another running
Composer) is shown as open and cannot be deleted under it. The list follows
the folder while it is shown: a window saving a new draft, another Composer
closing its window, a draft sent and removed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QFileSystemWatcher, QLocale, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.gui.draft_autosave import DraftLock, draft_is_free
from composer.gui.window_placement import keep_on_screen
from composer.i18n import filled
from composer.mail.drafts import DraftStore, SavedDraft, remove_forwarded_copies, saved_drafts

if TYPE_CHECKING:
    from composer.gui.compose_window import ComposeWindow

# Autosave writes a file and its lock in quick succession: one refresh for both.
REFRESH_DELAY_MS = 300

NAME_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
FREE, OPEN_HERE, OPEN_ELSEWHERE = "free", "here", "elsewhere"


class DraftsDialog(QDialog):
    sig_reopen = Signal(str)  # the draft's file name

    def __init__(
        self,
        folder: Path,
        open_windows: Callable[[], Sequence[ComposeWindow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftsDialog")
        self.setWindowTitle(self.tr("Drafts"))
        keep_on_screen(self, QSize(640, 360))  # all of it on the screen, frame included
        self._folder = folder
        self._open_windows = open_windows

        caption = QLabel(self.tr("Saved &drafts:"))
        caption.setObjectName("draftsListLabel")
        self.list = QTreeWidget()
        self.list.setObjectName("draftsList")
        self.list.setAccessibleName(self.tr("Saved drafts"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Subject"), self.tr("To"), self.tr("Last change"), self.tr("Open")]
        )
        self.list.setColumnWidth(0, 220)
        self.list.setColumnWidth(1, 180)
        caption.setBuddy(self.list)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item, _col: self.reopen_selected())
        self.empty_note = QLabel(self.tr("No saved drafts."))
        self.empty_note.setObjectName("draftsEmptyNote")

        self.reopen_button = QPushButton(self.tr("&Open"))
        self.reopen_button.setObjectName("reopenDraftButton")
        self.reopen_button.setAccessibleName(self.tr("Open the draft"))
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.delete_button = QPushButton(self.tr("De&lete…"))
        self.delete_button.setObjectName("deleteDraftButton")
        self.delete_button.setAccessibleName(self.tr("Delete the draft"))
        self.delete_button.clicked.connect(self.ask_delete_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.setObjectName("draftsButtons")
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeDraftsButton")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(buttons)
        self._confirm: QMessageBox | None = None
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_DELAY_MS)
        self._refresh_soon.timeout.connect(self.refresh)
        self._watcher = QFileSystemWatcher(self)
        if folder.is_dir():
            self._watcher.addPath(str(folder))
        self._watcher.directoryChanged.connect(lambda _path: self._refresh_soon.start())
        self.refresh()

    # -- the list --------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        here = {window.autosave.store.path.name for window in self._open_windows()}
        selected = self.selected_name()
        self.list.clear()
        for saved in saved_drafts(self._folder):
            if saved.name in here:
                state = OPEN_HERE
            elif draft_is_free(self._folder, saved.name):
                state = FREE
            else:
                state = OPEN_ELSEWHERE
            item = self._item(saved, state)
            self.list.addTopLevelItem(item)
            if saved.name == selected:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)  # None when the list is empty
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.empty_note.setVisible(self.list.topLevelItemCount() == 0)
        self._update_buttons()

    def _item(self, saved: SavedDraft, state: str) -> QTreeWidgetItem:
        draft = saved.draft
        if draft is None:
            subject, to = self.tr("(this draft cannot be read)"), ""
        else:
            subject = draft.subject.strip() or self.tr("(no subject)")
            to = draft.to.strip()
        changed = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(saved.modified)), QLocale.FormatType.ShortFormat
        )
        where = {
            FREE: "",
            OPEN_HERE: self.tr("in a window"),
            OPEN_ELSEWHERE: self.tr("in another Composer"),
        }[state]
        item = QTreeWidgetItem([subject, to, changed, where])
        item.setData(0, NAME_ROLE, saved.name)
        item.setData(0, STATE_ROLE, state)
        item.setToolTip(2, time.strftime("%c", time.localtime(saved.modified)))
        return item

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else None

    def _selected_state(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, STATE_ROLE) if item is not None else None

    @Slot()
    def _update_buttons(self) -> None:
        state = self._selected_state()
        self.reopen_button.setEnabled(state in (FREE, OPEN_HERE))
        self.delete_button.setEnabled(state == FREE)
        if state == OPEN_ELSEWHERE:
            why = self.tr("Another running Composer is writing this draft.")
        elif state == OPEN_HERE:
            why = self.tr("This draft is open in a window: discard it there.")
        else:
            why = ""
        self.delete_button.setToolTip(why)

    # -- commands --------------------------------------------------------------------
    @Slot()
    def reopen_selected(self) -> None:
        name = self.selected_name()
        if name is not None and self._selected_state() in (FREE, OPEN_HERE):
            self.sig_reopen.emit(name)
            self.refresh()

    @Slot()
    def ask_delete_selected(self) -> None:
        """Ask first: a deleted draft is gone for good."""
        item = self.list.currentItem()
        name = self.selected_name()
        if item is None or name is None or self._selected_state() != FREE:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete this draft?"),
            filled(self.tr("The draft “%1” will be deleted. This cannot be undone."), item.text(0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("deleteDraftBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda answer: self.delete(name) if answer == QMessageBox.StandardButton.Yes else None
        )
        self._confirm = box
        box.open()

    @property
    def confirmation(self) -> QMessageBox | None:
        """The last "Delete this draft?" question."""
        return self._confirm

    def delete(self, name: str) -> bool:
        """Delete the draft *name* unless a window took it meanwhile."""
        lock = DraftLock(self._folder, name)
        if not lock.acquire():
            self.refresh()
            return False
        try:
            store = DraftStore(self._folder, name)
            remove_forwarded_copies(store.peek(), self._folder)
            store.clear()
        finally:
            lock.release()
        self.refresh()
        return True
