"""The compose window: the message, the assistant panel, menus and status bar."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from composer import APP_NAME
from composer.assist.actions import (
    Action,
    EmailContext,
    RequestError,
    build_request,
    prepare_suggestion,
    target_for,
)
from composer.assist.language import detect_language
from composer.assist.target import Target, qt_to_py
from composer.engine.base import GenerationRequest, GenerationStats, ModelInfo
from composer.gui.dialogs.about import AboutDialog
from composer.gui.widgets.assistant_panel import AssistantPanel, PanelState
from composer.gui.widgets.review_view import apply_to_editor
from composer.mail.drafts import Draft, DraftStore
from composer.models.starter import STARTER_NOTE, StarterUnavailable, starter_file_name
from composer.paths import AppPaths
from composer.settings import Settings
from composer.workers.engine_worker import EngineService, LoadSpec

log = logging.getLogger(__name__)


@dataclass
class _Job:
    """One assistant request: what was asked, on which text, and the request sent."""

    action: Action
    instruction: str
    language: str | None
    target: Target
    request: GenerationRequest


class ComposeWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        paths: AppPaths,
        model_override: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.paths = paths
        self._model_override = model_override
        self._model_info: ModelInfo | None = None
        self._closing = False
        self._downloads = None  # started the first time the Models window opens
        self._job: _Job | None = None
        self._load_serial = 0
        self._load_paths: dict[int, str | None] = {}
        self._previous_info: ModelInfo | None = None
        self._settings_dialog = None
        self.setWindowTitle(self.tr("New message — %1").replace("%1", APP_NAME))
        self.resize(1180, 780)

        self._build_fields()
        self.assistant = AssistantPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.body)
        splitter.addWidget(self.assistant)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._fields_form)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.model_status = QLabel()
        self.model_status.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_status)

        self._create_actions()
        self._create_menus()

        # The message is saved shortly after every change and on close, and
        # restored at the next start: a crash or a closed window loses nothing.
        # One running Composer owns the saved draft; another one at the same
        # time writes its own file, so neither overwrites the other's message.
        paths.drafts.mkdir(parents=True, exist_ok=True)
        self._draft_lock = QLockFile(str(paths.drafts / ".composer.lock"))
        owns_draft = self._draft_lock.tryLock(200)
        self._drafts = DraftStore(
            paths.drafts,
            "current-draft.json" if owns_draft else f"draft-{os.getpid()}-{id(self)}.json",
        )
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(800)
        self._autosave.timeout.connect(self.save_draft)
        if owns_draft:
            self._restore_draft()
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.textChanged.connect(self._autosave.start)
        self.body.textChanged.connect(self._autosave.start)

        self.engine = EngineService(self)
        worker = self.engine.worker
        worker.sig_loading.connect(self._on_loading)
        worker.sig_loaded.connect(self._on_loaded)
        worker.sig_load_failed.connect(self._on_load_failed)
        worker.sig_phase.connect(self._on_phase)
        worker.sig_tokens.connect(self._on_tokens)
        worker.sig_finished.connect(self._on_finished)
        worker.sig_stopped.connect(self._on_stopped)
        worker.sig_failed.connect(self._on_failed)

        self.assistant.sig_action_requested.connect(self.run_action)
        self.assistant.sig_stop_requested.connect(self.stop_generation)
        review = self.assistant.review
        review.sig_accept.connect(self.apply_suggestion)
        review.sig_discard.connect(self.discard_suggestion)
        review.sig_regenerate.connect(self.regenerate)

        self.body.setFocus()
        self.load_model(model_override or settings.model_path)

    # -- layout --------------------------------------------------------------
    def _build_fields(self) -> None:
        self._fields_form = QFormLayout()
        self.to_field = self._add_field(self.tr("&To:"), "To", self.tr("name@example.com, …"))
        self.cc_field = self._add_field(self.tr("&Cc:"), "Cc")
        self.bcc_field = self._add_field(self.tr("&Bcc:"), "Bcc")
        self.subject_field = self._add_field(self.tr("&Subject:"), "Subject")
        self.body = QPlainTextEdit()
        self.body.setAccessibleName("Message body")
        self.body.setPlaceholderText(
            self.tr("Write your message here, or ask the assistant for a draft.")
        )
        self.body.textChanged.connect(self._update_title)
        self.subject_field.textChanged.connect(self._update_title)

    def _add_field(self, label: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        caption = QLabel(label)
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
        )

    def _restore_draft(self) -> None:
        draft = self._drafts.load()
        if draft is None:
            return
        self.to_field.setText(draft.to)
        self.cc_field.setText(draft.cc)
        self.bcc_field.setText(draft.bcc)
        self.subject_field.setText(draft.subject)
        self.body.setPlainText(draft.body)  # a fresh window: no undo history to lose
        self.statusBar().showMessage(self.tr("Restored the message you were writing."), 10000)

    @Slot()
    def save_draft(self) -> None:
        self._autosave.stop()
        try:
            self._drafts.save(self.current_draft())
        except OSError as exc:
            self.statusBar().showMessage(
                self.tr("Could not save the draft: %1").replace("%1", exc.strerror or str(exc)),
                15000,
            )

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
        if self.assistant.state is PanelState.GENERATING:
            self.engine.abandon()
        self._job = None
        self.assistant.clear_suggestion()
        self._settle_state()
        for edit in (self.to_field, self.cc_field, self.bcc_field, self.subject_field):
            edit.clear()
        cursor = QTextCursor(self.body.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()  # undoable, unlike clear()
        self._drafts.clear()
        self._autosave.stop()

    @Slot()
    def _update_title(self) -> None:
        subject = self.subject_field.text().strip() or self.tr("New message")
        self.setWindowTitle(f"{subject} — {APP_NAME}")

    # -- actions and menus (every shortcut lives here) ------------------------
    def _create_actions(self) -> None:
        def action(text: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.open_model_action = action(
            self.tr("Open &model file…"), self.choose_model_file, "Ctrl+Shift+O"
        )
        self.models_action = action(self.tr("&Models…"), self.show_models, "Ctrl+Shift+M")
        self.settings_action = action(
            self.tr("&Settings…"), self.show_settings, QKeySequence.StandardKey.Preferences
        )
        self.quit_action = action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.discard_message_action = action(
            self.tr("Discard &message…"), self.discard_message, "Ctrl+Shift+Delete"
        )
        self.undo_action = action(self.tr("&Undo"), self._undo, QKeySequence.StandardKey.Undo)
        self.redo_action = action(self.tr("&Redo"), self._redo, QKeySequence.StandardKey.Redo)
        self.cut_action = action(
            self.tr("Cu&t"), lambda: self._edit("cut"), QKeySequence.StandardKey.Cut
        )
        self.copy_action = action(
            self.tr("&Copy"), lambda: self._edit("copy"), QKeySequence.StandardKey.Copy
        )
        self.paste_action = action(
            self.tr("&Paste"), lambda: self._edit("paste"), QKeySequence.StandardKey.Paste
        )
        self.select_all_action = action(
            self.tr("Select &All"),
            lambda: self._edit("selectAll"),
            QKeySequence.StandardKey.SelectAll,
        )
        self.focus_prompt_action = action(
            self.tr("Ask the &assistant"), self._focus_prompt, "Ctrl+Shift+D"
        )
        self.draft_action = action(
            self.tr("&Draft from the prompt"),
            lambda: self.assistant.request(Action.DRAFT),
            "Ctrl+Return",
        )
        self.custom_action = action(
            self.tr("Apply the prompt's &instruction"),
            lambda: self.assistant.request(Action.CUSTOM),
            "Ctrl+Alt+I",
        )
        self.text_actions = [
            action(
                self.tr("&Reply to the quoted message"),
                lambda: self.assistant.request(Action.REPLY),
                "Ctrl+Alt+R",
            ),
            action(
                self.tr("&Proofread"),
                lambda: self.assistant.request(Action.PROOFREAD),
                "Ctrl+Alt+P",
            ),
            action(
                self.tr("S&horten"), lambda: self.assistant.request(Action.SHORTEN), "Ctrl+Alt+S"
            ),
            action(self.tr("E&xpand"), lambda: self.assistant.request(Action.EXPAND), "Ctrl+Alt+E"),
            action(
                self.tr("More &formal"), lambda: self.assistant.request(Action.FORMAL), "Ctrl+Alt+F"
            ),
            action(
                self.tr("Friendlie&r"),
                lambda: self.assistant.request(Action.FRIENDLY),
                "Ctrl+Alt+Y",
            ),
        ]
        self.stop_action = action(self.tr("&Stop writing"), self.stop_generation, "Esc")
        review = self.assistant.review
        self.accept_action = action(
            self.tr("A&ccept all changes"), review.accept_all, "Ctrl+Shift+Return"
        )
        self.accept_ticked_action = action(
            self.tr("Accept the &ticked changes"), review.accept_selected, "Ctrl+Alt+Return"
        )
        self.discard_action = action(
            self.tr("&Discard suggestion"), review.discard, "Ctrl+Shift+Backspace"
        )
        self.regenerate_action = action(self.tr("Re&generate"), self.regenerate, "Ctrl+Alt+G")
        self.previous_version_action = action(
            self.tr("Pre&vious version"), review.previous_version, "Ctrl+Alt+Left"
        )
        self.next_version_action = action(
            self.tr("Ne&xt version"), review.next_version, "Ctrl+Alt+Right"
        )
        self.changes_action = action(
            self.tr("Go to the list of c&hanges"), review.change_list.setFocus, "Ctrl+Alt+H"
        )
        self.language_action = action(
            self.tr("Choose the answer's &language"), self.assistant.language.setFocus, "Ctrl+Alt+L"
        )
        self.shortcuts_action = action(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        self.about_action = action(self.tr("&About %1").replace("%1", APP_NAME), self.show_about)
        for act in (
            self.undo_action,
            self.redo_action,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.select_all_action,
        ):
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.models_action)
        file_menu.addAction(self.open_model_action)
        file_menu.addSeparator()
        file_menu.addAction(self.discard_message_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
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
            self.discard_action,
            self.regenerate_action,
            self.previous_version_action,
            self.next_version_action,
            self.changes_action,
            self.language_action,
        ):
            assistant_menu.addSeparator() if act is None else assistant_menu.addAction(act)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    def _focused_editor(self):
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
        self.assistant.prompt.setFocus()
        self.assistant.prompt.selectAll()

    def shortcut_lines(self) -> list[tuple[str, str]]:
        rows = []
        for act in self.findChildren(QAction):
            if not act.shortcut().isEmpty() and act.text():
                rows.append(
                    (
                        act.text().replace("&", ""),
                        act.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                    )
                )
        rows.append((self.tr("Draft from the prompt"), self.tr("Enter in the prompt field")))
        rows.append((self.tr("Keep or reject a change"), self.tr("Space in the list of changes")))
        return sorted(rows)

    @Slot()
    def show_shortcuts(self) -> None:
        text = "\n".join(f"{name}: {keys}" for name, keys in self.shortcut_lines())
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    @Slot()
    def show_about(self) -> None:
        AboutDialog(self).exec()

    # -- models and hardware --------------------------------------------------------
    @Slot()
    def show_models(self) -> None:
        from composer.gui.dialogs.model_manager import ModelManagerDialog
        from composer.models.library import ModelLibrary
        from composer.workers.download_worker import DownloadWorker

        if self._downloads is None:
            self._downloads = DownloadWorker(self.paths)
            self._downloads.start()
        dialog = ModelManagerDialog(
            self,
            ModelLibrary(self.paths),
            self._downloads,
            active_path=self._model_info.path if self._model_info else None,
        )
        dialog.sig_model_chosen.connect(self.load_model)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._models_dialog = dialog

    @Slot()
    def show_settings(self) -> None:
        from composer.gui.dialogs.settings_dialog import SettingsDialog
        from composer.hardware.plan import Override

        if self._settings_dialog is None:
            dialog = SettingsDialog(self)
            page = dialog.hardware
            page.sig_override_changed.connect(self._on_override_changed)
            page.sig_measure_requested.connect(self._on_measure_requested)
            page.sig_redetect_requested.connect(self._on_redetect_requested)
            self.engine.worker.sig_speed.connect(page.show_speed)
            self.engine.worker.sig_speed_failed.connect(page.show_speed_error)
            self._settings_dialog = dialog
        self._refresh_hardware_page()
        self._settings_dialog.hardware.set_override(
            Override(self.settings.device, self.settings.gpu_layers)
        )
        self._settings_dialog.show()
        self._settings_dialog.raise_()

    def _refresh_hardware_page(self) -> None:
        if self._settings_dialog is None:
            return
        page = self._settings_dialog.hardware
        info = self._model_info
        if info and info.extra.get("probe") is not None:
            page.set_probe(info.extra["probe"])
        page.set_plan(
            info.extra.get("plan") if info else None, info.fallback_reason if info else None
        )

    @Slot(object)
    def _on_override_changed(self, override) -> None:
        self.settings.device = override.device
        self.settings.gpu_layers = override.gpu_layers
        self.settings.save(self.paths.settings_file)
        self.load_model(self._model_override or self.settings.model_path)

    @Slot()
    def _on_measure_requested(self) -> None:
        if self._model_info is None or self.assistant.state is PanelState.GENERATING:
            self._settings_dialog.hardware.show_speed_error(
                self.tr("Load a model and wait for the assistant to finish first.")
            )
            return
        self._settings_dialog.hardware.set_measuring(True)
        self.engine.measure_speed()

    @Slot()
    def _on_redetect_requested(self) -> None:
        self.load_model(self._model_override or self.settings.model_path, reprobe=True)

    # -- model -----------------------------------------------------------------
    def load_model(self, path: str | None, reprobe: bool = False) -> None:
        """Load *path* (None = the starter) in the background; the composer stays usable."""
        if self.assistant.state is PanelState.GENERATING:
            # Its answer would come from the old model: stop it, keep what it wrote.
            self.engine.abandon()
            self.assistant.finish(
                self.tr("Stopped: the model is being changed."), self._final_text()
            )
        if self._model_info is not None:
            self._previous_info = self._model_info
        self._model_info = None
        self.assistant.set_state(PanelState.NO_MODEL)
        self._load_serial += 1
        self._load_paths = {self._load_serial: path}
        spec = LoadSpec(
            path=path,
            models_dir=str(self.paths.models),
            device=self.settings.device,
            gpu_layers=self.settings.gpu_layers,
            context_size=self.settings.context_size,
            reprobe=reprobe,
            load_id=self._load_serial,
        )
        self.engine.load(spec)

    def _settle_state(self) -> None:
        """The panel's state from the facts: a model, and a finished suggestion to review."""
        review = self.assistant.review
        if self._model_info is None:
            self.assistant.set_state(PanelState.NO_MODEL)
        elif self._job is not None and review.current_text() and not review.is_streaming():
            self.assistant.set_state(PanelState.REVIEW)
        else:
            self.assistant.set_state(PanelState.READY)

    @Slot()
    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a model file"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        if path:
            self.load_model(path)

    @Slot(str)
    def _on_loading(self, what: str) -> None:
        self.model_status.setText(self.tr("Loading %1…").replace("%1", what))
        self.assistant.model_note.setText(self.tr("Loading %1…").replace("%1", what))

    @Slot(int, object)
    def _on_loaded(self, load_id: int, info: ModelInfo) -> None:
        if load_id != self._load_serial:
            return  # a newer load is on its way
        self._model_info = info
        self._settle_state()
        is_starter = self._is_starter(info.path)
        name = self.tr("Starter model (Gemma 3 270M)") if is_starter else info.name
        status = self.tr("Ready: %1 on %2").replace("%1", name).replace("%2", info.device)
        if info.fallback_reason:
            status += " — " + info.fallback_reason
        if info.extra.get("device_note"):
            status += " — " + info.extra["device_note"]
        self.model_status.setText(status)
        note = (
            self.tr(STARTER_NOTE) if is_starter else self.tr("Model: %1").replace("%1", info.name)
        )
        if info.chat_template == "fallback" and not is_starter:
            note += " " + self.tr("(it has no chat template; a generic one is used)")
        self.assistant.model_note.setText(note)
        self._refresh_hardware_page()
        chosen = self._load_paths.get(load_id)
        if chosen and not self._model_override and chosen != self.settings.model_path:
            self.settings.model_path = chosen  # only once it has loaded
            self.settings.save(self.paths.settings_file)

    def _is_starter(self, path: str) -> bool:
        try:
            return Path(path).name == starter_file_name() and Path(path).parent == self.paths.models
        except StarterUnavailable:
            return False

    @Slot(int, str, bool)
    def _on_load_failed(self, load_id: int, message: str, previous_still_loaded: bool) -> None:
        if load_id != self._load_serial:
            return
        self.statusBar().showMessage(message, 15000)
        if previous_still_loaded and self._previous_info is not None:
            # The new file was refused before the working model was touched.
            self._model_info = self._previous_info
            self.assistant.model_note.setText(
                self.tr("%1 Still using %2.")
                .replace("%1", message)
                .replace("%2", self._model_info.name)
            )
            self._settle_state()
            return
        self._previous_info = None
        self.assistant.set_state(PanelState.NO_MODEL)
        self.model_status.setText(self.tr("No model: you can still write by hand"))
        self.assistant.model_note.setText(message)

    # -- generation ----------------------------------------------------------------
    def _selection(self) -> tuple[int, int]:
        """The body's selection as Python string indices."""
        cursor = self.body.textCursor()
        text = self.body.toPlainText()
        return qt_to_py(text, cursor.selectionStart()), qt_to_py(text, cursor.selectionEnd())

    @Slot(object, str)
    def run_action(self, action: Action, instruction: str = "") -> None:
        """Start *action* on the selection (or the whole email) as things are now."""
        action = Action(action)
        body = self.body.toPlainText()
        start, end = self._selection()
        if action is Action.DRAFT:
            target = Target.selection(body, start, end)
        else:
            target = target_for(action, body, start, end)
        self._start_job(
            action, instruction, self.assistant.output_language(), target, new_review=True
        )

    def _start_job(
        self,
        action: Action,
        instruction: str,
        language: str | None,
        target: Target,
        new_review: bool,
    ) -> None:
        context = EmailContext(
            body=target.document, subject=self.subject_field.text(), recipients=self.to_field.text()
        )
        try:
            request = build_request(
                action,
                target.original,
                instruction=instruction,
                language=language,
                context=context,
                max_tokens=None if action.rewrites else self.settings.max_tokens,
            )
        except RequestError as exc:
            self.assistant.phase.setText(str(exc))
            self.statusBar().showMessage(str(exc), 8000)
            return
        self._job = _Job(action, instruction, language, target, request)
        explain_in = language or detect_language(target.original).code
        self.assistant.begin_suggestion(
            target.original,
            new_review=new_review,
            proofreading=action is Action.PROOFREAD,
            language=explain_in,
        )
        self.engine.generate(request)

    @Slot()
    def regenerate(self) -> None:
        """Another version of the same request; after an edit, run again on the current text."""
        job = self._job
        if job is None or self.assistant.state not in (PanelState.REVIEW, PanelState.READY):
            return
        body = self.body.toPlainText()
        where = job.target.locate(body)
        if where is None:
            # "Run again" after an edit inside the target: the same request on
            # what that text has become, not on whatever is selected now.
            self._start_job(
                job.action,
                job.instruction,
                job.language,
                job.target.after_edit(body),
                new_review=True,
            )
            return
        target = Target.span(body, *where) if not job.target.whole_body else Target.whole(body)
        self._start_job(job.action, job.instruction, job.language, target, new_review=False)

    def _is_current(self, request_id: int) -> bool:
        return request_id == self.engine.current_request and not self._closing

    @Slot(int, str, int, int)
    def _on_phase(self, request_id: int, phase: str, done: int, total: int) -> None:
        if not self._is_current(request_id):
            return
        if phase == "reading":
            self.assistant.show_reading_progress(done, total)
            return
        # Pieces are tokens as llama.cpp streams them; the rate is indicative.
        rate = 1000.0 * done / total if total > 200 and done >= 4 else None
        self.assistant.show_writing(rate)
        if rate is not None:
            self.statusBar().showMessage(
                self.tr("Writing: %1 tokens/s").replace("%1", f"{rate:.1f}"), 2000
            )

    @Slot(int, str)
    def _on_tokens(self, request_id: int, text: str) -> None:
        if self._is_current(request_id):
            self.assistant.append_text(text)

    def _speed_text(self, stats: GenerationStats | None) -> str:
        if not stats or not stats.generated_tokens:
            return ""
        return (
            self.tr("%1 tokens at %2 tokens/s")
            .replace("%1", str(stats.generated_tokens))
            .replace("%2", f"{stats.generation_tokens_per_second:.1f}")
        )

    def _final_text(self) -> str | None:
        raw = self.assistant.suggestion_text()
        if self._job is None or not raw.strip():
            return None
        return prepare_suggestion(self._job.target, raw)

    @Slot(int, object)
    def _on_finished(self, request_id: int, stats: GenerationStats) -> None:
        if self._is_current(request_id):
            self.assistant.finish(self.tr("Done. ") + self._speed_text(stats), self._final_text())
            self._settle_state()

    @Slot(int, object)
    def _on_stopped(self, request_id: int, stats: GenerationStats | None) -> None:
        if self._is_current(request_id):
            self.assistant.finish(self.tr("Stopped."), self._final_text())
            self._settle_state()

    @Slot(int, str)
    def _on_failed(self, request_id: int, message: str) -> None:
        if self._is_current(request_id):
            self.assistant.finish(message)
            self._settle_state()
            self.statusBar().showMessage(message, 15000)

    @Slot()
    def stop_generation(self) -> None:
        if self.assistant.state is PanelState.GENERATING:
            self.engine.stop()

    @Slot(str)
    def apply_suggestion(self, text: str) -> None:
        """Put *text* in place of the target as exactly one undo step, unless the target changed."""
        job = self._job
        if job is None or self.assistant.state is not PanelState.REVIEW:
            return
        if not apply_to_editor(self.body, job.target, text):
            self.assistant.review.show_stale_notice()
            self.statusBar().showMessage(
                self.tr("Not applied: the text changed after you asked."), 8000
            )
            return
        self._job = None
        self.assistant.clear_suggestion(
            self.tr("Accepted. Edit > Undo brings the previous text back.")
        )
        self.assistant.set_state(PanelState.READY)
        self.body.setFocus()

    @Slot()
    def discard_suggestion(self) -> None:
        if self.assistant.state is PanelState.GENERATING:
            self.engine.abandon()
        self._job = None
        self.assistant.clear_suggestion(self.tr("Discarded."))
        self.assistant.set_state(PanelState.READY if self._model_info else PanelState.NO_MODEL)

    # -- shutdown ----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.save_draft()
        self._draft_lock.unlock()
        if self._downloads is not None:
            self._downloads.shutdown()  # pauses: the partial file resumes next time
            self._downloads = None
        if not self.engine.shutdown(timeout_ms=3000):
            # A model is still loading and llama.cpp cannot be interrupted:
            # disappear now, and let the app end once the engine thread is done
            # (destroying a running QThread would abort the process).
            app = QApplication.instance()
            app.setQuitOnLastWindowClosed(False)
            self.engine.thread.finished.connect(app.quit)
            self.engine.thread.finished.connect(self.close)
            self.hide()
            event.ignore()
            return
        super().closeEvent(event)
