"""Assistant actions from the compose window, on the real model: targets, review, accept, guards."""

from __future__ import annotations

import pytest
from helpers.compose import GEN_TIMEOUT_MS, wait_not_generating
from helpers.review import set_text, untick, use_it_anyway
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from composer.assist.actions import Action
from composer.assist.review import apply_changes, diff_words
from composer.gui.assistant_controller import AssistantState
from composer.settings import Settings

BODY = "Hi Tom,\n\nthe report is late becuase the data came in on friday.\n\nBest,\nAnna"
SENTENCE = "the report is late becuase the data came in on friday."


def select(window, text: str) -> None:
    body = window.body.toPlainText()
    start = body.index(text)
    cursor = window.body.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    window.body.setTextCursor(cursor)


def run_and_wait(qtbot, window, action: Action) -> None:
    window.assistant_panel.request(action)
    assert window.assistant.state is AssistantState.GENERATING
    wait_not_generating(qtbot, window)


@pytest.mark.parametrize(
    "action", [Action.PROOFREAD, Action.SHORTEN, Action.EXPAND, Action.FORMAL, Action.FRIENDLY]
)
def test_rewrite_actions_stream_into_the_review_of_the_selection(qtbot, window, action):
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, action)
    job = window.assistant.job
    assert job.action is action and job.target.original == SENTENCE and not job.target.whole_body
    user = job.request.messages[-1].content
    assert BODY.strip() in user  # the whole email as context…
    assert "The part to work on:\n<<<\n" + SENTENCE in user  # …and the selection as the target
    assert window.assistant_panel.review.session.original == SENTENCE
    assert window.assistant.state is AssistantState.REVIEW
    assert window.assistant_panel.suggestion_text().strip()
    assert window.body.toPlainText() == BODY  # nothing applied before Accept


def test_accepting_a_selection_edit_leaves_the_rest_alone_and_undoes_in_one_step(qtbot, window):
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.SHORTEN)
    new_text = window.assistant_panel.review.session.ticked_text()
    qtbot.mouseClick(window.assistant_panel.accept_button, Qt.MouseButton.LeftButton)
    assert window.body.toPlainText() == BODY.replace(SENTENCE, new_text)
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == BODY


def test_accepting_only_some_changes_gives_exactly_that_text(qtbot, window):
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.PROOFREAD)
    review = window.assistant_panel.review
    # A known suggestion, so the expected text is exact; the model's own output
    # went through the same view in the test above.
    corrected = "The report is late because the data came in on Friday."
    set_text(review, corrected)
    changes = diff_words(SENTENCE, corrected)
    assert len(changes) == 3  # The / because / Friday
    untick(review, 1)  # keep "becuase" as written
    expected = apply_changes(SENTENCE, changes, {0, 2})
    assert expected == "The report is late becuase the data came in on Friday."
    review.accept_selected_button.click()
    assert window.body.toPlainText() == BODY.replace(SENTENCE, expected)
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == BODY


def test_stale_edit_guard_refuses_to_overwrite_and_offers_a_rerun(qtbot, window):
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.FORMAL)
    # The user edits the very sentence the suggestion is for.
    cursor = window.body.textCursor()
    cursor.setPosition(window.body.toPlainText().index("late"))
    cursor.insertText("very ")
    edited = window.body.toPlainText()
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == edited
    review = window.assistant_panel.review
    assert review.notice.isVisibleTo(window) and "edited" in review.notice.text()
    assert review.rerun_button.isVisibleTo(window)
    # Run again takes the current text.
    review.rerun_button.click()
    wait_not_generating(qtbot, window)
    # …on what the selected sentence became, not on the whole email.
    assert window.assistant.job.target.original == SENTENCE.replace("late", "very late")


def test_edits_elsewhere_do_not_block_accept(qtbot, window):
    window.body.setPlainText(BODY)
    select(window, SENTENCE)
    run_and_wait(qtbot, window, Action.FRIENDLY)
    cursor = window.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nP.S. see you soon")
    new_text = window.assistant_panel.review.session.ticked_text()
    window.assistant_panel.accept_button.click()
    assert window.body.toPlainText() == BODY.replace(SENTENCE, new_text) + "\nP.S. see you soon"


def test_output_language_choice_reaches_the_prompt(qtbot, window):
    window.body.setPlainText(BODY)
    window.assistant_panel.language.setCurrentIndex(window.assistant_panel.language.findData("fr"))
    run_and_wait(qtbot, window, Action.FORMAL)
    assert "French" in window.assistant.job.request.messages[-1].content


def test_regenerate_keeps_earlier_versions(qtbot, window):
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.SHORTEN)
    first = window.assistant_panel.suggestion_text()
    window.commands["regenerate"].trigger()
    wait_not_generating(qtbot, window)
    review = window.assistant_panel.review
    assert review.session.version_count == 2
    review.previous_version()
    assert review.current_text() == first


def test_reply_uses_the_quoted_conversation(qtbot, window):
    window.body.setPlainText(
        "\n\nOn Mon, 3 Mar 2025, Anna Berg <anna@example.com> wrote:\n"
        "> Can you send the slides before Thursday?\n> Thanks, Anna"
    )
    run_and_wait(qtbot, window, Action.REPLY)
    user = window.assistant.job.request.messages[-1].content
    assert "Anna" in user and "Can you send the slides before Thursday?" in user
    assert window.assistant.job.target.start == 0  # written above the quote, never into it


def test_a_hopelessly_long_email_is_refused_at_once(qtbot, open_window, starter_model_path):
    w = open_window(starter_model_path, ready=True, max_tokens=32, context_size=512)
    w.body.setPlainText("This sentence makes the email long. " * 200)
    w.assistant_panel.request(Action.PROOFREAD)
    # Known without the tokenizer: no review is drawn, nothing is sent to the engine.
    assert w.assistant.state is AssistantState.READY and w.assistant.review is None
    # The numbers and the way out: the starter was trained on 32k, memory holds more.
    text = w.assistant_panel.phase.text()
    assert "window here is 512 tokens" in text and "Settings > Assistant" in text


