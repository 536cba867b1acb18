"""What every compose window of a run shares, one of each.

The settings and their one Settings window (SettingsLink), the spell
checker (SpellingService), the assistant choice, the one download queue,
the one Models window, Forget everything.
The WindowManager owns one AppServices and hands it to each compose window;
a window made on its own (a test, a tool) makes a private one and ends it
with itself. A window is a view of one message: it asks these services and
follows their signals, it owns none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from composer.gui.settings_link import SettingsLink
from composer.gui.spelling_service import SpellingService
from composer.i18n import filled
from composer.paths import AppPaths
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.gui.dialogs.model_manager import ModelManagerDialog
    from composer.workers.download_worker import DownloadWorker
    from composer.workers.engine_worker import EngineService


class AppServices(QObject):
    # The assistant choice ("", "off", "local", "server") changed: every window shows it.
    sig_assistant_choice_changed = Signal()
    # Forget everything: first every window empties its message (sig_forgetting),
    # then the files go, then the sentence saying what went (sig_forgot).
    sig_forgetting = Signal()
    sig_forgot = Signal(str)

    def __init__(self, settings: Settings, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.paths = paths
        self._downloads: DownloadWorker | None = None
        # File > Models… in any window raises this one while it is open.
        self.models_dialog: ModelManagerDialog | None = None
        self.spelling = SpellingService(settings, paths, self)
        self.settings_link = SettingsLink(settings, paths, self.spelling, self)
        self.settings_link.sig_assistant_choice_changed.connect(self.sig_assistant_choice_changed)
        self.settings_link.sig_forget_requested.connect(self._forget_requested)

    def choose_assistant(self, choice: str, model_path: str | None = None) -> None:
        """The user chose "off", "local" (*model_path*, None: the starter) or "server"."""
        self.settings.assistant = choice
        if choice == "local":
            self.settings.model_path = model_path
        self.settings.save(self.paths.settings_file)
        self.sig_assistant_choice_changed.emit()

    def downloads(self) -> DownloadWorker:
        """The one download queue, started on first use.

        Every window and the Models window use it: one file is downloaded
        once, whichever window asked, and a pause in one is seen in all.
        """
        from composer.workers.download_worker import DownloadWorker

        if self._downloads is None:
            self._downloads = DownloadWorker(self.paths)
            self._downloads.start()
        return self._downloads

    @property
    def downloading(self) -> bool:
        """Whether the queue has been started (and not stopped since)."""
        return self._downloads is not None

    def stop_downloads(self) -> None:
        """Pause whatever is downloading and end the queue (its partial files resume later)."""
        if self._downloads is not None:
            self._downloads.shutdown()
            self._downloads = None

    @Slot()
    def _forget_requested(self) -> None:
        host = self.settings_link.host
        assert host is not None  # the request comes from the dialog over it
        self.forget_everything(host.engine)

    def forget_everything(self, engine: EngineService) -> str:
        """Settings > Privacy, after its confirmation: remove all the app keeps; say what."""
        from composer.privacy import forget_everything

        engine.unload()  # its file is about to go
        self.stop_downloads()  # their partial files are about to go
        self.sig_forgetting.emit()  # every window empties its message and forgets its draft
        report = forget_everything(self.paths)
        self.paths.ensure()
        fresh = Settings()
        for name in vars(fresh):
            setattr(self.settings, name, getattr(fresh, name))
        parts = [
            self.tr("%n saved drafts", "", report.drafts),
            filled(
                self.tr("%n models (%1 MB)", "", report.models), f"{report.model_bytes / 1e6:,.0f}"
            ),
            self.tr("%n stored secrets", "", report.secrets),
        ]
        if report.settings:
            parts.append(self.tr("your settings"))
        text = filled(self.tr("Removed: %1."), ", ".join(parts))
        if report.problems:
            text += " " + filled(self.tr("Could not remove: %1"), "; ".join(report.problems))
        self.sig_assistant_choice_changed.emit()  # back to the welcome page
        dialog = self.settings_link.dialog
        if dialog is not None:
            if dialog.accounts is not None:
                dialog.accounts.reload()
            dialog.privacy.show_result(text)
        self.spelling.forget_words()
        self.sig_forgot.emit(text)  # every window: back to the welcome page, the sentence shown
        return text

    def shutdown(self) -> None:
        """The app's end (or a private window's)."""
        self.stop_downloads()
