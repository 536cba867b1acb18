"""The app's one Settings window, and what its pages change: settings, model, theme.

AppServices owns one SettingsLink. Edit > Settings in any compose window
shows the one dialog over that window (its host: the dialog closes with it,
and Choose file… or Models… open over it); what the pages change is saved
and applied app-wide here, not in a window: the shared settings, the engine
(through the host's assistant, which every window follows), the theme.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from composer.paths import AppPaths
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.gui.compose_window import ComposeWindow
    from composer.gui.dialogs.settings_dialog import SettingsDialog
    from composer.gui.spelling_service import SpellingService
    from composer.hardware.plan import Override


class SettingsLink(QObject):
    # An account saved ("" after a removal) in Settings > Accounts: every window's From follows.
    sig_accounts_changed = Signal(str)
    # General or Assistant values saved: every window shows them (limits, answer language).
    sig_applied = Signal()
    sig_assistant_choice_changed = Signal()  # "off", "local", "server" changed: windows follow
    sig_forget_requested = Signal()  # Settings > Privacy > Forget everything, confirmed
    sig_restart_requested = Signal()  # a new interface language, and "Restart now" chosen

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        spelling: SpellingService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.paths = paths
        self.spelling = spelling
        self.dialog: SettingsDialog | None = None
        self.host: ComposeWindow | None = None  # the window it sits over and acts for

    def _gone(self) -> None:
        self.dialog = None
        self.host = None

    def save(self) -> None:
        self.settings.save(self.paths.settings_file)

    def show(self, host: ComposeWindow) -> SettingsDialog:
        """The one Settings window, over *host* and acting for it from now on."""
        from composer.gui.dialogs.settings_dialog import SettingsDialog
        from composer.hardware.plan import Override

        dialog = self.dialog
        if dialog is None:
            dialog = SettingsDialog(
                self.settings,
                host,
                accounts=host.sending.store,
                servers_folder=self.paths.config,
                spelling=self.spelling,
            )
            assert dialog.accounts is not None  # given accounts=, it has the page
            dialog.accounts.sig_accounts_changed.connect(self.sig_accounts_changed)
            dialog.sig_settings_changed.connect(self._on_settings_changed)
            dialog.hardware.sig_override_changed.connect(self._on_override_changed)
            dialog.hardware.sig_measure_requested.connect(self._on_measure_requested)
            dialog.hardware.sig_redetect_requested.connect(self._on_redetect_requested)
            host.engine.worker.sig_speed.connect(dialog.hardware.show_speed)
            host.engine.worker.sig_speed_failed.connect(dialog.hardware.show_speed_error)
            dialog.privacy.sig_forget_everything.connect(self.sig_forget_requested)
            dialog.destroyed.connect(self._gone)
            self.dialog = dialog
        elif self.host is not host:
            self._hear(self.host, False)
            dialog.setParent(host, dialog.windowFlags())  # over this window, ends with it
        if self.host is not host:
            self._hear(host, True)
            self.host = host
        self.refresh()
        dialog.hardware.set_override(
            Override(
                self.settings.device, self.settings.gpu_layers, kv_cache=self.settings.kv_cache
            )
        )
        dialog.show()
        dialog.raise_()
        return dialog

    def _hear(self, host: ComposeWindow | None, heard: bool) -> None:
        """The requests that open something over the host window, or the host's model news."""
        if host is None or self.dialog is None:
            return
        page = self.dialog.assistant
        pairs = [
            (page.sig_choose_file, host.choose_model_file),
            (page.sig_open_models, host.show_models),
            (host.assistant.sig_model_changed, self.refresh),
        ]
        if page.servers is not None:  # a server edited, removed, consent withdrawn
            pairs.append((page.servers.sig_servers_changed, host.side.on_servers_changed))
        for signal, slot in pairs:
            if heard:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    @Slot()
    def refresh(self) -> None:
        """Show the host's model on the Assistant and Hardware pages."""
        if self.dialog is None or self.host is None:
            return
        assistant = self.host.assistant
        info = assistant.model_info
        if info is not None and not assistant.on_server(info):
            text = assistant.display_name(info) + " — " + info.path
        elif self.settings.model_path:
            text = self.settings.model_path
        else:
            text = self.tr("Starter model (Gemma 3 270M)")
        self.dialog.assistant.show_model(text)
        self.dialog.assistant.show_choice(self.settings.assistant)
        hardware = self.dialog.hardware
        if info is not None and info.probe is not None:
            hardware.set_probe(info.probe)
        hardware.set_plan(info.plan if info else None, info.fallback_reason if info else None)

    def _offer_restart(self) -> None:
        """Every text is translated once, when its window is made: a new language needs a start.

        Asked, never imposed: "Later" keeps working in the old language.
        """
        assert self.dialog is not None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restart Composer?"),
            self.tr(
                "The new language applies when Composer starts again. Restart now? "
                "Every message you are writing is kept and comes back."
            ),
            parent=self.dialog,
        )
        box.setObjectName("restartBox")
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.setEscapeButton(later)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _result: (
                self.sig_restart_requested.emit() if box.clickedButton() is restart else None
            )
        )
        box.open()

    @Slot()
    def _on_settings_changed(self) -> None:
        """General or Assistant values changed: save them and act on them."""
        from composer.gui.theme import apply_theme

        assert self.dialog is not None and self.host is not None  # the signal comes from it
        settings = self.settings
        was, was_server = settings.assistant, settings.server_id
        was_load = settings.context_size, settings.kv_cache
        was_language = settings.language
        was_spelling = settings.spelling, settings.spelling_languages
        self.dialog.apply_to(settings)
        self.save()
        if settings.language != was_language:
            self._offer_restart()
        app = QApplication.instance()
        assert isinstance(app, QGuiApplication)  # a window needs one
        apply_theme(app, settings.theme)  # cheap: no restart needed
        if self.spelling is not None and was_spelling != (
            settings.spelling,
            settings.spelling_languages,
        ):
            self.spelling.apply_settings()  # every window checks again
        self.sig_applied.emit()
        if settings.assistant != was:
            self.sig_assistant_choice_changed.emit()
        elif settings.assistant == "server" and settings.server_id != was_server:
            self.host.assistant.reload_model()  # another server: every window follows the engine
        elif (
            settings.assistant == "local" and (settings.context_size, settings.kv_cache) != was_load
        ):
            self.host.assistant.reload_model()  # llama.cpp sizes its cache when it loads

    @Slot(object)
    def _on_override_changed(self, override: Override) -> None:
        assert self.host is not None  # the signal comes from the dialog over it
        self.settings.device = override.device
        self.settings.gpu_layers = override.gpu_layers
        self.save()
        self.host.assistant.reload_model()

    @Slot()
    def _on_measure_requested(self) -> None:
        assert self.dialog is not None and self.host is not None  # from its hardware page
        refusal = self.host.assistant.measure_speed()
        if refusal:
            self.dialog.hardware.show_speed_error(refusal)
        else:
            self.dialog.hardware.set_measuring(True)

    @Slot()
    def _on_redetect_requested(self) -> None:
        assert self.host is not None  # the signal comes from the dialog over it
        self.host.assistant.reload_model(reprobe=True)

    def show_servers(self, host: ComposeWindow) -> None:
        """Settings > Assistant at the servers (the welcome page's "Use a server…")."""
        dialog = self.show(host)
        page = dialog.assistant
        dialog.show_page(page)
        if page.servers is not None:
            if not page.servers.servers:
                page.servers.start_new()
            page.servers.address.setFocus()

    def show_accounts(self, host: ComposeWindow, why: str = "") -> None:
        """Settings > Accounts, saying *why* it opened (Send with no account yet)."""
        dialog = self.show(host)
        page = dialog.accounts
        assert page is not None  # made with accounts=
        page.explain(why)
        dialog.show_page(page)
        page.name.setFocus()
