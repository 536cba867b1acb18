"""The assistant panel: prompt, Draft/Stop, the streaming suggestion, Accept/Discard.

It only shows state and emits what the user asked for; the compose window
decides what happens (talks to the engine, edits the body).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PanelState(enum.Enum):
    NO_MODEL = "no_model"  # loading, or no usable model: writing by hand still works
    READY = "ready"
    GENERATING = "generating"
    REVIEW = "review"  # a suggestion waits for Accept / Discard


class AssistantPanel(QWidget):
    sig_draft_requested = Signal(str)
    sig_stop_requested = Signal()
    sig_accept_requested = Signal()
    sig_discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assistantPanel")
        self._state = PanelState.NO_MODEL

        title = QLabel(self.tr("<b>Writing assistant</b>"))
        self.model_note = QLabel(self.tr("Loading the model…"))
        self.model_note.setWordWrap(True)
        self.model_note.setObjectName("modelNote")
        self.model_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        prompt_label = QLabel(self.tr("&What should the email say?"))
        self.prompt = QLineEdit()
        self.prompt.setAccessibleName("Prompt")
        self.prompt.setPlaceholderText(self.tr("e.g. thank Anna for Friday, propose Tuesday instead"))
        self.prompt.setClearButtonEnabled(True)
        prompt_label.setBuddy(self.prompt)

        self.draft_button = QPushButton(self.tr("&Draft"))
        self.draft_button.setAccessibleName("Draft")
        self.draft_button.setToolTip(self.tr("Write a draft from the prompt (Enter)"))
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setAccessibleName("Stop")
        self.stop_button.setToolTip(self.tr("Stop writing (Esc)"))

        self.phase = QLabel("")
        self.phase.setObjectName("phase")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()

        suggestion_label = QLabel(self.tr("S&uggestion"))
        self.suggestion = QPlainTextEdit()
        self.suggestion.setReadOnly(True)
        self.suggestion.setAccessibleName("Suggestion")
        self.suggestion.setPlaceholderText(self.tr("The suggestion appears here as it is written."))
        suggestion_label.setBuddy(self.suggestion)

        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.setAccessibleName("Accept")
        self.accept_button.setToolTip(self.tr("Put the suggestion into the message (one undo step)"))
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.discard_button.setAccessibleName("Discard")

        run_row = QHBoxLayout()
        run_row.addWidget(self.draft_button)
        run_row.addWidget(self.stop_button)
        run_row.addStretch(1)
        review_row = QHBoxLayout()
        review_row.addWidget(self.accept_button)
        review_row.addWidget(self.discard_button)
        review_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.model_note)
        layout.addSpacing(6)
        layout.addWidget(prompt_label)
        layout.addWidget(self.prompt)
        layout.addLayout(run_row)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(suggestion_label)
        layout.addWidget(self.suggestion, 1)
        layout.addLayout(review_row)

        self.prompt.returnPressed.connect(self._on_draft)
        self.prompt.textChanged.connect(self._update_enabled)
        self.draft_button.clicked.connect(self._on_draft)
        self.stop_button.clicked.connect(self.sig_stop_requested)
        self.accept_button.clicked.connect(self.sig_accept_requested)
        self.discard_button.clicked.connect(self.sig_discard_requested)
        self._update_enabled()

    # -- state -----------------------------------------------------------
    @property
    def state(self) -> PanelState:
        return self._state

    def set_state(self, state: PanelState) -> None:
        self._state = state
        if state is not PanelState.GENERATING:
            self.progress.hide()
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        state = self._state
        has_prompt = bool(self.prompt.text().strip())
        has_text = bool(self.suggestion.toPlainText())
        self.draft_button.setEnabled(state in (PanelState.READY, PanelState.REVIEW) and has_prompt)
        self.stop_button.setEnabled(state is PanelState.GENERATING)
        self.accept_button.setEnabled(state is PanelState.REVIEW and has_text)
        self.discard_button.setEnabled(state is PanelState.REVIEW)

    @Slot()
    def _on_draft(self) -> None:
        if self.draft_button.isEnabled():
            self.sig_draft_requested.emit(self.prompt.text().strip())

    # -- suggestion --------------------------------------------------------
    def begin_suggestion(self) -> None:
        self.suggestion.clear()
        self.phase.setText(self.tr("Reading your email…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.set_state(PanelState.GENERATING)

    def show_reading_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.phase.setText(self.tr("Reading your email… %1%").replace(
                "%1", str(int(100 * done / total))))

    def show_writing(self, tokens_per_second: float | None = None) -> None:
        self.progress.hide()
        if tokens_per_second:
            self.phase.setText(self.tr("Writing… %1 tokens/s").replace("%1", f"{tokens_per_second:.1f}"))
        else:
            self.phase.setText(self.tr("Writing…"))

    def append_text(self, text: str) -> None:
        cursor = self.suggestion.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text)
        self.suggestion.setTextCursor(cursor)
        self.suggestion.ensureCursorVisible()

    def finish(self, message: str) -> None:
        self.phase.setText(message)
        self.set_state(PanelState.REVIEW if self.suggestion.toPlainText() else PanelState.READY)

    def clear_suggestion(self, message: str = "") -> None:
        self.suggestion.clear()
        self.phase.setText(message)

    def suggestion_text(self) -> str:
        return self.suggestion.toPlainText()
