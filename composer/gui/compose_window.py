"""The compose window: the message, the assistant panel, menus and status bar.

A view: it lays out the widgets, defines every action and shortcut, and
wires them to the AssistantController (model and assistant jobs) and the
DraftAutosave (the message on disk). Neither of those knows a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from composer import APP_NAME
from composer.assist.actions import Action
from composer.assist.target import qt_to_py
from composer.gui.app_services import AppServices
from composer.gui.assistant_controller import AssistantController, MessageFields
from composer.gui.dialogs.about import AboutDialog
from composer.gui.draft_autosave import DraftAutosave
from composer.gui.send_flow import SendFlow
from composer.gui.widgets.assistant_panel import AssistantPanel
from composer.gui.widgets.attachments_bar import AttachmentsBar
from composer.gui.widgets.message_body import MessageBody
from composer.gui.widgets.welcome_page import WelcomePage
from composer.i18n import filled
from composer.mail.drafts import Draft, DraftUnreadable
from composer.models.transfer_threads import Progress
from composer.paths import AppPaths
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.engine.base import ModelInfo
    from composer.engine.servers import Server
    from composer.gui.dialogs.model_manager import ModelManagerDialog
    from composer.gui.dialogs.settings_dialog import SettingsDialog
    from composer.gui.dialogs.shortcuts_dialog import ShortcutsDialog
    from composer.hardware.plan import Override
    from composer.models.catalog import CatalogEntry
    from composer.workers.download_worker import DownloadWorker
    from composer.workers.engine_worker import EngineService

log = logging.getLogger(__name__)

STATUS_WIDTH = 380  # pixels for the model's line in the status bar

MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT = 640, 480


class ComposeWindow(QMainWindow):
    # Requests for the app's WindowManager (the window opens no other window itself).
    sig_new_message = Signal()
    sig_show_drafts = Signal()
    sig_open_message_files = Signal(list)  # .eml paths: File > Open…, or dropped on the window
    sig_assistant_choice_changed = Signal()  # other windows follow (settings are shared)
    sig_forgot_everything = Signal()  # other windows' messages must go too

    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        model_override: str | None = None,
        parent: QWidget | None = None,
        *,
        engine: EngineService | None = None,
        services: AppServices | None = None,
        draft: Draft | None = None,
        draft_name: str | None = None,
    ) -> None:
        """A compose window; *engine* is the app's shared one (None: a window of its own).

        *draft* fills a new message (a reply, a mailto: link); *draft_name*
        reopens a saved draft (see DraftAutosave).
        """
        super().__init__(parent)
        # The conversation a reply belongs to: not shown, kept with the draft.
        self._in_reply_to = ""
        self._references = ""
        self.settings = settings
        self.paths = paths
        # The app's shared services (one download queue, one Models window);
        # a window made on its own has private ones, ended with it.
        self._owns_services = services is None
        self.services = services if services is not None else AppServices(paths, self)
        self._downloads_heard: DownloadWorker | None = None  # the queue this window listens to
        self.setWindowTitle(filled(self.tr("New message — %1"), APP_NAME))
        # The usual size, but never larger than the screen: on a small screen
        # without a window manager to clamp it, the window would run off its edge.
        room = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1180, 780
        if room is not None and room.width() > 0:
            width = max(MIN_WINDOW_WIDTH, min(width, room.width()))
            height = max(MIN_WINDOW_HEIGHT, min(height, room.height()))
        self.resize(width, height)

        self._build_fields()
        # Sending: the attachments under the message, From when there are
        # several accounts; the rest lives in SendFlow.
        self.attachments = AttachmentsBar(settings.attachment_warning_mb)
        self.assistant_panel = AssistantPanel()
        # The assistant's side of the window: the welcome page until the user
        # has chosen, then the assistant panel; hidden when the assistant is off.
        self.side = QStackedWidget()
        self.side.setObjectName("assistantSide")
        self.side.addWidget(self.assistant_panel)
        self.welcome: WelcomePage | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.body)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._fields_form)
        layout.addWidget(splitter, 1)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.send_button.setToolTip(self.tr("Send the message (Ctrl+Return)"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.attachments, 1)
        bottom.addWidget(self.send_button)
        layout.addLayout(bottom)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)
        self.body.viewport().installEventFilter(self)  # files dropped on the text: attach

        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        # Where the user's text goes when they ask the assistant: always shown
        # while it is on.
        self.where_text_goes = QLabel()
        self.where_text_goes.setObjectName("whereTextGoes")
        self.where_text_goes.setAccessibleName(self.tr("Where your text goes"))
        self.statusBar().addPermanentWidget(self.where_text_goes)
        self.statusBar().addPermanentWidget(self.model_status)

        self.assistant = AssistantController(
            self.body.document(),
            settings,
            paths,
            model_override=model_override,
            phrases=self.assistant_panel.review.phrases,
            engine=engine,
            parent=self,
        )
        self._connect_controller()
        self.sending = SendFlow(self, self)  # the window is its view and its dialogs' parent
        self.services.sig_accounts_changed.connect(self._on_accounts_changed)
        self.send_button.clicked.connect(self.sending.send)
        self._fields_form.insertRow(0, self.sending.from_label, self.sending.from_selector)

        self._create_actions()
        self._create_menus()

        # The message is saved shortly after every change and on close, and
        # restored at the next start: a crash or a closed window loses nothing.
        self.autosave = DraftAutosave(paths, self.current_draft, self, name=draft_name)
        self.autosave.sig_save_failed.connect(self._on_save_failed)
        if draft is not None:
            self.fill(draft)
            self.autosave.save()  # a reply or a link's message is a draft from the start
        else:
            self._restore_draft()
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.textChanged.connect(self.autosave.note_change)
        self.body.textChanged.connect(self.autosave.note_change)
        self.attachments.sig_changed.connect(self.autosave.note_change)
        self.sending.from_selector.currentIndexChanged.connect(self.autosave.note_change)

        answer_language = self.assistant_panel.language.findData(settings.answer_language or None)
        self.assistant_panel.language.setCurrentIndex(max(0, answer_language))
        self.assistant_panel.has_message_text = lambda: bool(self.body.toPlainText().strip())
        self._pending_download: str | None = None  # the welcome page's download, used when done
        if model_override:
            settings.assistant = "local"  # --model is a choice: no welcome page
        self.body.setFocus()
        self._apply_assistant_choice()

    # -- the assistant: welcome page, on, off ------------------------------------------
    def _apply_assistant_choice(self) -> None:
        """Show and load what the settings say: nothing is loaded before a choice."""
        choice = self.settings.assistant
        if choice == "":
            self._show_welcome()
            self._update_where_text_goes(None)
            return
        if choice == "off":
            self.side.hide()
            self.assistant.unload_model()
            self.model_status.setText(self.tr("Assistant off"))
            self._update_where_text_goes(None)
            return
        self.side.show()
        self.side.setCurrentWidget(self.assistant_panel)
        info = self.assistant.model_info
        if info is not None and self.assistant.on_server(info) != (choice == "server"):
            # Switched between this computer and a server: the draft and the
            # suggestion stay; only what answers next changes.
            self.assistant.reload_model()
        elif (
            self.assistant.model_info is None
            and not self.assistant.loading
            and not self.assistant.join_engine()
        ):
            self.assistant.reload_model()

    def _show_welcome(self) -> None:
        if self.welcome is None:
            self.welcome = WelcomePage(self.paths.models)
            self.welcome.sig_download.connect(self._welcome_download)
            self.welcome.sig_starter.connect(self._welcome_starter)
            self.welcome.sig_no_assistant.connect(self._welcome_none)
            self.welcome.sig_import.connect(self._welcome_import)
            self.welcome.sig_server.connect(self.show_server_settings)
            self.side.addWidget(self.welcome)
        self.side.show()
        self.side.setCurrentWidget(self.welcome)
        self.model_status.setText(self.tr("Choose how the assistant should work"))

    def _chosen(self, assistant: str, model_path: str | None = None) -> None:
        self.settings.assistant = assistant
        if assistant == "local":
            self.settings.model_path = model_path
        self.settings.save(self.paths.settings_file)

    @Slot()
    def _welcome_starter(self) -> None:
        self._chosen("local", None)
        self._apply_assistant_choice()
        self.assistant_panel.prompt.setFocus()
        self.sig_assistant_choice_changed.emit()

    @Slot()
    def _welcome_none(self) -> None:
        self._chosen("off")
        self._apply_assistant_choice()
        self.body.setFocus()
        self.sig_assistant_choice_changed.emit()

    def follow_assistant_choice(self) -> None:
        """Another window changed the shared settings' assistant choice: show the same."""
        self._apply_assistant_choice()

    @Slot()
    def _welcome_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a model file"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        if path:
            self.use_model_file(path)

    def use_model_file(self, path: str) -> None:
        """The user picked a GGUF file: the assistant is on and loads it (saved once loaded)."""
        self.settings.assistant = "local"
        self.settings.save(self.paths.settings_file)
        self.side.show()
        self.side.setCurrentWidget(self.assistant_panel)
        self.assistant.load_model(path)
        self.sig_assistant_choice_changed.emit()

    @Slot(object)
    def _welcome_download(self, entry: CatalogEntry) -> None:
        from composer.models.pull import PullRequest

        self.settings.assistant = "local"
        self.settings.save(self.paths.settings_file)
        self.side.show()
        self.side.setCurrentWidget(self.assistant_panel)
        downloads = self._download_worker()
        key = downloads.enqueue(PullRequest(entry.repo, entry.file))
        self._pending_download = key
        note = filled(
            self.tr("Downloading %1 — it will be used as soon as it is here."), entry.name
        )
        self.assistant_panel.model_note.setText(note)
        self.model_status.setText(note)

    def _download_worker(self) -> DownloadWorker:
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
            self.assistant_panel.model_note.setText(message)
            self.model_status.setText(self.tr("No model: you can still write by hand"))

    def _chosen_server(self) -> Server | None:
        from composer.engine.servers import ServerStore, ServersUnreadable, find_server

        try:
            return find_server(ServerStore(self.paths.config).load(), self.settings.server_id)
        except ServersUnreadable:
            return None  # said where the servers are edited

    @Slot()
    def _offer_local(self) -> None:
        """The chosen server cannot be used: offer this computer's model, never switch alone."""
        self.assistant_panel.use_local.setVisible(
            self.settings.assistant == "server"
            and self.assistant.model_info is None
            and not (self.assistant.loading or self.engine.loading)
        )

    @Slot()
    def use_local_model(self) -> None:
        """The user chose this computer's model instead of the server."""
        self.assistant_panel.use_local.hide()
        self.settings.assistant = "local"
        self.settings.save(self.paths.settings_file)
        self.assistant.reload_model()
        self.sig_assistant_choice_changed.emit()

    @Slot()
    def show_server_settings(self) -> None:
        """Settings > Assistant at the servers (the welcome page's "Use a server…")."""
        self.show_settings()
        dialog = self._settings_dialog
        assert dialog is not None  # show_settings() made it
        page = dialog.assistant
        dialog.tabs.setCurrentWidget(page)
        if page.servers is not None:
            if not page.servers.servers:
                page.servers.start_new()
            page.servers.address.setFocus()

    @Slot()
    def _on_servers_changed(self) -> None:
        """A server was edited, removed or consent withdrawn: stop sending where not agreed."""
        if self.settings.assistant != "server":
            return
        server = self._chosen_server()
        info = self.assistant.model_info
        if server is None or not server.consented:
            if self.assistant.on_server(info) or self.assistant.loading:
                self.engine.unload(keep_suggestions=True)  # every window stops sending at once
            self.assistant.use_server()  # says why nothing is sent
            self._offer_local()
        else:
            self.assistant.reload_model()  # its address, model or key may have changed

    @Slot(object)
    def _update_where_text_goes(self, info: ModelInfo | None) -> None:
        if self.settings.assistant not in ("local", "server"):
            self.where_text_goes.hide()
            return
        self.where_text_goes.show()
        self._offer_local()
        server: tuple[str, str] | None = None  # (host, model or state)
        if self.assistant.on_server(info):
            server = (str(info.device), info.name)  # a server's device is its host
        elif self.settings.assistant == "server" and info is None:
            chosen = self._chosen_server()
            if chosen is None or not chosen.consented:
                self.where_text_goes.setText(self.tr("No server agreed to · nothing is sent"))
                self.where_text_goes.setToolTip("")
                return
            state = self.tr("loading…") if self.assistant.loading else self.tr("no model")
            server = (chosen.host, state)
        if server is not None:
            self.where_text_goes.setText(filled(self.tr("Sent to %1 · %2"), server[0], server[1]))
            self.where_text_goes.setToolTip(
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
        self.where_text_goes.setText(filled(self.tr("On this computer · %1"), name))
        self.where_text_goes.setToolTip(
            self.tr("What you ask the assistant is read by a model running on this computer.")
        )

    def _connect_controller(self) -> None:
        c, panel = self.assistant, self.assistant_panel
        c.sig_state_changed.connect(panel.set_state)
        c.sig_model_loading.connect(self._on_loading)
        c.sig_model_status.connect(self._on_model_status)
        panel.use_local.clicked.connect(self.use_local_model)
        c.sig_model_changed.connect(self._refresh_hardware_page)
        c.sig_model_changed.connect(self._update_where_text_goes)
        c.sig_model_changed.connect(self._refresh_assistant_page)
        c.sig_model_changed.connect(panel.set_model)
        c.sig_message.connect(self._show_message)
        c.sig_review_started.connect(panel.begin_review)
        c.sig_version_started.connect(panel.begin_version)
        c.sig_suggestion_grew.connect(panel.suggestion_grew)
        c.sig_reading.connect(panel.show_reading_progress)
        c.sig_writing.connect(panel.show_writing)
        c.sig_finished.connect(panel.finish)
        c.sig_cleared.connect(panel.clear_suggestion)
        c.sig_stale.connect(panel.review.show_stale_notice)
        c.sig_refused.connect(self._on_refused)
        c.sig_note.connect(panel.review.show_notice)
        c.sig_waiting.connect(panel.show_refusal)
        panel.sig_action_requested.connect(self.run_action)
        panel.sig_stop_requested.connect(self.assistant.stop)
        panel.review.sig_accept.connect(self.apply_suggestion)
        panel.review.sig_insert.connect(self.insert_suggestion)
        c.sig_review_started.connect(
            lambda _session: panel.review.set_insert_offered(self.assistant.offers_insert())
        )
        panel.review.sig_discard.connect(self.discard_suggestion)
        panel.review.sig_regenerate.connect(self.regenerate)

    @property
    def engine(self) -> EngineService:
        return self.assistant.engine

    # -- layout --------------------------------------------------------------
    def _build_fields(self) -> None:
        self._fields_form = QFormLayout()
        # Small enough for an 800×600 screen, large enough that nothing squashes
        # (the assistant's controls scroll above the review when short).
        self.setMinimumSize(MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT)
        # Tab goes To, Cc, Bcc, Subject, body, then the assistant (creation order).
        self.to_field = self._add_field(
            self.tr("&To:"), self.tr("To"), "toField", self.tr("name@example.com, …")
        )
        self.cc_field = self._add_field(self.tr("&Cc:"), self.tr("Cc"), "ccField")
        self.bcc_field = self._add_field(self.tr("&Bcc:"), self.tr("Bcc"), "bccField")
        self.subject_field = self._add_field(
            self.tr("&Subject:"), self.tr("Subject"), "subjectField"
        )
        # Tab and Shift+Tab leave the body (no keyboard trap); Ctrl+Tab types a tab.
        self.body = MessageBody()
        self.body.setObjectName("messageBody")
        self.body.setAccessibleName(self.tr("Message body"))
        self.body.setAccessibleDescription(
            self.tr("Tab moves to the next field; Ctrl+Tab types a tab character")
        )
        self.body.setPlaceholderText(
            self.tr("Write your message here, or ask the assistant for a draft.")
        )
        self.body.textChanged.connect(self._update_title)
        self.subject_field.textChanged.connect(self._update_title)

    def _add_field(
        self, label: str, accessible: str, object_name: str, placeholder: str = ""
    ) -> QLineEdit:
        edit = QLineEdit()
        # Never cut silently (QLineEdit's default is 32,767 characters): a mailto: link
        # (up to 2 MiB) or a Reply all is kept whole; Send checks what is too much.
        edit.setMaxLength(16 * 1024 * 1024)
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        caption = QLabel(label)
        caption.setObjectName(object_name + "Label")
        caption.setBuddy(edit)
        self._fields_form.addRow(caption, edit)
        return edit

    def current_draft(self) -> Draft:
        return Draft(
            to=self.to_field.text(),
            cc=self.cc_field.text(),
            bcc=self.bcc_field.text(),
            subject=self.subject_field.text(),
            body=self.body.toPlainText(),
            in_reply_to=self._in_reply_to,
            references=self._references,
            attachments=tuple(str(p) for p in self.attachments.paths()),
            account=self.sending.account_id(),
        )

    def _restore_draft(self) -> None:
        try:
            draft = self.autosave.restore()
        except DraftUnreadable as exc:
            self._offer_unreadable_draft(exc)
            return
        if draft is None:
            return
        self.fill(draft)
        self.statusBar().showMessage(self.tr("Restored the message you were writing."), 10000)

    def fill(self, draft: Draft) -> None:
        """Show *draft* in this (fresh) window: fields, body and the conversation it answers."""
        self.to_field.setText(draft.to)
        self.cc_field.setText(draft.cc)
        self.bcc_field.setText(draft.bcc)
        self.subject_field.setText(draft.subject)
        self.body.setPlainText(draft.body)  # a fresh window: no undo history to lose
        self._in_reply_to = draft.in_reply_to
        self._references = draft.references
        self.attachments.set_files(draft.attachments)
        self.sending.select_account(draft.account)

    def _offer_unreadable_draft(self, problem: DraftUnreadable) -> None:
        """Say that the saved message could not be read, and offer what is left of it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Saved message damaged"))
        where = str(problem.kept_as) if problem.kept_as else str(problem.path)
        box.setText(
            filled(
                self.tr(
                    "The message you were writing could not be read back (the file is damaged). "
                    "Nothing was deleted: it is kept as %1."
                ),
                where,
            )
        )
        box.setInformativeText(self.tr("Put its readable text into this message?"))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setObjectName("unreadableDraftBox")
        self._unreadable_box = box

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and problem.kept_as is not None:
                self.insert_recovered_text(problem.kept_as)

        box.finished.connect(answered)
        box.open()  # window-modal, not blocking start-up

    def insert_recovered_text(self, path: Path) -> None:
        """Put what can be read of a damaged draft file at the end of the body (undoable)."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self._show_message(
                filled(self.tr("Could not read %1: %2"), str(path), str(exc)),
                15000,
            )
            return
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(raw.decode("utf-8", errors="replace"))

    @Slot()
    def save_draft(self) -> None:
        self.autosave.save()

    @Slot(str)
    def _on_save_failed(self, why: str) -> None:
        self._show_message(filled(self.tr("Could not save the draft: %1"), why), 15000)

    @Slot(str, int)
    def _show_message(self, text: str, milliseconds: int) -> None:
        self.statusBar().showMessage(text, milliseconds)

    @Slot()
    def discard_message(self, confirm: bool = True) -> None:
        """Empty the message and forget its saved draft (after asking)."""
        if confirm and not self.current_draft().is_empty():
            answer = QMessageBox.question(
                self,
                self.tr("Discard this message?"),
                self.tr("The message and its saved draft will be deleted."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.assistant.discard(message="")
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.clear()
        cursor = QTextCursor(self.body.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()  # undoable, unlike clear()
        self.attachments.set_files(())
        self.autosave.discard()

    @Slot()
    def _update_title(self) -> None:
        subject = self.subject_field.text().strip() or self.tr("New message")
        self.setWindowTitle(f"{subject} — {APP_NAME}")

    # -- actions and menus (every shortcut lives here) ------------------------
    def _create_actions(self) -> None:
        # No Ctrl+Alt: it is AltGr on many keyboards (AltGr+E is €) and desktops
        # use it (Ctrl+Alt+L locks the screen). Menu mnemonics are unique per
        # menu, and the menu titles' among the window's (tests/gui/test_keyboard.py).
        def action(
            name: str,
            text: str,
            slot: Callable[[], object],
            *shortcuts: str | QKeySequence.StandardKey,
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            keys: list[QKeySequence] = []
            for shortcut in shortcuts:
                if isinstance(shortcut, QKeySequence.StandardKey):
                    found = QKeySequence.keyBindings(shortcut)  # empty where none exists
                else:
                    found = [QKeySequence(shortcut)]
                keys += [key for key in found if not key.isEmpty() and key not in keys]
            act.setShortcuts(keys)
            act.triggered.connect(slot)
            return act

        request = self.assistant_panel.request
        self.new_message_action = action(
            "newMessageAction",
            self.tr("&New message"),
            self.sig_new_message.emit,
            QKeySequence.StandardKey.New,
        )
        self.open_message_action = action(
            "openMessageAction",
            self.tr("Open m&essage…"),
            self.choose_message_files,
            QKeySequence.StandardKey.Open,
        )
        self.drafts_action = action("draftsAction", self.tr("D&rafts…"), self.sig_show_drafts.emit)
        self.open_model_action = action(
            "openModelAction", self.tr("&Open model file…"), self.choose_model_file, "Ctrl+Shift+O"
        )
        self.models_action = action(
            "modelsAction", self.tr("&Models…"), self.show_models, "Ctrl+Shift+M"
        )
        # Preferences is empty on Linux: Ctrl+, there (and what macOS uses anyway).
        self.settings_action = action(
            "settingsAction",
            self.tr("&Settings…"),
            self.show_settings,
            QKeySequence.StandardKey.Preferences,
            "Ctrl+,",
        )
        self.quit_action = action(
            "quitAction", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        self.send_action = action("sendAction", self.tr("&Send"), self.sending.send, "Ctrl+Return")
        self.attach_action = action(
            "attachAction",
            self.tr("Attach &files…"),
            self.attachments.choose_files,
            "Ctrl+Shift+A",
        )
        self.save_eml_action = action(
            "saveEmlAction", self.tr("Save &as .eml…"), lambda: self.sending.save_as_eml()
        )
        self.discard_message_action = action(
            "discardMessageAction",
            self.tr("&Discard message…"),
            self.discard_message,
            "Ctrl+Shift+Delete",
        )
        self.undo_action = action(
            "undoAction", self.tr("&Undo"), self._undo, QKeySequence.StandardKey.Undo
        )
        self.redo_action = action(
            "redoAction", self.tr("&Redo"), self._redo, QKeySequence.StandardKey.Redo
        )
        self.cut_action = action(
            "cutAction", self.tr("Cu&t"), lambda: self._edit("cut"), QKeySequence.StandardKey.Cut
        )
        self.copy_action = action(
            "copyAction",
            self.tr("&Copy"),
            lambda: self._edit("copy"),
            QKeySequence.StandardKey.Copy,
        )
        self.paste_action = action(
            "pasteAction",
            self.tr("&Paste"),
            lambda: self._edit("paste"),
            QKeySequence.StandardKey.Paste,
        )
        self.select_all_action = action(
            "selectAllAction",
            self.tr("Select &All"),
            lambda: self._edit("selectAll"),
            QKeySequence.StandardKey.SelectAll,
        )
        self.focus_prompt_action = action(
            "focusPromptAction", self.tr("Ask the &assistant"), self._focus_prompt, "Ctrl+Shift+D"
        )
        self.draft_action = action(
            "draftAction",
            self.tr("&Draft from the prompt"),
            lambda: request(Action.DRAFT),
            # Ctrl+Return sends, as in mail apps; Enter in the prompt still drafts.
            "Ctrl+Shift+E",
        )
        self.custom_action = action(
            "customAction",
            self.tr("Apply the prompt's &instruction"),
            lambda: request(Action.CUSTOM),
            "Ctrl+Shift+I",
        )
        self.text_actions = [
            action(
                "replyAction",
                self.tr("&Reply to the quoted message"),
                lambda: request(Action.REPLY),
                "Ctrl+Shift+R",
            ),
            action(
                "proofreadAction",
                self.tr("&Proofread"),
                lambda: request(Action.PROOFREAD),
                "Ctrl+Shift+P",
            ),
            action(
                "shortenAction",
                self.tr("S&horten"),
                lambda: request(Action.SHORTEN),
                "Ctrl+Shift+N",
            ),
            action(
                "expandAction", self.tr("E&xpand"), lambda: request(Action.EXPAND), "Ctrl+Shift+X"
            ),
            action(
                "formalAction",
                self.tr("More &formal"),
                lambda: request(Action.FORMAL),
                "Ctrl+Shift+F",
            ),
            action(
                "friendlierAction",
                self.tr("Friendli&er"),
                lambda: request(Action.FRIENDLY),
                "Ctrl+Shift+Y",
            ),
        ]
        self.stop_action = action(
            "stopAction", self.tr("&Stop writing"), self.stop_generation, "Esc"
        )
        review = self.assistant_panel.review
        self.accept_action = action(
            "acceptAction", self.tr("A&ccept all changes"), review.accept_all, "Ctrl+Shift+Return"
        )
        self.accept_ticked_action = action(
            "acceptTickedAction",
            self.tr("Accept the &ticked changes"),
            review.accept_selected,
            "Ctrl+Shift+K",
        )
        self.insert_action = action(
            "insertAction",
            self.tr("Insert the suggestion at the cursor"),
            review.insert,
            "Ctrl+Shift+Ins",
        )
        self.discard_action = action(
            "discardAction",
            self.tr("Discard s&uggestion"),
            review.discard,
            "Ctrl+Shift+Backspace",
        )
        self.regenerate_action = action(
            "regenerateAction", self.tr("Re&generate"), self.regenerate, "Ctrl+Shift+G"
        )
        self.previous_version_action = action(
            "previousVersionAction",
            self.tr("Pre&vious version"),
            review.previous_version,
            "Alt+Shift+Left",
        )
        self.next_version_action = action(
            "nextVersionAction", self.tr("&Next version"), review.next_version, "Alt+Shift+Right"
        )
        self.changes_action = action(
            "changesAction",
            self.tr("Go t&o the list of changes"),
            review.change_list.setFocus,
            "Ctrl+Shift+H",
        )
        self.language_action = action(
            "languageAction",
            self.tr("Choose the answer's &language"),
            self.assistant_panel.language.setFocus,
            "Ctrl+Shift+L",
        )
        self.shortcuts_action = action(
            "shortcutsAction",
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = action(
            "aboutAction", filled(self.tr("&About %1"), APP_NAME), self.show_about
        )
        for act in (
            self.undo_action,
            self.redo_action,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.select_all_action,
        ):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Help > Keyboard shortcuts shows these groups; the menus follow them.
        self._action_groups: list[tuple[str, list[QAction]]] = [
            (
                self.tr("File"),
                [
                    self.new_message_action,
                    self.open_message_action,
                    self.drafts_action,
                    self.send_action,
                    self.attach_action,
                    self.save_eml_action,
                    self.models_action,
                    self.open_model_action,
                    self.discard_message_action,
                    self.quit_action,
                ],
            ),
            (
                self.tr("Edit"),
                [
                    self.undo_action,
                    self.redo_action,
                    self.cut_action,
                    self.copy_action,
                    self.paste_action,
                    self.select_all_action,
                    self.settings_action,
                ],
            ),
            (
                self.tr("Assistant"),
                [
                    self.focus_prompt_action,
                    self.draft_action,
                    self.custom_action,
                    *self.text_actions,
                    self.stop_action,
                    self.language_action,
                ],
            ),
            (
                self.tr("Review"),
                [
                    self.accept_action,
                    self.accept_ticked_action,
                    self.insert_action,
                    self.discard_action,
                    self.regenerate_action,
                    self.previous_version_action,
                    self.next_version_action,
                    self.changes_action,
                ],
            ),
            (self.tr("Help"), [self.shortcuts_action, self.about_action]),
        ]

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.new_message_action)
        file_menu.addAction(self.open_message_action)
        file_menu.addAction(self.drafts_action)
        file_menu.addSeparator()
        file_menu.addAction(self.send_action)
        file_menu.addAction(self.attach_action)
        file_menu.addAction(self.save_eml_action)
        file_menu.addSeparator()
        file_menu.addAction(self.models_action)
        file_menu.addAction(self.open_model_action)
        file_menu.addSeparator()
        file_menu.addAction(self.discard_message_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.setObjectName("editMenu")
        for act in (
            self.undo_action,
            self.redo_action,
            None,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            None,
            self.select_all_action,
            None,
            self.settings_action,
        ):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        assistant_menu = bar.addMenu(self.tr("&Assistant"))
        assistant_menu.setObjectName("assistantMenu")
        for act in (
            self.focus_prompt_action,
            self.draft_action,
            self.custom_action,
            None,
            *self.text_actions,
            None,
            self.stop_action,
            self.accept_action,
            self.accept_ticked_action,
            self.insert_action,
            self.discard_action,
            self.regenerate_action,
            self.previous_version_action,
            self.next_version_action,
            self.changes_action,
            self.language_action,
        ):
            assistant_menu.addSeparator() if act is None else assistant_menu.addAction(act)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _focused_editor(self) -> QLineEdit | QPlainTextEdit:
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            return widget
        return self.body

    @Slot()
    def _undo(self) -> None:
        self._focused_editor().undo()

    @Slot()
    def _redo(self) -> None:
        self._focused_editor().redo()

    def _edit(self, operation: str) -> None:
        getattr(self._focused_editor(), operation)()

    @Slot()
    def _focus_prompt(self) -> None:
        self.assistant_panel.prompt.setFocus()
        self.assistant_panel.prompt.selectAll()

    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(group, [(command, keys)]) for Help > Keyboard shortcuts; each command once."""
        native = QKeySequence.SequenceFormat.NativeText
        extra = {
            self.draft_action: self.tr("Enter in the prompt field, when the message is empty"),
            self.custom_action: self.tr("Enter in the prompt field, when the message has text"),
        }
        more: dict[str, list[tuple[str, str]]] = {
            self.tr("File"): [(self.tr("Close a dialog"), self.tr("Esc"))],
            self.tr("Edit"): [
                (self.tr("Move to the next field"), self.tr("Tab")),
                (self.tr("Move to the previous field"), self.tr("Shift+Tab")),
                (self.tr("Type a tab character in the message"), self.tr("Ctrl+Tab")),
            ],
            self.tr("Review"): [
                (self.tr("Keep or reject a change"), self.tr("Space in the list of changes"))
            ],
        }
        seen: set[str] = set()
        groups = []
        for title, actions in self._action_groups:
            rows = []
            for act in actions:
                command = act.text().replace("&", "")
                keys = [key.toString(native) for key in act.shortcuts()]
                if act in extra:
                    keys.append(extra[act])
                if keys and command not in seen:
                    seen.add(command)
                    rows.append((command, ", ".join(keys)))
            for command, keys_text in more.get(title, []):
                if command not in seen:
                    seen.add(command)
                    rows.append((command, keys_text))
            groups.append((title, rows))
        return groups

    def shortcut_lines(self) -> list[tuple[str, str]]:
        """Every (command, keys), sorted by command."""
        return sorted(row for _title, rows in self.shortcut_groups() for row in rows)

    @Slot()
    def show_shortcuts(self) -> None:
        from composer.gui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_groups(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._shortcuts_dialog = dialog

    @property
    def shortcuts_dialog(self) -> ShortcutsDialog | None:
        """The last Keyboard shortcuts window opened."""
        return getattr(self, "_shortcuts_dialog", None)

    @Slot()
    def show_about(self) -> None:
        AboutDialog(self).exec()

    # -- models and hardware --------------------------------------------------------
    @Slot()
    def show_models(self) -> None:
        from composer.gui.dialogs.model_manager import ModelManagerDialog
        from composer.models.library import ModelLibrary

        opened = self.services.models_dialog
        if opened is not None and opened.isVisible():
            opened.raise_()  # one Models window for the app, whichever window asks
            opened.activateWindow()
            return
        info = self.assistant.model_info
        dialog = ModelManagerDialog(
            self,
            ModelLibrary(self.paths),
            self._download_worker(),
            active_path=info.path if info else None,
        )
        dialog.sig_model_chosen.connect(self.use_model_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._models_dialog_gone)
        dialog.show()
        self.services.models_dialog = dialog

    def _models_dialog_gone(self) -> None:
        self.services.models_dialog = None

    @property
    def models_dialog(self) -> ModelManagerDialog | None:
        """The app's Models window, while it is open."""
        return self.services.models_dialog

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        """The app's one Settings window, created on first use (by any compose window)."""
        return self.services.settings_dialog

    @property
    def _settings_dialog(self) -> SettingsDialog | None:
        return self.services.settings_dialog

    @Slot()
    def show_settings(self) -> None:
        """Edit > Settings: the app's one Settings window, acting for this window from now on."""
        from composer.gui.dialogs.settings_dialog import SettingsDialog
        from composer.hardware.plan import Override

        services = self.services
        dialog = services.settings_dialog
        if dialog is None:
            dialog = SettingsDialog(
                self.settings, self, accounts=self.sending.store, servers_folder=self.paths.config
            )
            assert dialog.accounts is not None  # given accounts=, it has the page
            # Every window's From list follows the accounts, not only this one's.
            dialog.accounts.sig_accounts_changed.connect(services.sig_accounts_changed)
            self.engine.worker.sig_speed.connect(dialog.hardware.show_speed)
            self.engine.worker.sig_speed_failed.connect(dialog.hardware.show_speed_error)
            dialog.destroyed.connect(services.settings_dialog_gone)
            services.settings_dialog = dialog
        elif services.settings_host is not self:
            if services.settings_host is not None:
                services.settings_host._settings_heard(dialog, False)
            dialog.setParent(self, dialog.windowFlags())  # over this window, ends with it
        if services.settings_host is not self:
            self._settings_heard(dialog, True)
            services.settings_host = self
        self._refresh_hardware_page()
        self._refresh_assistant_page()
        dialog.hardware.set_override(
            Override(
                self.settings.device, self.settings.gpu_layers, kv_cache=self.settings.kv_cache
            )
        )
        dialog.show()
        dialog.raise_()

    @Slot(str)
    def _on_accounts_changed(self, saved_id: str) -> None:
        """Accounts changed in Settings: the window it was opened from selects the one saved."""
        self.sending.reload_accounts(saved_id if self.services.settings_host is self else None)

    def _settings_heard(self, dialog: SettingsDialog, heard: bool) -> None:
        """Listen to the Settings window (it acts for this window), or stop listening."""
        pairs = [
            (dialog.sig_settings_changed, self._on_settings_changed),
            (dialog.assistant.sig_choose_file, self.choose_model_file),
            (dialog.assistant.sig_open_models, self.show_models),
            (dialog.privacy.sig_forget_everything, self.forget_everything),
            (dialog.hardware.sig_override_changed, self._on_override_changed),
            (dialog.hardware.sig_measure_requested, self._on_measure_requested),
            (dialog.hardware.sig_redetect_requested, self._on_redetect_requested),
        ]
        if dialog.assistant.servers is not None:
            pairs.append((dialog.assistant.servers.sig_servers_changed, self._on_servers_changed))
        for signal, slot in pairs:
            if heard:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def show_accounts_settings(self, why: str = "") -> None:
        """Settings > Accounts, saying *why* it opened (Send with no account yet)."""
        self.show_settings()
        dialog = self._settings_dialog
        assert dialog is not None  # show_settings() made it
        page = dialog.accounts
        assert page is not None  # made with accounts=
        page.explain(why)
        dialog.tabs.setCurrentWidget(page)
        page.name.setFocus()

    # -- files dropped on the window: .eml opens, anything else is attached ----------
    @staticmethod
    def _dropped_files(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if not files:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.take_files(files)

    def take_files(self, files: list[Path]) -> None:
        """Open the .eml files (the WindowManager does), attach the others."""
        messages = [f for f in files if f.suffix.lower() == ".eml"]
        others = [f for f in files if f.suffix.lower() != ".eml"]
        if others:
            self.attachments.add_files(others)
        if messages:
            self.sig_open_message_files.emit(messages)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The body would insert a dropped file's path as text.
        if watched is self.body.viewport() and event.type() in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
            QEvent.Type.Drop,
        ):
            files = self._dropped_files(event)  # type: ignore[arg-type]
            if files:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                if event.type() == QEvent.Type.Drop:
                    self.take_files(files)
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def _refresh_assistant_page(self) -> None:
        if self._settings_dialog is None:
            return
        info = self.assistant.model_info
        if info is not None and not self.assistant.on_server(info):
            text = self.assistant.display_name(info) + " — " + info.path
        elif self.settings.model_path:
            text = self.settings.model_path
        else:
            text = self.tr("Starter model (Gemma 3 270M)")
        self._settings_dialog.assistant.show_model(text)
        self._settings_dialog.assistant.show_choice(self.settings.assistant)

    @Slot()
    def _on_settings_changed(self) -> None:
        """General or Assistant values changed in Settings: save them and act on them."""
        was, was_context = self.settings.assistant, self.settings.context_size
        was_cache = self.settings.kv_cache
        was_server = self.settings.server_id
        dialog = self._settings_dialog
        assert dialog is not None  # the signal comes from it
        dialog.apply_to(self.settings)
        self.settings.save(self.paths.settings_file)
        self.attachments.set_warning_limit(self.settings.attachment_warning_mb)
        answer_language = self.assistant_panel.language.findData(
            self.settings.answer_language or None
        )
        self.assistant_panel.language.setCurrentIndex(max(0, answer_language))
        from composer.gui.theme import apply_theme

        app = QApplication.instance()
        assert isinstance(app, QGuiApplication)  # a window needs one
        apply_theme(app, self.settings.theme)  # cheap: no restart needed
        if self.settings.assistant != was:
            self._apply_assistant_choice()
            self.sig_assistant_choice_changed.emit()
        elif self.settings.assistant == "server" and self.settings.server_id != was_server:
            self.assistant.reload_model()  # another server: every window follows the engine
        elif self.settings.assistant == "local" and (
            self.settings.context_size != was_context or self.settings.kv_cache != was_cache
        ):
            self.assistant.reload_model()  # llama.cpp sizes its cache when it loads

    @Slot()
    def forget_everything(self) -> None:
        """Settings > Privacy, after its confirmation: remove all the app keeps, say what."""
        from composer.privacy import forget_everything

        self.assistant.unload_model()  # its file is about to go
        self.services.stop_downloads()  # its partial files are about to go
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.clear()
        cursor = QTextCursor(self.body.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        self.attachments.set_files(())
        report = forget_everything(self.paths)
        self.autosave.discard()  # nothing of the emptied message is saved back
        self.sending.reload_accounts()
        if self._settings_dialog is not None and self._settings_dialog.accounts is not None:
            self._settings_dialog.accounts.reload()
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
        if self._settings_dialog is not None:
            self._settings_dialog.privacy.show_result(text)
        self._show_message(text, 20000)
        self._apply_assistant_choice()  # back to the welcome page
        self.sig_forgot_everything.emit()

    @Slot()
    def _refresh_hardware_page(self) -> None:
        if self._settings_dialog is None:
            return
        page = self._settings_dialog.hardware
        info = self.assistant.model_info
        if info is not None and info.probe is not None:
            page.set_probe(info.probe)
        page.set_plan(info.plan if info else None, info.fallback_reason if info else None)

    @Slot(object)
    def _on_override_changed(self, override: Override) -> None:
        self.settings.device = override.device
        self.settings.gpu_layers = override.gpu_layers
        self.settings.save(self.paths.settings_file)
        self.assistant.reload_model()

    @Slot()
    def _on_measure_requested(self) -> None:
        dialog = self._settings_dialog
        assert dialog is not None  # the signal comes from its hardware page
        refusal = self.assistant.measure_speed()
        if refusal:
            dialog.hardware.show_speed_error(refusal)
        else:
            dialog.hardware.set_measuring(True)

    @Slot()
    def _on_redetect_requested(self) -> None:
        self.assistant.reload_model(reprobe=True)

    # -- model -----------------------------------------------------------------
    @Slot(str)
    def load_model(self, path: str | None, reprobe: bool = False) -> None:
        """Load *path* (None = the starter) in the background; the composer stays usable."""
        self.assistant.load_model(path, reprobe=reprobe)

    @Slot()
    def choose_message_files(self) -> None:
        """File > Open…: messages saved as .eml open in message windows."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open a message"),
            str(Path.home()),
            self.tr("Email messages (*.eml);;All files (*)"),
        )
        if paths:
            self.sig_open_message_files.emit(paths)

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
    def _on_loading(self, what: str) -> None:
        text = filled(self.tr("Loading %1…"), what)
        self.model_status.setText(text)
        self.assistant_panel.model_note.setText(text)

    @Slot(str, str)
    def _on_model_status(self, status: str, note: str) -> None:
        if status:
            # The status bar also carries transient messages: keep the model's
            # line short there; the whole sentence is in the tooltip and the
            # Hardware page.
            metrics = self.model_status.fontMetrics()
            self.model_status.setText(
                metrics.elidedText(status, Qt.TextElideMode.ElideRight, STATUS_WIDTH)
            )
            self.model_status.setToolTip(status)
        self.assistant_panel.model_note.setText(note)
        if not self.assistant.loading:
            self._update_where_text_goes(self.assistant.model_info)

    # -- generation ----------------------------------------------------------------
    def _selection(self) -> tuple[int, int]:
        """The body's selection as Python string indices."""
        cursor = self.body.textCursor()
        text = self.body.toPlainText()
        return qt_to_py(text, cursor.selectionStart()), qt_to_py(text, cursor.selectionEnd())

    @Slot(object, str)
    def run_action(self, action: Action, instruction: str = "") -> None:
        """Start *action* on the selection (or the whole email) as things are now."""
        self.assistant.run_action(
            action,
            instruction,
            self.assistant_panel.output_language(),
            self._selection(),
            MessageFields(subject=self.subject_field.text(), recipients=self.to_field.text()),
        )

    @Slot(str)
    def _on_refused(self, why: str) -> None:
        self.assistant_panel.show_refusal(why)
        self._show_message(why, 8000)

    @Slot()
    def regenerate(self) -> None:
        """Another version of the same request; after an edit, run again on the current text."""
        self.assistant.regenerate()

    @Slot()
    def stop_generation(self) -> None:
        self.assistant.stop()

    @Slot(str)
    def apply_suggestion(self, text: str) -> None:
        """Put *text* in place of the target as exactly one undo step, unless the target changed."""
        cursor = self.assistant.accept(text)
        if cursor is not None:
            self.body.setTextCursor(cursor)
            self.body.setFocus()

    @Slot(str)
    def insert_suggestion(self, text: str) -> None:
        """Put the new text where the cursor was, keeping the message (one undo step)."""
        cursor = self.assistant.insert(text)
        if cursor is not None:
            self.body.setTextCursor(cursor)
            self.body.setFocus()

    @Slot()
    def discard_suggestion(self) -> None:
        self.assistant.discard()

    # -- shutdown ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.sending.shutdown()  # a send still running is cancelled: the draft stays
        self.autosave.close()
        if self._owns_services:
            self.services.shutdown()  # pauses a download: the partial file resumes next time
        if not self.assistant.shutdown(timeout_ms=3000):
            # A model is still loading and llama.cpp cannot be interrupted:
            # disappear now, and let the app end once the engine thread is done
            # (destroying a running QThread would abort the process).
            app = QApplication.instance()
            assert isinstance(app, QGuiApplication)  # a window needs one
            app.setQuitOnLastWindowClosed(False)
            self.engine.engine_thread.finished.connect(app.quit)
            self.engine.engine_thread.finished.connect(self.close)
            self.hide()
            event.ignore()
            return
        super().closeEvent(event)
