"""The assistant panel: what to do, where the answer appears, and the review.

It shows state and emits what the user asked for; the AssistantController
decides what happens (talks to the engine, edits the body), and the window
wires the two together. The suggestion is shown in a ReviewView: a
word-level diff against the text it would replace, with per-change accept,
versions, and the stale-edit notice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.assist.actions import Action
from composer.assist.language import NATIVE_NAMES
from composer.assist.review_session import ReviewSession
from composer.engine.base import ModelInfo
from composer.gui.assistant_controller import AssistantState
from composer.gui.widgets.review_view import ReviewView, tab_chain
from composer.hardware.speed import SlowAdvice, slow_advice
from composer.i18n import filled, number

SLOW_TOKENS_PER_S = 2.0  # below this, writing feels stuck: say what would help


_NO_LIMIT = 16_777_215  # Qt's QWIDGETSIZE_MAX (PySide6 does not export it)


class _FittingScrollArea(QScrollArea):
    """Asks for all of its content's height: it scrolls only when the window is short."""

    def sizeHint(self) -> QSize:
        widget = self.widget()
        inner = widget.sizeHint() if widget is not None else QSize(0, 0)
        margins = self.contentsMargins()
        return QSize(
            inner.width() + margins.left() + margins.right(),
            inner.height() + margins.top() + margins.bottom(),
        )


