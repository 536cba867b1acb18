"""What every compose window of a run shares, one of each: downloads, Models, Settings.

The WindowManager owns one AppServices and hands it to each compose window;
a window made on its own (a test, a tool) makes a private one and ends it
with itself. A window is a view of one message: it asks these services and
follows their signals, it owns none of them. (Next to move here: the
assistant choice and Forget everything, which still act from a window.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.paths import AppPaths

if TYPE_CHECKING:
    from composer.gui.compose_window import ComposeWindow
    from composer.gui.dialogs.model_manager import ModelManagerDialog
    from composer.gui.dialogs.settings_dialog import SettingsDialog
    from composer.workers.download_worker import DownloadWorker


class AppServices(QObject):
    # An account saved ("" after a removal) in Settings > Accounts: every window's From follows.
    sig_accounts_changed = Signal(str)

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self._downloads: DownloadWorker | None = None
        # File > Models… in any window raises this one while it is open.
        self.models_dialog: ModelManagerDialog | None = None
        # The one Settings window, and the compose window it acts for (the last
        # one it was opened from: it sits over that window and closes with it).
        self.settings_dialog: SettingsDialog | None = None
        self.settings_host: ComposeWindow | None = None

    def settings_dialog_gone(self) -> None:
        self.settings_dialog = None
        self.settings_host = None

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

    def shutdown(self) -> None:
        """The app's end (or a private window's)."""
        self.stop_downloads()
