"""The compose window's assistant flows on the fake engine: the real window, no model.

The same flows as test_assistant_actions.py (which proves them on the real
model, marked slow) through the window's buttons, actions and panel, with a
scripted engine so what the user sees is known exactly.
"""

from __future__ import annotations

from helpers.fake_engine import Load, Reply
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from composer.assist.actions import Action
from composer.gui.assistant_controller import AssistantState

BODY = "Hi Tom,\n\nthe report is late becuase the data came in on friday.\n\nBest,\nAnna"
SENTENCE = "the report is late becuase the data came in on friday."
FORMAL = "The report is delayed because the data arrived on Friday."
VERY_LATE = "The report is very late because the data came in on Friday."
WAIT_MS = 5000  # the fake answers in milliseconds; this only bounds a failure


def select(window, text: str) -> None:
    body = window.body.toPlainText()
    start = body.index(text)
    cursor = window.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    window.body.setTextCursor(cursor)


def wait_done(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.assistant.state is not AssistantState.GENERATING, timeout=WAIT_MS
    )


def run_and_wait(qtbot, window, action: Action) -> None:
    window.assistant_panel.request(action)
    assert window.assistant.state is AssistantState.GENERATING
    wait_done(qtbot, window)


def test_a_draft_from_the_prompt_streams_into_the_review_and_accepts_as_one_undo_step(
    qtbot, fake_window, fake_engine
):
    draft = "Hi Anna,\n\nthank you for Friday.\n\nBest,\nTom"
    fake_engine.script(Reply.text(draft, delay=0.04, hold_after=2))
    window = fake_window()
    window.subject_field.setText("Friday")
    window.to_field.setText("anna@example.com")
    window.assistant_panel.prompt.setText("thank Anna for Friday")
    qtbot.keyClick(window.assistant_panel.prompt, Qt.Key.Key_Return)  # empty message: Draft
    assert window.assistant.job.action is Action.DRAFT
    qtbot.waitUntil(lambda: window.assistant_panel.suggestion_text() == "Hi Anna,", timeout=WAIT_MS)
    assert window.assistant.state is AssistantState.GENERATING
    assert window.assistant_panel.stop_button.isEnabled()
    assert window.body.toPlainText() == ""
    fake_engine.release()
    wait_done(qtbot, window)
    assert window.assistant_panel.suggestion_text() == draft
    assert window.assistant_panel.phase.text().startswith("Done.")
    prompt = fake_engine.requests[-1].messages[-1].content
    assert "thank Anna for Friday" in prompt and "anna@example.com" in prompt
    qtbot.mouseClick(window.assistant_panel.accept_button, Qt.MouseButton.LeftButton)
    assert window.body.toPlainText() == draft
    assert window.assistant.state is AssistantState.READY
    window.commands["undo"].trigger()  # one step takes it all out
    assert window.body.toPlainText() == ""


def test_accepting_a_rewrite_of_the_selection_leaves_the_rest_and_undoes_in_one_step(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(FORMAL))
    window = fake_window()
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.FORMAL)
    assert window.assistant_panel.review.session.original == SENTENCE
    assert window.body.toPlainText() == BODY  # nothing applied before Accept
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == BODY.replace(SENTENCE, FORMAL)
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == BODY


def test_discard_leaves_the_message_as_it_was(qtbot, fake_window, fake_engine):
    fake_engine.script(Reply.text(FORMAL))
    window = fake_window()
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.FORMAL)
    window.assistant_panel.discard_button.click()
    assert window.body.toPlainText() == BODY
    assert window.assistant.review is None
    assert window.assistant_panel.suggestion_text() == ""
    assert window.assistant_panel.phase.text() == "Discarded."
    assert window.assistant.state is AssistantState.READY


def test_stop_during_streaming_reaches_the_engine_and_the_partial_text_stays_reviewable(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(FORMAL, hold_after=3))
    window = fake_window()
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    window.assistant_panel.request(Action.FORMAL)
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    window.commands["stop"].trigger()
    wait_done(qtbot, window)
    assert fake_engine.cancel_seen.is_set()
    run = fake_engine.runs[-1]
    assert run.outcome == "cancelled" and run.cancel_seen_at == 3
    assert window.assistant.state is AssistantState.REVIEW
    assert window.assistant_panel.phase.text() == "Stopped."
    assert window.assistant_panel.suggestion_text().startswith("The report is")
    # Accept takes only the part the suggestion reached.
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() != BODY
    assert window.body.toPlainText().startswith("Hi Tom,\n\nThe report is")
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == BODY


def test_the_stop_button_ends_a_long_answer_between_tokens(qtbot, fake_window, fake_engine):
    # 400 tokens 25 ms apart: 10 s unless the cancel is seen between tokens.
    fake_engine.script(Reply(tokens=tuple(f" word{i}" for i in range(400)), delay=0.025))
    window = fake_window(max_tokens=400)
    window.assistant_panel.prompt.setText("write a long letter")
    window.assistant_panel.draft_button.click()
    qtbot.waitUntil(lambda: bool(window.assistant_panel.suggestion_text()), timeout=WAIT_MS)
    qtbot.mouseClick(window.assistant_panel.stop_button, Qt.MouseButton.LeftButton)
    wait_done(qtbot, window)
    run = fake_engine.runs[-1]
    assert run.outcome == "cancelled" and run.cancel_seen_at < 400
    assert window.assistant_panel.phase.text() == "Stopped."


