"""ReviewView: diff display, per-change choice, versions, accept as one undo step, stale guard."""

from __future__ import annotations

import threading

import pytest
from helpers.review import finish, listed, new_version, start_review, stream, untick
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QPlainTextEdit, QPushButton, QTextBrowser, QToolButton

from composer.assist.actions import (
    Action,
    EmailContext,
    build_request,
    prepare_suggestion,
    target_for,
)
from composer.assist.target import Target
from composer.gui.widgets.review_view import ReviewView, apply_to_editor

BODY = "Hello Anna,\n\nI has teh report ready for our meeting.\n\nBest,\nTom"
ORIGINAL = "I has teh report ready for our meeting."
SEL = (BODY.index(ORIGINAL), BODY.index(ORIGINAL) + len(ORIGINAL))
SUGGESTION = "I have the report ready for the meeting."


@pytest.fixture
def view(qtbot):
    # Not shown: the offscreen platform warns on every shown top-level with a
    # layout ("does not support propagateSizeHints"), and Qt warnings fail tests.
    widget = ReviewView()
    qtbot.addWidget(widget)
    return widget


def by_id(parent, cls, object_name):
    widget = parent.findChild(cls, object_name)
    assert widget is not None, f"no {cls.__name__} {object_name!r}"
    return widget


def review(view, original=ORIGINAL, suggestion=SUGGESTION, pieces=3):
    start_review(view, original)
    step = max(1, len(suggestion) // pieces)
    for i in range(0, len(suggestion), step):
        stream(view, suggestion[i : i + step])
    finish(view)


def test_controls_have_accessible_names(view):
    # The widget names its own controls: the names assistive technology knows.
    for object_name, name in (
        ("acceptAllButton", "Accept"),
        ("acceptTickedButton", "Accept the ticked changes"),
        ("discardButton", "Discard"),
        ("regenerateButton", "Regenerate"),
        ("rerunButton", "Run again on the current text"),
    ):
        assert by_id(view, QPushButton, object_name).accessibleName() == name
    for object_name, name in (
        ("previousVersionButton", "Previous version"),
        ("nextVersionButton", "Next version"),
    ):
        assert by_id(view, QToolButton, object_name).accessibleName() == name
    assert by_id(view, QListView, "changeList").accessibleName() == "Changes"
    assert by_id(view, QTextBrowser, "diffView").accessibleName() == "Suggestion"
    assert view.accept_all_button.accessibleDescription()
    assert view.discard_button.accessibleDescription()


def test_diff_is_marked_visually_and_in_words(view):
    review(view)
    assert listed(view) == [
        "Replaced “has teh” with “have the”",
        "Replaced “our” with “the”",
    ]
    page = view.diff_view.toHtml()
    assert "line-through" in page and "underline" in page
    description = view.diff_view.accessibleDescription()
    assert description.startswith("2 changes, 2 ticked.")
    assert "Replaced “our” with “the”." in description


def test_accept_all(qtbot, view):
    review(view)
    with qtbot.waitSignal(view.sig_accept) as signal:
        qtbot.mouseClick(view.accept_all_button, Qt.MouseButton.LeftButton)
    assert signal.args == [SUGGESTION]


def test_reject_one_change_by_keyboard_gives_the_exact_text(qtbot, view):
    review(view)
    view.change_list.setFocus()
    view.change_list.setCurrentIndex(view.change_model.index(1))
    qtbot.keyClick(view.change_list, Qt.Key.Key_Space)  # untick "our" -> "the"
    assert view.session.ticked() == {0}
    assert view.session.ticked_text() == "I have the report ready for our meeting."
    assert view.summary.text() == "1 of 2 changes ticked"
    with qtbot.waitSignal(view.sig_accept) as signal:
        view.accept_selected_button.click()
    assert signal.args == ["I have the report ready for our meeting."]


def test_nothing_ticked_cannot_be_accepted(view):
    review(view)
    for i in range(2):
        untick(view, i)
    assert view.session.ticked_text() == ORIGINAL
    assert not view.accept_selected_button.isEnabled()
    assert view.accept_all_button.isEnabled()


def test_streaming_blocks_accepting_and_browsing(qtbot, view):
    start_review(view, ORIGINAL)
    stream(view, "I have")
    assert view.session.streaming
    assert not view.accept_all_button.isEnabled()
    assert not view.regenerate_button.isEnabled()
    # A busy machine makes a redraw costly, and a costly redraw waits (never the text).
    qtbot.waitUntil(lambda: view.summary.text().startswith("Writing…"))
    model = view.change_model
    assert not (model.flags(model.index(0)) & Qt.ItemFlag.ItemIsUserCheckable)
    finish(view)
    assert view.accept_all_button.isEnabled()


def test_versions_stay_browsable_with_their_own_choices(qtbot, view):
    review(view)
    untick(view, 1)
    with qtbot.waitSignal(view.sig_regenerate):
        view.regenerate_button.click()
    new_version(view)
    stream(view, "I have the report for our meeting.")
    finish(view)
    assert view.version_label.text() == "Version 2 of 2"
    assert view.session.ticked_text() == "I have the report for our meeting."
    assert view.previous_button.isEnabled() and not view.next_button.isEnabled()
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.version_label.text() == "Version 1 of 2"
    assert view.current_text() == SUGGESTION
    assert view.session.ticked_text() == "I have the report ready for our meeting."  # choice kept
    view.next_version()
    assert view.current_version() == 1


def test_discard(qtbot, view):
    review(view)
    with qtbot.waitSignal(view.sig_discard):
        view.discard_button.click()


def test_stale_notice_offers_to_run_again(qtbot, view):
    review(view)
    view.show_stale_notice()
    assert not view.notice.isHidden() and not view.rerun_button.isHidden()
    assert "Nothing was changed" in view.notice.text()
    with qtbot.waitSignal(view.sig_regenerate):
        view.rerun_button.click()


def _editor(qtbot, text=BODY):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)  # the starting text; undo history begins after this
    editor.document().clearUndoRedoStacks()
    return editor