class AssistantPanel(QWidget):
    sig_action_requested = Signal(object, str)  # Action, instruction (may be empty)
    sig_stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistantPanel")
        self._state = AssistantState.NO_MODEL
        self._advice: SlowAdvice | None = None  # None: model unknown, offer every remedy
        # Whether the message has text: the window sets a look at its body.
        self.has_message_text: Callable[[], bool] = lambda: False

        # Mnemonics are unique in the compose window (tests/gui/test_keyboard.py);
        # Stop has none: Esc stops.
        title = QLabel(self.tr("<b>Writing assistant</b>"))
        title.setObjectName("assistantTitle")
        self.model_note = QLabel(self.tr("Loading the model…"))
        self.model_note.setWordWrap(True)
        self.model_note.setObjectName("modelNote")
        self.model_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Offered when the chosen server cannot be used; switching is the user's choice.
        self.use_local = QPushButton(self.tr("Use the model on this computer"))
        self.use_local.setObjectName("useLocalModel")
        self.use_local.setAccessibleName(self.tr("Use the model on this computer"))
        self.use_local.hide()

        prompt_label = QLabel(self.tr("&What should the email say? (or how to change it)"))
        prompt_label.setObjectName("promptLabel")
        self.prompt = QLineEdit()
        self.prompt.setObjectName("prompt")
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setAccessibleDescription(
            self.tr("What the assistant should write, or how to change the text; Enter drafts")
        )
        self.prompt.setPlaceholderText(
            self.tr("e.g. thank Anna for Friday, propose Tuesday instead")
        )
        self.prompt.setClearButtonEnabled(True)
        prompt_label.setBuddy(self.prompt)

        self.draft_button = self._button(
            "draftButton",
            self.tr("&Draft"),
            self.tr("Draft"),
            self.tr("Write a new email from the prompt (Enter, when the message is empty)"),
        )
        self.custom_button = self._button(
            "applyButton",
            self.tr("A&pply"),
            self.tr("Apply instruction"),
            self.tr(
                "Change the selection, or the whole email, as the prompt says "
                "(Enter, when the message has text)"
            ),
        )
        self.stop_button = self._button(
            "stopButton", self.tr("Stop"), self.tr("Stop"), self.tr("Stop writing (Esc)")
        )

        # Actions on existing text: the selection if there is one, else the whole email.
        self.action_buttons: dict[Action, QPushButton] = {
            Action.REPLY: self._button(
                "replyButton",
                self.tr("Repl&y"),
                self.tr("Reply"),
                self.tr("Answer the quoted message"),
            ),
            Action.PROOFREAD: self._button(
                "proofreadButton",
                self.tr("P&roofread"),
                self.tr("Proofread"),
                self.tr("Fix spelling, grammar and punctuation, with explanations"),
            ),
            Action.SHORTEN: self._button(
                "shortenButton",
                self.tr("Sh&orten"),
                self.tr("Shorten"),
                self.tr("Make the selection, or the whole email, shorter"),
            ),
            Action.EXPAND: self._button(
                "expandButton",
                self.tr("E&xpand"),
                self.tr("Expand"),
                self.tr("Make the selection, or the whole email, longer"),
            ),
            Action.FORMAL: self._button(
                "formalButton",
                self.tr("&More formal"),
                self.tr("More formal"),
                self.tr("Make the tone more formal"),
            ),
            Action.FRIENDLY: self._button(
                "friendlierButton",
                self.tr("Frie&ndlier"),
                self.tr("Friendlier"),
                self.tr("Make the tone friendlier"),
            ),
        }
        language_label = QLabel(self.tr("Lang&uage of the answer:"))
        language_label.setObjectName("languageLabel")
        self.language = QComboBox()
        self.language.setObjectName("outputLanguage")
        self.language.setAccessibleName(self.tr("Output language"))
        self.language.addItem(self.tr("Same as the text"), None)
        for code, name in NATIVE_NAMES.items():
            self.language.addItem(name, code)
        language_label.setBuddy(self.language)

        self.phase = QLabel("")
        self.phase.setObjectName("phase")
        self.phase.setWordWrap(True)
        self.phase.setAccessibleName(self.tr("Assistant status"))
        self.progress = QProgressBar()
        self.progress.setObjectName("readingProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(self.tr("Reading progress"))
        self.progress.hide()

        self.review = ReviewView()  # names its own controls

        run_row = QHBoxLayout()
        run_row.addWidget(self.draft_button)
        run_row.addWidget(self.custom_button)
        run_row.addWidget(self.stop_button)
        run_row.addStretch(1)
        action_grid = QGridLayout()
        for i, button in enumerate(self.action_buttons.values()):
            action_grid.addWidget(button, i // 3, i % 3)
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language, 1)

        # The controls above the review scroll when the window is short, so the
        # review keeps its room and its buttons their full height (800×600).
        controls = QWidget()
        controls.setObjectName("assistantControls")
        top = QVBoxLayout(controls)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(title)
        top.addWidget(self.model_note)
        top.addWidget(self.use_local)
        top.addSpacing(4)
        top.addWidget(prompt_label)
        top.addWidget(self.prompt)
        top.addLayout(run_row)
        top.addLayout(action_grid)
        top.addLayout(language_row)
        top.addWidget(self.phase)
        top.addWidget(self.progress)
        top.addStretch(1)
        self.controls_area = _FittingScrollArea()
        self.controls_area.setObjectName("assistantControlsArea")
        self.controls_area.setWidget(controls)
        self.controls_area.setWidgetResizable(True)
        self.controls_area.setFrameShape(QFrame.Shape.NoFrame)
        self.controls_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._controls = controls
        controls.installEventFilter(self)

        # The review shows while there is a suggestion; without one the controls
        # have the whole panel. With one, the review keeps at least its minimum
        # (6 lines of diff, 4 rows of changes) and the controls give way: in a
        # short window they shrink to the row with Stop, the rest a scroll away.
        self.review.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.review.hide()
        self.review.installEventFilter(self)
        layout = QVBoxLayout(self)
        # The splitter's handle is the margin on the left; the window's own
        # margins are enough elsewhere (every pixel is the review's at 800×600).
        layout.setContentsMargins(layout.contentsMargins().left(), 0, 0, 0)
        layout.addWidget(self.controls_area)
        layout.addWidget(self.review, 1)
        layout.addStretch(0)

        tab_chain(
            [
                self.prompt,
                self.draft_button,
                self.custom_button,
                self.stop_button,
                *self.action_buttons.values(),
                self.language,
                self.review.previous_button,
            ]
        )

        self.prompt.returnPressed.connect(self._on_enter)
        self.prompt.textChanged.connect(self._update_enabled)
        self.draft_button.clicked.connect(self._on_draft)
        self.custom_button.clicked.connect(lambda: self.request(Action.CUSTOM))
        self.stop_button.clicked.connect(self.sig_stop_requested)
        for action, button in self.action_buttons.items():
            button.clicked.connect(lambda _checked=False, a=action: self.request(a))
        self._update_enabled()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_controls(event.size().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._controls and event.type() == QEvent.Type.Resize:
            # A longer model note (set after a load) grows the controls without resizing us.
            QTimer.singleShot(0, self._keep_buttons_in_view)
        elif watched is self.review and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._fit_controls(self.height())  # a suggestion came or went
        return super().eventFilter(watched, event)

    def _fit_controls(self, height: int) -> None:
        """Share the panel's *height*: the review its minimum first, the controls the rest.

        The controls take their full height when it fits; else, in a short
        window under review, one row: the one with the focus, or the one with
        Draft, Apply and Stop, so no row shows cut in half (Tab and the scroll
        bar reach the others).
        """
        area = self.controls_area
        if not self.review.isVisibleTo(self):
            area.setMinimumHeight(0)
            area.setMaximumHeight(_NO_LIMIT)
            self._keep_buttons_in_view()
            return
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 6
        review_least = self.review.least_height(self.review.width() or self.width())
        room = height - review_least - 3 * spacing
        full = self._controls.sizeHint().height()
        band = max(self.stop_button.sizeHint().height(), self.prompt.sizeHint().height())
        wanted = full if full <= room else band
        # Exactly that: the review's stretch would take it otherwise (and a
        # scroll area asks for a taller minimum than one row on its own).
        area.setFixedHeight(wanted)
        self._keep_buttons_in_view()

    def _keep_buttons_in_view(self) -> None:
        """Short window: the model's note and the prompt scroll away before the buttons do.

        A row of buttons cut in half looks broken and is hard to hit; the rest
        can be scrolled back (Tab reaches it too), and the status bar says
        which model is in use.
        """
        area = self.controls_area
        if area.verticalScrollBar().maximum() > 0:
            focused = self.focusWidget()
            if focused is not None and self._controls.isAncestorOf(focused):
                area.ensureWidgetVisible(focused, 0, 0)
            else:
                area.ensureWidgetVisible(self.stop_button, 0, 0)

    def _button(self, object_name: str, text: str, accessible: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # Ask for room for all the controls (the scroll area alone would not).
        hint = super().sizeHint()
        wanted = self._controls.sizeHint().height() + self.review.sizeHint().height()
        return QSize(hint.width(), max(hint.height(), wanted))

    # Old names kept for the window and tests: Accept/Discard live in the review.
    @property
    def accept_button(self) -> QPushButton:
        return self.review.accept_all_button

    @property
    def discard_button(self) -> QPushButton:
        return self.review.discard_button

    # -- state -----------------------------------------------------------
    @property
    def state(self) -> AssistantState:
        return self._state

    def set_state(self, state: AssistantState) -> None:
        self._state = state
        if state is not AssistantState.GENERATING:
            self.progress.hide()
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        state = self._state
        can_run = state in (AssistantState.READY, AssistantState.REVIEW)
        has_prompt = bool(self.prompt.text().strip())
        self.draft_button.setEnabled(can_run and has_prompt)
        self.custom_button.setEnabled(can_run and has_prompt)
        for button in self.action_buttons.values():
            button.setEnabled(can_run)
        self.stop_button.setEnabled(state is AssistantState.GENERATING)
        # The review enables its own buttons (nothing ticked, streaming, versions).
        self.review.setEnabled(state in (AssistantState.REVIEW, AssistantState.GENERATING))

    def output_language(self) -> str | None:
        code: str | None = self.language.currentData()  # a language code, None: the text's
        return code

    def focus_prompt(self) -> None:
        """Ask the assistant (Ctrl+Shift+D): into the prompt, its old text selected."""
        self.prompt.setFocus()
        self.prompt.selectAll()

    def request(self, action: Action) -> None:
        """Ask for *action* if the panel allows it now (buttons and shortcuts land here)."""
        action = Action(action)
        if self._state not in (AssistantState.READY, AssistantState.REVIEW):
            return
        # The prompt belongs to Draft and Apply only: another action never
        # picks up what was typed there for an earlier request.
        uses_prompt = action in (Action.DRAFT, Action.CUSTOM)
        instruction = self.prompt.text().strip() if uses_prompt else ""
        if uses_prompt and not instruction:
            self.prompt.setFocus()
            self.phase.setText(self.tr("Type what the assistant should do in the prompt first."))
            return
        self.sig_action_requested.emit(action, instruction)

    @Slot()
    def _on_draft(self) -> None:
        self.request(Action.DRAFT)

    @Slot()
    def _on_enter(self) -> None:
        """Enter in the prompt: write the email when it is empty, else change it as asked."""
        self.request(Action.CUSTOM if self.has_message_text() else Action.DRAFT)

    # -- suggestion (the controller's signals land here) ---------------------
    @Slot(object)
    def begin_review(self, session: ReviewSession) -> None:
        """A new suggestion started: show its session, reading first."""
        self.review.set_session(session)
        self._begin_reading()

    @Slot()
    def begin_version(self) -> None:
        """Another version of the same review started."""
        self.review.version_added()
        self._begin_reading()

    def _begin_reading(self) -> None:
        self.phase.setText(self.tr("Reading your email…"))
        self.progress.setRange(0, 0)
        self.progress.show()

    @Slot()
    def suggestion_grew(self) -> None:
        self.review.session_grew()

    @Slot(int, int)
    def show_reading_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.phase.setText(
                filled(self.tr("Reading your email… %1%"), str(int(100 * done / total)))
            )

    @Slot(object)
    def show_writing(self, tokens_per_second: float | None = None) -> None:
        self.progress.hide()
        if tokens_per_second is None:
            self.phase.setText(self.tr("Writing…"))
        elif tokens_per_second < SLOW_TOKENS_PER_S:
            text = filled(self.tr("Writing slowly (%1 tokens/s)."), number(tokens_per_second, 1))
            self.phase.setText(" ".join([text, *self._slow_tips()]))
        else:
            self.phase.setText(
                filled(self.tr("Writing… %1 tokens/s"), number(tokens_per_second, 1))
            )

    @Slot(object)
    def set_model(self, info: ModelInfo | None) -> None:
        """The loaded model (None: none): decides which remedies the slow-writing note offers."""
        if info is None:
            self._advice = None
            return
        try:
            size = Path(info.path).stat().st_size
        except OSError:
            size = 0
        # After a failed GPU load the GPU is no remedy: it is the cause.
        gpu_failed = bool(info.fallback_reason)
        plan = None if gpu_failed else info.plan
        self._advice = slow_advice(size, plan, None if gpu_failed else info.probe)

    def _slow_tips(self) -> list[str]:
        """The remedies that apply here, each a sentence (no smaller model on the smallest)."""
        advice = self._advice
        tips = []
        if advice is None or advice.gpu:
            tips.append(self.tr("The graphics card would be faster (Edit > Settings > Hardware)."))
        if advice is None or advice.smaller_model:
            tips.append(self.tr("A smaller model writes faster (File > Models)."))
        if advice is None or advice.free_cpu:
            tips.append(self.tr("Closing other busy programs gives it more of the processor."))
        tips.append(self.tr("Selecting a part of the email gives shorter answers."))
        return tips

    @Slot(str)
    def finish(self, message: str) -> None:
        """The version ended (done, stopped, failed): the review can be used."""
        self.review.refresh()
        self.phase.setText(message)
        if self.review.current_version() >= 0:
            self.announce(filled(self.tr("Suggestion ready. %1"), self.review.summary.text()))

    def announce(self, text: str) -> None:
        """Tell screen readers *text* now, without moving the focus."""
        self.phase.setAccessibleDescription(text)
        event = QAccessibleAnnouncementEvent(self.phase, text)
        QAccessible.updateAccessibility(event)

    @Slot(str)
    def clear_suggestion(self, message: str = "") -> None:
        self.review.close_review()
        self.phase.setText(message)

    @Slot(str)
    def show_refusal(self, message: str) -> None:
        self.phase.setText(message)

    def suggestion_text(self) -> str:
        return self.review.current_text()