def test_an_engine_error_is_shown_as_its_sentence(qtbot, fake_window, fake_engine):
    sentence = "The fake engine lost its connection. Try again."
    fake_engine.script(Reply.text(FORMAL, fail_at=0, error=sentence))
    window = fake_window()
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.FORMAL)
    assert window.assistant_panel.phase.text() == sentence
    assert window.statusBar().currentMessage() == sentence
    assert window.assistant.state is AssistantState.READY
    assert window.body.toPlainText() == BODY


def test_stale_edit_guard_refuses_to_overwrite_and_runs_again_on_the_edit(
    qtbot, fake_window, fake_engine
):
    fake_engine.script(Reply.text(FORMAL), Reply.text(VERY_LATE))
    window = fake_window()
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.FORMAL)
    # The user edits the very sentence the suggestion is for.
    cursor = window.body.textCursor()
    cursor.setPosition(window.body.toPlainText().index("late"))
    cursor.insertText("very ")
    edited = window.body.toPlainText()
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == edited  # not applied blindly
    review = window.assistant_panel.review
    assert review.notice.isVisibleTo(window) and "edited" in review.notice.text()
    assert review.rerun_button.isVisibleTo(window)
    review.rerun_button.click()
    wait_done(qtbot, window)
    changed = SENTENCE.replace("late", "very late")
    assert window.assistant.job.target.original == changed  # the sentence, not the email
    assert "The part to work on:\n<<<\n" + changed in fake_engine.requests[-1].messages[-1].content
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == edited.replace(changed, VERY_LATE)


def test_regenerate_keeps_earlier_versions(qtbot, fake_window, fake_engine):
    fake_engine.script(Reply.text("Tom, the report is late."), Reply.text("The report is late."))
    window = fake_window()
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.SHORTEN)
    window.commands["regenerate"].trigger()
    wait_done(qtbot, window)
    review = window.assistant_panel.review
    assert review.session.version_count == 2
    assert review.current_text() == "The report is late."
    review.previous_version()
    assert review.current_text() == "Tom, the report is late."
    assert fake_engine.requests[0] == fake_engine.requests[1]


def test_stop_during_regenerate_keeps_the_earlier_version(qtbot, fake_window, fake_engine):
    fake_engine.script(
        Reply.text("Tom, the report is late."), Reply.text("The report", hold_after=0)
    )
    window = fake_window()
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.SHORTEN)
    window.commands["regenerate"].trigger()
    qtbot.waitUntil(fake_engine.holding.is_set, timeout=WAIT_MS)
    window.commands["stop"].trigger()  # before the first token
    wait_done(qtbot, window)
    review = window.assistant_panel.review
    assert window.assistant.state is AssistantState.REVIEW
    assert review.session.version_count == 1  # the empty version is dropped
    assert review.current_text() == "Tom, the report is late."
    assert window.assistant_panel.accept_button.isEnabled()


def test_a_failed_load_says_why_and_writing_by_hand_goes_on(qtbot, fake_window, fake_engine):
    fake_engine.script_loads(Load(error="The fake model file is damaged."))
    window = fake_window(ready=False)
    qtbot.waitUntil(
        lambda: window.assistant_panel.model_note.text() == "The fake model file is damaged.",
        timeout=WAIT_MS,
    )
    assert window.assistant.state is AssistantState.NO_MODEL
    assert not window.assistant_panel.action_buttons[Action.PROOFREAD].isEnabled()
    assert window.statusBar().currentMessage() == "The fake model file is damaged."
    window.body.setPlainText(BODY)  # the message itself is untouched
    assert fake_engine.requests == []


def test_a_slow_load_says_loading_then_the_assistant_is_ready(qtbot, fake_window, fake_engine):
    fake_engine.script_loads(Load(delay=0.3))
    window = fake_window(ready=False)
    assert window.assistant.state is AssistantState.NO_MODEL
    qtbot.waitUntil(lambda: "Loading" in window.assistant_panel.model_note.text(), timeout=WAIT_MS)
    assert not window.assistant_panel.action_buttons[Action.FORMAL].isEnabled()
    qtbot.waitUntil(lambda: window.assistant.state is AssistantState.READY, timeout=WAIT_MS)
    assert window.assistant_panel.action_buttons[Action.FORMAL].isEnabled()


def test_closing_during_a_slow_load_ends_the_engine_at_once(
    qtbot, fake_window, fake_engine, fake_service
):
    fake_engine.script_loads(Load(delay=60))
    window = fake_window(ready=False)
    qtbot.waitUntil(lambda: len(fake_engine.loads) == 1, timeout=WAIT_MS)
    window.close()
    # The app's abort Event reaches the load (as it ends a first-use check).
    assert fake_service.shutdown(timeout_ms=WAIT_MS)