def test_accept_on_a_selection_edits_only_the_selection_and_is_one_undo_step(qtbot, view):
    editor = _editor(qtbot)
    target = Target.selection(editor.toPlainText(), *SEL)
    review(view, target.original)
    untick(view, 0)  # keep "has teh", take "our" -> "the"
    assert apply_to_editor(editor, target, view.session.ticked_text())
    assert (
        editor.toPlainText()
        == "Hello Anna,\n\nI has teh report ready for the meeting.\n\nBest,\nTom"
    )
    # One undo brings the whole original back, and nothing more is left to undo.
    # (availableUndoSteps() counts the raw commands inside an edit block.)
    editor.undo()
    assert editor.toPlainText() == BODY
    assert not editor.document().isUndoAvailable()


def test_accept_after_an_edit_elsewhere_still_applies(qtbot, view):
    editor = _editor(qtbot)
    target = Target.selection(editor.toPlainText(), *SEL)
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("😀 ")  # two UTF-16 units: Qt and Python positions differ from here on
    assert apply_to_editor(editor, target, SUGGESTION)
    assert editor.toPlainText() == "😀 " + BODY.replace(ORIGINAL, SUGGESTION)


def test_stale_guard_refuses_to_overwrite_edited_text(qtbot, view):
    editor = _editor(qtbot)
    target = Target.selection(editor.toPlainText(), *SEL)
    cursor = editor.textCursor()
    cursor.setPosition(SEL[0] + 2)
    cursor.insertText("really ")  # the user edits inside the selection meanwhile
    edited = editor.toPlainText()
    assert not apply_to_editor(editor, target, SUGGESTION)
    assert editor.toPlainText() == edited  # nothing lost, nothing overwritten


def test_reply_suggestion_leaves_the_quote_untouched(qtbot):
    body = "On Mon, Anna <anna@example.org> wrote:\n> Can we meet on Tuesday?\n"
    editor = _editor(qtbot, body)
    target = target_for(Action.REPLY, body)
    text = prepare_suggestion(target, "Yes, Tuesday works.\n")
    assert apply_to_editor(editor, target, text)
    assert editor.toPlainText() == "Yes, Tuesday works.\n\n" + body


