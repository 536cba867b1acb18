"""Autosave of one compose window's message, whatever the typing rhythm.

A change is saved once typing pauses (QUIET_MS), and in any case at most
MAX_DELAY_MS after the first unsaved change: someone who types without a
pause still never has more than a few seconds at risk. The first window of
the first running Composer owns the main draft (a QLockFile says who);
windows of another instance write their own files, which come back as
orphans once that instance has gone.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot

from composer.mail.drafts import (
    OWNER_NAME,
    Draft,
    DraftStore,
    DraftUnreadable,
    orphaned_drafts,
    own_draft_name,
    remove_stale_temporaries,
)
from composer.paths import AppPaths

log = logging.getLogger(__name__)

QUIET_MS = 800
MAX_DELAY_MS = 3000  # the most typing a kill can take away
_window_serials = itertools.count(1)


class DraftAutosave(QObject):
    sig_save_failed = Signal(str)  # a sentence for the user

    def __init__(
        self, paths: AppPaths, snapshot: Callable[[], Draft], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        folder = paths.ensure().drafts
        self._lock = QLockFile(str(folder / ".composer.lock"))
        self.owns_main_draft = self._lock.tryLock(200)
        if self.owns_main_draft:
            # Half-written copies of the email that a killed process left behind.
            remove_stale_temporaries(folder)
            remove_stale_temporaries(paths.config)
            name = OWNER_NAME
        else:
            name = own_draft_name(next(_window_serials))
        self.store = DraftStore(folder, name)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.save)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save)

    def restore(self) -> Draft | None:
        """The draft to show at start, if this window owns one.

        Raises DraftUnreadable when the file was there but unreadable (it is
        kept aside; the caller tells the user).
        """
        if not self.owns_main_draft:
            return None
        draft = self.store.load()
        if draft is not None:
            return draft
        # Nothing of our own: a message left by an instance that has gone
        # comes back here instead of lying forgotten in the folder.
        for orphan in orphaned_drafts(self.store.folder):
            try:
                found = orphan.load()
            except DraftUnreadable:
                continue
            if found is None:
                orphan.clear()
                continue
            self.store.save(found)  # ours now; then the orphan's copy can go
            orphan.clear()
            return found
        return None

    @Slot()
    def note_change(self) -> None:
        """The message changed: save soon, and never later than MAX_DELAY_MS from now."""
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    @Slot()
    def save(self) -> bool:
        """Write the message now; False (and sig_save_failed) when the disk refused."""
        self._quiet.stop()
        self._deadline.stop()
        try:
            self.store.save(self._snapshot())
        except OSError as exc:
            log.warning("Could not save the draft: %s", type(exc).__name__)
            self.sig_save_failed.emit(exc.strerror or str(exc))
            return False
        return True

    def discard(self) -> None:
        """Forget the saved draft (the user discarded the message)."""
        self._quiet.stop()
        self._deadline.stop()
        self.store.clear()

    def close(self) -> None:
        """Save a last time and let another window own the main draft."""
        self.save()
        self._lock.unlock()
