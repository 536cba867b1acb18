"""The app's windows: which are open, how new ones come, and when the app ends.

One WindowManager per app run owns the settings, the paths and the one
engine every window's assistant shares (a single model in memory), creates
compose and message windows (File > New message, a reply, a mailto: link, a
message file), keeps them alive while they are open, reopens at start the
drafts no running window owns (after a crash, every draft comes back), and
says when the last window has closed (sig_all_closed) once the engine is down.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from composer.gui.app_services import AppServices
from composer.gui.compose_window import SENT_NOTE_MS, ComposeWindow
from composer.gui.draft_autosave import draft_is_free
from composer.gui.window_placement import fit
from composer.i18n import filled, translated
from composer.mail.drafts import (
    OWN_FOLDER_DEPTH,
    Draft,
    migrate_legacy_drafts,
    remove_stale_temporaries,
    saved_drafts,
)
from composer.paths import AppPaths
from composer.settings import Settings
from composer.workers.engine_worker import EngineFactory, EngineService
from composer.workers.jobs import Job

if TYPE_CHECKING:
    from composer.gui.dialogs.drafts_dialog import DraftsDialog
    from composer.gui.dialogs.sent_dialog import SentDialog

log = logging.getLogger(__name__)

# After a crash every draft comes back in its own window, up to this many;
# the others wait in File > Drafts (opened then, so none is forgotten).
MAX_REOPENED_AT_START = 8
CASCADE_PX = 28  # each new window a little lower and to the right


class WindowManager(QObject):
    sig_all_closed = Signal()  # the last window closed and the engine has ended
    sig_message_opened = Signal(object)  # the MessageWindow of a message file, once read

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        model_override: str | None = None,
        parent: QObject | None = None,
        *,
        engine_factory: EngineFactory | None = None,
    ) -> None:
        """*engine_factory*: what builds the engine on each load (None: the real engines)."""
        super().__init__(parent)
        self.settings = settings
        self.paths = paths
        self.model_override = model_override
        self.engine = EngineService(self, engine_factory=engine_factory)
        self.services = AppServices(settings, paths, self)  # one download queue, one Models window
        self.windows: list[QWidget] = []  # compose and message windows, and problem notes
        self._drafts_dialog: DraftsDialog | None = None
        self._sent_dialog: SentDialog | None = None
        self._ending = False
        # "Restart now" after a new language: the app ends, then starts again (app.py).
        self.restart_requested = False
        self.services.settings_link.sig_restart_requested.connect(self.restart)
        self._reading: list[Job] = []  # message files being read, under a busy cursor

    @property
    def ending(self) -> bool:
        """Whether the app is ending (its last window closed): nothing new opens then."""
        return self._ending

    @property
    def reading(self) -> bool:
        """Whether message files are still being read (their windows are on the way)."""
        return bool(self._reading)

    # -- start -------------------------------------------------------------------------
    def start(self, items: Sequence[str] = ()) -> None:
        """Open what the command line names, and every draft no running window owns.

        With nothing to open, one empty compose window (the welcome page on a
        first run).
        """
        drafts = self.paths.ensure().drafts
        # Half-written copies (the email, settings, caches) a killed process left
        # behind, wherever the app writes: drafts, sent mail and models are in data.
        for folder in self.paths.own_folders:
            remove_stale_temporaries(folder, depth=OWN_FOLDER_DEPTH)
        migrate_legacy_drafts(drafts)
        self.reopen_saved_drafts()
        for item in items:
            self.open_item(item)
        if not self.windows and not self._reading:
            self.new_compose()

    def reopen_saved_drafts(self) -> int:
        """Open a compose window for each draft no running window writes; how many."""
        folder = self.paths.drafts
        free = [saved for saved in saved_drafts(folder) if draft_is_free(folder, saved.name)]
        for saved in reversed(free[:MAX_REOPENED_AT_START]):  # the newest ends up on top
            self.new_compose(draft_name=saved.name)
        if len(free) > MAX_REOPENED_AT_START:
            self.show_drafts()
        return min(len(free), MAX_REOPENED_AT_START)

    def open_item(self, item: str) -> None:
        """A command-line item: a mailto: link, a file:// URL or a message file's path."""
        if item[:7].lower() == "mailto:":
            self.open_mailto(item)
            return
        if item[:5].lower() == "file:":
            item = QUrl(item).toLocalFile() or item
        self.open_message(item)

    # -- windows ---------------------------------------------------------------------
    def compose_windows(self) -> list[ComposeWindow]:
        return [w for w in self.windows if isinstance(w, ComposeWindow)]

    @Slot()
    def new_compose(
        self, draft: Draft | None = None, *, draft_name: str | None = None
    ) -> ComposeWindow:
        """A new compose window: empty, filled with *draft*, or a saved draft reopened."""
        window = ComposeWindow(
            self.settings,
            self.paths,
            model_override=self.model_override,
            engine=self.engine,
            services=self.services,
            draft=draft,
            draft_name=draft_name,
        )
        window.sig_new_message.connect(self.new_compose)
        window.sig_show_drafts.connect(self.show_drafts)
        window.sig_show_sent.connect(self.show_sent)
        window.after_sent = self._after_sent
        window.sig_open_message_files.connect(self.open_message_files)
        # File > Quit ends the app, not only this window (each window saves its draft).
        window.commands["quit"].triggered.disconnect()  # the window's own close
        window.commands["quit"].triggered.connect(self.close_all)
        self._show(window)
        return window

    def open_mailto(self, url: str) -> ComposeWindow | None:
        """A compose window filled from a mailto: link; None (and a note) when it is not one."""
        from composer.mail.mailto import MailtoError, parse_mailto

        try:
            draft = parse_mailto(url)
        except MailtoError as exc:
            self.tell(filled(self.tr("This mail link could not be opened: %1"), translated(exc)))
            return None
        return self.new_compose(draft)

    @Slot(list)
    def open_message_files(self, paths: list[str]) -> None:
        for path in paths:
            self.open_message(path)

    def open_message(self, path: str | Path) -> Job:
        """Read the .eml file at *path* on a thread; its window, or a note, follows.

        Every file is parsed off the GUI thread, whatever its size: a small
        file can still nest parts deep enough to hold the parser for seconds.
        sig_message_opened gives the window once it is shown.
        """
        from composer.mail.message import read_message

        where = Path(path)
        job = Job(lambda _cancel: read_message(where), name="read-message")
        job.sig_done.connect(lambda message: self._show_message(message, where))
        job.sig_failed.connect(self._not_opened)
        job.sig_finished.connect(lambda: self._read_ended(job))
        if not self._reading:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._reading.append(job)
        return job.start()

    def _read_ended(self, job: Job) -> None:
        self._reading.remove(job)
        if not self._reading:
            QApplication.restoreOverrideCursor()

    def _not_opened(self, error: BaseException) -> None:
        from composer.mail.message import MessageUnreadable

        if not isinstance(error, MessageUnreadable):
            log.error("Reading a message failed: %s", type(error).__name__)
        if not self._ending:
            self.tell(translated(error))

    def _show_message(self, message: object, path: Path) -> None:
        from composer.gui.message_window import MessageWindow
        from composer.mail.message import OpenedMessage

        if self._ending or not isinstance(message, OpenedMessage):
            return  # the app ended while the file was being read
        window = MessageWindow(message, path, self.settings, self.paths)
        window.sig_compose.connect(self.new_compose)
        self._show(window)
        self.sig_message_opened.emit(window)

    @Slot()
    def show_drafts(self) -> None:
        """File > Drafts: every saved draft, to reopen or delete."""
        from composer.gui.dialogs.drafts_dialog import DraftsDialog

        dialog = self._drafts_dialog
        if dialog is None:
            dialog = DraftsDialog(self.paths.drafts, self.compose_windows)
            dialog.sig_reopen.connect(self._reopen_draft)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._drafts_dialog_gone)
            self._drafts_dialog = dialog
        _bring_up(dialog)

    def _after_sent(self, window: ComposeWindow, note: str) -> None:
        """A window that stays says "Sent to …": another compose window, else this one, emptied."""
        others = [other for other in self.compose_windows() if other is not window]
        if not others:
            window.statusBar().showMessage(note, SENT_NOTE_MS)
            return
        keeper = others[-1]
        window.close()  # as mail apps do: the message is gone, and so is its window
        keeper.statusBar().showMessage(note, SENT_NOTE_MS)
        keeper.raise_()
        keeper.activateWindow()

    @Slot()
    def show_sent(self) -> None:
        """File > Sent: the kept copies, newest first; one opens in a message window."""
        from composer.gui.dialogs.sent_dialog import SentDialog

        dialog = self._sent_dialog
        if dialog is None:
            dialog = SentDialog(self.paths.data)
            dialog.sig_open.connect(self.open_message)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(self._sent_dialog_gone)
            self._sent_dialog = dialog
        _bring_up(dialog)

    @property
    def sent_dialog(self) -> SentDialog | None:
        return self._sent_dialog

    @Slot()
    def _sent_dialog_gone(self) -> None:
        self._sent_dialog = None

    @property
    def drafts_dialog(self) -> DraftsDialog | None:
        return self._drafts_dialog

    @Slot()
    def _drafts_dialog_gone(self) -> None:
        self._drafts_dialog = None

    @Slot(str)
    def _reopen_draft(self, name: str) -> None:
        for window in self.compose_windows():
            if window.autosave.store.path.name == name:
                window.show()
                window.raise_()
                window.activateWindow()
                return
        window = self.new_compose(draft_name=name)
        if not window.autosave.reopened:
            # Another running Composer took it meanwhile: this empty window says so.
            window.statusBar().showMessage(
                self.tr("That draft is open in another Composer window."), 15000
            )

    def tell(self, text: str) -> QMessageBox:
        """A sentence about something that could not be opened; the other items still open."""
        parent = self.windows[-1] if self.windows else None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not open"), text)
        box.setObjectName("openProblemBox")
        box.setParent(parent, box.windowFlags())
        box.setWindowModality(Qt.WindowModality.NonModal)
        self._show(box)
        return box

    def _show(self, window: QWidget) -> None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.windows and isinstance(window, QMainWindow):
            # A little lower and to the right of the last one, all of it on the
            # screen: a cascade that would leave it starts again at the top left.
            corner = self.windows[-1].frameGeometry().topLeft()
            fit(window, top_left=corner + QPoint(CASCADE_PX, CASCADE_PX))
        self.windows.append(window)
        window.destroyed.connect(lambda _obj=None, w=window: self._gone(w))
        window.show()

    def _gone(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
        if not self.windows and not self._ending:
            self._end()

    # -- the end ---------------------------------------------------------------------
    @Slot()
    def restart(self) -> None:
        """End as File > Quit does (every draft saved), to start again (app.py's _run_windows)."""
        self.restart_requested = True
        self.close_all()

    def close_all(self) -> None:
        """Close every window (each saves its draft); the app then ends."""
        for window in list(self.windows):
            window.close()

    def _end(self) -> None:
        self._ending = True
        self.services.shutdown()  # a download pauses; its partial file resumes next time
        if self._drafts_dialog is not None:
            self._drafts_dialog.close()
        if self.engine.shutdown(timeout_ms=3000):
            self.sig_all_closed.emit()
        else:
            # A model is still loading and llama.cpp cannot be interrupted:
            # end once the engine thread is done (destroying a running QThread
            # would abort the process).
            self.engine.engine_thread.finished.connect(self.sig_all_closed.emit)


def _bring_up(dialog: DraftsDialog | SentDialog) -> None:
    """An app-wide list read afresh and put in front (one of each, whichever window asked)."""
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