# -- with the real model ------------------------------------------------------------


TASK_WORDS = {
    Action.DRAFT: "Write the email. What it should say:",
    Action.REPLY: "Write my reply to Anna Smith.",
    Action.PROOFREAD: "Correct the spelling",
    Action.SHORTEN: "shorter",
    Action.EXPAND: "longer and more complete",
    Action.FORMAL: "more formal",
    Action.FRIENDLY: "friendlier",
    Action.CUSTOM: "as follows: add a greeting",
}
REPLY_BODY = "Sure.\n\nOn Mon, Anna Smith <anna@example.org> wrote:\n> Can we meet on Tuesday?\n"


@pytest.mark.slow
@pytest.mark.parametrize("action", list(Action))
def test_each_action_streams_real_tokens_into_the_review(view, engine, action):
    body = REPLY_BODY if action is Action.REPLY else BODY
    selected = action.rewrites and action is not Action.CUSTOM  # CUSTOM runs on the whole body
    target = target_for(action, body, *(SEL if selected else (0, 0)))
    request = build_request(
        action,
        target.original,
        instruction="add a greeting"
        if action is Action.CUSTOM
        else "thank Anna"
        if action is Action.DRAFT
        else None,
        context=EmailContext(body=body, subject="Report"),
        max_tokens=6,
    )
    prompt = engine.render_prompt(request)
    assert TASK_WORDS[action] in prompt
    if selected:
        assert "The part to work on:\n<<<\n" + ORIGINAL + "\n>>>" in prompt
    start_review(view, target.original, follows_original=action.rewrites)
    pieces = []
    for piece in engine.stream(request, threading.Event()):
        pieces.append(piece)
        stream(view, piece)
    finish(view)
    stats = engine.last_stats
    assert 0 < stats.generated_tokens <= 6
    assert view.current_text() == "".join(pieces)
    # The review's changes rebuild exactly what the model wrote (a changed
    # fact starts unticked, so only every change together is sure to).
    assert view.session.all_changes_text() == view.current_text()
    assert view.change_model.rowCount() == len(view.session.changes())


def test_proofreading_lists_each_correction_with_its_reason(qtbot, view):
    start_review(
        view, "je suis alle a paris", "Je suis allé à Paris", proofreading=True, language="fr"
    )
    finish(view)
    assert listed(view) == [
        "Majuscules : « Je » au lieu de « je ».",
        "Orthographe : « alle » semble mal tapé ; on écrit « allé ».",
        "Grammaire : « à » au lieu de « a ».",
        "Majuscules : « Paris » au lieu de « paris ».",
    ]
    untick(view, 2)
    assert view.session.ticked_text() == "Je suis allé a Paris"


@pytest.mark.parametrize("cost", [1.0, 0.003])  # a very long email; a short one on a slow CPU
def test_costly_redraws_are_spaced_out_while_streaming(qtbot, view, cost):
    """Redrawing takes a small share of the time while tokens stream in: every
    moment the GUI thread draws, it takes a core from llama.cpp's threads."""
    start_review(view, ORIGINAL)
    stream(view, "I have")
    assert view.change_model.rowCount() == 1
    view._refresh_cost = cost  # as measured
    stream(view, " the report ready for the meeting.")
    assert view.current_text() == SUGGESTION  # the text is never behind
    assert view.change_model.rowCount() == 1  # the drawing waits for the timer
    qtbot.waitUntil(lambda: view.change_model.rowCount() == 2, timeout=2000)
    finish(view)
    assert view.session.ticked_text() == SUGGESTION


def test_cheap_redraws_follow_every_token_batch(view):
    start_review(view, ORIGINAL)
    stream(view, "I have")
    view._refresh_cost = 0.001
    stream(view, " the report ready for the meeting.")
    assert view.change_model.rowCount() == 2  # drawn at once
