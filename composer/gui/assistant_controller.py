"""The assistant's brain for one compose window, with no widget in it.

AssistantController decides what happens when the user asks for something:
it keeps track of the model (which load is current, which model still works
when a new one is refused), turns an action on the message into a request,
follows the request through the engine thread, owns the ReviewSession that
the review shows, and applies an accepted suggestion to the message's
QTextDocument as exactly one undo step (or refuses when that text changed).

The window only lays out widgets and forwards: user commands go in as method
calls, everything the view must show comes out as signals. That makes this
the seam another engine (a server) and several compose windows plug into,
and lets tests drive it without the window.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeGuard

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QTextCursor, QTextDocument

from composer.assist.actions import (
    Action,
    EmailContext,
    RequestError,
    answer_language,
    build_request,
    prepare_suggestion,
    surely_too_long,
    target_for,
)
from composer.assist.degenerate import find_loop, language_mismatch
from composer.assist.fact_guard import names_in
from composer.assist.language import NATIVE_NAMES, detect_language, language_name
from composer.assist.request_check import Phrases as CheckPhrases
from composer.assist.request_check import check_new_text
from composer.assist.review import Phrases
from composer.assist.review_session import ReviewSession
from composer.assist.target import Target
from composer.engine.base import GenerationRequest, GenerationStats, ModelInfo
from composer.gui.apply_text import apply_to_document
from composer.i18n import filled, interface_language, native_name, number, translated
from composer.models.starter import (
    STARTER_NOTE,
    StarterUnavailable,
    starter_file_name,
)
from composer.paths import AppPaths
from composer.settings import Settings
from composer.workers.engine_worker import EngineService, LoadSpec

log = logging.getLogger(__name__)


class AssistantState(enum.Enum):
    NO_MODEL = "no_model"  # loading, or no usable model: writing by hand still works
    READY = "ready"
    GENERATING = "generating"
    REVIEW = "review"  # a suggestion waits for Accept / Discard


@dataclass(frozen=True)
class MessageFields:
    """The parts of the message besides the body that a request reads."""

    subject: str = ""
    recipients: str = ""
    sender: str = ""  # the From line: the user's own name may sign a draft


@dataclass(frozen=True)
class Job:
    """One assistant request: what was asked, on which text, and the request sent."""

    action: Action
    instruction: str
    language: str | None
    target: Target
    request: GenerationRequest
    fields: MessageFields
    insert_at: int  # where the cursor was (Python index in target.document), for Insert


class AssistantController(QObject):
    """Model loading and assistant jobs for one message body."""

    sig_state_changed = Signal(object)  # AssistantState
    sig_model_loading = Signal(str)  # what is being loaded
    sig_model_changed = Signal(object)  # ModelInfo, or None while none is usable
    # The permanent status line ("Ready: … on …") and the panel's note on the model.
    sig_model_status = Signal(str, str)
    sig_message = Signal(str, int)  # a transient status-bar message, milliseconds to show it
    sig_review_started = Signal(object)  # a new ReviewSession to show
    sig_version_started = Signal()  # the session got a new (streaming) version
    sig_suggestion_grew = Signal()  # the streaming version got more text
    sig_reading = Signal(int, int)  # prompt tokens read, prompt tokens in all
    sig_writing = Signal(object)  # tokens per second, or None while unknown
    sig_finished = Signal(str)  # the version ended; a sentence for the panel
    sig_cleared = Signal(str)  # the suggestion is gone (accepted, discarded); a sentence
    sig_stale = Signal()  # accept refused: the text changed after asking
    sig_refused = Signal(str)  # the request could not even start; why
    sig_note = Signal(str)  # something about the suggestion the user should know (a loop)
    # The answer is not in the language asked: a sentence, and that language's code
    # (the view offers "Again in <language>": regenerate(language=code)).
    sig_wrong_language = Signal(str, str)
    sig_waiting = Signal(str)  # the request waits for another window's to end; a sentence
    sig_request_failed = Signal(str)  # a request failed (the server gone, say); the sentence

    def __init__(
        self,
        document: QTextDocument,
        settings: Settings,
        paths: AppPaths,
        *,
        model_override: str | None = None,
        phrases: Phrases | None = None,
        engine: EngineService | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.paths = paths
        self.model_override = model_override
        self._phrases = phrases or Phrases()
        self._state = AssistantState.NO_MODEL
        self._model_info: ModelInfo | None = None
        self._previous_info: ModelInfo | None = None
        self._load_paths: dict[int, str | None] = {}  # loads this window asked for
        self._job: Job | None = None
        self._review: ReviewSession | None = None
        self._closing = False
        self._loading = False
        self._expected_language: str | None = None
        self._checked_chars = 0  # how much of the streaming text the output checks have seen
        self._stopped_early: str | None = None  # why the assistant stopped itself, if it did

        # A window of the app shares the app's engine (one model in memory);
        # a controller made without one (tests, tools) owns its own.
        self._owns_engine = engine is None
        self.engine = EngineService(self) if engine is None else engine
        self._request_id: int | None = None  # this controller's request on the engine
        self.engine.sig_load_started.connect(self._on_load_started)
        self.engine.sig_unloading.connect(self._on_unloading)
        worker = self.engine.worker
        worker.sig_loading.connect(self._on_loading)
        worker.sig_loaded.connect(self._on_loaded)
        worker.sig_load_failed.connect(self._on_load_failed)
        worker.sig_phase.connect(self._on_phase)
        worker.sig_tokens.connect(self._on_tokens)
        worker.sig_finished.connect(self._on_finished)
        worker.sig_stopped.connect(self._on_stopped)
        worker.sig_failed.connect(self._on_failed)

    # -- what the view reads -----------------------------------------------------
    @property
    def state(self) -> AssistantState:
        return self._state

    @property
    def model_info(self) -> ModelInfo | None:
        """The model that answers requests now (None while loading or without one)."""
        return self._model_info

    @property
    def loading(self) -> bool:
        """A model load is on its way."""
        return self._loading

    @property
    def job(self) -> Job | None:
        """The request behind the suggestion being written or reviewed."""
        return self._job

    @property
    def review(self) -> ReviewSession | None:
        return self._review

    def _set_state(self, state: AssistantState) -> None:
        if state is not self._state:
            self._state = state
            self.sig_state_changed.emit(state)

    def _settle_state(self) -> None:
        """The state from the facts: a model, and a finished suggestion to review."""
        review = self._review
        if self._model_info is None:
            self._set_state(AssistantState.NO_MODEL)
        elif (
            self._job is not None
            and review is not None
            and review.current_text()
            and not review.streaming
        ):
            self._set_state(AssistantState.REVIEW)
        else:
            self._set_state(AssistantState.READY)

    # -- the model -------------------------------------------------------------------
    def configured_model(self) -> str | None:
        """The model this window should use: the command line's, else the settings' one."""
        return self.model_override or self.settings.model_path

    def load_model(self, path: str | None, reprobe: bool = False) -> None:
        """Load *path* (None = the starter) in the background for every window."""
        load_id = self.engine.load(
            LoadSpec(
                path=path,
                models_dir=str(self.paths.models),
                device=self.settings.device,
                gpu_layers=self.settings.gpu_layers,
                context_size=self.settings.context_size,
                kv_cache=self.settings.kv_cache,
                reprobe=reprobe,
            )
        )
        self._load_paths = {load_id: path}

    @Slot(int)
    def _on_load_started(self, _load_id: int) -> None:
        """A model is being loaded (by this window or another): the old one goes."""
        if self._state is AssistantState.GENERATING:
            # Its answer would come from the old model: stop it, keep what it wrote.
            self._abandon_request()
            self._end_version(self.tr("Stopped: the model is being changed."), complete=False)
        if self._model_info is not None:
            self._previous_info = self._model_info
        self._model_info = None
        self._load_paths = {}
        self._set_state(AssistantState.NO_MODEL)
        self.sig_model_changed.emit(None)
        self._loading = True

    def join_engine(self) -> bool:
        """Take the shared engine's state: its model, or the load on its way.

        False when it has neither (this window should ask for a load).
        """
        if self.engine.model_info is not None:
            self._on_loaded(self.engine.load_serial, self.engine.model_info)
            return True
        if self.engine.loading:
            self._loading = True
            return True
        return False

    def reload_model(self, reprobe: bool = False) -> None:
        if self.settings.assistant == "server" and not self.model_override:
            self.use_server()
            return
        self.load_model(self.configured_model(), reprobe=reprobe)

    def use_server(self) -> None:
        """Connect every window to the server the settings name, if the user consented to it."""
        from composer.engine.servers import ServerStore, ServersUnreadable, find_server

        try:
            server = find_server(ServerStore(self.paths.config).load(), self.settings.server_id)
        except ServersUnreadable as exc:
            self._refuse_server(translated(exc))
            return
        if server is None or not server.consented:
            # Nothing is sent to a server the user did not agree to.
            self._refuse_server(
                self.tr(
                    "No server is chosen, or you have not agreed to send your text to it. "
                    "Choose one in Edit > Settings > Assistant."
                )
            )
            return
        self.engine.load(
            LoadSpec(path=None, models_dir=str(self.paths.models), server=server.config())
        )
        self._load_paths = {}

    def _refuse_server(self, message: str) -> None:
        self.sig_message.emit(message, 15000)
        self._set_state(AssistantState.NO_MODEL)
        self.sig_model_status.emit(self.tr("No model: you can still write by hand"), message)

    @staticmethod
    def on_server(info: ModelInfo | None) -> TypeGuard[ModelInfo]:
        """Whether *info* is a server's model (the text leaves this computer)."""
        return info is not None and info.architecture == "server"

    def unload_model(self) -> None:
        """No assistant: stop, forget the suggestion and free the model's memory (all windows)."""
        self.engine.unload()

    @Slot()
    def _on_unloading(self) -> None:
        if self.engine.keep_suggestions:
            if self._state is AssistantState.GENERATING:
                self._abandon_request()  # what it wrote stays to review
                self._end_version(self.tr("Stopped: the model is being changed."), complete=False)
        elif self._job is not None or self._state is AssistantState.GENERATING:
            self.discard(message="")
        self._loading = False
        had_model = self._model_info is not None
        self._model_info = None
        self._previous_info = None
        self._set_state(AssistantState.NO_MODEL)
        if had_model:
            self.sig_model_changed.emit(None)

    def display_name(self, info: ModelInfo) -> str:
        """The model's name for people ("Starter model (Gemma 3 270M)" for the bundled one)."""
        if self.is_starter(info.path):
            return self.tr("Starter model (Gemma 3 270M)")
        return info.name

    def is_starter(self, path: str) -> bool:
        try:
            return Path(path).name == starter_file_name() and Path(path).parent == self.paths.models
        except StarterUnavailable:
            return False

    @Slot(str)
    def _on_loading(self, what: str) -> None:
        self.sig_model_loading.emit(what)

    @Slot(int, object)
    def _on_loaded(self, load_id: int, info: ModelInfo) -> None:
        if load_id != self.engine.load_serial:
            return  # a newer load is on its way
        self._loading = False
        self._model_info = info
        self._settle_state()
        starter = self.is_starter(info.path)
        name = self.display_name(info)
        where = translated(info.device)
        status = filled(self.tr("Ready: %1 on %2"), name, where)
        for extra in (info.fallback_reason, info.device_note):
            if extra:
                status += " — " + translated(extra)
        note = translated(STARTER_NOTE) if starter else filled(self.tr("Model: %1"), info.name)
        if info.chat_template == "fallback" and not starter:
            note += " " + self.tr("(it has no chat template; a generic one is used)")
        self.sig_model_status.emit(status, note)
        self.sig_model_changed.emit(info)
        chosen = self._load_paths.get(load_id)
        if chosen and not self.model_override and chosen != self.settings.model_path:
            self.settings.model_path = chosen  # only once it has loaded
            self.settings.save(self.paths.settings_file)

    @Slot(int, str, bool)
    def _on_load_failed(self, load_id: int, message: str, previous_still_loaded: bool) -> None:
        if load_id != self.engine.load_serial:
            return
        self._loading = False
        self.sig_message.emit(message, 15000)
        if previous_still_loaded and self._previous_info is not None:
            # The new file was refused before the working model was touched.
            self._model_info = self._previous_info
            self.sig_model_status.emit(
                "",
                filled(self.tr("%1 Still using %2."), message, self._model_info.name),
            )
            self.sig_model_changed.emit(self._model_info)
            self._settle_state()
            return
        self._previous_info = None
        self._set_state(AssistantState.NO_MODEL)
        self.sig_model_status.emit(self.tr("No model: you can still write by hand"), message)

    def measure_speed(self) -> str | None:
        """Start a speed measurement; a sentence saying why not, when it cannot run now."""
        if self._model_info is None or self._state is AssistantState.GENERATING:
            return self.tr("Load a model and wait for the assistant to finish first.")
        self.engine.measure_speed()
        return None

    # -- jobs ----------------------------------------------------------------------------
    def can_run(self) -> bool:
        return self._state in (AssistantState.READY, AssistantState.REVIEW)

    def run_action(
        self,
        action: Action,
        instruction: str = "",
        language: str | None = None,
        selection: tuple[int, int] = (0, 0),
        fields: MessageFields | None = None,
        cursor: int | None = None,
    ) -> bool:
        """Start *action* on the selection (Python indices) or the whole body.

        Returns False when it could not start (no model, or the request was
        refused: sig_refused says why).
        """
        if not self.can_run():
            return False
        action = Action(action)
        body = self.document.toPlainText()
        start, end = selection
        if action is Action.DRAFT:
            target = Target.selection(body, start, end)
        else:
            target = target_for(action, body, start, end)
        insert_at = max(0, min(len(body), selection[1] if cursor is None else cursor))
        return self._start_job(
            action,
            instruction,
            language,
            target,
            fields or MessageFields(),
            new_review=True,
            insert_at=insert_at,
        )

    def _start_job(
        self,
        action: Action,
        instruction: str,
        language: str | None,
        target: Target,
        fields: MessageFields,
        new_review: bool,
        insert_at: int = 0,
    ) -> bool:
        context = EmailContext(
            body=target.document,
            subject=fields.subject,
            recipients=fields.recipients,
            focus=None if target.whole_body else (target.start, target.end),
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
            self.sig_refused.emit(str(exc))
            return False
        info = self._model_info
        # Context 0: a server that does not say how much it reads; it has the last word.
        too_long = surely_too_long(request, info) if info and info.context_size else None
        if too_long:
            self.sig_refused.emit(translated(too_long))
            return False
        self._job = Job(action, instruction, language, target, request, fields, insert_at)
        self._expected_language = _language_code(language) or (
            detect_language(target.original).code
            if action.rewrites
            else answer_language(action, instruction, target.document)
        )
        self._checked_chars = 0
        self._stopped_early = None
        if new_review or self._review is None:
            # The list speaks the interface's language, whatever the email's:
            # one language per list (a French email reviewed in English reads
            # "Spelling: …", not "Orthographe : …" beside English rows).
            explain_in = interface_language()
            self._review = ReviewSession(
                target.original,
                proofreading=action is Action.PROOFREAD,
                language=explain_in,
                phrases=self._phrases,
                names=names_in(target.document, fields.recipients),
                follows_original=action.rewrites,
            )
            self._review.add_version()
            self._set_state(AssistantState.GENERATING)
            self.sig_review_started.emit(self._review)
        else:
            self._review.add_version()
            self._set_state(AssistantState.GENERATING)
            self.sig_version_started.emit()
        self._request_id = self.engine.generate(request, owner=self)
        if self.engine.waits_for_another(self._request_id):
            # One model for all windows: this request waits for the other's to end.
            self.sig_waiting.emit(
                self.tr("Waiting: the assistant is writing in another window. Esc cancels.")
            )
        return True

    def regenerate(self, language: str | None = None) -> bool:
        """Another version of the same request; after an edit, run again on the current text.

        *language* (a code): from now on in that language ("Again in French").
        """
        job = self._job
        if job is None or not self.can_run():
            return False
        if language:
            job = self._job = replace(job, language=language)
        fields = job.fields
        body = self.document.toPlainText()
        where = job.target.locate(body)
        if where is None:
            # "Run again" after an edit inside the target: the same request on
            # what that text has become, not on whatever is selected now.
            target = job.target.after_edit(body)
            return self._start_job(
                job.action,
                job.instruction,
                job.language,
                target,
                fields,
                new_review=True,
                insert_at=min(job.insert_at, len(body)),
            )
        target = Target.span(body, *where) if not job.target.whole_body else Target.whole(body)
        return self._start_job(
            job.action,
            job.instruction,
            job.language,
            target,
            fields,
            new_review=False,
            insert_at=job.insert_at + (where[0] - job.target.start),
        )

    def offers_insert(self) -> bool:
        """Whether the suggestion is a new text that may go at the cursor instead."""
        return self._job is not None and not self._job.action.rewrites

    def insert(self, text: str) -> QTextCursor | None:
        """Put *text* where the cursor was when asked, keeping the message (one undo step)."""
        job = self._job
        if job is None or self._state is not AssistantState.REVIEW or not self.offers_insert():
            return None
        at = Target.span(job.target.document, job.insert_at, job.insert_at)
        cursor = apply_to_document(self.document, at, text)
        if cursor is None:
            self.sig_stale.emit()
            self.sig_message.emit(self.tr("Not inserted: the text changed after you asked."), 8000)
            return None
        self._forget_job(self.tr("Inserted. Edit > Undo takes it out again."))
        return cursor

    def stop(self) -> None:
        """Stop writing; what was written so far stays reviewable."""
        if self._state is AssistantState.GENERATING:
            self.engine.stop(self._request_id)

    def accept(self, text: str) -> QTextCursor | None:
        """Put *text* in place of the job's target as one undo step.

        Returns the cursor after the inserted text, or None when nothing was
        applied (no suggestion under review, or the text changed since asking:
        sig_stale then tells the view).
        """
        job = self._job
        if job is None or self._state is not AssistantState.REVIEW:
            return None
        cursor = apply_to_document(self.document, job.target, text)
        if cursor is None:
            self.sig_stale.emit()
            self.sig_message.emit(self.tr("Not applied: the text changed after you asked."), 8000)
            return None
        kept = self._kept_facts(text)
        if kept:
            self._forget_job(
                filled(
                    self.tr(
                        "Accepted. Your facts stayed as you wrote them (%1 left out). "
                        "Edit > Undo brings the previous text back."
                    ),
                    kept,
                )
            )
        else:
            self._forget_job(self.tr("Accepted. Edit > Undo brings the previous text back."))
        return cursor

    def _kept_facts(self, accepted: str) -> str:
        """The fact changes the accepted text left out, as one phrase ("" when none)."""
        review = self._review
        if review is None or accepted == review.all_changes_text():
            return ""
        return "; ".join(
            fact.sentence(self._phrases) for change in review.held_facts() for fact in change.facts
        )

    def discard(self, message: str | None = None) -> None:
        """Drop the suggestion (stopping it if it is still being written)."""
        if self._state is AssistantState.GENERATING:
            self._abandon_request()
        self._forget_job(self.tr("Discarded.") if message is None else message)

    def _forget_job(self, message: str) -> None:
        self._job = None
        self._review = None
        self.sig_cleared.emit(message)
        self._settle_state()

    # -- what the engine thread reports ---------------------------------------------------
    def _abandon_request(self) -> None:
        """Stop this window's request and ignore whatever it still sends."""
        self.engine.stop(self._request_id)
        self._request_id = None

    def _is_current(self, request_id: int) -> bool:
        return request_id == self._request_id and not self._closing

    @Slot(int, str, int, int)
    def _on_phase(self, request_id: int, phase: str, done: int, total: int) -> None:
        if not self._is_current(request_id):
            return
        if phase == "reading":
            self.sig_reading.emit(done, total)
            return
        # Pieces are tokens as llama.cpp streams them; the rate is indicative.
        rate = 1000.0 * done / total if total > 200 and done >= 4 else None
        self.sig_writing.emit(rate)
        if rate is not None:
            self.sig_message.emit(filled(self.tr("Writing: %1 tokens/s"), number(rate, 1)), 2000)

    @Slot(int, str)
    def _on_tokens(self, request_id: int, text: str) -> None:
        if self._is_current(request_id) and self._review is not None:
            self._review.append(text)
            self.sig_suggestion_grew.emit()
            self._check_output(self._review.current_text())

    def _check_output(self, written: str) -> None:
        """Stop a suggestion that loops, or a proofread in the wrong language, and say why."""
        if self._stopped_early is not None or len(written) - self._checked_chars < 80:
            return
        self._checked_chars = len(written)
        loop = find_loop(written)
        if loop is not None:
            short = loop if len(loop) <= 60 else loop[:59] + "…"
            self._stop_early(filled(self.tr("Stopped: the model kept repeating “%1”."), short))
            return
        self._check_language(written)

    def _check_language(self, written: str, min_chars: int = 160) -> None:
        """Say so when the answer is not in the language asked, with "Again in <language>"."""
        expected = self._expected_language
        found = language_mismatch(written, expected, min_chars=min_chars)
        if found is None or expected is None:
            return
        note = filled(
            self.tr("The answer is in %1, not in %2 as asked."),
            native_name(found),
            native_name(expected),
        )
        if self._job is not None and self._job.action is Action.PROOFREAD:
            self._stopped_early = note  # a proofread in another language is useless
            self.engine.stop(self._request_id)
        else:
            self._stopped_early = ""  # said once; let it finish
        self.sig_wrong_language.emit(note, expected)

    def _stop_early(self, why: str) -> None:
        self._stopped_early = why
        self.engine.stop(self._request_id)
        self.sig_note.emit(why)

    def _speed_text(self, stats: GenerationStats | None) -> str:
        if not stats or not stats.generated_tokens:
            return ""
        return filled(
            self.tr("%n tokens at %1 tokens/s", "", stats.generated_tokens),
            number(stats.generation_tokens_per_second, 1),
        )

    def _end_version(self, message: str, complete: bool = True) -> None:
        """The streaming version is over: clean its text up and let the user review it.

        An incomplete version (stopped, failed) only changes the part of the
        text it reached.
        """
        review = self._review
        if review is not None:
            raw = review.current_text()
            if self._job is not None and raw.strip():
                review.set_text(prepare_suggestion(self._job.target, raw))
            review.finish(stopped=not complete)
            review.drop_empty_current()  # an empty regenerate must not hide earlier versions
            if self._job is not None and not self._job.action.rewrites:
                review.set_findings(self._check_new_text(self._job, review.current_text()))
            if complete and self._stopped_early is None:
                # A short answer is judged once whole (while streaming, only from 160 characters).
                self._check_language(review.current_text(), min_chars=60)
        self.sig_finished.emit(message)

    def _check_new_text(self, job: Job, text: str) -> list[str]:
        """A Draft or Reply against the request and the thread: what it misses or made up."""
        if not text.strip():
            return []
        findings = check_new_text(
            job.instruction,
            job.target.document,
            text,
            subject=job.fields.subject,
            people=job.fields.recipients + ", " + job.fields.sender,
        )
        phrases = CheckPhrases(
            missing=self.tr("%1 from your request is missing"),
            new=self.tr("%1: not in your request or the thread"),
        )
        return [finding.sentence(phrases) for finding in findings]

    @Slot(int, object)
    def _on_finished(self, request_id: int, stats: GenerationStats) -> None:
        if not self._is_current(request_id):
            return
        review = self._review
        if review is not None and not review.current_text().strip():
            self._end_version(self._nothing_written())
        else:
            self._end_version(self.tr("Done. ") + self._speed_text(stats))
        self._settle_state()

    def _nothing_written(self) -> str:
        """Why an answer may be empty: never a bare "Done." over nothing."""
        if self.on_server(self._model_info):
            return self.tr(
                "The server answered nothing. Its chat format may not suit this model "
                "(a server started without the model's chat template often does this), "
                "or it stopped at once. Try again, or another model or server."
            )
        return self.tr("The model wrote nothing. Try again, or say it differently.")

    @Slot(int, object)
    def _on_stopped(self, request_id: int, stats: GenerationStats | None) -> None:
        if self._is_current(request_id):
            self._end_version(self._stopped_early or self.tr("Stopped."), complete=False)
            self._settle_state()

    @Slot(int, str)
    def _on_failed(self, request_id: int, message: str) -> None:
        if self._is_current(request_id):
            self._end_version(message, complete=False)
            self._settle_state()
            self.sig_message.emit(message, 15000)
            self.sig_request_failed.emit(message)

    # -- the end ---------------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """This window is closing: stop its request; end the engine if it is its own.

        False while a model load still runs after *timeout_ms* (llama.cpp
        cannot be interrupted then); the engine thread ends by itself later.
        A shared engine is the app's to end (WindowManager).
        """
        self._closing = True
        self._abandon_request()
        if not self._owns_engine:
            return True
        return self.engine.shutdown(timeout_ms=timeout_ms)


def _language_code(chosen: str | None) -> str | None:
    """The code of a language the user picked ("fr", or a name such as "French")."""
    if not chosen:
        return None
    if chosen in NATIVE_NAMES:
        return chosen
    for code in NATIVE_NAMES:
        if language_name(code).lower() == chosen.lower():
            return code
    return None
