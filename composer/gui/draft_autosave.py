"""Autosave of one compose window's message, whatever the typing rhythm.

A change is saved once typing pauses (QUIET_MS), and in any case at most
MAX_DELAY_MS after the first unsaved change: someone who types without a
pause still never has more than a few seconds at risk. Each window writes
its own draft file and holds a lock file beside it (DraftLock), so two
windows, of one running Composer or of two, never write the same file; a
draft whose lock is free belongs to no running window and can be reopened.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal, Slot

from composer.mail.drafts import Draft, DraftStore, new_draft_name, remove_forwarded_copies
from composer.paths import AppPaths

log = logging.getLogger(__name__)

QUIET_MS = 800
MAX_DELAY_MS = 3000  # the most typing a kill can take away


class DraftLock:
    """The right to write one draft file: one window of one running Composer holds it."""

    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        self._path = folder / f"{Path(name).stem}.lock"
        self._lock = QLockFile(str(self._path))
        # Only a dead process makes a lock stale, never its age: a window
        # may stay open for days.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        if not self._lock.tryLock(0):
            return False
        # QLockFile creates the file with the umask's mode (often 0644); it holds
        # this process's id and the host name: this user's only, like the drafts.
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.chmod(self._path, 0o600)
        return True

    def release(self) -> None:
        self._lock.unlock()


def draft_is_free(folder: Path, name: str) -> bool:
    """Whether no running window (here or in another Composer) writes this draft."""
    lock = DraftLock(folder, name)
    if not lock.acquire():
        return False
    lock.release()
    return True


class DraftAutosave(QObject):
    sig_save_failed = Signal(str)  # a sentence for the user

    def __init__(
        self,
        paths: AppPaths,
        snapshot: Callable[[], Draft],
        parent: QObject | None = None,
        name: str | None = None,
    ) -> None:
        """Autosave into the draft *name* (a saved one to take up) or a new one.

        When *name* is written by another running window, this window gets
        a new draft instead (`reopened` is then False).
        """
        super().__init__(parent)
        self._snapshot = snapshot
        folder = paths.ensure().drafts
        self.reopened = False
        lock = DraftLock(folder, name) if name else None
        if lock is not None and lock.acquire():
            self.reopened = True
        else:
            lock = DraftLock(folder, new_draft_name())
            lock.acquire()  # a fresh random name: nobody else has it
        self._lock = lock
        self.store = DraftStore(folder, self._lock.name)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.save)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_DELAY_MS)
        self._deadline.timeout.connect(self.save)

    def restore(self) -> Draft | None:
        """The reopened draft, None for a new one.

        Raises DraftUnreadable when the file was there but unreadable (it is
        kept aside; the caller tells the user).
        """
        return self.store.load() if self.reopened else None

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
        """Forget the saved draft (the user discarded or sent the message).

        The copies of a forwarded message's attachments go with it.
        """
        self._quiet.stop()
        self._deadline.stop()
        remove_forwarded_copies(self.store.peek(), self.store.folder)
        self.store.clear()

    def close(self) -> None:
        """Save a last time and let the draft be reopened elsewhere."""
        self.save()
        self._lock.release()