def test_too_long_email_is_refused_before_running(qtbot, open_window, starter_model_path):
    w = open_window(starter_model_path, ready=True, max_tokens=32, context_size=512)
    # Short enough to pass the quick estimate, too long for the model's own tokenizer.
    w.body.setPlainText("Numbers 1234 5678 9012 go here, again and again. " * 30)
    w.assistant_panel.prompt.setText("thank Anna")
    run_and_wait(qtbot, w, Action.DRAFT)
    assert "window here is 512 tokens" in w.assistant_panel.phase.text()
    assert w.assistant.state is AssistantState.READY


def test_stop_during_regenerate_keeps_the_earlier_version(qtbot, window):
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.SHORTEN)
    first = window.assistant_panel.suggestion_text()
    window.commands["regenerate"].trigger()
    window.commands["stop"].trigger()  # before the first token
    wait_not_generating(qtbot, window)
    review = window.assistant_panel.review
    assert window.assistant.state is AssistantState.REVIEW
    assert review.current_text() == first
    if review.session.version_count == 1:  # stopped before it wrote anything
        assert window.assistant_panel.accept_button.isEnabled()


def test_changing_the_model_while_writing_keeps_the_partial_text_reviewable(
    qtbot, window, starter_model_path
):
    window.settings.max_tokens = 1200  # long enough to still be writing; fits the 2048 context
    window.body.setPlainText("Keep me.")
    window.assistant_panel.prompt.setText("write a long letter")
    window.assistant_panel.request(Action.DRAFT)
    qtbot.waitUntil(lambda: bool(window.assistant_panel.suggestion_text()), timeout=GEN_TIMEOUT_MS)
    window.load_model(str(starter_model_path))
    assert window.assistant.state is AssistantState.NO_MODEL
    assert not window.assistant_panel.action_buttons[Action.PROOFREAD].isEnabled()
    qtbot.waitUntil(lambda: window.assistant.state is not AssistantState.NO_MODEL, timeout=120_000)
    assert window.assistant.state is AssistantState.REVIEW
    partial = window.assistant_panel.review.session.ticked_text()
    window.assistant_panel.accept_button.click()
    use_it_anyway(window.assistant_panel.review)
    assert window.body.toPlainText() == partial


def test_a_bad_model_file_keeps_the_working_model(qtbot, window, tmp_path):
    junk = tmp_path / "broken.gguf"
    junk.write_bytes(b"not a model at all" * 100)
    working = window.assistant.model_info
    window.load_model(str(junk))
    qtbot.waitUntil(
        lambda: "not a GGUF" in window.assistant_panel.model_note.text(), timeout=60_000
    )
    assert window.assistant.state is AssistantState.READY
    assert window.assistant.model_info is working
    assert Settings.load(window.paths.settings_file).model_path != str(junk)
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.FORMAL)
    assert window.assistant.state is AssistantState.REVIEW


def test_enter_drafts_into_an_empty_message_and_applies_the_instruction_to_text(qtbot, window):
    window.assistant_panel.prompt.setText("thank Anna for Friday")
    qtbot.keyClick(window.assistant_panel.prompt, Qt.Key.Key_Return)
    assert window.assistant.job.action is Action.DRAFT
    wait_not_generating(qtbot, window)
    window.assistant_panel.discard_button.click()
    window.body.setPlainText(BODY)
    window.assistant_panel.prompt.setText("add a line asking Tom to confirm")
    qtbot.keyClick(window.assistant_panel.prompt, Qt.Key.Key_Return)
    job = window.assistant.job
    assert job.action is Action.CUSTOM and job.instruction == "add a line asking Tom to confirm"
    wait_not_generating(qtbot, window)


def test_the_prompt_never_leaks_into_other_actions(qtbot, window):
    window.body.setPlainText(
        "\n\nOn Mon, 3 Mar 2025, Anna Berg <anna@example.com> wrote:\n> Can you send the slides?"
    )
    window.assistant_panel.prompt.setText(
        "sign it as Bartholomew"
    )  # left over from an earlier draft
    run_and_wait(qtbot, window, Action.REPLY)
    assert window.assistant.job.instruction == ""
    assert "Bartholomew" not in window.assistant.job.request.messages[-1].content


def test_a_draft_can_be_inserted_at_the_cursor_keeping_the_message(qtbot, window):
    window.body.setPlainText("Hi Tom,\n\nBest,\nAnna")
    cursor = window.body.textCursor()
    cursor.setPosition(len("Hi Tom,\n\n"))
    window.body.setTextCursor(cursor)
    window.assistant_panel.prompt.setText("ask him to confirm Tuesday")
    window.assistant_panel.draft_button.click()  # Draft, not Apply: a new text
    wait_not_generating(qtbot, window)
    review = window.assistant_panel.review
    insert = review.insert_button
    assert insert.isVisibleTo(window) and insert.isEnabled()
    suggestion = review.current_text()
    insert.click()
    use_it_anyway(review)
    assert window.body.toPlainText() == "Hi Tom,\n\n" + suggestion + "Best,\nAnna"
    assert window.assistant.job is None
    window.commands["undo"].trigger()
    assert window.body.toPlainText() == "Hi Tom,\n\nBest,\nAnna"


def test_insert_is_not_offered_for_a_rewrite(qtbot, window):
    window.body.setPlainText(BODY)
    run_and_wait(qtbot, window, Action.SHORTEN)
    assert not window.assistant_panel.review.insert_button.isVisibleTo(window)
