"""AssistantController without a window: a QTextDocument, the real engine thread and model."""

from __future__ import annotations

import pytest
from helpers.compose import GEN_TIMEOUT_MS, LOAD_TIMEOUT_MS
from PySide6.QtGui import QTextDocument

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantController, AssistantState, MessageFields
from composer.settings import Settings

BODY = "Hi Tom,\n\nthe report is late becuase the data came in on friday.\n\nBest,\nAnna"
SENTENCE = "the report is late becuase the data came in on friday."


@pytest.fixture
def controller(qtbot, app_paths_tmp, starter_model_path):
    document = QTextDocument()
    document.setPlainText(BODY)
    c = AssistantController(
        document,
        Settings(max_tokens=24, context_size=2048),
        app_paths_tmp,
        model_override=str(starter_model_path),
    )
    states = []
    c.sig_state_changed.connect(states.append)
    c.states = states
    c.reload_model()
    qtbot.waitUntil(lambda: c.state is AssistantState.READY, timeout=LOAD_TIMEOUT_MS)
    yield c
    assert c.shutdown(timeout_ms=30_000)


def run(qtbot, controller, action, **kwargs):
    assert controller.run_action(action, **kwargs)
    assert controller.state is AssistantState.GENERATING
    qtbot.waitUntil(
        lambda: controller.state is not AssistantState.GENERATING, timeout=GEN_TIMEOUT_MS
    )


def test_a_rewrite_of_the_selection_is_reviewed_then_applied_as_one_undo_step(qtbot, controller):
    start = BODY.index(SENTENCE)
    run(qtbot, controller, Action.FORMAL, selection=(start, start + len(SENTENCE)))
    assert controller.state is AssistantState.REVIEW
    review = controller.review
    assert review.original == SENTENCE and review.current_text().strip()
    assert controller.document.toPlainText() == BODY  # nothing changes before accepting
    new_text = review.ticked_text()
    assert controller.accept(new_text) is not None
    assert controller.document.toPlainText() == BODY.replace(SENTENCE, new_text)
    assert controller.state is AssistantState.READY and controller.review is None
    controller.document.undo()
    assert controller.document.toPlainText() == BODY
    assert controller.states[:3] == [
        AssistantState.READY,
        AssistantState.GENERATING,
        AssistantState.REVIEW,
    ]


def test_accept_after_an_edit_inside_the_target_is_refused_and_says_so(qtbot, controller):
    start = BODY.index(SENTENCE)
    run(qtbot, controller, Action.SHORTEN, selection=(start, start + len(SENTENCE)))
    stale = []
    controller.sig_stale.connect(lambda: stale.append(True))
    edited = BODY.replace("late", "very late")
    controller.document.setPlainText(edited)
    assert controller.accept(controller.review.ticked_text()) is None
    assert stale == [True]
    assert controller.document.toPlainText() == edited
    assert controller.state is AssistantState.REVIEW  # the suggestion stays for another look


def test_draft_uses_the_headers_it_is_given_and_discard_forgets_it(qtbot, controller):
    controller.document.setPlainText("")
    run(
        qtbot,
        controller,
        Action.DRAFT,
        instruction="thank Anna for Friday",
        fields=MessageFields(subject="Friday", recipients="anna@example.com"),
    )
    prompt = controller.job.request.messages[-1].content
    assert "Friday" in prompt and "anna@example.com" in prompt
    cleared = []
    controller.sig_cleared.connect(cleared.append)
    controller.discard()
    assert controller.review is None and controller.job is None
    assert cleared == ["Discarded."]
    assert controller.state is AssistantState.READY


def test_nothing_runs_without_a_model(qtbot, app_paths_tmp, tmp_path):
    document = QTextDocument()
    c = AssistantController(
        document, Settings(), app_paths_tmp, model_override=str(tmp_path / "none.gguf")
    )
    notes = []
    c.sig_model_status.connect(lambda status, note: notes.append(note))
    c.reload_model()
    qtbot.waitUntil(lambda: bool(notes), timeout=LOAD_TIMEOUT_MS)
    assert "does not exist" in notes[0]
    assert c.state is AssistantState.NO_MODEL
    assert not c.run_action(Action.PROOFREAD)
    assert c.shutdown()
