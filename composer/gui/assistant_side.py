"""The assistant's side of a compose window: the welcome page, or the panel, or nothing.

It shows what the shared settings choose (AppServices keeps the choice and
tells every window), starts what the welcome page asks (the starter, a
download, a file, a server), and keeps the two status-bar lines about the
model: what is loaded, and where the user's text goes when they ask.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QLabel, QStackedWidget, QWidget

from composer.gui.app_services import AppServices
from composer.gui.assistant_controller import AssistantController, AssistantState
from composer.gui.widgets.assistant_panel import AssistantPanel
from composer.gui.widgets.welcome_page import WelcomePage
from composer.i18n import filled
from composer.models.transfer_threads import Progress

if TYPE_CHECKING:
    from composer.engine.base import ModelInfo
    from composer.engine.servers import Server
    from composer.models.catalog import CatalogEntry
    from composer.workers.download_worker import DownloadWorker

# The status bar's right side stays short so the left keeps room for messages:
# what the assistant is doing now, and where the text goes; the rest in tooltips.
STATE_WIDTH = 200  # pixels
WHERE_WIDTH = 340
MODEL_LEAST = 80  # pixels of the model's name kept however long the host is


class AssistantSide(QStackedWidget):
    sig_server_settings_wanted = Signal()  # the welcome page's "Use a server…"
    sig_done_choosing = Signal()  # "No assistant": back to the message

    def __init__(
        self,
        services: AppServices,
        assistant: AssistantController,
        panel: AssistantPanel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assistantSide")
        self.services = services
        self.settings = services.settings
        self.assistant = assistant
        self.panel = panel
        self.addWidget(panel)
        self.welcome: WelcomePage | None = None
        self._downloads_heard: DownloadWorker | None = None  # the queue this window listens to
        self._pending_download: str | None = None  # the welcome page's download, used when done
        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        # Where the user's text goes when they ask the assistant: always shown while it is on.
        self.where_text_goes = QLabel()
        self.where_text_goes.setObjectName("whereTextGoes")
        self.where_text_goes.setAccessibleName(self.tr("Where your text goes"))

        self._detail = ""  # the whole sentence about the model, for the tooltip
        assistant.sig_state_changed.connect(self._show_state)
        assistant.sig_request_failed.connect(self._on_request_failed)
        assistant.sig_model_loading.connect(self._on_loading)
        assistant.sig_model_status.connect(self._on_model_status)
        assistant.sig_model_changed.connect(self._update_where_text_goes)
        panel.use_local.clicked.connect(self.use_local_model)
        services.sig_assistant_choice_changed.connect(self.apply_choice)

    # -- the choice ------------------------------------------------------------------
    @Slot()
    def apply_choice(self) -> None:
        """Show and load what the settings say: nothing is loaded before a choice."""
        choice = self.settings.assistant
        if choice == "":
            self._show_welcome()
            self._update_where_text_goes(None)
            return
        if choice == "off":
            self.hide()
            self.assistant.unload_model()
            self.model_status.setText(self.tr("Assistant off"))
            self._update_where_text_goes(None)
            return
        self._show_panel()
        info = self.assistant.model_info
        if info is not None and self.assistant.on_server(info) != (choice == "server"):
            # Switched between this computer and a server: the draft and the
            # suggestion stay; only what answers next changes.
            self.assistant.reload_model()
        elif info is None and not self.assistant.loading and not self.assistant.join_engine():
            self.assistant.reload_model()

    def _show_panel(self) -> None:
        self.show()
        self.setCurrentWidget(self.panel)

    def answer_languages(self) -> tuple[str, ...]:
        chosen = self.services.settings.answer_language
        return (chosen,) if chosen else ()

    def _show_welcome(self) -> None:
        if self.welcome is None:
            self.welcome = WelcomePage(
                self.services.paths.models,
                answer_languages=self.answer_languages(),
            )
            self.welcome.sig_download.connect(self._welcome_download)
            self.welcome.sig_starter.connect(self._welcome_starter)
            self.welcome.sig_no_assistant.connect(self._welcome_none)
            self.welcome.sig_import.connect(self.choose_model_file)
            self.welcome.sig_server.connect(self.sig_server_settings_wanted)
            self.addWidget(self.welcome)
        self.show()
        self.setCurrentWidget(self.welcome)
        self.model_status.setText(self.tr("Choose how the assistant should work"))

    @Slot()
    def _welcome_starter(self) -> None:
        self.services.choose_assistant("local", None)
        self.panel.prompt.setFocus()

    @Slot()
    def _welcome_none(self) -> None:
        self.services.choose_assistant("off")
        self.sig_done_choosing.emit()

    @Slot()
    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a model file"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        if path:
            self.use_model_file(path)

    @Slot(str)
    def use_model_file(self, path: str) -> None:
        """The user picked a GGUF file: the assistant is on and loads it (saved once loaded)."""
        self._turn_on_locally()
        self.assistant.load_model(path)
        self.services.sig_assistant_choice_changed.emit()  # the others join the load

    def _turn_on_locally(self) -> None:
        self.settings.assistant = "local"
        self.settings.save(self.services.paths.settings_file)
        self._show_panel()

    # -- the welcome page's download -------------------------------------------------
    @Slot(object)
    def _welcome_download(self, entry: CatalogEntry) -> None:
        from composer.models.pull import PullRequest

        self._turn_on_locally()
        self._pending_download = self.downloads().enqueue(PullRequest(entry.repo, entry.file))
        note = filled(
            self.tr("Downloading %1 — it will be used as soon as it is here."), entry.name
        )
        self.panel.model_note.setText(note)
        self.model_status.setText(note)

    def downloads(self) -> DownloadWorker:
        """The app's one download queue, this window listening to it (for its own download)."""
        downloads = self.services.downloads()
        if downloads is not self._downloads_heard:
            downloads.sig_progress.connect(self._on_download_progress)
            downloads.sig_finished.connect(self._on_download_finished)
            downloads.sig_failed.connect(self._on_download_failed)
            self._downloads_heard = downloads
        return downloads

    @Slot(str, object)
    def _on_download_progress(self, key: str, progress: Progress) -> None:
        if key == self._pending_download:
            self.model_status.setText(
                filled(
                    self.tr("Downloading the model: %1% (File > Models pauses it)"),
                    str(int(100 * progress.fraction)),
                )
            )

    @Slot(str, str, bool)
    def _on_download_finished(self, key: str, path: str, _reused: bool) -> None:
        if key == self._pending_download:
            self._pending_download = None
            self.assistant.load_model(path)

    @Slot(str, str, bool)
    def _on_download_failed(self, key: str, message: str, _needs_token: bool) -> None:
        if key == self._pending_download:
            self._pending_download = None
            self.panel.model_note.setText(message)
            self.model_status.setText(self.tr("No model: you can still write by hand"))

    # -- a server --------------------------------------------------------------------
    def _chosen_server(self) -> Server | None:
        from composer.engine.servers import ServerStore, ServersUnreadable, find_server

        try:
            store = ServerStore(self.services.paths.config)
            return find_server(store.load(), self.settings.server_id)
        except ServersUnreadable:
            return None  # said where the servers are edited

    def _offer_local(self) -> None:
        """The chosen server cannot be used: offer this computer's model, never switch alone."""
        self.panel.use_local.setVisible(
            self.settings.assistant == "server"
            and self.assistant.model_info is None
            and not (self.assistant.loading or self.assistant.engine.loading)
        )

    @Slot(str)
    def _on_request_failed(self, _message: str) -> None:
        """A server that stopped answering mid-session: offer this computer's model too."""
        if self.settings.assistant == "server" and self.assistant.on_server(
            self.assistant.model_info
        ):
            self.panel.use_local.show()

    @Slot()
    def use_local_model(self) -> None:
        """The user chose this computer's model instead of the server."""
        self.panel.use_local.hide()
        self.settings.assistant = "local"
        self.settings.save(self.services.paths.settings_file)
        self.assistant.reload_model()
        self.services.sig_assistant_choice_changed.emit()

    @Slot()
    def on_servers_changed(self) -> None:
        """A server was edited, removed or consent withdrawn: stop sending where not agreed."""
        if self.settings.assistant != "server":
            return
        server = self._chosen_server()
        if server is None or not server.consented:
            if self.assistant.on_server(self.assistant.model_info) or self.assistant.loading:
                self.assistant.engine.unload(keep_suggestions=True)  # every window stops at once
            self.assistant.use_server()  # says why nothing is sent
            self._offer_local()
        else:
            self.assistant.reload_model()  # its address, model or key may have changed

    # -- the status bar's lines ------------------------------------------------------
    @Slot(object)
    def _update_where_text_goes(self, info: ModelInfo | None) -> None:
        label = self.where_text_goes
        if self.settings.assistant not in ("local", "server"):
            label.hide()
            return
        label.show()
        self._offer_local()
        server: tuple[str, str] | None = None  # (host, model or state)
        if self.assistant.on_server(info):
            # A server's device is its host; its model id is often a file path there.
            server = (str(info.device), _short_model_name(info.name))
        elif self.settings.assistant == "server" and info is None:
            chosen = self._chosen_server()
            if chosen is None or not chosen.consented:
                label.setText(self.tr("No server agreed to · nothing is sent"))
                label.setToolTip("")
                return
            state = self.tr("loading…") if self.assistant.loading else self.tr("no model")
            server = (chosen.host, state)
        if server is not None:
            self._set_where(self.tr("Sent to %1 · %2"), server[0], server[1])
            label.setToolTip(
                filled(
                    self.tr(
                        "What you ask the assistant is sent to the server %1, which you chose "
                        "and agreed to. Composer does not control what happens to it there."
                    ),
                    server[0],
                )
            )
            return
        if info is not None:
            name = self.assistant.display_name(info)
        elif self.assistant.loading:
            name = self.tr("loading…")
        else:  # the load failed: nothing reads the text, say so rather than "loading…"
            name = self.tr("no model")
        self._set_where(self.tr("On this computer · %1"), name)
        label.setToolTip(
            self.tr("What you ask the assistant is read by a model running on this computer.")
        )

    def _set_where(self, sentence: str, *parts: str) -> None:
        """*sentence* filled with *parts*; only the last part (the model) is cut to fit.

        Where the text goes (this computer, a server's host) is never cut.
        """
        metrics = self.where_text_goes.fontMetrics()
        *kept, model = parts
        room = WHERE_WIDTH - metrics.horizontalAdvance(filled(sentence, *kept, ""))
        short = metrics.elidedText(model, Qt.TextElideMode.ElideMiddle, max(room, MODEL_LEAST))
        self.where_text_goes.setText(filled(sentence, *kept, short))

    @Slot(str)
    def _on_loading(self, what: str) -> None:
        text = filled(self.tr("Loading %1…"), what)
        self._detail = ""
        self._set_status(self.tr("Loading…"), text)
        self.panel.model_note.setText(text)

    @Slot(object)
    def _show_state(self, state: AssistantState) -> None:
        """The status bar's word for now: Ready, Writing…, a suggestion to review."""
        if self.settings.assistant not in ("local", "server") or self.assistant.loading:
            return  # "Assistant off", "Choose…", "Loading…" stay as they were set
        if state is AssistantState.GENERATING:
            self._set_status(self.tr("Writing…"), self._detail)
        elif state is AssistantState.REVIEW:
            self._set_status(self.tr("Suggestion to review"), self._detail)
        elif state is AssistantState.READY:
            self._set_status(self.tr("Ready"), self._detail)
        elif self._detail:  # no model: the sentence says why
            self._set_status(self.tr("No model"), self._detail)

    def _set_status(self, text: str, detail: str) -> None:
        """*text* on the status bar, cut to its width with "…"; *detail* (whole) in its tooltip."""
        label = self.model_status
        metrics = label.fontMetrics()
        label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, STATE_WIDTH))
        label.setToolTip(detail or text)

    @Slot(str, str)
    def _on_model_status(self, status: str, note: str) -> None:
        if status:
            self._detail = status
            self._show_state(self.assistant.state)
        self.panel.model_note.setText(note)
        if not self.assistant.loading:
            self._update_where_text_goes(self.assistant.model_info)


def _short_model_name(name: str) -> str:
    """A model's name without the folders a server may report with it (its file's path)."""
    return name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or name
