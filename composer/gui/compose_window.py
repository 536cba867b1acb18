"""The compose window: the message, the assistant panel, menus and status bar.

A view: it lays out the widgets, defines every action and shortcut, and
wires them to the AssistantController (model and assistant jobs) and the
DraftAutosave (the message on disk). Neither of those knows a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
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
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from composer import APP_NAME
from composer.assist.actions import Action
from composer.assist.target import qt_to_py
from composer.gui.app_services import AppServices
from composer.gui.assistant_controller import AssistantController, MessageFields
from composer.gui.assistant_side import AssistantSide
from composer.gui.dialogs.about import AboutDialog
from composer.gui.draft_autosave import DraftAutosave
from composer.gui.message_spelling import MessageSpelling
from composer.gui.send_flow import SendFlow
from composer.gui.signature_in_body import SignatureInBody
from composer.gui.widgets.assistant_panel import AssistantPanel
from composer.gui.widgets.attachments_bar import AttachmentsBar
from composer.gui.widgets.message_body import MessageBody
from composer.gui.widgets.welcome_page import WelcomePage
from composer.gui.window_actions import create_commands, create_menus, shortcut_groups
from composer.gui.window_placement import keep_on_screen
from composer.i18n import filled
from composer.mail.drafts import Draft, DraftUnreadable
from composer.paths import AppPaths
from composer.settings import Settings

if TYPE_CHECKING:
    from composer.gui.dialogs.model_manager import ModelManagerDialog
    from composer.gui.dialogs.settings_dialog import SettingsDialog
    from composer.gui.dialogs.shortcuts_dialog import ShortcutsDialog
    from composer.workers.engine_worker import EngineService

log = logging.getLogger(__name__)


MIN_WINDOW_WIDTH, MIN_WINDOW_HEIGHT = 640, 480
SENT_NOTE_MS = 15_000  # "Sent to …" stays this long on the status bar


class ComposeWindow(QMainWindow):
    # Requests for the app's WindowManager (the window opens no other window itself).
    sig_new_message = Signal()
    sig_show_drafts = Signal()
    sig_show_sent = Signal()
    sig_open_message_files = Signal(list)  # .eml paths: File > Open…, or dropped on the window

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
        # The app's shared services (settings window, assistant choice, downloads…);
        # a window made on its own has private ones, ended with it.
        self._owns_services = services is None
        self.services = services if services is not None else AppServices(settings, paths, self)
        self.setWindowTitle(filled(self.tr("New message — %1"), APP_NAME))
        self._build_fields()
        # The usual size, but all of it on the screen, title bar included.
        keep_on_screen(self, QSize(1180, 780))
        # Sending: the attachments under the message, From when there are
        # several accounts; the rest lives in SendFlow.
        self.attachments = AttachmentsBar(settings.attachment_warning_mb)
        self.assistant_panel = AssistantPanel()
        self.assistant = AssistantController(
            self.body.document(),
            settings,
            paths,
            model_override=model_override,
            phrases=self.assistant_panel.review.phrases,
            engine=engine,
            parent=self,
        )
        # The welcome page until the user has chosen, then the assistant panel;
        # hidden when the assistant is off.
        self.side = AssistantSide(self.services, self.assistant, self.assistant_panel)
        self.side.sig_server_settings_wanted.connect(self.show_server_settings)
        self.side.sig_done_choosing.connect(self.body.setFocus)
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

        self.model_status = self.side.model_status
        self.where_text_goes = self.side.where_text_goes
        self.statusBar().addPermanentWidget(self.where_text_goes)
        self.statusBar().addPermanentWidget(self.model_status)
        self._connect_controller()
        self.sending = SendFlow(self, self)  # the window is its view and its dialogs' parent
        # Set by the WindowManager: what follows a sent message (message_sent).
        self.after_sent: Callable[[ComposeWindow, str], None] | None = None
        link = self.services.settings_link
        link.sig_accounts_changed.connect(self._on_accounts_changed)
        link.sig_applied.connect(self._show_settings_values)
        # Forget everything: the message empties at once, its file goes with the others.
        self.services.sig_forgetting.connect(self._empty_message)
        self.services.sig_forgot.connect(self._forgotten)
        self.send_button.clicked.connect(self.sending.send)
        self._fields_form.insertRow(0, self.sending.from_label, self.sending.from_selector)

        # Misspelt words underlined in the body and the subject, their menus, F7.
        self.spelling = MessageSpelling(
            self.services.spelling,
            self.body,
            self.subject_field,
            names=lambda: [
                self.sending.from_selector.currentText(),
                self.to_field.text(),
                self.cc_field.text(),
                self.bcc_field.text(),
            ],
            can_proofread=self.assistant.can_run,
            parent=self,
        )
        self.spelling.sig_proofread_paragraph.connect(lambda: self.run_action(Action.PROOFREAD))
        self.spelling.sig_status.connect(lambda text: self._show_message(text, 6000))
        for edit in (self.to_field, self.cc_field, self.bcc_field):
            edit.textChanged.connect(self.spelling.names_changed)
        self.sending.from_selector.currentIndexChanged.connect(self.spelling.names_changed)

        self.commands = create_commands(self)  # every command, by key: menus, keys, Help
        create_menus(self.menuBar(), self.commands)

        # The message is saved shortly after every change and on close, and
        # restored at the next start: a crash or a closed window loses nothing.
        self.autosave = DraftAutosave(paths, self._draft_to_keep, self, name=draft_name)
        self.autosave.sig_save_failed.connect(self._on_save_failed)
        self.signature = SignatureInBody(self.body, self.sending.account, self)
        if draft is not None:
            self.fill(draft)
            self.signature.add()
            self.autosave.save()  # a reply or a link's message is a draft from the start
        elif self._restore_draft():
            self.signature.recognise()
        else:
            self.signature.add()
        self.sending.from_selector.currentIndexChanged.connect(self.signature.follow_account)
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.textChanged.connect(self.autosave.note_change)
        self.body.textChanged.connect(self.autosave.note_change)
        self.attachments.sig_changed.connect(self.autosave.note_change)
        self.spelling.sig_ignored.connect(self.autosave.note_change)
        self.sending.from_selector.currentIndexChanged.connect(self.autosave.note_change)

        self._show_settings_values()
        self.assistant_panel.has_message_text = lambda: bool(self.body.toPlainText().strip())
        if model_override:
            settings.assistant = "local"  # --model is a choice: no welcome page
        self.body.setFocus()
        self.side.apply_choice()

    @property
    def welcome(self) -> WelcomePage | None:
        return self.side.welcome

    @Slot()
    def _show_settings_values(self) -> None:
        """The settings a window shows itself: the attachment warning, the answer language."""
        self.attachments.set_warning_limit(self.settings.attachment_warning_mb)
        language = self.assistant_panel.language.findData(self.settings.answer_language or None)
        self.assistant_panel.language.setCurrentIndex(max(0, language))

    def _connect_controller(self) -> None:
        c, panel = self.assistant, self.assistant_panel
        c.sig_state_changed.connect(panel.set_state)
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
        c.sig_wrong_language.connect(panel.review.show_language_notice)
        panel.review.sig_again_in.connect(self.assistant.regenerate)
        c.sig_waiting.connect(panel.show_refusal)
        panel.sig_action_requested.connect(self.run_action)
        panel.sig_stop_requested.connect(self.assistant.stop)
        panel.review.sig_accept.connect(self.apply_suggestion)
        panel.review.sig_insert.connect(self.insert_suggestion)
        c.sig_review_started.connect(
            lambda _session: panel.review.set_insert_offered(self.assistant.offers_insert())
        )
        panel.review.sig_discard.connect(self.discard_suggestion)
        panel.review.sig_regenerate.connect(self.assistant.regenerate)

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
            ignored_words=" ".join(self.spelling.ignored),
        )

    def _draft_to_keep(self) -> Draft:
        """What autosave keeps: nothing for a message that only holds its signature."""
        draft = self.current_draft()
        if self.signature.only_signature(draft.body) and replace(draft, body="").is_empty():
            return Draft()
        return draft

    def _restore_draft(self) -> bool:
        """The message this window was writing, if one was saved; whether there was one."""
        try:
            draft = self.autosave.restore()
        except DraftUnreadable as exc:
            self._offer_unreadable_draft(exc)
            return True  # the user decides about it: no signature added meanwhile
        if draft is None:
            return False
        self.fill(draft)
        self.statusBar().showMessage(self.tr("Restored the message you were writing."), 10000)
        return True

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
        self.spelling.set_ignored(draft.ignored_words.split())

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

    def message_sent(self, note: str) -> None:
        """The message went (the window is empty now): say so where it will be seen.

        The app's WindowManager decides (after_sent): this window closes when
        another compose window stays to say it. A window on its own stays,
        empty, ready for the next message, and says it.
        """
        if self.after_sent is not None:
            self.after_sent(self, note)
        else:
            self.statusBar().showMessage(note, SENT_NOTE_MS)

    @Slot()
    def discard_message(self, confirm: bool = True) -> None:
        """Empty the message and forget its saved draft (after asking)."""
        if confirm and not self._draft_to_keep().is_empty():
            answer = QMessageBox.question(
                self,
                self.tr("Discard this message?"),
                self.tr("The message and its saved draft will be deleted."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._empty_message()
        self.autosave.discard()

    def _empty_message(self) -> None:
        self.assistant.discard(message="")
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.clear()
        cursor = QTextCursor(self.body.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()  # undoable, unlike clear()
        self.attachments.set_files(())
        self.signature.add()  # the next message starts signed, as a new one does

    @Slot()
    def _update_title(self) -> None:
        subject = self.subject_field.text().strip() or self.tr("New message")
        self.setWindowTitle(f"{subject} — {APP_NAME}")

    # -- commands (composer/gui/window_actions.py is the table) -------------
    def shortcut_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(group, [(command, keys)]) for Help > Keyboard shortcuts; each command once."""
        return shortcut_groups(self.commands)

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
            self.side.downloads(),
            active_path=info.path if info else None,
            answer_languages=self.side.answer_languages(),
        )
        dialog.sig_model_chosen.connect(self.side.use_model_file)
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

    # -- the app's one Settings window (gui/settings_link.py) ------------------------
    @Slot()
    def show_settings(self) -> None:
        """Edit > Settings: the app's one Settings window, acting for this window from now on."""
        self.services.settings_link.show(self)

    @Slot()
    def show_server_settings(self) -> None:
        self.services.settings_link.show_servers(self)

    def show_accounts_settings(self, why: str = "") -> None:
        self.services.settings_link.show_accounts(self, why)

    @property
    def settings_dialog(self) -> SettingsDialog | None:
        """The app's one Settings window, created on first use (by any compose window)."""
        return self.services.settings_link.dialog

    @Slot(str)
    def _on_accounts_changed(self, saved_id: str) -> None:
        """Accounts changed in Settings: the window it was opened from selects the one saved."""
        self.sending.reload_accounts(saved_id if self.services.settings_link.host is self else None)

    @Slot()
    def forget_everything(self) -> None:
        """Settings > Privacy, after its confirmation (every window's message goes too)."""
        self.services.forget_everything(self.engine)

    @Slot(str)
    def _forgotten(self, report: str) -> None:
        self.autosave.discard()  # nothing of the emptied message is saved back
        self.sending.reload_accounts()
        self._show_message(report, 20000)

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
        self.side.choose_model_file()

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
            MessageFields(
                subject=self.subject_field.text(),
                recipients=self.to_field.text(),
                sender=self.sending.from_selector.currentText(),
            ),
        )

    @Slot(str)
    def _on_refused(self, why: str) -> None:
        self.assistant_panel.show_refusal(why)
        self._show_message(why, 8000)

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
        # The review's controls are gone with it: the keyboard goes back to the message.
        self.body.setFocus()

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
